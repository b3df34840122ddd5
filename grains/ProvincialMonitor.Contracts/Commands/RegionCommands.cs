using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>An action on the Flemish region (key <c>vlaanderen</c>), which always exists.</summary>
[GenerateSerializer, Immutable]
public abstract record RegionCommand : Command;

[GenerateSerializer, Immutable]
public sealed record SetRegionTarget(string? IndicatorCode, [property: Decimals(4)] decimal? TargetValue, int? Year) : RegionCommand
{
    protected override void ValidateFields(Checks check) => check.Target(IndicatorCode, TargetValue, Year);
}

[GenerateSerializer, Immutable]
public sealed record MeasureRegionIndicator(string? IndicatorCode, [property: Decimals(4)] decimal? Value, string? Unit, string? Period, string? Source) : RegionCommand
{
    protected override void ValidateFields(Checks check) => check.Measurement(IndicatorCode, Value, Unit, Period, Source);
}

[GenerateSerializer, Immutable]
public sealed record CorrectRegion(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : RegionCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractRegionEvent(Guid? EventId, string? Reason) : RegionCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}
