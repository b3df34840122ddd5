namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// A business park (bedrijventerrein): its municipality (2025 NIS) and that municipality's province, its gross and net
/// hectares (net: what can be issued as plots), its kind (<see cref="BusinessParkKinds"/>) and its managing body (text).
/// </summary>
public sealed record BusinessParkRegistered(
    string Slug, string Name, string Municipality, string Province, decimal GrossHectares, decimal NetHectares, string Kind, string ManagingBody)
    : IDomainEvent;

/// <summary>The park's development phase from the event's effective date on (<see cref="BusinessParkPhases"/>).</summary>
public sealed record BusinessParkPhaseChanged(string Phase) : IDomainEvent;

/// <summary>
/// A plot issued (sold or given in long lease) on its effective date: hectares, the buyer (a company's name) and its sector.
/// </summary>
public sealed record PlotIssued(string Buyer, decimal Hectares, string Sector) : IDomainEvent;

/// <summary>A measurement on its effective date: hectares lying vacant on issued plots, and hectares held in reserve.</summary>
public sealed record BusinessParkVacancyMeasured(decimal VacantHectares, decimal ReserveHectares) : IDomainEvent;

public sealed record BusinessParkCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record BusinessParkRetracted(Guid RetractedEventId, string Reason) : IRetraction;

public static class BusinessParkKinds
{
    public const string Regional = "regional";
    public const string Local = "local";
    public const string Logistics = "logistics";
    public const string SciencePark = "science-park";
    public const string Port = "port";

    public static readonly string[] All = [Regional, Local, Logistics, SciencePark, Port];
}

/// <summary>A park's phases in order; <see cref="Ready"/> and after count it as activated.</summary>
public static class BusinessParkPhases
{
    public const string Planned = "planned";
    public const string InDevelopment = "in-development";
    public const string Ready = "ready";
    public const string FullyIssued = "fully-issued";

    public static readonly string[] All = [Planned, InDevelopment, Ready, FullyIssued];

    /// <summary>Ready for businesses: plots can be built on (ready or fully issued).</summary>
    public static bool IsActivated(string? phase) => phase is Ready or FullyIssued;
}
