using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>The measure catalog and the projection say the same: every figure the projection makes is in the catalog, made by the events it names.</summary>
public sealed class MeasureCatalogTests
{
    private static readonly ProjectFacts CrossBorder = new("limburg", ["antwerpen"], PolicyDomains.CrossBorder, ["vil"]);

    /// <summary>One event of every type the projection adds up, in the stream it belongs to.</summary>
    private static readonly (string Stream, IDomainEvent Event)[] Contributing =
    [
        ("project-p", new SubsidyGranted("G-1", 10m, "eu", null)),
        ("project-p", new SubsidyGranted("G-2", 10m, "province", "limburg")),
        ("project-p", new SubsidyGranted("G-3", 10m, "pom", "antwerpen")),
        ("project-p", new SubsidyPaid("G-1", 5m, "P-1")),
        ("project-p", new SubsidyRecovered("G-1", 2m, "T-1", null)),
        ("project-p", new OutputReported("jobs-created", 3m, "2026")),
        ("province-limburg", new BudgetAllocated("labour-market", 2026, 100m)),
        ("province-limburg", new CreditAdjusted("labour-market", 2026, 80m, -20m)),
        ("cluster-vil", new ClusterFundingGranted("limburg", 50m, "werking")),
        ("province-limburg", new DecisionTaken("B-1", "deputation", "Besluit", "labour-market", "samenvatting", null, null, null, null, null)),
        ("province-limburg", new RetailPermitAdviceGiven("71072", "V-1", 800m, "food", "favourable")),
        ("province-limburg", new RetailAppealFiled("A-1", "71072", null, null)),
        ("province-limburg", new RetailAppealDecided("A-1", "upheld")),
        ("province-limburg", new RetailPermitAdviceGiven("71072", "V-2", 900m, "food", "favourable", "extension", [new("food", 500m), new("other-bulky", 400m)])),
        ("province-limburg", new RetailPermitDecided("71004", "D-1", "new-establishment", 25_000m, [new("food", 25_000m)], "granted")),
    ];

    [Fact]
    public void Every_figure_the_projection_makes_is_in_the_catalog_made_by_that_event()
    {
        foreach (var (stream, e) in Contributing)
        {
            var contributions = new List<Contribution>();
            Contributions.Of(e, stream, _ => CrossBorder, (_, _) => new SubsidyGranted("G-1", 10m, "eu", null), contributions, 2026);

            Assert.NotEmpty(contributions);
            foreach (var c in contributions.Where(c => !c.Scope.StartsWith("project:", StringComparison.Ordinal)))
            {
                var definition = MeasureCatalog.Find(c.Measure);
                Assert.True(definition is not null, $"{c.Measure} ({e.GetType().Name}) is not in the measure catalog");
                Assert.Contains(e.GetType(), definition.Events);
            }
        }
    }

    [Fact]
    public void Every_figure_has_a_Dutch_label_and_its_events_amendments_and_a_non_additive_one_its_numerator()
    {
        Assert.All(MeasureCatalog.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Label), m.Code);
            Assert.NotEmpty(m.Events);
            Assert.NotEmpty(m.Amendments);
            Assert.False(string.IsNullOrWhiteSpace(m.Filter), m.Code);
            Assert.Equal(m.IsAdditive, m.Numerator is null);
        });
        Assert.All(MeasureCatalog.Compared, code => Assert.NotNull(MeasureCatalog.Find(code)));
        Assert.Equal(MeasureCatalog.All.Count, MeasureCatalog.All.Select(m => m.Code).Distinct().Count());
    }

    [Fact]
    public void Every_campaign_figure_the_campaign_view_shows_is_in_the_catalog_for_the_whole_and_each_participating_province()
    {
        var log = new LogBuilder();
        var today = MonitorClock.System.Today;
        log.Add(StreamIds.Campaign("markt-2026"), new CampaignLaunched("markt-2026", "Markt", today.AddDays(-10), today, ["limburg", "antwerpen"], []), today);
        var model = new CampaignModel();
        log.FoldInto(model);
        var view = model.View("markt-2026", MonitorClock.System.Now)!;

        Assert.Equal(["campaign.municipalities", "campaign.markets", "campaign.traders", "campaign.market-days", "campaign.entries", "campaign.entries-day"], MeasureCatalog.CampaignCodes);
        Assert.All(MeasureCatalog.CampaignCodes, code =>
        {
            Assert.Equal(MeasureAttribution.Campaign, MeasureCatalog.Find(code)!.Attribution);
            Assert.Equal(0, MeasureCatalog.CampaignFigure(view, code));
            Assert.Equal(0, MeasureCatalog.CampaignFigure(view, $"{code}.limburg"));
            Assert.Null(MeasureCatalog.CampaignFigure(view, $"{code}.west-vlaanderen"));
        });
        Assert.Null(MeasureCatalog.CampaignFigure(view, "granted"));
    }

    [Theory]
    [InlineData("granted.domain.labour-market", "granted.domain.{domain}", "labour-market", null)]
    [InlineData("budget.2026.spatial-economy", "budget.{year}.{domain}", "spatial-economy", null)]
    [InlineData("budget.2026", "budget.{year}", null, null)]
    [InlineData("cluster-funding.limburg", "cluster-funding.{province}", null, "limburg")]
    [InlineData("cross-border.eu-granted", "cross-border.eu-granted", "cross-border", null)]
    [InlineData("retail.appeals.upheld", "retail.appeals.{outcome}", null, null)]
    [InlineData("campaign.entries.limburg", "campaign.entries.{province}", null, "limburg")]
    public void A_code_finds_its_figure_and_the_domain_or_province_it_names(string code, string pattern, string? domain, string? province)
    {
        Assert.Equal(pattern, MeasureCatalog.Find(code)?.Code);
        Assert.Equal(domain, MeasureCatalog.DomainOf(code));
        Assert.Equal(province, MeasureCatalog.ProvinceOf(code));
    }

    [Fact]
    public void The_comparison_s_type_filter_is_the_catalog_s_events_their_context_denominators_and_amendments()
    {
        var paid = IndicatorViews.EventTypesFor("paid.funder.eu")!;

        Assert.Contains("SubsidyPaid.v1", paid);
        Assert.Contains("SubsidyGranted.v1", paid);
        Assert.Contains("SubsidyGranted.v2", paid);
        Assert.Contains("ProjectRegistered.v1", paid);
        Assert.Contains("PopulationRecorded.v1", paid);
        Assert.Contains("ProjectCorrected.v1", paid);
        Assert.DoesNotContain("BudgetAllocated.v1", paid);
        Assert.Null(IndicatorViews.EventTypesFor("no-such-measure"));
    }
}
