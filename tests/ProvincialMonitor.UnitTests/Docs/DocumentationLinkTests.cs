using System.Text;
using System.Text.RegularExpressions;

namespace ProvincialMonitor.UnitTests.Docs;

/// <summary>
/// The README is a front door: short, and every relative link in it and in docs/ leads to a file of the repository
/// (and, for a heading named after '#', to a heading of that page, as GitHub makes its anchors).
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Pages() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).Prepend("README.md")];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_of_the_repository(string page)
    {
        var broken = BrokenLinks(Root, page, File.ReadAllText(Path.Combine(Root, page)));

        Assert.True(broken.Count == 0, $"{page}: {string.Join("; ", broken)}");
    }

    [Fact]
    public void The_README_stays_a_front_door()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var links = LinkTargets(string.Join('\n', lines)).Where(t => t.StartsWith("docs/", StringComparison.Ordinal)).ToList();

        Assert.True(lines.Length < 250, $"README.md has {lines.Length} lines");
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md"))
            Assert.Contains($"docs/{Path.GetFileName(page)}", links);
    }

    [Fact]
    public void A_missing_file_or_heading_is_found()
    {
        const string text = """
            # Title
            [ok](README.md) [ok](#title) [gone](docs/no-such-page.md) [gone](README.md#no-such-heading)
            ```
            [inside a code block](nowhere.md)
            ```
            [web](https://example.org/x.md)
            """;

        var broken = BrokenLinks(Root, "sample.md", text);

        Assert.Equal(["docs/no-such-page.md", "README.md#no-such-heading"], broken);
    }

    /// <summary>The relative links of a page, with fenced code blocks left out.</summary>
    private static IEnumerable<string> LinkTargets(string text)
    {
        var prose = FencedBlock().Replace(text, "");
        return Link().Matches(prose).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal));
    }

    private static List<string> BrokenLinks(string root, string page, string text)
    {
        var folder = Path.GetDirectoryName(Path.Combine(root, page))!;
        var broken = new List<string>();
        foreach (var target in LinkTargets(text))
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var file = path.Length == 0 ? Path.Combine(root, page) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            var inside = file.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal);
            if (path.Length > 0 && (!inside || !(File.Exists(file) || Directory.Exists(file))))
            {
                broken.Add(target);
                continue;
            }
            if (anchor is null || !(path.Length == 0 || file.EndsWith(".md", StringComparison.Ordinal))) continue;
            var pageText = path.Length == 0 ? text : File.ReadAllText(file);
            if (!Anchors(pageText).Contains(anchor)) broken.Add(target);
        }
        return broken;
    }

    /// <summary>GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces made hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(FencedBlock().Replace(text, "")))
        {
            var slug = new StringBuilder();
            foreach (var c in heading.Groups["title"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            }
            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++) anchor = $"{slug}-{n}";
        }
        return anchors;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException("no ProvincialMonitor.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
