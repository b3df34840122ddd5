namespace ProvincialMonitor.Contracts.Events;

public sealed record ProvinceRegistered(string Slug, string Name, string NisCode, string Pom) : IDomainEvent;

/// <summary>Inhabitants on 1 January of the reference year, and the municipalities the province counted then.</summary>
public sealed record PopulationRecorded(int ReferenceYear, int Inhabitants, int Municipalities) : IDomainEvent;

/// <summary>
/// A decision of the deputation or the provincial council. Its amount is informative only: money
/// indicators count budget allocations and grants, never decisions, so that nothing is counted twice.
/// </summary>
public sealed record DecisionTaken(
    string Reference,
    string DecidingBody,
    string Title,
    string Domain,
    string Summary,
    string? LegalBasis,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstaining,
    decimal? Amount) : IDomainEvent;

/// <summary>
/// The credit of a domain for a year, adopted by the provincial council (its decision reference is the envelope's).
/// Old logs may hold several for one domain and year: they are summed, as recorded.
/// </summary>
public sealed record BudgetAllocated(string Domain, int Year, decimal Amount) : IDomainEvent;

/// <summary>An adjustment of a credit: its new total and the change from the credit before (what the figures add).</summary>
public sealed record CreditAdjusted(string Domain, int Year, decimal Amount, decimal Change) : IDomainEvent;

/// <summary>
/// The province's advice on a municipality's environmental permit for retail (decree on integral retail policy). Since the
/// decree's rules were modelled it may name the application's kind and divide the net area over the categories of the list in
/// force on its effective date (m² each); older advice has neither, and its goods category is free text.
/// </summary>
public sealed record RetailPermitAdviceGiven(
    string Municipality,
    string PermitRef,
    decimal NetRetailAreaM2,
    string GoodsCategory,
    string Advice,
    string? ApplicationKind = null,
    RetailCategoryArea[]? Categories = null) : IDomainEvent;

/// <summary>
/// An appeal against a municipality's retail permit decision; the appellant by role or organisation, never a person's name (the log cannot forget).
/// The application's kind, net area and categories when given (older appeals have none).
/// </summary>
public sealed record RetailAppealFiled(
    string AppealRef,
    string Municipality,
    string? PermitRef,
    string? Appellant,
    string? ApplicationKind = null,
    decimal? NetRetailAreaM2 = null,
    RetailCategoryArea[]? Categories = null) : IDomainEvent;

public sealed record RetailAppealDecided(string AppealRef, string Outcome) : IDomainEvent;

public sealed record ProvinceCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record ProvinceRetracted(Guid RetractedEventId, string Reason) : IRetraction;

/// <summary>The bodies whose decisions a province records.</summary>
public static class DecidingBodies
{
    public static readonly string[] All = [Bodies.Deputatie, Bodies.Provincieraad];
}

public static class RetailAdvices
{
    public const string Favourable = "favourable";
    public const string Conditional = "conditional";
    public const string Unfavourable = "unfavourable";

    public static readonly string[] All = [Favourable, Conditional, Unfavourable];
}

/// <summary>
/// The outcomes of an appeal as the environmental-permit procedure has them (omgevingsvergunningsdecreet). The first three are
/// those of before and keep their meaning: the appeal granted (gegrond), rejected (ongegrond), partially granted.
/// </summary>
public static class AppealOutcomes
{
    public const string Granted = "granted";
    public const string Rejected = "rejected";
    public const string PartiallyGranted = "partially-granted";
    public const string Inadmissible = "inadmissible";
    public const string PermitGranted = "permit-granted";
    public const string PermitRefused = "permit-refused";
    public const string PermitPartiallyGranted = "permit-partially-granted";
    public const string DeemedRefused = "deemed-refused";

    public static readonly string[] All = [Granted, Rejected, PartiallyGranted, Inadmissible, PermitGranted, PermitRefused, PermitPartiallyGranted, DeemedRefused];
}
