using System.CommandLine;
using static ProvincialMonitor.Silo.Cli.CommandTree;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>The verbs with sub-verbs or many options, for <see cref="CommandTree"/>.</summary>
internal static class VerbCommands
{
    private const string ScopeText = "Provinces for an officer, campaigns for a coordinator (comma-separated; a campaign series as prefix-*).";
    private const string PasswordText = "The password (at least 12 characters); without it, a line from standard input, or asked for without echo.";

    public static Command User()
    {
        Argument<string> Login() => new("login") { Description = "The user's login." };
        return Group("user", "Adds, lists, disables, enables users and sets their password and role (admin key).",
            Verb("add", "Adds a user.", Login(), Role(required: true), Scope(), Text("--name", "The display name.", "NAME"), Password()),
            Verb("list", "Lists the users with their role, scope and status."),
            Verb("disable", "Disables a user: their sessions end at once.", Login()),
            Verb("enable", "Enables a disabled user.", Login()),
            Verb("erase-name", "Erases a user's login and display name; the pseudonymous actor id stays in the log.", Login()),
            Verb("set-password", "Sets a user's password.", Login(), Password()),
            Verb("set-role", "Changes a user's role and scope; it applies at once.", Login(), Role(required: true), Scope()));
    }

    public static Command ApiKey() =>
        Group("apikey", "Creates, lists and revokes API keys (admin key).",
            Verb("create", "Creates a key and prints it once (only its SHA-256 is stored).", Role(required: true), Scope(), Text("--label", "What the key is for.", "TEXT")),
            Verb("list", "Lists the keys (never the keys themselves)."),
            Verb("revoke", "Revokes a key at once.", new Argument<string>("key-id") { Description = "The key's id (k-…), as apikey list shows it." }));

    public static Command Simulate()
    {
        var simulation = new Argument<string>("simulation") { Description = "The simulation to play." };
        simulation.AcceptOnlyFromAmong("maand-van-de-markt");
        return Verb("simulate", "Plays April of a year of the market month against the API (source simulator); Ctrl+C stops after the requests in flight, exit 130.",
            [simulation,
            Text("--year", "The year (default this year).", "YEAR"),
            Text("--speed", "Simulated seconds per real second (default 3600).", "S"),
            Text("--days", "The days to play (default all of April).", "N"),
            Text("--seed", "The random seed (default 1).", "N"),
            Text("--parallel", "Requests at once (default 8).", "N"),
            Text("--markets-per-province", "Markets per province (default all).", "N"),
            .. Http()]);
    }

    public static Command Verify() =>
        Verb("verify", "Checks the hash chain, against a receipt and every signed anchor: through a silo, or offline with --data or --connection (exit 0 intact, 1 broken).",
            [Text("--receipt", "A chain head POSITION:HASH, as an export or GET /api/audit/head gave it (through a silo).", "POSITION:HASH"),
            .. Anchors(),
            .. Store(),
            Text("--head", "The head a backup recorded, POSITION:HASH (offline).", "POSITION:HASH"),
            Text("--manifest", "A backup's manifest.json, whose head is checked (offline).", "FILE"),
            .. Http()]);

    public static Command Import() =>
        Verb("import", "Many actions from one CSV file or Excel workbook (docs/import.md); exit 0 when every row is stored or replayed, 1 otherwise.",
            [new Argument<string>("file") { Description = "The CSV file or .xlsx workbook." },
            Text("--delimiter", "The field separator (default: the file decides, ; unless its header has , and no ;).", ";|,", values: [";", ","]),
            Text("--decimal", "The decimal mark (default: comma after ;, point after ,).", "comma|point", values: ["comma", "point"]),
            Flag("--partial", "Stores the valid rows even when some are invalid."),
            Flag("--dry-run", "Decides every row and stores nothing."),
            Text("--report", "Writes the report of every row to FILE.csv or FILE.json.", "FILE"),
            .. Http()]);

    /// <summary>Where a verb that opens a store finds it: exactly one of the two.</summary>
    public static Option[] Store() =>
    [
        Text("--data", "The data folder of a SQLite store (no silo, no API key).", "DIR"),
        Text("--connection", "The connection string of a PostgreSQL store (no silo, no API key).", "CS"),
    ];

    private static Option[] Anchors() =>
    [
        Text("--anchors", "A folder of signed anchors (with --public-key).", "DIR"),
        Text("--public-key", "The anchors' public key, PEM.", "FILE"),
        Repeated("--witness", "A witness's folder of anchors, read like --anchors (repeat, or separate with commas).", "DIR"),
    ];

    private static Option<string> Scope() => Text("--scope", ScopeText, "a,b");

    private static Option<string> Password() => Text("--password", PasswordText, "P");

    private static Command Group(string name, string description, params Command[] verbs)
    {
        var group = new Command(name, description);
        foreach (var verb in verbs)
        {
            foreach (var option in Http()) verb.Options.Add(option);
            group.Subcommands.Add(verb);
        }
        return group;
    }
}
