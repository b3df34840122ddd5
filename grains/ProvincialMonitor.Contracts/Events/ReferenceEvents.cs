namespace ProvincialMonitor.Contracts.Events;

public sealed record MunicipalityRow(string NisCode, string NameNl, string NameFr, string ArrondissementNis, string Province, string[] MergedFromNis);

/// <summary>
/// The municipalities of one boundary version (stream <c>reference-municipalities</c>): a later boundary
/// change is one more event, so figures per municipality know which version was in force.
/// </summary>
public sealed record MunicipalitiesLoaded(string BoundaryVersion, DateOnly InForceFrom, string Source, MunicipalityRow[] Municipalities) : IDomainEvent;
