namespace ProvincialMonitor.Contracts.Views;

/// <summary>
/// One event behind a figure: what it adds to the figure now (a corrected amount as corrected; nothing when retracted,
/// and then marked), with the title of its project (or the name of its province or cluster).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FigureLine(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Position,
    [property: Id(2)] string StreamId,
    [property: Id(3)] string EventType,
    [property: Id(4)] DateOnly EffectiveDate,
    [property: Id(5)] string Title,
    [property: Id(6)] decimal Amount,
    [property: Id(7)] bool Corrected,
    [property: Id(8)] bool Retracted);

/// <summary>
/// A figure with exactly the events that make it (docs/measures.md): <see cref="Total"/> is the sum of the lines that
/// are not retracted, and equals the figure of the scope as of the same moment.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FigureExplanation(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Measure,
    [property: Id(2)] string Label,
    [property: Id(3)] decimal Total,
    [property: Id(4)] long Position,
    [property: Id(5)] FigureLine[] Lines);
