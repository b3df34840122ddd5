using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Client;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Simulation;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// The silo binary's verbs besides serving (docs/cli.md). They talk to a running silo over
/// HTTP (<c>--url</c>, default http://localhost:5080; <c>--api-key</c>, default environment variable
/// PROVMON_API_KEY), because only the silo writes to the store.
/// </summary>
public static class CliVerbs
{
    /// <summary>Runs a verb as typed (the tests call this); without a verb it is a usage error: only the binary serves.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) => CommandTree.RunAsync(args, null, cancellationToken);

    /// <summary>A verb as <see cref="CommandTree"/> parsed it: the words after the verb, its options and its flags.</summary>
    internal static async Task<int> RunVerbAsync(string verb, CliOptions options, ISet<string> flags, CancellationToken cancellationToken)
    {
        if (StoreCommands.Handles(verb, options)) return await StoreCommands.RunAsync(verb, options, cancellationToken);
        var apiKey = options.Get("api-key") ?? Environment.GetEnvironmentVariable("PROVMON_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            await Console.Error.WriteLineAsync("No API key: give --api-key or set PROVMON_API_KEY (an admin key, e.g. the one of Auth:BootstrapApiKey).");
            return 2;
        }
        // Every verb talks to the silo through the product's client: the API key, one idempotency key per request, and
        // retries of 429 and 5xx that wait as Retry-After says (each told on standard error).
        using var client = ProvincialMonitorClient.Create(new ProvincialMonitorClientOptions
        {
            BaseAddress = new Uri(options.Get("url") ?? "http://localhost:5080"),
            ApiKey = apiKey,
            AttemptTimeout = TimeSpan.FromMinutes(2),
            TotalTimeout = TimeSpan.FromMinutes(15),
            OnRetry = message => Console.Error.WriteLine(message),
        });
        var http = client.Http;
        try
        {
            if (verb == "rebuild-projections") return await RebuildAsync(http);
            if (verb == "simulate") return await SimulateAsync(client, options, cancellationToken);
            if (verb == "verify") return await VerifyCommand.RunAsync(http, options, cancellationToken);
            if (verb == "export") return await ExportCommand.RunAsync(http, options, cancellationToken);
            if (verb == "import") return await ImportCommand.RunAsync(http, options, flags, cancellationToken);
            return (verb, options.Positional[0]) switch
            {
                ("user", "add") => await UserAddAsync(http, options),
                ("user", "list") => await ListAsync(http, "/api/admin/users", Users),
                ("user", "disable" or "enable" or "erase-name") => await PostAsync(http, $"/api/admin/users/{Arg(options, 1)}/{options.Positional[0]}", null),
                ("user", "set-password") => await PostAsync(http, $"/api/admin/users/{Arg(options, 1)}/password", new { password = Password(options) }),
                ("user", "set-role") => await PostAsync(http, $"/api/admin/users/{Arg(options, 1)}/role", Scope(options)),
                ("apikey", "create") => await ApiKeyCreateAsync(http, options),
                ("apikey", "list") => await ListAsync(http, "/api/admin/apikeys", Keys),
                ("apikey", "revoke") => await PostAsync(http, $"/api/admin/apikeys/{Arg(options, 1)}/revoke", null),
                _ => Usage($"unknown: {verb} {options.Positional[0]}"),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            await Console.Error.WriteLineAsync($"Cannot reach the silo at {client.BaseAddress}: {ex.Message}");
            return 1;
        }
        catch (ArgumentException ex)
        {
            return Usage(ex.Message);
        }
    }

    private static async Task<int> UserAddAsync(HttpClient http, CliOptions options)
    {
        var scope = Scope(options);
        var body = new { login = Arg(options, 1), displayName = options.Get("name"), password = Password(options), scope.role, scope.provinces, scope.campaigns };
        var response = await http.PostAsJsonAsync("/api/admin/users", body);
        if (!response.IsSuccessStatusCode) return await FailAsync(response);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Console.WriteLine($"User {body.login} added as {body.role} (actor id {user.GetProperty("actorId").GetString()}).");
        return 0;
    }

    private static async Task<int> ApiKeyCreateAsync(HttpClient http, CliOptions options)
    {
        var scope = Scope(options);
        var response = await http.PostAsJsonAsync("/api/admin/apikeys", new { scope.role, scope.provinces, scope.campaigns, label = options.Get("label") });
        if (!response.IsSuccessStatusCode) return await FailAsync(response);
        var key = await response.Content.ReadFromJsonAsync<JsonElement>();
        Console.WriteLine($"API key {key.GetProperty("keyId").GetString()} ({scope.role}). It is shown once; only its SHA-256 is stored:");
        Console.WriteLine(key.GetProperty("key").GetString());
        return 0;
    }

    /// <summary>Starts the rebuild and shows its progress until the read models have caught up with the log.</summary>
    private static async Task<int> RebuildAsync(HttpClient http)
    {
        var started = await http.PostAsync(new Uri("/api/admin/projections/rebuild", UriKind.Relative), null);
        if (!started.IsSuccessStatusCode) return await FailAsync(started);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var response = await http.GetAsync(new Uri("/api/admin/projections", UriKind.Relative));
            if (!response.IsSuccessStatusCode) return await FailAsync(response);
            var statuses = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
            var done = true;
            foreach (var status in statuses)
            {
                var (checkpoint, head) = (status.GetProperty("checkpoint").GetInt64(), status.GetProperty("head").GetInt64());
                var percent = head == 0 ? 100 : checkpoint * 100 / head;
                Console.WriteLine($"{status.GetProperty("name").GetString()}: {checkpoint:N0} of {head:N0} events ({percent} %), {watch.Elapsed.TotalSeconds:0.0} s");
                done &= checkpoint >= head;
            }
            if (done) return 0;
        }
    }

    /// <summary>
    /// <c>simulate maand-van-de-markt</c>: plays an April against the API (source <c>simulator</c>); Ctrl+C stops it
    /// after the requests in flight and exits with 130.
    /// </summary>
    private static async Task<int> SimulateAsync(ProvincialMonitorClient client, CliOptions options, CancellationToken cancellationToken)
    {
        if (options.Positional[0] != "maand-van-de-markt") throw new ArgumentException($"unknown simulation: {options.Positional[0]}");
        var brusselsToday = MonitorClock.System.Today;
        var settings = SimulationSettings.April(Number(options, "year") ?? brusselsToday.Year, Number(options, "seed") ?? 1) with
        {
            Days = Number(options, "days", min: 1),
            MarketsPerProvince = Number(options, "markets-per-province", min: 1),
        };
        var speed = options.Get("speed") is { } s
            ? double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v
                : throw new ArgumentException("--speed must be a positive number (simulated seconds per real second)")
            : 3600;
        var simulatorOptions = new SimulatorOptions { Speed = speed, Parallelism = Number(options, "parallel", min: 1) ?? 8 };
        client.Http.DefaultRequestHeaders.Add(RequestSources.Header, Sources.Simulator);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (stop.IsCancellationRequested) return; // a second Ctrl+C ends the process at once
            e.Cancel = true;
            Console.Error.WriteLine("Stopping after the requests in flight (Ctrl+C again to quit at once)...");
            stop.Cancel();
        }
        Console.CancelKeyPress += OnCancel;
        try
        {
            var plan = MarketMonthPlan.Create(settings);
            var simulator = new MarketMonthSimulator(client, Console.WriteLine, Console.Error.WriteLine, simulatorOptions);
            var result = await simulator.RunAsync(plan, stop.Token);
            return result.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private static int? Number(CliOptions options, string name, int min = int.MinValue) =>
        options.Get(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min ? n
        : throw new ArgumentException($"--{name} must be a whole number{(min > int.MinValue ? $" of at least {min}" : "")}");

    private static async Task<int> PostAsync(HttpClient http, string path, object? body)
    {
        var response = body is null ? await http.PostAsync(path, null) : await http.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode) return await FailAsync(response);
        Console.WriteLine("Done.");
        return 0;
    }

    private static async Task<int> ListAsync(HttpClient http, string path, Func<JsonElement, string> line)
    {
        var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (!response.IsSuccessStatusCode) return await FailAsync(response);
        foreach (var item in (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()) Console.WriteLine(line(item));
        return 0;
    }

    private static string Users(JsonElement u) =>
        $"{Text(u, "login") ?? "(name erased)",-28} {Text(u, "role"),-12} {ScopeText(u),-30} {(u.GetProperty("disabled").GetBoolean() ? "disabled" : "active"),-9} {Text(u, "actorId")}";

    private static string Keys(JsonElement k) =>
        $"{Text(k, "keyId"),-24} {Text(k, "role"),-12} {ScopeText(k),-30} {(k.GetProperty("revoked").GetBoolean() ? "revoked" : "active"),-8} {Text(k, "label")}";

    private static string ScopeText(JsonElement e) =>
        string.Join(",", e.GetProperty("provinces").EnumerateArray().Concat(e.GetProperty("campaigns").EnumerateArray()).Select(x => x.GetString()));

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static async Task<int> FailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            await Console.Error.WriteLineAsync($"Refused ({(int)response.StatusCode}): {Text(problem, "detail") ?? Text(problem, "title")}");
        }
        catch (JsonException)
        {
            await Console.Error.WriteLineAsync($"Refused ({(int)response.StatusCode}): {text}");
        }
        return 1;
    }

    private static string Arg(CliOptions options, int index) =>
        options.Positional.Count > index ? Uri.EscapeDataString(options.Positional[index]) : throw new ArgumentException("a login or key id is missing");

    /// <summary>--role and --scope (provinces for an officer, campaigns for a coordinator).</summary>
    private static (string? role, string[] provinces, string[] campaigns) Scope(CliOptions options)
    {
        var role = options.Get("role") ?? throw new ArgumentException("--role is required");
        var scope = (options.Get("scope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (role, role == Roles.Officer ? scope : [], role == Roles.Coordinator ? scope : []);
    }

    /// <summary>--password, else a line from standard input when it is redirected, else a prompt without echo.</summary>
    private static string Password(CliOptions options)
    {
        if (options.Get("password") is { } given) return given;
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        Console.Write("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }

    /// <summary>A usage error found by a verb itself (the parser finds the others): the message on standard error, exit 2.</summary>
    internal static int Usage(string? error)
    {
        if (error is not null) Console.Error.WriteLine($"error: {error}");
        Console.Error.WriteLine("usage: see ProvincialMonitor.Silo --help, and VERB --help for a verb's options");
        return CommandTree.UsageError;
    }
}

/// <summary>The words after the verb and its <c>--name value</c> options, as <see cref="CommandTree"/> parsed them.</summary>
public sealed record CliOptions(List<string> Positional, Dictionary<string, string> Named)
{
    public string? Get(string name) => Named.GetValueOrDefault(name);

    /// <summary>Every value of an option given several times (<see cref="Get"/> gives the last), commas splitting values too.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        [.. Pairs.Where(p => p.Key == name).SelectMany(p => p.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>The named options in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; init; } = [];
}
