using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
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
                    // A mean (days to a first payment) is no sum of events: PaymentDelayTests checks it against a log.
                    if (MeasureCatalog.Find(figure.Name) is { IsAdditive: false }) continue;
                    // A park figure (live only) is explained by its parks; BusinessParkReconciliationTests checks those lines.
                    if (figure.Name.StartsWith("parks.", StringComparison.Ordinal))
                    {
                        var byPark = await client.GetJsonAsync($"/api/business-parks/explain?scope={Uri.EscapeDataString(scope)}&measure={figure.Name}");
                        Assert.True(figure.Value.GetDecimal() == byPark.GetProperty("value").GetDecimal(), $"{scope} {figure.Name}: figure {figure.Value}, by park {byPark}");
                        continue;
                    }
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
        var grants = (await silo.Store.QueryAsync(new LogQuery { EventTypes = [.. EventTypes.NamesOf(typeof(SubsidyGranted))], Limit = 1000 })).Events
            .Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        // The demo's grants of the province or its POM name their granting province; Antwerpen's are its own money.
        var antwerpenGrants = grants.Where(g => g.GetProperty("funder").GetString() is "province" or "pom"
            && g.TryGetProperty("grantingProvince", out var by) && by.GetString() == "antwerpen").Sum(g => g.GetProperty("amount").GetDecimal());
        Assert.Equal((antwerpenGrants, 1_750_000m), (Figure(antwerpen, "granted"), Figure(antwerpen, "cofunded.granted")));
        Assert.Equal(300_000m, Figure(antwerpen, "granted.domain.cross-border"));
        var everyGrant = grants.Sum(g => g.GetProperty("amount").GetDecimal());
        Assert.Equal(everyGrant, Figure(flanders, "granted") + Figure(flanders, "cofunded.granted"));
    }

    /// <summary>
    /// A small campaign through the API (Limburg and Antwerpen), with a municipality retracted, a market's traders and an
    /// entries count corrected and entries retracted after the date asked for: every campaign figure, the whole and each
    /// province's part, equals its drill-down live; as of that date the drill-downs count the events as they were then.
    /// </summary>
    [Fact]
    public async Task A_campaign_s_figures_equal_their_drilldowns_live_and_as_of_a_date()
    {
        await using var silo = SiloFactory.Embedded();
        using var client = silo.CreateClient();
        const string slug = "recon-2026";
        var today = MonitorClock.System.Today;
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<string> Post(string path, string json)
        {
            var response = await client.PostJsonAsync(path, json);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("eventIds")[0].GetString()!;
        }
        var c = $"/api/campaigns/{slug}";
        await Post("/api/campaigns", $$"""{"slug":"{{slug}}","name":"Maand van de Markt","periodStart":"{{Day(20)}}","periodEnd":"{{Day(-10)}}","provinces":["limburg","antwerpen"],"targets":[],"effectiveDate":"{{Day(30)}}"}""");
        await Post($"{c}/municipalities", $$"""{"municipality":"71004","effectiveDate":"{{Day(25)}}"}""");
        await Post($"{c}/municipalities", $$"""{"municipality":"11002","effectiveDate":"{{Day(25)}}"}""");
        var aartselaar = await Post($"{c}/municipalities", $$"""{"municipality":"11001","effectiveDate":"{{Day(25)}}"}""");
        await Post($"{c}/markets", $$"""{"marketId":"beringen","name":"Markt Beringen","municipality":"71004","weekday":"saturday","traders":45,"effectiveDate":"{{Day(24)}}"}""");
        var antwerpen = await Post($"{c}/markets", $$"""{"marketId":"antwerpen","name":"Vogelenmarkt","municipality":"11002","weekday":"sunday","traders":60,"effectiveDate":"{{Day(24)}}"}""");
        await Post($"{c}/markets/beringen/days", $$"""{"date":"{{Day(14)}}","tradersPresent":41}""");
        await Post($"{c}/markets/beringen/entries", $$"""{"count":37,"at":"{{Day(14)}}T09:30:00+01:00"}""");
        await Post($"{c}/markets/antwerpen/days", $$"""{"date":"{{Day(13)}}","tradersPresent":50}""");
        var fifty = await Post($"{c}/markets/antwerpen/entries", $$"""{"count":50,"at":"{{Day(13)}}T10:30:00+01:00"}""");
        var twenty = await Post($"{c}/markets/antwerpen/entries", $$"""{"count":20,"at":"{{Day(13)}}T11:30:00+01:00"}""");
        var beforeAmendments = await silo.CountEventsAsync();
        await Post($"{c}/retractions", $$"""{"eventId":"{{aartselaar}}","reason":"vergissing","effectiveDate":"{{Day(5)}}"}""");
        await Post($"{c}/corrections", $$"""{"eventId":"{{antwerpen}}","changes":[{"field":"traders","newValue":70}],"reason":"geteld","effectiveDate":"{{Day(5)}}"}""");
        await Post($"{c}/markets/antwerpen/corrections", $$"""{"eventId":"{{fifty}}","changes":[{"field":"count","newValue":55}],"reason":"geteld","effectiveDate":"{{Day(4)}}"}""");
        await Post($"{c}/markets/antwerpen/retractions", $$"""{"eventId":"{{twenty}}","reason":"dubbel","effectiveDate":"{{Day(4)}}"}""");
        var head = await silo.CountEventsAsync();

        var deadline = MonitorClock.System.Now.AddSeconds(30);
        CampaignFigures? view = null;
        while (view is null || (view.Position < head && MonitorClock.System.Now < deadline))
        {
            // The projector folds after the commands: until it has, the campaign may be unknown (404) or behind.
            var response = await client.GetAsync(new Uri($"/api/indicators/campaigns/{slug}", UriKind.Relative));
            if (response.IsSuccessStatusCode) view = await response.Content.ReadFromJsonAsync<CampaignFigures>(JsonSerializerOptions.Web);
            else Assert.True(MonitorClock.System.Now < deadline, $"the campaign's figures: {(int)response.StatusCode}");
            if (view is null || view.Position < head) await Task.Delay(100);
        }
        Assert.True(view.Position >= head, $"the projector reached {view.Position} of {head}");

        async Task<decimal> Explained(string measure, string asOf)
        {
            var explanation = await client.GetJsonAsync($"/api/indicators/explain?scope=campaign:{slug}&measure={measure}{asOf}");
            var lines = explanation.GetProperty("lines").EnumerateArray().ToList();
            var total = explanation.GetProperty("total").GetDecimal();
            Assert.Equal(total, lines.Where(l => !l.GetProperty("retracted").GetBoolean()).Sum(l => l.GetProperty("amount").GetDecimal()));
            Assert.All(lines, l => Assert.NotEqual(l.GetProperty("streamId").GetString(), l.GetProperty("title").GetString()));
            return total;
        }

        string[] parts = ["", ".limburg", ".antwerpen", ".west-vlaanderen"];
        foreach (var code in MeasureCatalog.CampaignCodes)
            foreach (var part in parts)
            {
                var figure = MeasureCatalog.CampaignFigure(view, code + part) ?? 0;
                Assert.True(figure == await Explained(code + part, ""), $"{code}{part} live: figure {figure}");
            }

        // Live: Aartselaar retracted, Vogelenmarkt's traders 70, its entries 55 (the 20 retracted).
        Assert.Equal((2L, 2L, 115L, 2L, 92L), (MeasureCatalog.CampaignFigure(view, "campaign.municipalities"), MeasureCatalog.CampaignFigure(view, "campaign.markets"),
            MeasureCatalog.CampaignFigure(view, "campaign.traders"), MeasureCatalog.CampaignFigure(view, "campaign.market-days"), MeasureCatalog.CampaignFigure(view, "campaign.entries")));
        // Before the amendments were recorded, and (the campaign's own figures) as of a date before they took effect. A market's
        // stream is registered effective the day its join was recorded, so its days and entries are checked by position.
        var before = $"&atPosition={beforeAmendments}";
        var asOf = $"&asOf={Day(10)}&atPosition={head}";
        Assert.Equal((3m, 2m, 105m, 2m, 107m), (await Explained("campaign.municipalities", before), await Explained("campaign.markets", before),
            await Explained("campaign.traders", before), await Explained("campaign.market-days", before), await Explained("campaign.entries", before)));
        Assert.Equal((3m, 2m, 105m, 60m), (await Explained("campaign.municipalities", asOf), await Explained("campaign.markets", asOf),
            await Explained("campaign.traders", asOf), await Explained("campaign.traders.antwerpen", asOf)));
        Assert.Equal((1m, 45m, 37m, 2m, 60m, 70m, 0m), (await Explained("campaign.municipalities.limburg", before), await Explained("campaign.traders.limburg", before),
            await Explained("campaign.entries.limburg", before), await Explained("campaign.municipalities.antwerpen", before),
            await Explained("campaign.traders.antwerpen", before), await Explained("campaign.entries.antwerpen", before),
            await Explained("campaign.entries.west-vlaanderen", before)));
    }

    [Fact]
    public async Task An_unknown_scope_or_measure_of_a_drilldown_is_refused()
    {
        await using var silo = SiloFactory.Embedded();
        using var client = silo.CreateClient();

        var cluster = await client.GetAsync(new Uri("/api/indicators/explain?scope=cluster:no-such-cluster&measure=granted", UriKind.Relative));
        var province = await client.GetAsync(new Uri("/api/indicators/explain?scope=province:brussel&measure=granted", UriKind.Relative));
        var measure = await client.GetAsync(new Uri("/api/indicators/explain?scope=flanders&measure=no-such-measure", UriKind.Relative));
        var campaign = await client.GetAsync(new Uri("/api/indicators/explain?scope=campaign:no-such-campaign&measure=campaign.entries", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, cluster.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, province.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, measure.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, campaign.StatusCode);
    }

    [Theory]
    [InlineData("granted-per-job")]
    [InlineData("days-to-first-payment")]
    [InlineData("measured.employment-rate")]
    public async Task A_ratio_a_mean_or_a_latest_value_is_no_sum_of_events_and_its_drilldown_is_refused_by_its_measure(string code)
    {
        await using var silo = SiloFactory.Embedded();
        using var client = silo.CreateClient();

        var answer = await client.GetAsync(new Uri($"/api/indicators/explain?scope=province:antwerpen&measure={code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.JsonAsync()).GetProperty("errors").TryGetProperty("measure", out _));
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
