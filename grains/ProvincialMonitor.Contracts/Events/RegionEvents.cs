namespace ProvincialMonitor.Contracts.Events;

// The region records TargetSet and IndicatorMeasured (IndicatorEvents.cs) and corrects them with these.

public sealed record RegionCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record RegionRetracted(Guid RetractedEventId, string Reason) : IRetraction;
