using System.Collections.Immutable;
using ProvincialMonitor.Grains.Shared;

namespace ProvincialMonitor.Grains.Provinces;

[GenerateSerializer, Immutable]
public sealed record Population(
    [property: Id(0)] int ReferenceYear,
    [property: Id(1)] int Inhabitants,
    [property: Id(2)] int Municipalities);

[GenerateSerializer, Immutable]
public sealed record ProvinceDecision(
    [property: Id(0)] string Reference,
    [property: Id(1)] string DecidingBody,
    [property: Id(2)] string Title,
    [property: Id(3)] string Domain,
    [property: Id(4)] string Summary,
    [property: Id(5)] int? VotesFor,
    [property: Id(6)] int? VotesAgainst,
    [property: Id(7)] int? VotesAbstaining,
    [property: Id(8)] decimal? Amount);

[GenerateSerializer, Immutable]
public sealed record BudgetLine(
    [property: Id(0)] string Domain,
    [property: Id(1)] int Year,
    [property: Id(2)] decimal Amount);

/// <summary>An adjustment of a credit: its new total when recorded and the change, which is what counts.</summary>
[GenerateSerializer, Immutable]
public sealed record CreditAdjustment(
    [property: Id(0)] string Domain,
    [property: Id(1)] int Year,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal Change);

[GenerateSerializer, Immutable]
public sealed record PermitAdvice(
    [property: Id(0)] string Municipality,
    [property: Id(1)] string PermitRef,
    [property: Id(2)] decimal NetRetailAreaM2,
    [property: Id(3)] string GoodsCategory,
    [property: Id(4)] string Advice,
    [property: Id(5)] Contracts.Events.RetailCategoryArea[]? Categories = null);

[GenerateSerializer, Immutable]
public sealed record RetailAppeal(
    [property: Id(0)] string AppealRef,
    [property: Id(1)] string Municipality,
    [property: Id(2)] string? PermitRef,
    [property: Id(3)] string? Appellant,
    [property: Id(4)] decimal? NetRetailAreaM2 = null);

[GenerateSerializer, Immutable]
public sealed record AppealDecision(
    [property: Id(0)] string AppealRef,
    [property: Id(1)] string Outcome);

/// <summary>The deputation's own first-instance decision on a retail permit.</summary>
[GenerateSerializer, Immutable]
public sealed record RetailPermitDecision(
    [property: Id(0)] string Municipality,
    [property: Id(1)] string PermitRef,
    [property: Id(2)] string ApplicationKind,
    [property: Id(3)] decimal NetRetailAreaM2,
    [property: Id(4)] string Decision,
    [property: Id(5)] Contracts.Events.RetailCategoryArea[]? Categories = null);

/// <summary>
/// A province as its events made it. Lists rather than dictionaries keep every recorded fact, so that the
/// invariants can see a duplicate or an orphan that a correction or retraction would create.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProvinceState(
    [property: Id(0)] string Slug,
    [property: Id(1)] bool Registered,
    [property: Id(2)] string Name,
    [property: Id(3)] string NisCode,
    [property: Id(4)] string Pom,
    [property: Id(5)] ImmutableList<Population> Populations,
    [property: Id(6)] ImmutableList<ProvinceDecision> Decisions,
    [property: Id(7)] ImmutableList<BudgetLine> Budget,
    [property: Id(8)] IndicatorBook Indicators,
    [property: Id(9)] ImmutableList<PermitAdvice> PermitAdvice,
    [property: Id(10)] ImmutableList<RetailAppeal> Appeals,
    [property: Id(11)] ImmutableList<AppealDecision> AppealDecisions,
    [property: Id(12)] ImmutableList<CreditAdjustment> Adjustments,
    [property: Id(13)] ImmutableList<RetailPermitDecision>? PermitDecisions = null)
{
    public static ProvinceState Unregistered(string slug) => new(slug, false, "", "", "", [], [], [], IndicatorBook.Empty, [], [], [], [], []);

    /// <summary>The deputation's first-instance retail decisions; none in a snapshot written before they existed.</summary>
    public ImmutableList<RetailPermitDecision> PermitDecisionsMade() => PermitDecisions ?? [];

    /// <summary>The adjustments; none in a snapshot written before adjustments existed (it decodes the list as null).</summary>
    public ImmutableList<CreditAdjustment> CreditAdjustments() => Adjustments ?? [];

    public bool IsAllocated(string domain, int year) => Budget.Exists(b => b.Domain == domain && b.Year == year);

    /// <summary>A domain's credit for a year: its allocations (an old log's several summed, as recorded) and the adjustments' changes.</summary>
    public decimal CreditOf(string domain, int year) =>
        Budget.Where(b => b.Domain == domain && b.Year == year).Sum(b => b.Amount)
        + CreditAdjustments().Where(a => a.Domain == domain && a.Year == year).Sum(a => a.Change);

    public bool IsFiled(string appealRef) => Appeals.Exists(a => a.AppealRef == appealRef);

    public bool IsDecided(string appealRef) => AppealDecisions.Exists(d => d.AppealRef == appealRef);
}
