using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>The mean days from a grant's decision to its first payment: the province's own grants, retractions followed, fewest ranked first.</summary>
public sealed class PaymentDelayTests
{
    private static readonly DateOnly Today = MonitorClock.DateOf(MonitorClock.System.Now);
    private const string Kampc = "project-kampc";
    private static readonly DateOnly Decided = Today.AddDays(-200);

    private static readonly ProjectRegistered Registered = new("kampc", "Kamp C", "KC-01", "antwerpen", ["limburg"], "circular-economy", [], [], null, null, null, null);

    private static (LogBuilder Log, Guid FirstPayment, Guid SecondGrant) Given()
    {
        var log = new LogBuilder();
        string[] tags = ["antwerpen", "limburg"];
        log.Add(Kampc, Registered, Decided.AddDays(-10), tags);
        log.Add(Kampc, new SubsidyGranted("G-1", 100_000m, "province", "antwerpen"), Decided, tags);
        var second = log.Add(Kampc, new SubsidyGranted("G-2", 50_000m, "pom", "antwerpen"), Decided, tags);
        log.Add(Kampc, new SubsidyGranted("G-LI", 20_000m, "province", "limburg"), Decided, tags);
        log.Add(Kampc, new SubsidyGranted("G-EU", 900_000m, "eu", null), Decided, tags);
        log.Add(Kampc, new SubsidyGranted("G-UNPAID", 1_000m, "province", "antwerpen"), Decided, tags);
        // Recorded in another order than their dates: the first payment is the earliest effective date.
        log.Add(Kampc, new SubsidyPaid("G-1", 10_000m, "P-2"), Decided.AddDays(30), tags);
        var first = log.Add(Kampc, new SubsidyPaid("G-1", 10_000m, "P-1"), Decided.AddDays(10), tags);
        log.Add(Kampc, new SubsidyPaid("G-2", 5_000m, "P-3"), Decided.AddDays(40), tags);
        log.Add(Kampc, new SubsidyPaid("G-LI", 5_000m, "P-4"), Decided.AddDays(20), tags);
        log.Add(Kampc, new SubsidyPaid("G-EU", 5_000m, "P-5"), Decided.AddDays(1), tags);
        return (log, first, second);
    }

    private static decimal? Delay(IndicatorsModel model, string scope) =>
        model.View(scope, Today).Measures.TryGetValue(Comparing.PaymentDelay, out var days) ? days : null;

    [Fact]
    public void The_mean_counts_each_own_grant_s_first_payment_once_and_leaves_out_other_funders_and_unpaid_grants()
    {
        var (log, _, _) = Given();
        var model = new IndicatorsModel();
        log.FoldInto(model);

        Assert.Equal(25m, Delay(model, "province:antwerpen")); // (10 + 40) / 2
        Assert.Equal(20m, Delay(model, "province:limburg"));
        Assert.Equal(23.3m, Delay(model, "flanders")); // (10 + 40 + 20) / 3, the EU's grant not counted
        Assert.Null(Delay(model, "province:oost-vlaanderen"));
    }

    [Fact]
    public void A_retracted_first_payment_moves_the_first_payment_to_the_next_and_a_retracted_grant_leaves_the_mean()
    {
        var (log, first, second) = Given();
        log.Add(Kampc, new ProjectRetracted(first, "dubbel geboekt"), Today.AddDays(-5), ["antwerpen"]);
        var model = new IndicatorsModel();
        log.FoldInto(model);
        Assert.Equal(35m, Delay(model, "province:antwerpen")); // (30 + 40) / 2

        log.Add(Kampc, new ProjectRetracted(second, "geen beslissing"), Today.AddDays(-4), ["antwerpen"]);
        log.FoldInto(model, from: log.Events.Count - 1);
        Assert.Equal(30m, Delay(model, "province:antwerpen"));
    }

    [Fact]
    public void The_comparison_ranks_the_fewest_days_first_and_the_historical_fold_by_event_type_gives_the_same_figure()
    {
        var (log, _, _) = Given();
        var model = new IndicatorsModel();
        log.FoldInto(model);
        var only = IndicatorViews.EventTypesFor(Comparing.PaymentDelay)!;
        var filtered = new IndicatorsModel(countsEvents: false);
        foreach (var e in log.Events.Where(e => only.Contains(e.EventType))) filtered.Apply(e);

        var comparison = model.Compare(Comparing.PaymentDelay, "capita", Today);

        Assert.Equal((1, 20m), (comparison.Rows.Single(r => r.Scope == "province:limburg").Rank, comparison.Rows.Single(r => r.Scope == "province:limburg").Value!.Value));
        Assert.Equal(2, comparison.Rows.Single(r => r.Scope == "province:antwerpen").Rank);
        Assert.Null(comparison.Rows.Single(r => r.Scope == "province:oost-vlaanderen").Rank);
        Assert.Null(comparison.Unit);
        Assert.Equal(filtered.Compare(Comparing.PaymentDelay, "absolute", Today).Rows.Select(r => r.Value), comparison.Rows.Select(r => r.Value));
    }
}
