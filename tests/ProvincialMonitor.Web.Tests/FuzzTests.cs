using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts;
using Xunit.Abstractions;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// Every action route gets random bodies that are malformed or invalid by construction (a field of the wrong
/// type, an unknown field, three decimals in an amount, a control character, a number out of range, deep
/// nesting, cut-off or non-UTF-8 JSON, another content type, a body over the limit). None may answer 5xx,
/// none may be accepted, and nothing may be stored.
/// </summary>
public sealed class FuzzTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private const int MutationsPerRoute = 24;

    // The campaign runs around today (the product's clock): every fact dated today falls in its period.
    private static readonly DateOnly Today = MonitorClock.System.Today;

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Period => $$"""
        "periodStart":"{{Day(-10)}}","periodEnd":"{{Day(20)}}","effectiveDate":"{{Day(-11)}}"
        """;

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

    [Fact]
    public async Task Malformed_and_invalid_bodies_on_every_action_route_never_give_a_5xx_and_never_store_anything()
    {
        await PrepareCampaignAsync();
        var routes = ActionRoutes.Valid.Select(row => ((string)row[0], (string)row[1])).Concat(CampaignRoutes()).ToList();
        var random = new Random(20261128);
        var before = await api.Silo.CountEventsAsync();
        var tried = 0;

        foreach (var (template, validBody) in routes)
        {
            var route = api.Fill(template);
            for (var i = 0; i < MutationsPerRoute; i++)
            {
                var (body, contentType, what) = Mutate(api.Fill(validBody), random);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(route, UriKind.Relative))
                {
                    Content = contentType.Contains("latin1-bytes", StringComparison.Ordinal)
                        ? new ByteArrayContent([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { { "Content-Type", "application/json" } } }
                        : new StringContent(body, Encoding.UTF8, contentType),
                };
                using var response = await api.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                tried++;
                Assert.True(status is >= 400 and < 500, $"{route} with {what}: {status} {await response.Content.ReadAsStringAsync()}\n{(body.Length > 300 ? body[..300] + "…" : body)}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(before, await api.Silo.CountEventsAsync());
        output.WriteLine($"{tried} malformed or invalid requests on {routes.Count} routes: every one refused with a 4xx, nothing stored.");
    }
}
