using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>"Paid" is net of recoveries, in the recovery's own year (so also against the credit); "recovered" shows them apart.</summary>
public sealed class PaidNetOfRecoveriesTests
{
    private static readonly DateOnly Today = MonitorClock.System.Today;

    private static LogBuilder Log()
    {
        var log = new LogBuilder();
        string[] tags = ["limburg"];
        var lastYear = Today.AddYears(-1);
        log.Add("project-a", new ProjectRegistered("a", "Kringloop", null, "limburg", [], "circular-economy", ["vil"], [], null, null, null, null), lastYear, tags);
        log.Add("project-a", new SubsidyGranted("G-1", 10_000m, "province", "limburg", "Reglement 2026", null), lastYear, tags);
        log.Add("project-a", new SubsidyPaid("G-1", 6_000m, "P-1", PaymentKinds.Advance), lastYear, tags);
        log.Add("project-a", new SubsidyPaid("G-1", 4_000m, "P-2", PaymentKinds.Balance), lastYear, tags);
        log.Add("project-a", new SubsidyRecovered("G-1", 1_500m, "T-1", "niet bestede middelen"), Today, tags);
        log.Add("project-a", new SubsidyGranted("G-EU", 5_000m, "eu", null), lastYear, tags);
        log.Add("project-a", new SubsidyPaid("G-EU", 5_000m, "P-3"), lastYear, tags);
        log.Add("project-a", new SubsidyRecovered("G-EU", 500m, "T-2", null), Today, tags);
        return log;
    }

    [Fact]
    public void Paid_is_net_of_recoveries_and_recovered_is_shown_apart_for_every_scope()
    {
        var model = new IndicatorsModel();
        Log().FoldInto(model);
        var limburg = model.View("province:limburg", Today).Measures;
        var project = model.View(Contributions.Project("project-a"), Today).Measures;
        var cluster = model.View(Contributions.Cluster("vil"), Today).Measures;

        Assert.Equal((8_500m, 1_500m), (limburg["paid"], limburg["recovered"]));
        Assert.Equal((4_500m, 500m), (limburg["cofunded.paid"], limburg["cofunded.recovered"]));
        Assert.Equal((13_000m, 2_000m), (project["paid"], project["recovered"]));
        Assert.Equal((13_000m, 2_000m), (cluster["paid"], cluster["recovered"]));
        // Against the credit: the recovery counts in its own year, taking back from this year's paid.
        Assert.Equal(-1_500m, limburg[$"paid.year.{Today.Year}"]);
        Assert.Equal(10_000m, limburg[$"paid.year.{Today.Year - 1}"]);
    }

    [Fact]
    public void The_drill_down_of_paid_lists_the_payments_and_the_recovery_taken_back()
    {
        var model = IndicatorsModel.Explaining("province:limburg", "paid");
        Log().FoldInto(model);
        var explanation = model.Explanation();

        Assert.Equal(8_500m, explanation.Total);
        Assert.Equal([6_000m, 4_000m, -1_500m], explanation.Lines.Select(l => l.Amount));
        Assert.Contains(EventTypes.NameOf(typeof(SubsidyRecovered)), MeasureCatalog.Find("paid")!.DrilldownTypes);
        Assert.Equal([EventTypes.NameOf(typeof(SubsidyRecovered))], MeasureCatalog.Find("recovered")!.Events.Select(EventTypes.NameOf));
    }

    [Fact]
    public void The_label_of_paid_says_it_is_net_of_recoveries() =>
        Assert.Equal("Uitbetaald (na terugvorderingen)", MeasureCatalog.LabelOf("paid"));
}
