namespace ProvincialMonitor.Contracts.Events;

/// <summary>The part of a net retail area given to one category of retail activity (a code of the list in force), in m².</summary>
[GenerateSerializer, Immutable]
public sealed record RetailCategoryArea([property: Id(0)] string? Category, [property: Id(1)] decimal? AreaM2);

/// <summary>
/// The deputation's own decision in first instance on a retail permit: above the competence threshold, outside the centre
/// cities (its appeal goes to the Flemish government, not to the province).
/// </summary>
public sealed record RetailPermitDecided(
    string Municipality,
    string PermitRef,
    string ApplicationKind,
    decimal NetRetailAreaM2,
    RetailCategoryArea[] Categories,
    string Decision) : IDomainEvent;


/// <summary>A first-instance decision on a permit: granted, partially granted, refused, or deemed refused (no decision in time).</summary>
public static class RetailPermitDecisions
{
    public const string Granted = "granted";
    public const string PartiallyGranted = "partially-granted";
    public const string Refused = "refused";
    public const string DeemedRefused = "deemed-refused";

    public static readonly string[] All = [Granted, PartiallyGranted, Refused, DeemedRefused];
}
