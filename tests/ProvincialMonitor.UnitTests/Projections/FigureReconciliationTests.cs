using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>
/// A drill-down explains its figure: on a generated log with corrections and retractions, for every figure of every
/// scope, live and as of a date, the events the explanation lists (read with the catalog's type filter, as the
/// historical comparison reads them) add up to the figure the full projection shows.
/// </summary>
public sealed class FigureReconciliationTests
{
    private static readonly DateTimeOffset Now = MonitorClock.System.Now;
    private static readonly DateOnly Today = MonitorClock.DateOf(Now);
    private static readonly string[] Clusters = ["vil", "sim", "catalisti"];
    private static readonly string[] Funders = ["province", "pom", "flanders", "eu"];
    private static readonly string[] Domains = ["labour-market", "spatial-economy", PolicyDomains.CrossBorder];

    [Fact]
    public void On_a_generated_log_every_figure_of_every_scope_equals_its_drilldown_live_and_as_of_a_date()
    {
        var log = Generated(new Random(26));
        var scopes = IndicatorsModel.Scopes.Concat(Clusters.Select(Contributions.Cluster)).ToList();
        var explained = new List<FigureExplanation>();

        foreach (var asOf in new DateOnly?[] { null, Today.AddDays(-120) })
        {
            bool Includes(RecordedEvent e) => asOf is not { } d || e.EffectiveDate <= d;
            var full = new IndicatorsModel();
            foreach (var e in log.Events.Where(Includes)) full.Apply(e, TargetOf(log, e, Includes, null));

            foreach (var scope in scopes)
                foreach (var (measure, figure) in full.View(scope, Today).Measures)
                {
                    // A mean (days to a first payment) is no sum of events: PaymentDelayTests checks it against the log.
                    if (MeasureCatalog.Find(measure) is { IsAdditive: false }) continue;
                    var only = IndicatorViews.EventTypesFor(measure);
                    Assert.True(only is not null, $"{measure} is not in the measure catalog");
                    var model = IndicatorsModel.Explaining(scope, measure);
                    foreach (var e in log.Events.Where(e => Includes(e) && only.Contains(e.EventType))) model.Apply(e, TargetOf(log, e, Includes, only));
                    var explanation = model.Explanation();

                    Assert.True(figure == explanation.Total, $"{scope} {measure} as of {asOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}: figure {figure}, drill-down {explanation.Total}");
                    Assert.Equal(explanation.Total, explanation.Lines.Where(l => !l.Retracted).Sum(l => l.Amount));
                    Assert.DoesNotContain(explanation.Lines, l => l.Title.StartsWith("project-", StringComparison.Ordinal));
                    explained.Add(explanation);
                }
        }

        Assert.Contains(explained, x => x.Lines.Any(l => l.Retracted));
        Assert.Contains(explained, x => x.Lines.Any(l => l.Corrected && !l.Retracted && l.Amount != 0));
        Assert.Contains(explained, x => x.Measure == "recovered" && x.Total > 0);
        Assert.Contains(explained, x => x.Measure == "paid" && x.Lines.Any(l => l.EventType == EventTypes.NameOf(typeof(SubsidyRecovered)) && l.Amount < 0));
        Assert.Contains(explained, x => x.Measure == "retail.appeals.inadmissible" && x.Total > 0);
        Assert.Contains(explained, x => x.Measure.StartsWith("retail.permitted-m2.", StringComparison.Ordinal) && x.Total > 0);
    }

    [Fact]
    public void On_a_generated_log_every_retail_figure_of_every_municipality_named_equals_its_drilldown_live_and_as_of_a_date()
    {
        var log = Generated(new Random(26));
        var places = log.Events.Select(e => EventJson.Deserialize(e.EventType, e.Data)).Select(e => e switch
        {
            RetailPermitAdviceGiven a => a.Municipality,
            RetailPermitDecided d => d.Municipality,
            RetailAppealFiled f => f.Municipality,
            _ => null,
        }).OfType<string>().Select(n => ReferenceData.CurrentMunicipalityOf(n)!).Distinct().ToList();
        var explained = new List<FigureExplanation>();

        foreach (var asOf in new DateOnly?[] { null, Today.AddDays(-120) })
        {
            bool Includes(RecordedEvent e) => asOf is not { } d || e.EffectiveDate <= d;
            var full = new IndicatorsModel();
            foreach (var e in log.Events.Where(Includes)) full.Apply(e, TargetOf(log, e, Includes, null));

            foreach (var nis in places)
                foreach (var (measure, figure) in MunicipalityViews.Of(full, nis, [])!.Measures.Where(m => m.Key.StartsWith("retail.", StringComparison.Ordinal)))
                {
                    Assert.True(MeasureCatalog.CountsPerMunicipality(measure), $"{measure} is not counted per municipality");
                    var only = IndicatorViews.EventTypesFor(measure)!;
                    var model = IndicatorsModel.Explaining(MunicipalityViews.Scope(nis), measure);
                    foreach (var e in log.Events.Where(e => Includes(e) && only.Contains(e.EventType))) model.Apply(e, TargetOf(log, e, Includes, only));
                    var explanation = model.Explanation();

                    Assert.True(figure == explanation.Total, $"{nis} {measure} as of {asOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}: figure {figure}, drill-down {explanation.Total}");
                    Assert.Equal(figure, MunicipalityViews.Map(full, measure)!.Rows.Single(r => r.Nis == nis).Value);
                    explained.Add(explanation);
                }
        }

        Assert.True(places.Count > 5);
        Assert.Contains(explained, x => x.Measure == "retail.appeals.inadmissible" && x.Total > 0);
        Assert.Contains(explained, x => x.Measure.StartsWith("retail.advice-m2.", StringComparison.Ordinal) && x.Total > 0);
        Assert.Contains(explained, x => x.Measure.StartsWith("retail.permits.", StringComparison.Ordinal) && x.Total > 0);
        Assert.Contains(explained, x => x.Lines.Any(l => l.Corrected && !l.Retracted && l.Amount != 0));
    }

    [Fact]
    public void A_ratio_of_the_comparison_divides_two_figures_the_drilldown_reconciles_live_and_as_of_a_date()
    {
        var log = Generated(new Random(26));
        var ratios = MeasureCatalog.All.Select(m => m.Code).Where(c => Comparing.RatioOf(c) is not null).ToList();
        Assert.Contains("granted-per-job", ratios);

        foreach (var asOf in new DateOnly?[] { null, Today.AddDays(-120) })
        {
            var full = new IndicatorsModel();
            foreach (var e in log.Events.Where(e => asOf is not { } d || e.EffectiveDate <= d)) full.Apply(e, TargetOf(log, e, e => asOf is not { } d || e.EffectiveDate <= d, null));
            foreach (var ratio in ratios)
            {
                var (numerator, denominator) = Comparing.RatioOf(ratio)!.Value;
                // Both parts are additive figures, so the figure test above explains each of them.
                Assert.True(MeasureCatalog.Find(numerator)!.IsAdditive && MeasureCatalog.Find(denominator)!.IsAdditive);
                foreach (var row in full.Compare(ratio, "absolute", Today).Rows)
                {
                    var figures = full.View(row.Scope, Today).Measures;
                    Assert.DoesNotContain(ratio, figures.Keys);
                    var below = figures.GetValueOrDefault(denominator);
                    Assert.Equal(below == 0 ? null : decimal.Round(figures.GetValueOrDefault(numerator) / below, 2), row.Value);
                }
                Assert.Contains(full.Compare(ratio, "absolute", Today).Rows, r => r.Value > 0);
            }
        }
    }

    [Fact]
    public void On_a_generated_campaign_log_every_campaign_figure_of_every_campaign_and_province_equals_its_drilldown_live_and_as_of_a_date()
    {
        var log = GeneratedCampaigns(new Random(26));
        string[] slugs = ["markt-2025", "markt-2026"];
        var explained = new List<FigureExplanation>();
        Assert.Equal(6, MeasureCatalog.CampaignCodes.Count);

        foreach (var asOf in new DateOnly?[] { null, Today.AddDays(-50) })
        {
            bool Includes(RecordedEvent e) => asOf is not { } d || e.EffectiveDate <= d;
            var full = new CampaignModel();
            foreach (var e in log.Events.Where(Includes)) full.Apply(e, TargetOf(log, e, Includes, null));

            foreach (var slug in slugs)
            {
                var view = full.View(slug, Now);
                Assert.NotNull(view);
                foreach (var measure in MeasureCatalog.CampaignCodes.SelectMany(c => ProvinceSlugs.All.Select(p => $"{c}.{p}").Prepend(c)))
                {
                    var only = IndicatorViews.EventTypesFor(measure)!;
                    var explainer = new CampaignExplainer($"campaign:{slug}", measure, MonitorClock.DateOf(Now));
                    foreach (var e in log.Events.Where(e => Includes(e) && only.Contains(e.EventType))) explainer.Apply(e, TargetOf(log, e, Includes, only));
                    var explanation = explainer.Explanation();
                    // A province that does not take part has no figure: its drill-down is empty.
                    var figure = MeasureCatalog.CampaignFigure(view, measure) ?? 0;

                    Assert.True(figure == explanation.Total, $"{slug} {measure} as of {asOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}: figure {figure}, drill-down {explanation.Total}");
                    Assert.Equal(explanation.Total, explanation.Lines.Where(l => !l.Retracted).Sum(l => l.Amount));
                    Assert.All(explanation.Lines, l => Assert.NotEqual(l.StreamId, l.Title));
                    explained.Add(explanation);
                }
            }
        }

        Assert.Contains(explained, x => x.Total > 0 && x.Measure == "campaign.entries");
        Assert.Contains(explained, x => x.Total > 0 && x.Measure == "campaign.entries-day");
        Assert.Contains(explained, x => x.Lines.Any(l => l.Retracted));
        Assert.Contains(explained, x => x.Lines.Any(l => l.Corrected && !l.Retracted && l.Amount != 0));
    }

    [Fact]
    public void A_campaign_s_entries_drilldown_lists_the_entries_with_the_market_s_name_corrected_as_corrected_and_retracted_ones_marked()
    {
        var log = new LogBuilder();
        var day = Today.AddDays(-10);
        var campaign = StreamIds.Campaign("markt-2026");
        var market = StreamIds.Market("markt-2026/beringen");
        log.Add(campaign, new CampaignLaunched("markt-2026", "Maand van de Markt", day, Today, ["limburg"], []), day);
        log.Add(campaign, new MunicipalityJoined("71004", "limburg"), day);
        log.Add(campaign, new MarketJoined("beringen", "Markt Beringen", "71004", "limburg", "saturday", 45), day);
        log.Add(market, new MarketRegistered("markt-2026", "beringen", "71004", "limburg", "saturday", day, Today), day);
        var fifty = log.Add(market, new EntriesRegistered(50, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1))), day);
        var twenty = log.Add(market, new EntriesRegistered(20, new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.FromHours(1))), day);
        log.Add(market, new MarketCorrected(fifty, [new FieldCorrection("count", "50", "55")], "geteld"), day);
        log.Add(market, new MarketRetracted(twenty, "dubbel"), day);
        FigureExplanation Explain(string measure)
        {
            var explainer = new CampaignExplainer("campaign:markt-2026", measure, Today);
            log.FoldInto(explainer);
            return explainer.Explanation();
        }

        var entries = Explain("campaign.entries.limburg");
        var municipalities = Explain("campaign.municipalities");

        Assert.Equal((55m, "Campagne: Deelnames per provincie"), (entries.Total, entries.Label));
        Assert.Collection(entries.Lines,
            l => Assert.Equal(("Markt Beringen", 55m, true, false), (l.Title, l.Amount, l.Corrected, l.Retracted)),
            l => Assert.Equal(("Markt Beringen", 0m, false, true), (l.Title, l.Amount, l.Corrected, l.Retracted)));
        Assert.Equal(ReferenceData.FindMunicipality("71004")!.NameNl, Assert.Single(municipalities.Lines).Title);
        Assert.Equal(0m, Explain("campaign.entries.antwerpen").Total);
    }

    [Fact]
    public void A_campaign_s_entries_on_its_day_are_today_s_while_it_runs_and_else_those_of_its_last_day_with_entries()
    {
        var log = new LogBuilder();
        var start = Today.AddDays(-10);
        var campaign = StreamIds.Campaign("markt-2026");
        var market = StreamIds.Market("markt-2026/beringen");
        log.Add(campaign, new CampaignLaunched("markt-2026", "Maand van de Markt", start, Today.AddDays(2), ["limburg"], []), start);
        log.Add(campaign, new MarketJoined("beringen", "Markt Beringen", "71004", "limburg", "saturday", 45), start);
        log.Add(market, new MarketRegistered("markt-2026", "beringen", "71004", "limburg", "saturday", start, Today.AddDays(2)), start);
        DateTimeOffset At(DateOnly day, int hour) => MonitorClock.AtBrusselsTime(day.ToDateTime(new TimeOnly(hour, 0)));
        log.Add(market, new EntriesRegistered(30, At(Today.AddDays(-2), 10)), Today.AddDays(-2));
        log.Add(market, new EntriesRegistered(12, At(Today.AddDays(-1), 9)), Today.AddDays(-1));
        var seven = log.Add(market, new EntriesRegistered(7, At(Today, 11)), Today);
        (decimal Total, long? Figure, DateOnly Day) Explain(DateOnly today)
        {
            var explainer = new CampaignExplainer("campaign:markt-2026", "campaign.entries-day.limburg", today);
            log.FoldInto(explainer);
            var model = new CampaignModel();
            log.FoldInto(model);
            var view = model.View("markt-2026", MonitorClock.StartOfDay(today).AddHours(12))!;
            return (explainer.Explanation().Total, MeasureCatalog.CampaignFigure(view, "campaign.entries-day.limburg"), view.Day);
        }

        Assert.Equal((7m, 7L, Today), Explain(Today));
        // After the period: its last day with entries; a retraction of that day's entries moves the day back.
        Assert.Equal((7m, 7L, Today), Explain(Today.AddDays(5)));
        log.Add(market, new MarketRetracted(seven, "dubbel"), Today);
        Assert.Equal((12m, 12L, Today.AddDays(-1)), Explain(Today.AddDays(5)));
        Assert.Contains("today while its period runs", MeasureCatalog.Find("campaign.entries-day")!.Filter, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two campaigns (one whose provinces are corrected), their municipalities and markets, the markets' days and entries;
    /// about a fifth of the joins, days and entries corrected or retracted, and a municipality of a province that does not take part.
    /// </summary>
    private static LogBuilder GeneratedCampaigns(Random random)
    {
        var log = new LogBuilder();
        DateOnly Day() => Today.AddDays(-random.Next(1, 100));

        void MaybeAmend(string stream, Guid id, DateOnly day, string field, string newJson, bool market)
        {
            var roll = random.Next(10);
            var later = day.AddDays(random.Next(0, 30));
            if (later > Today) later = Today;
            if (roll == 0) log.Add(stream, market ? new MarketRetracted(id, "wrong") : new CampaignRetracted(id, "wrong"), later);
            else if (roll == 1)
                log.Add(stream, market ? new MarketCorrected(id, [new FieldCorrection(field, null, newJson)], "typo")
                    : new CampaignCorrected(id, [new FieldCorrection(field, null, newJson)], "typo"), later);
        }

        foreach (var (slug, provinces) in new[] { ("markt-2025", new[] { "antwerpen", "limburg" }), ("markt-2026", new[] { "oost-vlaanderen", "antwerpen" }) })
        {
            var stream = StreamIds.Campaign(slug);
            var launched = log.Add(stream, new CampaignLaunched(slug, $"Markt {slug}", Today.AddDays(-100), Today.AddDays(-5), provinces, []), Today.AddDays(-110));
            if (slug == "markt-2026")
                log.Add(stream, new CampaignCorrected(launched, [new FieldCorrection("provinces", null, "[\"oost-vlaanderen\",\"antwerpen\",\"west-vlaanderen\"]")], "vergeten"), Today.AddDays(-60));
            var candidates = ReferenceData.Municipalities.Where(m => provinces.Contains(m.ProvinceSlug) || m.ProvinceSlug == "west-vlaanderen").ToList();
            for (var m = 0; m < 12; m++)
            {
                var municipality = candidates[random.Next(candidates.Count)];
                var day = Day();
                var joined = log.Add(stream, new MunicipalityJoined(municipality.NisCode, municipality.ProvinceSlug), day);
                MaybeAmend(stream, joined, day, "province", "\"limburg\"", market: false);
            }
            for (var k = 0; k < 6; k++)
            {
                var municipality = candidates[random.Next(candidates.Count)];
                var id = $"m{k}";
                var day = Day();
                var joined = log.Add(stream, new MarketJoined(id, $"Markt {k} van {slug}", municipality.NisCode, municipality.ProvinceSlug, "friday", random.Next(5, 80)), day);
                MaybeAmend(stream, joined, day, "traders", "99", market: false);
                var marketStream = StreamIds.Market($"{slug}/{id}");
                log.Add(marketStream, new MarketRegistered(slug, id, municipality.NisCode, municipality.ProvinceSlug, "friday", Today.AddDays(-100), Today.AddDays(-5)), day);
                for (var d = 0; d < 4; d++)
                {
                    var held = Day();
                    var dayHeld = log.Add(marketStream, new MarketDayHeld(held, random.Next(1, 50)), held);
                    MaybeAmend(marketStream, dayHeld, held, "tradersPresent", "7", market: true);
                    var count = random.Next(1, 300);
                    var at = new DateTimeOffset(held.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
                    var entries = log.Add(marketStream, new EntriesRegistered(count, at), held);
                    MaybeAmend(marketStream, entries, held, "count", Json(count + 11), market: true);
                }
            }
        }
        return log;
    }

    /// <summary>
    /// Antwerpen leads Kanaalkant (with West-Vlaanderen) and takes part in Havenpoort (led by West-Vlaanderen): its granted
    /// is the money it granted on either; the EU's and West-Vlaanderen's money in Kanaalkant is shown apart.
    /// </summary>
    private static (LogBuilder Log, Guid Corrected, Guid Retracted) CoFunded()
    {
        var log = new LogBuilder();
        var day = Today.AddDays(-30);
        string[] tags = ["antwerpen", "west-vlaanderen"];
        log.Add("project-a", Registration("a", "Kanaalkant", "antwerpen", ["west-vlaanderen"]), day, tags);
        log.Add("project-w", Registration("w", "Havenpoort", "west-vlaanderen", ["antwerpen"]), day, ["west-vlaanderen", "antwerpen"]);
        var corrected = log.Add("project-a", new SubsidyGranted("G-1", 1_000m, "province", "antwerpen"), day, tags);
        var retracted = log.Add("project-a", new SubsidyGranted("G-2", 500m, "pom", null), day, tags);
        log.Add("project-a", new SubsidyGranted("G-3", 700m, "eu", null), day, tags);
        log.Add("project-a", new SubsidyGranted("G-4", 300m, "pom", "west-vlaanderen"), day, tags);
        log.Add("project-w", new SubsidyGranted("G-5", 9_000m, "province", "west-vlaanderen"), day, tags);
        log.Add("project-w", new SubsidyGranted("G-6", 2_000m, "province", "antwerpen"), day, tags);
        log.Add("project-w", new SubsidyPaid("G-6", 800m, "P-6"), day, tags);
        log.Add("project-a", new SubsidyPaid("G-4", 100m, "P-4"), day, tags);
        log.Add("project-a", new ProjectCorrected(corrected, [new FieldCorrection("amount", "1000", "1500")], "typo"), day, ["antwerpen"]);
        log.Add("project-a", new ProjectRetracted(retracted, "wrong project"), day, ["antwerpen"]);
        return (log, corrected, retracted);
    }

    private static FigureExplanation Explain(LogBuilder log, string scope, string measure)
    {
        var model = IndicatorsModel.Explaining(scope, measure);
        log.FoldInto(model);
        return model.Explanation();
    }

    [Fact]
    public void A_province_s_granted_drilldown_lists_the_grants_it_made_on_projects_it_leads_or_takes_part_in_with_titles_and_corrections()
    {
        var explanation = Explain(CoFunded().Log, "province:antwerpen", "granted");

        Assert.Equal(3_500m, explanation.Total);
        Assert.Equal("Toegekend", explanation.Label);
        Assert.Collection(explanation.Lines,
            l => Assert.Equal(("Kanaalkant", 1_500m, true, false), (l.Title, l.Amount, l.Corrected, l.Retracted)),
            l => Assert.Equal(("Kanaalkant", 0m, false, true), (l.Title, l.Amount, l.Corrected, l.Retracted)),
            l => Assert.Equal(("Havenpoort", 2_000m, false, false), (l.Title, l.Amount, l.Corrected, l.Retracted)));
        Assert.Equal(800m, Explain(CoFunded().Log, "province:antwerpen", "paid").Total);
    }

    [Fact]
    public void What_others_put_into_the_projects_a_province_leads_is_shown_apart_and_Vlaanderen_counts_each_grant_once()
    {
        var log = CoFunded().Log;
        var model = new IndicatorsModel();
        log.FoldInto(model);
        decimal Figure(string scope, string measure) => model.View(scope, Today).Measures.GetValueOrDefault(measure);

        Assert.Equal((3_500m, 1_000m, 100m), (Figure("province:antwerpen", "granted"), Figure("province:antwerpen", "cofunded.granted"),
            Figure("province:antwerpen", "cofunded.paid")));
        Assert.Equal((700m, 300m), (Figure("province:antwerpen", "cofunded.granted.eu"), Figure("province:antwerpen", "cofunded.granted.pom")));
        Assert.Equal((9_300m, 2_000m), (Figure("province:west-vlaanderen", "granted"), Figure("province:west-vlaanderen", "cofunded.granted")));
        Assert.Equal((12_800m, 700m), (Figure("flanders", "granted"), Figure("flanders", "cofunded.granted")));
        Assert.Equal(Explain(log, "province:antwerpen", "cofunded.granted").Total, Figure("province:antwerpen", "cofunded.granted"));
    }

    /// <summary>The event a correction or retraction names, when the same fold includes it (as <c>HistoricalIndicators</c> does).</summary>
    private static RecordedEvent? TargetOf(LogBuilder log, RecordedEvent e, Func<RecordedEvent, bool> includes, IReadOnlyList<string>? only) =>
        Amendments.TargetOf(e) is { } id && log.Events.FirstOrDefault(t => t.EventId == id) is { } target
        && includes(target) && (only is null || only.Contains(target.EventType))
            ? target
            : null;

    private static string Json(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProjectRegistered Registration(string id, string title, string lead, string[] participants, string domain = "labour-market", string[]? clusters = null) =>
        new(id, title, null, lead, participants, domain, clusters ?? [], [], null, null, null, null);

    private delegate void Amend(string stream, Guid id, DateOnly day, string[] tags, string field, string newJson,
        Func<Guid, FieldCorrection[], IDomainEvent> correct, Func<Guid, IDomainEvent> retract);

    /// <summary>
    /// A province's retail records in three of its municipalities (one named by its former code where it has one): advice
    /// with and without kind and categories (the list in force on its day), the deputation's decisions, appeals with every
    /// outcome; some corrected (area, categories, municipality, decision, outcome) or retracted.
    /// </summary>
    private static void GeneratedRetail(LogBuilder log, string province, Random random, Amend maybeAmend)
    {
        var stream = StreamIds.Province(province);
        string[] tags = [province];
        string[] places = [.. ReferenceData.Municipalities.Where(m => m.ProvinceSlug == province).Take(3).Select(m => m.NisCode)];
        if (province == "limburg") places[0] = "71022";
        ProvinceCorrected Correct(Guid id, FieldCorrection[] c) => new(id, c, "typo");
        ProvinceRetracted Retract(Guid id) => new(id, "wrong");
        for (var r = 0; r < 6; r++)
        {
            var day = Today.AddDays(-random.Next(1, 1_200));
            var place = places[r % places.Length];
            var area = random.Next(5, 60) * 100m;
            var list = RetailRules.CategoriesOn(day);
            RetailCategoryArea[]? categories = r % 3 == 0 ? null : [new(list[0].Code, area / 2), new(list[^1].Code, area / 2)];
            var kinds = RetailRules.Kinds.Where(k => k.ValidOn(day)).ToList();
            var kind = r % 3 == 0 ? null : kinds[random.Next(kinds.Count)].Code;
            var advice = log.Add(stream, new RetailPermitAdviceGiven(place, $"V-R{r}", area, "food", RetailAdvices.All[random.Next(3)], kind, categories), day, tags);
            var (field, json) = random.Next(3) switch
            {
                0 => ("netRetailAreaM2", Json(area + 100m)),
                1 => ("categories", $"[{{\"category\":\"{list[0].Code}\",\"areaM2\":{Json(area)}}}]"),
                _ => ("municipality", $"\"{places[(r + 1) % places.Length]}\""),
            };
            maybeAmend(stream, advice, day, tags, field, json, Correct, Retract);
            var decision = RetailPermitDecisions.All[random.Next(RetailPermitDecisions.All.Length)];
            var permit = log.Add(stream, new RetailPermitDecided(place, $"D-R{r}", kind ?? "new-establishment", 20_000m + area, categories ?? [], decision), day, tags);
            maybeAmend(stream, permit, day, tags, "decision", "\"granted\"", Correct, Retract);
            var filed = log.Add(stream, new RetailAppealFiled($"A-R{r}", place, $"V-R{r}", "buurtcomité"), day, tags);
            maybeAmend(stream, filed, day, tags, "municipality", $"\"{places[(r + 2) % places.Length]}\"", Correct, Retract);
            var outcome = r == 0 ? AppealOutcomes.Inadmissible : AppealOutcomes.All[random.Next(AppealOutcomes.All.Length)];
            var decided = log.Add(stream, new RetailAppealDecided($"A-R{r}", outcome), day.AddDays(random.Next(0, 30)) is var on && on > Today ? Today : on, tags);
            maybeAmend(stream, decided, day, tags, "outcome", "\"inadmissible\"", Correct, Retract);
        }
    }

    /// <summary>Projects with grants, payments and outputs; budgets, decisions, retail; cluster funding; about a fifth of them corrected or retracted.</summary>
    private static LogBuilder Generated(Random random)
    {
        var log = new LogBuilder();
        var provinces = ProvinceSlugs.All.ToArray();
        // The retail records draw from their own sequence, so that the rest of the log stays as it was.
        var retail = new Random(32);
        // Over two years and more, so that grants and payments fall in several years (the credit figures count by year).
        DateOnly Day() => Today.AddDays(-random.Next(1, 800));
        T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        decimal Money() => random.Next(1, 2_000) * 100m + random.Next(0, 100) / 100m;

        // A correction's new value is JSON, as the correction forms write it.
        void MaybeAmend(string stream, Guid id, DateOnly day, string[] tags, string field, string newJson, Func<Guid, FieldCorrection[], IDomainEvent> correct,
            Func<Guid, IDomainEvent> retract)
        {
            var roll = random.Next(10);
            var later = day.AddDays(random.Next(0, 60));
            if (later > Today) later = Today;
            if (roll == 0) log.Add(stream, retract(id), later, tags);
            else if (roll == 1) log.Add(stream, correct(id, [new FieldCorrection(field, null, newJson)]), later, tags);
        }

        for (var i = 0; i < 16; i++)
        {
            var stream = $"project-p{i}";
            var lead = Any(provinces);
            string[] participants = [.. provinces.Where(p => p != lead && random.Next(4) == 0)];
            string[] tags = [lead, .. participants];
            string[] clusters = [.. Clusters.Where(_ => random.Next(3) == 0)];
            var start = Day();
            var registered = log.Add(stream, Registration($"p{i}", $"Project {i}", lead, participants, Any(Domains), clusters), start, tags);
            if (i == 3) log.Add(stream, new ProjectCorrected(registered, [new FieldCorrection("leadProvince", null, $"\"{Any(provinces)}\"")], "lead"), start, tags);
            if (random.Next(2) == 0) log.Add(stream, new ProjectStatusChanged(ProjectStatuses.All.ElementAt(1)), start, tags);
            for (var g = 0; g < random.Next(1, 4); g++)
            {
                var funder = Any(Funders);
                var amount = Money();
                // A province's grant names the lead or a participant, or (stored as v1) none: then it counts for the lead.
                var granting = funder is "province" or "pom" ? Any<string?>([null, .. tags]) : null;
                var grant = log.Add(stream, new SubsidyGranted($"G-{g}", amount, funder, granting), start, tags);
                MaybeAmend(stream, grant, start, tags, "amount", Json(amount + 250m), (id, c) => new ProjectCorrected(id, c, "typo"), id => new ProjectRetracted(id, "wrong"));
                var payment = decimal.Round(amount / 2, 2);
                // Some payments a year after the grant: they count in their own year.
                var payDay = start.AddDays(random.Next(2) == 0 ? 10 : 370);
                var paid = log.Add(stream, new SubsidyPaid($"G-{g}", payment, $"P-{g}"), payDay > Today ? Today : payDay, tags);
                MaybeAmend(stream, paid, start, tags, "amount", Json(payment - 10m), (id, c) => new ProjectCorrected(id, c, "typo"), id => new ProjectRetracted(id, "wrong"));
                // Some money taken back later: paid is net of it, recovered shows it apart.
                if (random.Next(3) == 0)
                {
                    var recoveredOn = payDay.AddDays(30) > Today ? Today : payDay.AddDays(30);
                    var recovered = log.Add(stream, new SubsidyRecovered($"G-{g}", decimal.Round(payment / 4, 2), $"T-{g}", null), recoveredOn, tags);
                    MaybeAmend(stream, recovered, recoveredOn, tags, "amount", Json(decimal.Round(payment / 5, 2)), (id, c) => new ProjectCorrected(id, c, "typo"), id => new ProjectRetracted(id, "wrong"));
                }
            }
            var jobs = random.Next(1, 40);
            var output = log.Add(stream, new OutputReported("jobs-created", jobs, $"{Today.Year}"), start, tags);
            MaybeAmend(stream, output, start, tags, "value", Json(jobs + 3), (id, c) => new ProjectCorrected(id, c, "typo"), id => new ProjectRetracted(id, "wrong"));
        }

        foreach (var province in provinces)
        {
            var stream = $"province-{province}";
            string[] tags = [province];
            for (var b = 0; b < 3; b++)
            {
                var day = Day();
                var amount = Money();
                var budget = log.Add(stream, new BudgetAllocated(Any(Domains), day.Year, amount), day, tags);
                MaybeAmend(stream, budget, day, tags, "amount", Json(amount * 2), (id, c) => new ProvinceCorrected(id, c, "typo"), id => new ProvinceRetracted(id, "wrong"));
                var adjusted = log.Add(stream, new CreditAdjusted(Any(Domains), day.Year, amount + 500m, 500m), day, tags);
                MaybeAmend(stream, adjusted, day, tags, "change", Json(-250m), (id, c) => new ProvinceCorrected(id, c, "typo"), id => new ProvinceRetracted(id, "wrong"));
                var decision = log.Add(stream, new DecisionTaken($"B-{b}", "deputation", "Besluit", Any(Domains), "samenvatting", null, null, null, null, null), day, tags);
                MaybeAmend(stream, decision, day, tags, "domain", "\"spatial-economy\"", (id, c) => new ProvinceCorrected(id, c, "typo"), id => new ProvinceRetracted(id, "wrong"));
                log.Add(stream, new RetailPermitAdviceGiven("71072", $"V-{b}", 800m, "food", b == 0 ? "unfavourable" : "favourable"), day, tags);
                log.Add(stream, new RetailAppealFiled($"A-{b}", "71072", null, null), day, tags);
                var decided = log.Add(stream, new RetailAppealDecided($"A-{b}", "upheld"), day, tags);
                MaybeAmend(stream, decided, day, tags, "outcome", "\"rejected\"", (id, c) => new ProvinceCorrected(id, c, "typo"), id => new ProvinceRetracted(id, "wrong"));
            }
            GeneratedRetail(log, province, retail, MaybeAmend);
        }

        foreach (var cluster in Clusters)
        {
            var stream = $"cluster-{cluster}";
            for (var f = 0; f < 3; f++)
            {
                var day = Day();
                var province = Any(provinces);
                var amount = Money();
                var funding = log.Add(stream, new ClusterFundingGranted(province, amount, "werking"), day, [province]);
                MaybeAmend(stream, funding, day, [province], "amount", Json(amount + 1m), (id, c) => new ClusterCorrected(id, c, "typo"), id => new ClusterRetracted(id, "wrong"));
            }
        }
        return log;
    }
}
