using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using ProvincialMonitor.Silo.Cli;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The command line's help, version, usage errors and completion: every verb is taken from the command tree, so a verb
/// added later is tested without anyone listing it. Help starts nothing and writes nothing.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliHelpTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("provmon-help-").FullName;
    private int _served;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>Every command of the tree, as the words that name it (the root is the empty path).</summary>
    public static TheoryData<string> Commands() => new(CommandPaths());

    private static List<string> CommandPaths()
    {
        var paths = new List<string>();
        void Walk(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, (path + " " + sub.Name).Trim());
        }
        Walk(CommandTree.Build(null), "");
        return paths;
    }

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CommandTree.RunAsync(args, (_, _) =>
            {
                Interlocked.Increment(ref _served);
                return Task.FromResult(0);
            });
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void The_tree_has_every_verb_the_docs_name()
    {
        var verbs = CommandPaths();
        Assert.True(verbs.Count > 15, string.Join(", ", verbs));
        Assert.Contains("user set-role", verbs);
        Assert.Contains("import", verbs);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_prints_the_usage_and_starts_and_writes_nothing(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Where a command takes a data folder, the help is asked with one: nothing may appear in it.
        var takesData = Walk(words).Options.Any(o => o.Name == "--data");
        string[] args = [.. words, .. takesData ? new[] { "--data", _data } : [], "--help"];

        var run = await RunAsync(args);

        Assert.True(run.Exit == 0, $"{command}: {run.Exit} {run.Error}");
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        // In the tests the program is the test host: the usage line names the command after whatever program runs it.
        var usage = run.Out.Split('\n').SkipWhile(l => l != "Usage:").Skip(1).First();
        Assert.Contains($" {command} ".Replace("  ", " ", StringComparison.Ordinal), usage + " ", StringComparison.Ordinal);
        Assert.Equal("", run.Error);
        Assert.Equal(0, _served);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    private static Command Walk(string[] words)
    {
        Command command = CommandTree.Build(null);
        foreach (var word in words) command = command.Subcommands.Single(c => c.Name == word);
        return command;
    }

    [Theory]
    [InlineData("user", "list", "--bogus")]
    [InlineData("import", "file.csv", "--delimter", ";")]
    [InlineData("--bogus")]
    [InlineData("user", "fly")]
    [InlineData("apikey", "create", "--label", "x")]
    public async Task An_unknown_flag_or_a_missing_option_is_a_usage_error_on_standard_error(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(CommandTree.UsageError, run.Exit);
        Assert.Equal("", run.Out);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _served);
    }

    [Fact]
    public async Task Without_a_verb_the_host_settings_go_to_the_monitor_as_given()
    {
        string[] args = ["--data", _data, "--Orleans:SiloPort", "11111", "--Store=Postgres", "--urls", "http://127.0.0.1:5999", "--demo", "--no-demo-data", "--environment", "Production"];
        string[]? given = null;
        var exit = await CommandTree.RunAsync(args, (a, _) =>
        {
            given = a;
            return Task.FromResult(0);
        });

        Assert.Equal(0, exit);
        Assert.Equal(args, given);
    }

    [Fact]
    public async Task Completion_offers_the_sub_verbs_and_the_roles()
    {
        var subVerbs = await RunAsync("[suggest:5]", "user ");
        var roles = await RunAsync("[suggest:26]", "apikey create --role ");

        Assert.Equal(0, subVerbs.Exit);
        Assert.Contains("set-password", subVerbs.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("metrics", roles.Out.Split('\n', StringSplitOptions.TrimEntries));
    }

    /// <summary>The binary as an operator runs it: help with a port another program holds, which a start would fail on.</summary>
    [Fact]
    public async Task The_binary_prints_help_and_its_version_without_binding_a_port()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var help = await Scripts.RunSiloAsync("--data", _data, "--urls", $"http://127.0.0.1:{port}", "--help");
        var importHelp = await Scripts.RunSiloAsync("import", "--help");
        var version = await Scripts.RunSiloAsync("--version");
        var unknown = await Scripts.RunSiloAsync("--data", _data, "--bogus");

        Assert.True(help.Exit == 0, help.ToString());
        Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
        Assert.Contains("import", help.Out, StringComparison.Ordinal);
        Assert.Equal("", help.Error);
        Assert.True(importHelp.Exit == 0, importHelp.ToString());
        Assert.Contains("--dry-run", importHelp.Out, StringComparison.Ordinal);
        Assert.True(version.Exit == 0, version.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
        Assert.Equal(CommandTree.UsageError, unknown.Exit);
        Assert.Contains("--bogus", unknown.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }
}
