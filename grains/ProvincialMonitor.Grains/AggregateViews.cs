using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Border;
using ProvincialMonitor.Grains.BusinessParks;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Projects;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Grains.Shared;

namespace ProvincialMonitor.Grains;

/// <summary>
/// Each aggregate's state mapped to the view record its GET answers (Contracts/Views/Aggregates.cs). What the rules keep
/// for themselves does not leave: the registration flags (a GET of what does not exist is a 404) and the breaches.
/// </summary>
public static class AggregateViews
{
    public static ProjectView Project(ProjectState s) => new(
        s.ProjectId, s.Title, s.ExternalRef, s.LeadProvince, s.ParticipatingProvinces, s.Domain, s.Clusters, [.. s.Partners],
        s.PlannedStart, s.PlannedEnd, s.TotalBudget, s.CrossBorderProgramme, s.Status,
        s.Grants.OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new GrantView(g.Value.Amount, g.Value.Funder, g.Value.Net, g.Value.GrantingProvince,
                g.Value.Recovered, g.Value.BalanceRef is not null, g.Value.Regulation, g.Value.BeneficiaryId), StringComparer.Ordinal),
        [.. s.Milestones], [.. s.Outputs.Select(o => new OutputView(o.Metric, o.Value, o.Period))], s.Municipalities)
        { Programme = ProjectProgrammes.Of(s.CrossBorderProgramme, s.CoFinancingRate) };

    public static ProvinceView Province(ProvinceState s) => new(
        s.Slug, s.Name, s.NisCode, s.Pom,
        [.. s.Populations.Select(p => new PopulationView(p.ReferenceYear, p.Inhabitants, p.Municipalities))],
        [.. s.Decisions.Select(d => new DecisionView(d.Reference, d.DecidingBody, d.Title, d.Domain, d.Summary, d.VotesFor, d.VotesAgainst,
            d.VotesAbstaining, d.Amount))],
        [.. s.Budget.Select(b => new BudgetLineView(b.Domain, b.Year, b.Amount))],
        Book(s.Indicators),
        [.. s.PermitAdvice.Select(a => new PermitAdviceView(a.Municipality, a.PermitRef, a.NetRetailAreaM2, a.GoodsCategory, a.Advice))],
        [.. s.Appeals.Select(a => new RetailAppealView(a.AppealRef, a.Municipality, a.PermitRef, a.Appellant,
            s.AppealDecisions.Find(d => d.AppealRef == a.AppealRef)?.Outcome))],
        [.. s.Budget.Select(b => (b.Domain, b.Year)).Distinct().Select(k => new BudgetLineView(k.Domain, k.Year, s.CreditOf(k.Domain, k.Year)))]);

    public static ClusterView Cluster(ClusterState s) => new(
        s.Slug, s.Name, s.Sector, s.Kind, s.Province,
        s.Members.OrderBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(m => m.Key, m => new ClusterMemberView(m.Value.Name, m.Value.Kind), StringComparer.Ordinal),
        [.. s.Fundings.Select(f => new ClusterFundingView(f.Province, f.Amount, f.Purpose))]);

    public static BusinessParkView BusinessPark(BusinessParkState s) => new(
        s.Slug, s.Name, s.Municipality, s.Province, s.GrossHectares, s.NetHectares, s.Kind, s.ManagingBody, s.Phase,
        [.. s.Plots.Select(p => new PlotView(p.Buyer, p.Hectares, p.Sector))], s.Issued, s.Vacant, s.Reserve);

    public static CampaignDetail Campaign(CampaignState s) => new(
        s.Slug, s.Name, s.PeriodStart, s.PeriodEnd, s.Provinces, s.Targets,
        s.Municipalities.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        s.Markets.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key,
            m => new CampaignMarketView(m.Value.MarketId, m.Value.Name, m.Value.Municipality, m.Value.Province, m.Value.Weekday, m.Value.Traders),
            StringComparer.Ordinal),
        [.. s.Actions.Select(a => new CampaignActionView(a.Title, a.Description, a.Provinces))],
        s.Closed, s.ClosedReason);

    public static MarketView Market(MarketState s) => new(
        s.Campaign, s.MarketId, s.Municipality, s.Province, s.Weekday, s.PeriodStart, s.PeriodEnd, s.Closed,
        [.. s.Days.Select(d => new MarketDayView(d.Date, d.TradersPresent))],
        [.. s.Entries.Select(e => new EntryBatchView(e.Count, e.At))], s.TotalEntries);

    public static FlandersView Flanders(RegionState s) => new(Book(s.Indicators));

    private static IndicatorBookView Book(IndicatorBook book) => new(
        [.. book.Targets.Select(t => new IndicatorTargetView(t.Code, t.Value, t.Year))],
        [.. book.Measurements.Select(m => new MeasurementView(m.Code, m.Value, m.Unit, m.Period, m.Source))]);

    public static BorderView Border(BorderState s) => new(
        s.Province,
        [.. s.Consultations.Select(c => new BorderConsultationView(c.ConsultationRef, c.Subject, c.Partners))],
        [.. s.Obstacles.Select(o => new BorderObstacleView(o.ObstacleRef, o.Title, o.Theme, o.Status, o.Solution))]);
}
