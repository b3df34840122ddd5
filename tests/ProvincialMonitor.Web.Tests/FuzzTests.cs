using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts;
using Xunit.Abstractions;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// Hostile requests on every route the silo maps, read from its endpoint data source (a route added later is fuzzed
/// too): bodies malformed or invalid by construction (a field of the wrong type, an unknown field, three decimals in
/// an amount, a control character, a number out of range, deep nesting, cut-off or non-UTF-8 JSON, another content
/// type, a body over the limit), path values and query strings of every kind, another verb, with and without
/// credentials. None may answer 5xx, every error is a problem document, a body invalid by construction is refused,
/// and a refused request leaves the log's head where it was. PROVMON_FUZZ_SEED and PROVMON_FUZZ_COUNT set the seed
/// (default: a new one, printed and named in every failure) and the number of requests (default 2,000).
/// </summary>
public sealed class FuzzTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    public const int DefaultCount = 2_000;

    // The campaign runs around today (the product's clock): every fact dated today falls in its period.
    private static readonly DateOnly Today = MonitorClock.System.Today;

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Period => $$"""
        "periodStart":"{{Day(-10)}}","periodEnd":"{{Day(20)}}","effectiveDate":"{{Day(-11)}}"
        """;

    /// <summary>The campaign routes with a valid body each (the fixture's campaign is <c>fuzz-markt</c>, its market <c>as-1</c>).</summary>
    private static IEnumerable<(string Route, string Body)> CampaignRoutes() =>
    [
        ("/api/campaigns", $$"""{"slug":"fuzz-markt-2","name":"Fuzz",{{Period}},"provinces":["limburg"],"targets":[]}"""),
        ("/api/campaigns/fuzz-markt/municipalities", """{"municipality":"71002"}"""),
        ("/api/campaigns/fuzz-markt/markets", """{"marketId":"as-2","name":"Markt As","municipality":"71002","weekday":"friday","traders":12}"""),
        ("/api/campaigns/fuzz-markt/actions", """{"title":"Affiche","description":"Affiches","provinces":["limburg"]}"""),
        ("/api/campaigns/fuzz-markt/corrections", """{"eventId":"00000000-0000-0000-0000-000000000000","changes":[{"field":"traders","newValue":3}],"reason":"x"}"""),
        ("/api/campaigns/fuzz-markt/retractions", """{"eventId":"00000000-0000-0000-0000-000000000000","reason":"x"}"""),
        ("/api/campaigns/fuzz-markt/markets/as-1/days", $$"""{"date":"{{Day(-1)}}","tradersPresent":10}"""),
        ("/api/campaigns/fuzz-markt/markets/as-1/entries", $$"""{"count":5,"at":"{{MonitorClock.AtBrusselsTime(Today.AddDays(-1), new TimeOnly(9, 30)):O}}"}"""),
        ("/api/campaigns/fuzz-markt/markets/as-1/corrections", """{"eventId":"00000000-0000-0000-0000-000000000000","changes":[{"field":"count","newValue":3}],"reason":"x"}"""),
        ("/api/campaigns/fuzz-markt/markets/as-1/retractions", """{"eventId":"00000000-0000-0000-0000-000000000000","reason":"x"}"""),
    ];

    private async Task PrepareCampaignAsync()
    {
        async Task Post(string route, string body, string key)
        {
            var response = await api.Client.PostJsonAsync(route, body, ("Idempotency-Key", key));
            Assert.True(response.IsSuccessStatusCode, $"{route}: {await response.Content.ReadAsStringAsync()}");
        }
        await Post("/api/campaigns", $$"""{"slug":"fuzz-markt","name":"Fuzz",{{Period}},"provinces":["limburg"],"targets":[]}""", "fuzz-1");
        await Post("/api/campaigns/fuzz-markt/municipalities", """{"municipality":"71002"}""", "fuzz-2");
        await Post("/api/campaigns/fuzz-markt/markets", """{"marketId":"as-1","name":"Markt As","municipality":"71002","weekday":"friday","traders":12}""", "fuzz-3");
    }

    /// <summary>One body that no route may accept, derived from a valid one by a seeded random choice.</summary>
    private static (string Body, string ContentType, string What) Mutate(string validBody, Random random)
    {
        var node = validBody.Length == 0 ? new JsonObject() : JsonNode.Parse(validBody)!.AsObject();
        var fields = node.Select(p => p.Key).ToList();
        string Pick() => fields[random.Next(fields.Count)];
        string Json(JsonNode n) => n.ToJsonString();
        switch (fields.Count == 0 ? random.Next(6, 12) : random.Next(12))
        {
            case 0:
            {
                var field = Pick();
                // A string becomes a number; anything else (a number, a date, a list) becomes a word.
                node[field] = node[field] is JsonValue v && v.TryGetValue<string>(out _) ? JsonValue.Create(random.Next()) : JsonValue.Create("not-a-" + random.Next());
                return (Json(node), "application/json", $"{field} of the wrong type");
            }
            case 1:
            {
                var field = Pick();
                node[field] = new JsonObject { ["nested"] = random.Next() };
                return (Json(node), "application/json", $"{field} as an object");
            }
            case 2:
            {
                var field = Pick();
                var text = node[field] is JsonValue v && v.TryGetValue<string>(out var t) ? t : "x";
                node[field] = text + (char)random.Next(1, 8);
                return (Json(node), "application/json", $"{field} with a control character");
            }
            case 3:
            {
                var field = Pick();
                node[field] = JsonValue.Create(new string('x', 300_000));
                return (Json(node), "application/json", $"{field} of 300,000 characters");
            }
            case 4:
            {
                var field = Pick();
                return (Json(node).Replace($"\"{field}\":", $"\"{field}\":1e400,\"ignored\":", StringComparison.Ordinal), "application/json", $"{field} out of range");
            }
            case 5:
            {
                var numeric = fields.Where(f => f is "amount").ToList(); // money; measured values and outputs may have more decimals
                if (numeric.Count == 0) goto case 1;
                var field = numeric[random.Next(numeric.Count)];
                node[field] = JsonValue.Create(1.005m + random.Next(1000));
                return (Json(node), "application/json", $"{field} with three decimals");
            }
            case 6:
                node["unexpected" + random.Next(100)] = "x";
                return (Json(node), "application/json", "an unknown field");
            case 7:
                return (new string('[', 2_000) + new string(']', 2_000), "application/json", "nesting 2,000 deep");
            case 8:
            {
                var text = Json(node);
                return (text[..Math.Max(1, random.Next(text.Length))], "application/json", "cut-off JSON");
            }
            case 9:
                return ("{\"title\":\"\u00ff\u00fe\"}", "application/json; charset=latin1-bytes", "a content type that is not JSON+UTF-8");
            case 10:
                return (Json(node), "text/plain", "text/plain");
            default:
                return ("[" + Json(node) + "]", "application/json", "an array instead of an object");
        }
    }

    /// <summary>
    /// Values for a path segment or a query parameter: blanks, traversal, broken escapes, a NUL, injections, huge and
    /// odd numbers, the ends of the calendar, long text, direction overrides, emoji. Those marked raw go into the URL
    /// as they are (an escape sequence of their own); the others are escaped.
    /// </summary>
    private static readonly (string Value, bool Raw)[] HostileValues =
    [
        (" ", false), ("\t", false), ("\u00a0", false), ("", false), ("x", false), ("..", true), ("../..", true), ("%2e%2e%2f", true),
        ("%", true), ("%zz", true), ("%00", true), ("%ED%A0%80", true), ("%C0%AF", true), ("%FF", true), ("a%2Fb", true),
        ("'; DROP TABLE events; --", false), ("<script>alert(1)</script>", false), ("{{7*7}}", false), ("${jndi:ldap://x}", false),
        (new string('a', 5_000), false), ("G\u0065\u0301nk", false), ("\u202Egnp.exe", false), ("\ud83d\ude00", false),
        ("-1", false), ("0", false), ("9223372036854775808", false), ("-9223372036854775809", false), ("1e400", false), ("NaN", false),
        ("9999-12-31", false), ("0001-01-01", false), ("9999-12-31T23:59:59.9999999Z", false), ("2026-02-30", false), ("24:00", false),
        ("LIMBURG", false), ("limburg", false), ("00000000-0000-0000-0000-000000000000", false), ("null", false), ("[]", false),
        ("{}", false), ("true", false), ("CON", false), ("recorded", false), ("backwards", false), ("a/b", false), ("a\\b", false),
    ];

    /// <summary>The query names the silo reads from the request itself (the handlers' own parameters are read from the endpoints).</summary>
    private static readonly string[] QueryNames =
    [
        "asOf", "basis", "atPosition", "format", "what", "kind", "key", "direction", "limit", "stream", "streamPrefix", "type", "province",
        "domain", "cluster", "campaign", "actor", "source", "decisionRef", "recordedFrom", "recordedBefore", "effectiveFrom", "effectiveTo",
        "after", "before", "access_token", "returnUrl", "unexpected",
    ];

    /// <summary>Bodies for a route whose valid body the test does not know: none of them is one.</summary>
    private static readonly (string Body, string? ContentType)[] HostileBodies =
    [
        ("", "application/json"), ("null", "application/json"), ("[]", "application/json"), ("\"x\"", "application/json"),
        ("0", "application/json"), ("{\"a\":", "application/json"), ("{\"a\":1,\"a\":2}", "application/json"),
        ("{\"changes\":[null],\"eventId\":\"x\"}", "application/json"), (new string('[', 2_000) + new string(']', 2_000), "application/json"),
        ("{\"x\":\"" + new string('x', 300_000) + "\"}", "application/json"), ("{\"x\":\"\\ud800\"}", "application/json"),
        ("a=1&b=%00", "application/x-www-form-urlencoded"), ("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n\u0000\r\n", "multipart/form-data; boundary=x"),
        ("<a/>", "application/xml"), ("{}", "text/plain"), ("{}", null), ("{}", "application/json; charset=utf-16"),
    ];

    private sealed record Probe(HttpMethod Method, string Path, string? Body, string? ContentType, bool Latin1, bool Anonymous, bool MustRefuse, string What);

    /// <summary>One hostile request on <paramref name="route"/>: a body, a path value, a query string or a verb.</summary>
    private Probe Next(MappedRoute route, IReadOnlyDictionary<string, string> validBodies, Random random)
    {
        string Good(string name) => api.RouteValue(route, name);
        var goodPath = route.Path(Good);
        var valid = validBodies.GetValueOrDefault(goodPath.TrimEnd('/'));
        var method = new HttpMethod(route.Method);
        var anonymous = random.Next(10) == 0;
        var sendsBody = route.Method is "POST" or "PUT" or "PATCH";
        (string Value, bool Raw) Hostile() => HostileValues[random.Next(HostileValues.Length)];
        string Escape((string Value, bool Raw) v) => v.Raw ? v.Value : Uri.EscapeDataString(v.Value);

        // Of a hundred: 10 another verb, 30 a path, 30 a query string, 30 a body (a query string where the verb sends none).
        var roll = random.Next(100);
        switch (roll < 10 ? 2 : roll < 40 ? 0 : roll < 70 || !sendsBody ? 1 : 3)
        {
            case 0 when route.Parameters.Count > 0:
            {
                var name = route.Parameters[random.Next(route.Parameters.Count)];
                var hostile = Hostile();
                var path = route.Path(n => n == name ? "\u0001" : Good(n)).Replace("%01", Escape(hostile), StringComparison.Ordinal);
                return new(method, path, sendsBody ? valid ?? "{}" : null, "application/json", false, anonymous, false, $"{name} = {Show(hostile.Value)}");
            }
            case 0:
            {
                var hostile = Hostile();
                return new(method, goodPath.TrimEnd('/') + "/" + Escape(hostile), sendsBody ? valid ?? "{}" : null, "application/json", false, anonymous, false,
                    $"a segment {Show(hostile.Value)} more");
            }
            case 1:
            {
                var pairs = Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
                {
                    var names = QueryNames.Concat(route.QueryParameters).ToList();
                    var (value, raw) = Hostile();
                    return $"{Uri.EscapeDataString(names[random.Next(names.Count)])}={(raw ? value : Uri.EscapeDataString(value))}";
                });
                var query = string.Join("&", pairs);
                return new(method, $"{goodPath}?{query}", sendsBody ? valid ?? "{}" : null, "application/json", false, anonymous, false, $"?{Show(query)}");
            }
            case 2:
            {
                var other = new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options }
                    .Where(m => m.Method != route.Method).ToArray();
                var verb = other[random.Next(other.Length)];
                return new(verb, goodPath, verb == HttpMethod.Get || verb == HttpMethod.Options ? null : valid ?? "{}", "application/json", false, anonymous, false,
                    $"{verb} instead of {route.Method}");
            }
            default:
            {
                if (valid is not null)
                {
                    var (body, contentType, what) = Mutate(valid, random);
                    return new(method, goodPath, body, contentType, contentType.Contains("latin1-bytes", StringComparison.Ordinal), anonymous, true, what);
                }
                var (hostile, type) = HostileBodies[random.Next(HostileBodies.Length)];
                return new(method, goodPath, hostile, type, false, anonymous, false, $"the body {Show(hostile)} as {type ?? "no content type"}");
            }
        }
    }

    private static string Show(string text) => text.Length > 80 ? text[..80] + $"… ({text.Length} characters)" : text;

    [Fact]
    public async Task Hostile_bodies_paths_and_query_strings_on_every_route_never_give_a_5xx_and_a_refusal_never_stores_anything()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PROVMON_FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var count = int.TryParse(Environment.GetEnvironmentVariable("PROVMON_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var asked) ? asked : DefaultCount;
        output.WriteLine($"Fuzz seed {seed} (PROVMON_FUZZ_SEED={seed}), {count} requests (PROVMON_FUZZ_COUNT)");
        await PrepareCampaignAsync();

        var routes = MappedRoutes.Of(api.Silo.Services);
        // A route may have several valid rows (a retail advice with and without categories): the first is its valid body.
        var validBodies = ActionRoutes.Valid.Select(row => ((string)row[0], (string)row[1])).Concat(CampaignRoutes())
            .DistinctBy(r => api.Fill(r.Item1).TrimEnd('/'))
            .ToDictionary(r => api.Fill(r.Item1).TrimEnd('/'), r => api.Fill(r.Item2));
        var random = new Random(seed);
        var order = routes.OrderBy(_ => random.Next()).ToList();
        using var anonymousClient = api.Silo.CreateAnonymousClient();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var nulPaths = 0;
        var head = await api.Silo.CountEventsAsync();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < count && failures.Count < 20; i++)
        {
            var route = order[i % order.Count];
            var probe = Next(route, validBodies, random);
            using var request = new HttpRequestMessage(probe.Method, new Uri(probe.Path, UriKind.Relative));
            if (probe.Body is not null)
            {
                request.Content = probe.Latin1
                    ? new ByteArrayContent([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D])
                    : new StringContent(probe.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = null;
                if (probe.ContentType is not null)
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.Latin1 ? "application/json" : probe.ContentType);
            }
            HttpResponseMessage response;
            try
            {
                // Headers only until the status is known: some routes stream (the Orleans dashboard's trace) and never end.
                response = await (probe.Anonymous ? anonymousClient : api.Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // A NUL in the path is refused by the server before the pipeline (Kestrel: an empty 400; the test server: this exception).
                nulPaths++;
                continue;
            }
            using var answer = response;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var after = await api.Silo.CountEventsAsync();
            var what = $"seed {seed}, request {i}: {probe.Method} {Show(probe.Path)} ({route}, {probe.What}{(probe.Anonymous ? ", anonymous" : "")}) → {status}";

            if (status >= 500) failures.Add($"{what} {Show(await response.Content.ReadAsStringAsync())}");
            else if (status >= 400 && probe.Method != HttpMethod.Head && !await IsProblemAsync(response)) failures.Add($"{what}, not a problem document");
            else if (probe.MustRefuse && !probe.Anonymous && status < 400) failures.Add($"{what}: a body invalid by construction was accepted");
            if (status >= 400 && after != head) failures.Add($"{what}, and the log's head moved from {head} to {after}");
            head = after;
        }

        var histogram = string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"));
        output.WriteLine($"{count} requests on {routes.Count} routes in {clock.Elapsed.TotalSeconds:0.0} s: {histogram}; "
            + $"{nulPaths} with %00 in the path, which the server refuses before the pipeline, not sent");
        Assert.True(failures.Count == 0, $"Fuzz seed {seed}:\n{string.Join("\n", failures)}");
    }

    private static async Task<bool> IsProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("status", out var status) && status.GetInt32() == (int)response.StatusCode
            && problem.RootElement.TryGetProperty("type", out _);
    }
}
