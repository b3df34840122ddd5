namespace ProvincialMonitor.Contracts.Events;

/// <summary>An event that corrects fields of an earlier event of the same stream. The original stays in the log.</summary>
public interface ICorrection : IDomainEvent
{
    Guid CorrectedEventId { get; }
    FieldCorrection[] Changes { get; }
    string Reason { get; }
}

/// <summary>An event that withdraws an earlier event of the same stream recorded by mistake. The original stays in the log.</summary>
public interface IRetraction : IDomainEvent
{
    Guid RetractedEventId { get; }
    string Reason { get; }
}
