using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>The credit figures: the credit with its adjustments, the year's own grants, and payments in the year they are made.</summary>
public sealed class CreditFiguresTests
{
    private static readonly DateOnly Today = MonitorClock.System.Today;
    private static readonly int Year = Today.Year;

    private static (IndicatorsModel Model, LogBuilder Log) Folded()
    {
        var log = new LogBuilder();
        var lastYear = new DateOnly(Year - 1, 6, 30);
        string[] tags = ["antwerpen"];
        log.Add("province-antwerpen", new BudgetAllocated("circular-economy", Year, 1_000m), new DateOnly(Year, 1, 1), tags);
        log.Add("province-antwerpen", new CreditAdjusted("circular-economy", Year, 800m, -200m), Today, tags);
        log.Add("project-a", new ProjectRegistered("a", "Kringloop", null, "antwerpen", [], "circular-economy", [], [], null, null, null, null), lastYear, tags);
        var old = log.Add("project-a", new SubsidyGranted("G-OLD", 2_000m, "province", "antwerpen"), lastYear, tags);
        log.Add("project-a", new SubsidyGranted("G-NOW", 600m, "province", "antwerpen"), Today, tags);
        log.Add("project-a", new SubsidyGranted("G-EU", 5_000m, "eu", null), Today, tags);
        log.Add("project-a", new SubsidyPaid("G-OLD", 900m, "P-1"), Today, tags);
        // Corrected this year, the grant of last year stays last year's.
        log.Add("project-a", new ProjectCorrected(old, [new FieldCorrection("amount", "2000", "2500")], "typo"), Today, tags);
        var model = new IndicatorsModel();
        log.FoldInto(model);
        return (model, log);
    }

    [Fact]
    public void A_year_s_credit_counts_its_adjustment_its_own_grants_and_every_payment_made_in_it()
    {
        var (model, _) = Folded();

        var credits = CreditFigures.Of(model.View("province:antwerpen", Today), Year);
        var previous = CreditFigures.Of(model.View("province:antwerpen", Today), Year - 1);

        var row = Assert.Single(credits.Domains);
        Assert.Equal(("circular-economy", 800m, 600m, 900m, 75.0m, 112.5m), (row.Domain, row.Credit, row.Granted, row.Paid, row.GrantedPercent, row.PaidPercent));
        Assert.Equal((800m, 600m, 900m), (credits.Total.Credit, credits.Total.Granted, credits.Total.Paid));
        Assert.Equal((0m, 2_500m, null), (previous.Total.Credit, previous.Total.Granted, previous.Total.GrantedPercent));
        Assert.Equal(800m, CreditFigures.Of(model.View("flanders", Today), Year).Total.Credit);
    }

    [Fact]
    public void Each_credit_figure_is_explained_by_its_events()
    {
        var (_, log) = Folded();
        FigureExplanation Explain(string measure)
        {
            var model = IndicatorsModel.Explaining("province:antwerpen", measure);
            log.FoldInto(model);
            return model.Explanation();
        }

        Assert.Equal(800m, Explain(CreditFigures.CreditMeasure(Year, "circular-economy")).Total);
        Assert.Equal(2, Explain(CreditFigures.CreditMeasure(Year, "circular-economy")).Lines.Length);
        Assert.Equal(900m, Assert.Single(Explain(CreditFigures.PaidMeasure(Year, "circular-economy")).Lines).Amount);
        Assert.Equal(2_500m, Explain(CreditFigures.GrantedMeasure(Year - 1)).Total);
        Assert.Equal("Krediet per jaar en beleidsdomein", Explain(CreditFigures.CreditMeasure(Year, "circular-economy")).Label);
    }

    [Fact]
    public void A_recovery_of_the_year_is_shown_apart_beside_paid_which_is_net_of_it()
    {
        var (_, log) = Folded();
        log.Add("project-a", new SubsidyRecovered("G-OLD", 150m, "TV-1", null), Today, ["antwerpen"]);
        var model = new IndicatorsModel();
        log.FoldInto(model);

        var credits = CreditFigures.Of(model.View("province:antwerpen", Today), Year);

        var row = Assert.Single(credits.Domains);
        Assert.Equal((750m, 150m, $"recovered.year.{Year}.circular-economy"), (row.Paid, row.Recovered, row.RecoveredMeasure));
        Assert.Equal(150m, credits.Total.Recovered);
    }
}
