using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts.Views;

// What the single GET of an aggregate answers (and its ?asOf= variant): a view record mapped from the grain's state,
// never the state itself, so that the fields the rules keep for themselves (breaches, registration flags) stay inside.

/// <summary>The view record of an aggregate with its stream version (the ETag); <see cref="View"/> is null when it does not exist.</summary>
[GenerateSerializer, Immutable]
public sealed record VersionedView(
    [property: Id(0)] bool Exists,
    [property: Id(1)] long Version,
    [property: Id(2)] object? View);

/// <summary>
/// Paid: net of recoveries; Recovered: what was taken back, shown apart; Closed: the balance was paid. BeneficiaryName and
/// CompanyNumber are read from outside the hash chain when the view is served (null once erased, or for a grant without one).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrantView(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Funder,
    [property: Id(2)] decimal Paid,
    [property: Id(3)] string? GrantingProvince,
    [property: Id(4)] decimal Recovered = 0,
    [property: Id(5)] bool Closed = false,
    [property: Id(6)] string? Regulation = null,
    [property: Id(7)] string? BeneficiaryId = null,
    [property: Id(8)] string? BeneficiaryName = null,
    [property: Id(9)] string? CompanyNumber = null);

[GenerateSerializer, Immutable]
public sealed record OutputView(
    [property: Id(0)] string Metric,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Period);

/// <summary><c>GET /api/projects/{id}</c>: a project; <see cref="Grants"/> by grant reference.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectView(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string Title,
    [property: Id(2)] string? ExternalRef,
    [property: Id(3)] string LeadProvince,
    [property: Id(4)] string[] ParticipatingProvinces,
    [property: Id(5)] string Domain,
    [property: Id(6)] string[] Clusters,
    [property: Id(7)] string[] Partners,
    [property: Id(8)] DateOnly? PlannedStart,
    [property: Id(9)] DateOnly? PlannedEnd,
    [property: Id(10)] decimal? TotalBudget,
    [property: Id(11)] string? CrossBorderProgramme,
    [property: Id(12)] string Status,
    [property: Id(13)] IReadOnlyDictionary<string, GrantView> Grants,
    [property: Id(14)] string[] Milestones,
    [property: Id(15)] OutputView[] Outputs,
    [property: Id(16)] string[] Municipalities)
{
    /// <summary>The cross-border programme read against the list, with the co-financing rate; null without a programme.</summary>
    // Left out when there is none: a generated client reads an absent object as null, but may refuse a null one.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [Id(40)] public ProjectProgrammeView? Programme { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record IndicatorTargetView(
    [property: Id(0)] string Code,
    [property: Id(1)] decimal Value,
    [property: Id(2)] int Year);

[GenerateSerializer, Immutable]
public sealed record MeasurementView(
    [property: Id(0)] string Code,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Period,
    [property: Id(4)] string Source);

/// <summary>The targets and measured values of a province or of Flanders.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorBookView(
    [property: Id(0)] IndicatorTargetView[] Targets,
    [property: Id(1)] MeasurementView[] Measurements);

[GenerateSerializer, Immutable]
public sealed record PopulationView(
    [property: Id(0)] int ReferenceYear,
    [property: Id(1)] int Inhabitants,
    [property: Id(2)] int Municipalities);

[GenerateSerializer, Immutable]
public sealed record DecisionView(
    [property: Id(0)] string Reference,
    [property: Id(1)] string DecidingBody,
    [property: Id(2)] string Title,
    [property: Id(3)] string Domain,
    [property: Id(4)] string Summary,
    [property: Id(5)] int? VotesFor,
    [property: Id(6)] int? VotesAgainst,
    [property: Id(7)] int? VotesAbstaining,
    [property: Id(8)] decimal? Amount);

[GenerateSerializer, Immutable]
public sealed record BudgetLineView(
    [property: Id(0)] string Domain,
    [property: Id(1)] int Year,
    [property: Id(2)] decimal Amount);

[GenerateSerializer, Immutable]
public sealed record PermitAdviceView(
    [property: Id(0)] string Municipality,
    [property: Id(1)] string PermitRef,
    [property: Id(2)] decimal NetRetailAreaM2,
    [property: Id(3)] string GoodsCategory,
    [property: Id(4)] string Advice);

/// <summary>A retail appeal with its outcome once decided.</summary>
[GenerateSerializer, Immutable]
public sealed record RetailAppealView(
    [property: Id(0)] string AppealRef,
    [property: Id(1)] string Municipality,
    [property: Id(2)] string? PermitRef,
    [property: Id(3)] string? Appellant,
    [property: Id(4)] string? Outcome);

/// <summary>
/// <c>GET /api/provinces/{slug}</c>: a province. <see cref="Budget"/> lists the allocations as recorded; <see cref="Credits"/>
/// the credit of each domain and year now (allocations plus adjustments).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProvinceView(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string NisCode,
    [property: Id(3)] string Pom,
    [property: Id(4)] PopulationView[] Populations,
    [property: Id(5)] DecisionView[] Decisions,
    [property: Id(6)] BudgetLineView[] Budget,
    [property: Id(7)] IndicatorBookView Indicators,
    [property: Id(8)] PermitAdviceView[] PermitAdvice,
    [property: Id(9)] RetailAppealView[] Appeals,
    [property: Id(10)] BudgetLineView[] Credits);

[GenerateSerializer, Immutable]
public sealed record ClusterMemberView(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Kind);

[GenerateSerializer, Immutable]
public sealed record ClusterFundingView(
    [property: Id(0)] string Province,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Purpose);

/// <summary><c>GET /api/clusters/{slug}</c> and each item of <c>GET /api/clusters</c>: a cluster; <see cref="Members"/> by member name.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterView(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string Sector,
    [property: Id(3)] string Kind,
    [property: Id(4)] string? Province,
    [property: Id(5)] IReadOnlyDictionary<string, ClusterMemberView> Members,
    [property: Id(6)] ClusterFundingView[] Fundings);

[GenerateSerializer, Immutable]
public sealed record CampaignMarketView(
    [property: Id(0)] string MarketId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string Province,
    [property: Id(4)] string Weekday,
    [property: Id(5)] int Traders);

[GenerateSerializer, Immutable]
public sealed record CampaignActionView(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string[] Provinces);

/// <summary>
/// <c>GET /api/campaigns/{slug}</c> and each item of <c>GET /api/campaigns</c>: a campaign; <see cref="Municipalities"/>
/// maps each joined municipality (NIS code) to its province, <see cref="Markets"/> each joined market by its id.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampaignDetail(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] DateOnly PeriodEnd,
    [property: Id(4)] string[] Provinces,
    [property: Id(5)] CampaignTarget[] Targets,
    [property: Id(6)] IReadOnlyDictionary<string, string> Municipalities,
    [property: Id(7)] IReadOnlyDictionary<string, CampaignMarketView> Markets,
    [property: Id(8)] CampaignActionView[] Actions,
    [property: Id(9)] bool Closed,
    [property: Id(10)] string? ClosedReason);

[GenerateSerializer, Immutable]
public sealed record MarketDayView(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int TradersPresent);

[GenerateSerializer, Immutable]
public sealed record EntryBatchView(
    [property: Id(0)] int Count,
    [property: Id(1)] DateTimeOffset At);

/// <summary><c>GET /api/campaigns/{slug}/markets/{id}</c>: one market of a campaign.</summary>
[GenerateSerializer, Immutable]
public sealed record MarketView(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string MarketId,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string Province,
    [property: Id(4)] string Weekday,
    [property: Id(5)] DateOnly PeriodStart,
    [property: Id(6)] DateOnly PeriodEnd,
    [property: Id(7)] bool Closed,
    [property: Id(8)] MarketDayView[] Days,
    [property: Id(9)] EntryBatchView[] Entries,
    [property: Id(10)] int TotalEntries);

/// <summary><c>GET /api/flanders</c>: the Flemish region's targets and measured values.</summary>
[GenerateSerializer, Immutable]
public sealed record FlandersView([property: Id(0)] IndicatorBookView Indicators);
