using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// The binary's command line (docs/cli.md), declared once on System.CommandLine: every verb, its arguments and
/// options, their help and their completions. Without a verb the binary serves (<c>serve</c> is called with the
/// arguments as given, host settings included). Exit codes: 0 done, 1 failed, 2 a usage error; errors go to
/// standard error. <c>--help</c> and <c>--version</c> print and return before anything is started or written.
/// </summary>
public static class CommandTree
{
    public const int UsageError = 2;

    /// <summary>Starts the monitor with these arguments (host settings) and returns its exit code.</summary>
    public delegate Task<int> Serve(string[] args, CancellationToken cancellationToken);

    /// <summary>Response files are off: an argument starting with <c>@</c> (a password, a label) is taken as it is.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static ParseResult Parse(string[] args, Serve? serve = null) =>
        Build(serve is null ? null : cancellationToken => serve(args, cancellationToken)).Parse(args, Parsing);

    public static async Task<int> RunAsync(string[] args, Serve? serve, CancellationToken cancellationToken = default)
    {
        var result = Parse(args, serve);
        // Only the root takes tokens it does not know (host settings); a verb refuses them.
        var unknown = result.CommandResult.Command is RootCommand ? [] : result.UnmatchedTokens;
        if (result.Action is ParseErrorAction || unknown.Count > 0)
        {
            foreach (var error in result.Errors.Select(e => e.Message).Concat(unknown.Select(t => $"unknown option or argument '{t}'")).Distinct())
                await Console.Error.WriteLineAsync($"error: {error}");
            await Console.Error.WriteLineAsync($"usage: see {HelpCommandOf(result)}");
            return UsageError;
        }
        // The host handles Ctrl+C and SIGTERM itself (a graceful stop), and so does simulate: no handler of the parser's.
        // Exceptions are not turned into exit codes here: the test host stops the serving entry point with one.
        var invocation = new InvocationConfiguration
        {
            Output = Console.Out, Error = Console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        return await result.InvokeAsync(invocation, cancellationToken);
    }

    private static string HelpCommandOf(ParseResult result)
    {
        var path = new List<string>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult c; r = c.Parent)
            if (c.Command is not RootCommand) path.Insert(0, c.Command.Name);
        return string.Join(' ', ["ProvincialMonitor.Silo", .. path, "--help"]);
    }

    /// <summary>The tree; <paramref name="start"/> starts the monitor (null: the binary's verbs only, as the tests run them).</summary>
    public static RootCommand Build(Func<CancellationToken, Task<int>>? start)
    {
        var root = new RootCommand("""
            ProvincialMonitor: without a verb, starts the monitor (the silo, the HTTP API and the dashboard). Host settings
            are given as --Section:Key value or --Key=value (for example --Orleans:SiloPort 11111, --Store=Postgres), or as
            environment variables Section__Key (docs/configuration.md). The verbs talk to a running silo over HTTP, or open
            a store directly (verify --data, store-head, backup-sqlite).
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(new Option<string>("--data") { Description = "The data folder (SQLite store, anchors); the setting DataDirectory.", HelpName = "DIR" });
        root.Options.Add(new Option<string>("--urls") { Description = "Where the HTTP API and the dashboard listen (default http://localhost:5080).", HelpName = "URLS" });
        root.Options.Add(new Option<bool>("--demo") { Description = "Plays the demo simulation in the background (Demo:Simulate=true)." });
        root.Options.Add(new Option<bool>("--no-demo-data") { Description = "Starts without the demo data (Demo:Data=false)." });
        root.SetAction(async (result, cancellationToken) =>
        {
            if (HostArguments.Problem(result.UnmatchedTokens) is { } problem)
            {
                await Console.Error.WriteLineAsync($"error: {problem}\nusage: see ProvincialMonitor.Silo --help");
                return UsageError;
            }
            return start is null ? CliVerbs.Usage("give a verb") : await start(cancellationToken);
        });

        root.Subcommands.Add(VerbCommands.User());
        root.Subcommands.Add(VerbCommands.ApiKey());
        root.Subcommands.Add(Verb("rebuild-projections", "Folds the whole log again beside the serving projections, with progress.", Http()));
        root.Subcommands.Add(VerbCommands.Simulate());
        root.Subcommands.Add(VerbCommands.Verify());
        root.Subcommands.Add(Export());
        root.Subcommands.Add(VerbCommands.Import());
        root.Subcommands.Add(Verb("store-head", "Prints \"head POSITION HASH\" of a store (no silo, no API key).", [.. VerbCommands.Store()]));
        root.Subcommands.Add(Verb("backup-sqlite", "SQLite's online backup of DIR/events.db into FILE, safe while a silo runs.",
            Text("--data", "The data folder of the store.", "DIR", required: true), Text("--out", "The file to write (never overwritten).", "FILE", required: true)));
        return root;
    }

    /// <summary><c>export</c>: its options are the export's query parameters, as the API declares them (<see cref="AuditExport.Described"/>).</summary>
    private static Command Export()
    {
        Option[] query = [.. AuditExport.Described.Parameters.Select(p =>
        {
            Option option = p.Repeatable
                ? new Option<string[]>("--" + p.Name) { Description = p.Description, HelpName = "VALUE", AllowMultipleArgumentsPerToken = false }
                : new Option<string>("--" + p.Name) { Description = p.Description + (p.Default is { } d ? $" (default {d})" : ""), HelpName = "VALUE" };
            if (p.Values is { } values) option.CompletionSources.Add([.. values]);
            return option;
        })];
        return Verb("export", "Writes the decision log, a history or an as-of state to a file, with the chain head it was made at (docs/audit.md).",
            [Text("--out", "The file to write.", "FILE"), .. query, .. Http()]);
    }

    /// <summary>A leaf verb: its action hands the words and options given to <see cref="CliVerbs.RunVerbAsync"/>.</summary>
    internal static Command Verb(string name, string description, params Symbol[] children)
    {
        var command = new Command(name, description);
        foreach (var child in children)
        {
            if (child is Option option) command.Options.Add(option);
            else if (child is Argument argument) command.Arguments.Add(argument);
            else if (child is Command sub) command.Subcommands.Add(sub);
        }
        if (command.Subcommands.Count == 0) command.SetAction((result, cancellationToken) => InvokeVerbAsync(result, cancellationToken));
        return command;
    }

    internal static Option<string> Text(string name, string description, string helpName, bool required = false, IEnumerable<string>? values = null)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName, Required = required };
        if (values is not null) option.CompletionSources.Add([.. values]);
        return option;
    }

    internal static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    internal static Option<string[]> Repeated(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = false };

    /// <summary>The options of every verb that asks a silo over HTTP.</summary>
    internal static Option[] Http() =>
    [
        Text("--url", "The silo's address (default http://localhost:5080).", "URL"),
        Text("--api-key", "An API key (default: the environment variable PROVMON_API_KEY); an admin key for the admin verbs.", "KEY"),
    ];

    internal static Option<string> Role(bool required) =>
        Text("--role", $"The role: {string.Join(", ", SecurityIds.Roles)}.", "ROLE", required, SecurityIds.Roles);

    /// <summary>
    /// The verb's words and options as the verbs read them: the words after the verb (sub-verb, then arguments), the
    /// options with values by name (in the order given), the flags by their name.
    /// </summary>
    private static Task<int> InvokeVerbAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var path = new List<CommandResult>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult c && c.Command is not RootCommand; r = c.Parent) path.Insert(0, c);
        var positional = path.Skip(1).Select(c => c.Command.Name).ToList();
        positional.AddRange(result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value));
        var given = path.SelectMany(c => c.Children.OfType<OptionResult>()).Where(o => !o.Implicit)
            .OrderBy(o => o.IdentifierToken is { } t ? IndexOf(result, t) : int.MaxValue).ToList();
        // A flag is a bool option (--partial, or --partial true); every other option has values.
        var flags = given.Where(o => o.Option.ValueType == typeof(bool) && o.GetValueOrDefault<bool>()).Select(o => o.Option.Name).ToHashSet(StringComparer.Ordinal);
        var pairs = given.Where(o => o.Option.ValueType != typeof(bool))
            .SelectMany(o => o.Tokens.Select(t => new KeyValuePair<string, string>(o.Option.Name[2..], t.Value))).ToList();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs) named[name] = value;
        return CliVerbs.RunVerbAsync(path[0].Command.Name, new CliOptions(positional, named) { Pairs = pairs }, flags, cancellationToken);
    }

    private static int IndexOf(ParseResult result, Token token)
    {
        for (var i = 0; i < result.Tokens.Count; i++) if (ReferenceEquals(result.Tokens[i], token)) return i;
        return int.MaxValue;
    }
}
