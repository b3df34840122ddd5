namespace ProvincialMonitor.Contracts.Views;

/// <summary>The denominators of a scope on the day shown: population of a reference year, municipalities of a boundary version.</summary>
public sealed record Denominators(
    long Inhabitants,
    int PopulationYear,
    int Municipalities,
    string BoundaryVersion);

/// <summary>A measured indicator (the newest period) against its newest target.</summary>
public sealed record MeasuredIndicator(
    string Code,
    decimal? Value,
    string? Unit,
    string? Period,
    string? Source,
    decimal? Target,
    int? TargetYear);

/// <summary>One month (by effective date) of one scope.</summary>
public sealed record MonthFigures(
    string Month,
    decimal Granted,
    decimal Paid,
    int Events);

/// <summary>
/// The live indicators of a province or of Flanders (scope <c>province:{slug}</c> or <c>flanders</c>), as of a
/// position of the log. <see cref="Measures"/> holds every additive figure by code (docs/http-api.md "Indicators and live updates").
/// </summary>
public sealed record ScopeIndicators(
    string Scope,
    string Name,
    long Position,
    Denominators? Denominators,
    IReadOnlyDictionary<string, decimal> Measures,
    IReadOnlyList<MeasuredIndicator> Measured,
    IReadOnlyList<MonthFigures> Monthly,
    DateTimeOffset? LastEventAt,
    int EventsToday);

/// <summary>One row of the interprovincial comparison: a scope's value of one measure.</summary>
public sealed record ComparisonRow(
    string Scope,
    string Name,
    decimal Absolute,
    decimal? Value,
    int? Rank,
    Denominators? Denominators);

/// <summary>
/// The five provinces and Flanders (the total, never ranked) on one measure, <c>per</c> <c>absolute</c>, <c>capita</c>
/// (money in euro per inhabitant, counts per 100,000 inhabitants: <see cref="Unit"/>) or <c>municipality</c>; ranks
/// among the provinces, highest first, equal values sharing a rank, none when every value is 0 (<see cref="NoRanking"/>).
/// </summary>
public sealed record Comparison(
    string Measure,
    string Per,
    long Position,
    IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>What the values are in, in Dutch: "€ per inwoner", "per 100.000 inwoners", "per gemeente"; null when absolute or a ratio.</summary>
    public string? Unit { get; init; }

    /// <summary>Why no province has a rank (every value is 0), in Dutch; null when they are ranked.</summary>
    public string? NoRanking { get; init; }
}

/// <summary>A project in the project list, with its money and its cross-border programme (null: none).</summary>
public sealed record ProjectSummary(
    string Id,
    string Title,
    string? ExternalRef,
    string LeadProvince,
    string[] ParticipatingProvinces,
    string Domain,
    string[] Clusters,
    string Status,
    decimal Granted,
    decimal Paid)
{
    // Left out when there is none: a generated client reads an absent object as null, but may refuse a null one.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ProjectProgrammeView? Programme { get; init; }
}

/// <summary>One page of the project list and the number of projects that match.</summary>
public sealed record ProjectPage(
    IReadOnlyList<ProjectSummary> Items,
    int Total,
    long Position);

/// <summary>A filter on the project list (every part optional), a sort key and a page.</summary>
public sealed record ProjectQuery(
    string? Province = null,
    string? Domain = null,
    string? Status = null,
    string? Cluster = null,
    string? Text = null,
    string Sort = "title",
    int Skip = 0,
    int Take = 50);

/// <summary>One new event, as the live ticker shows it.</summary>
public sealed record EventSummary(
    long Position,
    string StreamId,
    string EventType,
    DateOnly EffectiveDate,
    DateTimeOffset RecordedAt,
    string[] Provinces,
    string Summary);

/// <summary>What the projector pushes after a batch: the new figures of every changed scope and the new events.</summary>
public sealed record IndicatorsUpdate(
    long Position,
    IReadOnlyList<ScopeIndicators> Scopes,
    IReadOnlyList<EventSummary> Events);
