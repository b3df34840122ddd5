using Microsoft.Extensions.Configuration;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// The host settings given without a verb, as .NET's command-line configuration reads them: <c>--Key=value</c>, or
/// <c>--Section:Key value</c>; a top-level key as <c>--Key value</c> only when the host knows it (its own keys and
/// those of appsettings.json), so that a mistyped option is a usage error rather than a setting nobody reads.
/// </summary>
public static class HostArguments
{
    private static readonly string[] HostKeys = ["environment", "contentRoot", "applicationName", "urls", "http_ports", "https_ports", "hostBuilder:reloadConfigOnChange"];

    /// <summary>What is wrong with the tokens the command tree did not take, or null when each is a setting.</summary>
    public static string? Problem(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) && !token.StartsWith('/'))
                return $"unknown verb or argument '{token}' (the verbs are listed by --help)";
            var name = token.TrimStart('-', '/');
            if (name.Contains('=', StringComparison.Ordinal)) continue;
            if (!name.Contains(':', StringComparison.Ordinal) && !Known(name))
                return $"unknown option '{token}' (a host setting is --Section:Key value or --Key=value)";
            if (i + 1 >= tokens.Count) return $"the setting {token} needs a value";
            i++;
        }
        return null;
    }

    private static bool Known(string name) =>
        HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase) || AppSettingsKeys.Value.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<string[]> AppSettingsKeys = new(() =>
    [
        .. new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).Build()
            .GetChildren().Select(c => c.Key),
    ]);
}
