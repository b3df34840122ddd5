namespace ProvincialMonitor.Contracts.Views;

/// <summary>The denominators of a scope on the day shown: population of a reference year, municipalities of a boundary version.</summary>
[GenerateSerializer, Immutable]
public sealed record Denominators(
    [property: Id(0)] long Inhabitants,
    [property: Id(1)] int PopulationYear,
    [property: Id(2)] int Municipalities,
    [property: Id(3)] string BoundaryVersion);

/// <summary>A measured indicator (the newest period) against its newest target.</summary>
[GenerateSerializer, Immutable]
public sealed record MeasuredIndicator(
    [property: Id(0)] string Code,
    [property: Id(1)] decimal? Value,
    [property: Id(2)] string? Unit,
    [property: Id(3)] string? Period,
    [property: Id(4)] string? Source,
    [property: Id(5)] decimal? Target,
    [property: Id(6)] int? TargetYear);

/// <summary>One month (by effective date) of one scope.</summary>
[GenerateSerializer, Immutable]
public sealed record MonthFigures(
    [property: Id(0)] string Month,
    [property: Id(1)] decimal Granted,
    [property: Id(2)] decimal Paid,
    [property: Id(3)] int Events);

/// <summary>
/// The live indicators of a province or of Flanders (scope <c>province:{slug}</c> or <c>flanders</c>), as of a
/// position of the log. <see cref="Measures"/> holds every additive figure by code (docs/http-api.md "Indicators and live updates").
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScopeIndicators(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Name,
    [property: Id(2)] long Position,
    [property: Id(3)] Denominators? Denominators,
    [property: Id(4)] IReadOnlyDictionary<string, decimal> Measures,
    [property: Id(5)] IReadOnlyList<MeasuredIndicator> Measured,
    [property: Id(6)] IReadOnlyList<MonthFigures> Monthly,
    [property: Id(7)] DateTimeOffset? LastEventAt,
    [property: Id(8)] int EventsToday);

/// <summary>One row of the interprovincial comparison: a scope's value of one measure.</summary>
[GenerateSerializer, Immutable]
public sealed record ComparisonRow(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Absolute,
    [property: Id(3)] decimal? Value,
    [property: Id(4)] int? Rank,
    [property: Id(5)] Denominators? Denominators);

/// <summary>
/// The five provinces and Flanders (the total, never ranked) on one measure, <c>per</c> <c>absolute</c>, <c>capita</c>
/// (money in euro per inhabitant, counts per 100,000 inhabitants: <see cref="Unit"/>) or <c>municipality</c>; ranks
/// among the provinces, highest first, equal values sharing a rank, none when every value is 0 (<see cref="NoRanking"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Comparison(
    [property: Id(0)] string Measure,
    [property: Id(1)] string Per,
    [property: Id(2)] long Position,
    [property: Id(3)] IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>What the values are in, in Dutch: "€ per inwoner", "per 100.000 inwoners", "per gemeente"; null when absolute or a ratio.</summary>
    [Id(4)] public string? Unit { get; init; }

    /// <summary>Why no province has a rank (every value is 0), in Dutch; null when they are ranked.</summary>
    [Id(5)] public string? NoRanking { get; init; }
}

/// <summary>A project in the project list, with its money and its cross-border programme (null: none).</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? ExternalRef,
    [property: Id(3)] string LeadProvince,
    [property: Id(4)] string[] ParticipatingProvinces,
    [property: Id(5)] string Domain,
    [property: Id(6)] string[] Clusters,
    [property: Id(7)] string Status,
    [property: Id(8)] decimal Granted,
    [property: Id(9)] decimal Paid)
{
    [Id(10)] public ProjectProgrammeView? Programme { get; init; }
}

/// <summary>One page of the project list and the number of projects that match.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectPage(
    [property: Id(0)] IReadOnlyList<ProjectSummary> Items,
    [property: Id(1)] int Total,
    [property: Id(2)] long Position);

/// <summary>A filter on the project list (every part optional), a sort key and a page.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectQuery(
    [property: Id(0)] string? Province = null,
    [property: Id(1)] string? Domain = null,
    [property: Id(2)] string? Status = null,
    [property: Id(3)] string? Cluster = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] string Sort = "title",
    [property: Id(6)] int Skip = 0,
    [property: Id(7)] int Take = 50);

/// <summary>One new event, as the live ticker shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record EventSummary(
    [property: Id(0)] long Position,
    [property: Id(1)] string StreamId,
    [property: Id(2)] string EventType,
    [property: Id(3)] DateOnly EffectiveDate,
    [property: Id(4)] DateTimeOffset RecordedAt,
    [property: Id(5)] string[] Provinces,
    [property: Id(6)] string Summary);

/// <summary>What the projector pushes after a batch: the new figures of every changed scope and the new events.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorsUpdate(
    [property: Id(0)] long Position,
    [property: Id(1)] IReadOnlyList<ScopeIndicators> Scopes,
    [property: Id(2)] IReadOnlyList<EventSummary> Events);
