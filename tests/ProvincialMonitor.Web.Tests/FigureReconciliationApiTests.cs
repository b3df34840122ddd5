using System.Globalization;
using System.Net;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using Xunit.Abstractions;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// On the demo data, every figure of every scope (each province, Vlaanderen, each cluster) equals the total of its
/// drill-down (<c>GET /api/indicators/explain</c>): live, as of a position and as of a date.
/// </summary>
public sealed class FigureReconciliationApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task On_the_demo_data_every_figure_of_every_scope_equals_its_drilldown_live_at_a_position_and_as_of_a_date()
    {
        await using var silo = SiloFactory.Embedded(demo: true);
        using var client = silo.CreateClient();
        var head = await silo.CountEventsAsync();
        var clusters = (await silo.Store.QueryAsync(new LogQuery { EventTypes = [EventTypes.NameOf(typeof(ClusterRegistered))], Limit = 1000 })).Events
            .Select(e => e.StreamId["cluster-".Length..]).Distinct().ToList();
        Assert.NotEmpty(clusters);
        string[] scopes = [.. ProvinceSlugs.All.Select(p => $"provinces/{p}"), "flanders", .. clusters.Select(c => $"clusters/{c}")];
        var date = MonitorClock.System.Today.AddDays(-200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var checkedFigures = 0;

        foreach (var asOf in new[] { "", $"atPosition={head}", $"asOf={date}&atPosition={head}" })
            foreach (var path in scopes)
            {
                // Clusters have no as-of view: their figures are checked live.
                if (asOf.Length > 0 && path.StartsWith("clusters/", StringComparison.Ordinal)) continue;
                var view = asOf.Length == 0
                    ? await LiveAsync(client, silo, $"/api/indicators/{path}", head)
                    : await client.GetJsonAsync($"/api/indicators/{path}?{asOf}");
                var scope = view.GetProperty("scope").GetString()!;
                foreach (var figure in view.GetProperty("measures").EnumerateObject())
                {
                    var explanation = await client.GetJsonAsync(
                        $"/api/indicators/explain?scope={Uri.EscapeDataString(scope)}&measure={Uri.EscapeDataString(figure.Name)}{(asOf.Length > 0 ? "&" + asOf : "")}");
                    var lines = explanation.GetProperty("lines").EnumerateArray().ToList();
                    var total = explanation.GetProperty("total").GetDecimal();
                    Assert.True(figure.Value.GetDecimal() == total, $"{scope} {figure.Name} ({(asOf.Length == 0 ? "live" : asOf)}): figure {figure.Value}, drill-down {total}");
                    Assert.Equal(total, lines.Where(l => !l.GetProperty("retracted").GetBoolean()).Sum(l => l.GetProperty("amount").GetDecimal()));
                    Assert.All(lines, l => Assert.NotEqual(l.GetProperty("streamId").GetString(), l.GetProperty("title").GetString()));
                    checkedFigures++;
                }
            }

        Assert.True(checkedFigures > 100, $"{checkedFigures} figures checked");

        // Antwerpen grants its own money on INT-01 (led by West-Vlaanderen); the EU's money in WUA-01 and Oost-Vlaanderen's
        // POM's in TRI-01 (both led by Antwerpen) are shown apart, and Vlaanderen counts each grant once.
        var antwerpen = (await client.GetJsonAsync("/api/indicators/provinces/antwerpen")).GetProperty("measures");
        var flanders = (await client.GetJsonAsync("/api/indicators/flanders")).GetProperty("measures");
        decimal Figure(JsonElement measures, string code) => measures.TryGetProperty(code, out var v) ? v.GetDecimal() : 0m;
        output.WriteLine($"antwerpen granted {Figure(antwerpen, "granted")} paid {Figure(antwerpen, "paid")} cofunded.granted {Figure(antwerpen, "cofunded.granted")} cofunded.paid {Figure(antwerpen, "cofunded.paid")}");
        output.WriteLine($"flanders granted {Figure(flanders, "granted")} cofunded.granted {Figure(flanders, "cofunded.granted")}");
        Assert.Equal((4_350_000m, 1_750_000m), (Figure(antwerpen, "granted"), Figure(antwerpen, "cofunded.granted")));
        Assert.Equal(300_000m, Figure(antwerpen, "granted.domain.cross-border"));
        var everyGrant = (await silo.Store.QueryAsync(new LogQuery { EventTypes = [.. EventTypes.NamesOf(typeof(SubsidyGranted))], Limit = 1000 })).Events
            .Sum(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(everyGrant, Figure(flanders, "granted") + Figure(flanders, "cofunded.granted"));
    }

    [Fact]
    public async Task An_unknown_scope_or_measure_of_a_drilldown_is_refused()
    {
        await using var silo = SiloFactory.Embedded();
        using var client = silo.CreateClient();

        var cluster = await client.GetAsync(new Uri("/api/indicators/explain?scope=cluster:no-such-cluster&measure=granted", UriKind.Relative));
        var province = await client.GetAsync(new Uri("/api/indicators/explain?scope=province:brussel&measure=granted", UriKind.Relative));
        var measure = await client.GetAsync(new Uri("/api/indicators/explain?scope=flanders&measure=no-such-measure", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, cluster.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, province.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, measure.StatusCode);
    }

    /// <summary>The live view once the projector has folded the whole log (the demo data is all in before the silo answers).</summary>
    private static async Task<JsonElement> LiveAsync(HttpClient client, SiloFactory silo, string path, long head)
    {
        var deadline = MonitorClock.System.Now.AddSeconds(30);
        while (true)
        {
            var view = await client.GetJsonAsync(path);
            if (view.GetProperty("position").GetInt64() >= head || MonitorClock.System.Now > deadline)
            {
                Assert.Equal(head, await silo.CountEventsAsync());
                return view;
            }
            await Task.Delay(100);
        }
    }
}
