using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>An action on one province; the province is the grain's key, never a field of the request.</summary>
[GenerateSerializer]
public abstract record ProvinceCommand : Command;

[GenerateSerializer, Immutable]
public sealed record RegisterProvince(string? Name, string? NisCode, string? Pom) : ProvinceCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("name", Name, max: 100);
        check.NisCode("nisCode", NisCode);
        check.Text("pom", Pom, max: 100);
    }
}

[GenerateSerializer, Immutable]
public sealed record RecordPopulation(int? ReferenceYear, int? Inhabitants, int? Municipalities) : ProvinceCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Year("referenceYear", ReferenceYear);
        check.AtLeast("inhabitants", Inhabitants, 1);
        check.AtLeast("municipalities", Municipalities, 1);
    }
}

[GenerateSerializer, Immutable]
public sealed record TakeDecision(
    string? Reference,
    string? DecidingBody,
    string? Title,
    string? Domain,
    string? Summary,
    string? LegalBasis,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstaining,
    [property: Money] decimal? Amount) : ProvinceCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("reference", Reference, max: 100);
        check.OneOf("decidingBody", DecidingBody, DecidingBodies.All);
        check.Text("title", Title);
        check.Domain("domain", Domain);
        check.Text("summary", Summary, max: 4000);
        check.Text("legalBasis", LegalBasis, required: false, max: 500);
        check.AtLeast("votesFor", VotesFor, 0, required: false);
        check.AtLeast("votesAgainst", VotesAgainst, 0, required: false);
        check.AtLeast("votesAbstaining", VotesAbstaining, 0, required: false);
        check.Money("amount", Amount, required: false, allowZero: true);
        // The envelope's decision reference and body, when given, describe this same decision.
        if (DecisionRef is not null && Reference is not null && DecisionRef != Reference)
            check.Add("decisionRef", Refusals.FieldDiffersFromReference);
        if (Body is not null && DecidingBody is not null && Body != DecidingBody)
            check.Add("body", Refusals.FieldDiffersFromDecidingBody);
    }
}

/// <summary>The credit of a domain for a year as the provincial council adopts it in the multi-year plan (BBC 2020): once per domain and year.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocateBudget(string? Domain, int? Year, [property: Money] decimal? Amount) : ProvinceCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Domain("domain", Domain);
        check.Year("year", Year);
        check.Money("amount", Amount);
        check.CouncilDecision(DecisionRef);
    }
}

/// <summary>An adjustment of the multi-year plan: the credit's new total (zero allowed, never negative) under the council's decision.</summary>
[GenerateSerializer, Immutable]
public sealed record AdjustCredit(string? Domain, int? Year, [property: Money] decimal? Amount) : ProvinceCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Domain("domain", Domain);
        check.Year("year", Year);
        check.Money("amount", Amount, allowZero: true);
        check.CouncilDecision(DecisionRef);
    }
}

[GenerateSerializer, Immutable]
public sealed record SetTarget(string? IndicatorCode, [property: Decimals(4)] decimal? TargetValue, int? Year) : ProvinceCommand
{
    protected override void ValidateFields(Checks check) => check.Target(IndicatorCode, TargetValue, Year);
}

[GenerateSerializer, Immutable]
public sealed record MeasureIndicator(string? IndicatorCode, [property: Decimals(4)] decimal? Value, string? Unit, string? Period, string? Source) : ProvinceCommand
{
    protected override void ValidateFields(Checks check) => check.Measurement(IndicatorCode, Value, Unit, Period, Source);
}

/// <summary>
/// The province's advice on a retail permit. Categories divide the net area over the list in force on the effective date
/// (then the goods category may be left out: the largest category stands for it); without them the goods category is free text, as before.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GiveRetailPermitAdvice(
    string? Municipality, string? PermitRef, [property: Decimals(2)] decimal? NetRetailAreaM2, string? GoodsCategory, string? Advice,
    string? ApplicationKind = null, RetailCategoryArea[]? Categories = null) : ProvinceCommand
{
    public override Command Normalized(List<FieldError> notices) =>
        this with { Municipality = MunicipalityCodes.CurrentCode("municipality", Municipality, notices) };

    protected override void ValidateFields(Checks check)
    {
        check.NisCode("municipality", Municipality);
        check.Text("permitRef", PermitRef, max: 60);
        if (check.Required("netRetailAreaM2", NetRetailAreaM2) && NetRetailAreaM2 <= 0)
            check.Add("netRetailAreaM2", Refusals.FieldNotPositive);
        check.Text("goodsCategory", GoodsCategory, required: Categories is null or { Length: 0 }, max: 100);
        check.OneOf("advice", Advice, RetailAdvices.All);
        check.RetailKind("applicationKind", ApplicationKind, required: false);
        check.RetailCategories("categories", Categories, NetRetailAreaM2, required: false);
    }
}

/// <summary>An appeal against a municipality's decision; the application's kind, net area and categories when known.</summary>
[GenerateSerializer, Immutable]
public sealed record FileRetailAppeal(
    string? AppealRef, string? Municipality, string? PermitRef, string? Appellant,
    string? ApplicationKind = null, [property: Decimals(2)] decimal? NetRetailAreaM2 = null, RetailCategoryArea[]? Categories = null) : ProvinceCommand
{
    public override Command Normalized(List<FieldError> notices) =>
        this with { Municipality = MunicipalityCodes.CurrentCode("municipality", Municipality, notices) };

    protected override void ValidateFields(Checks check)
    {
        check.Text("appealRef", AppealRef, max: 60);
        check.NisCode("municipality", Municipality);
        check.Text("permitRef", PermitRef, required: false, max: 60);
        check.Text("appellant", Appellant, required: false, max: 200);
        check.RetailKind("applicationKind", ApplicationKind, required: false);
        if (NetRetailAreaM2 <= 0) check.Add("netRetailAreaM2", Refusals.FieldNotPositive);
        if (Categories is { Length: > 0 } && NetRetailAreaM2 is null) check.Add("netRetailAreaM2", Refusals.FieldRequired);
        check.RetailCategories("categories", Categories, NetRetailAreaM2, required: false);
    }
}

[GenerateSerializer, Immutable]
public sealed record DecideRetailAppeal(string? AppealRef, string? Outcome) : ProvinceCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("appealRef", AppealRef, max: 60);
        check.OneOf("outcome", Outcome, AppealOutcomes.All);
    }
}

[GenerateSerializer, Immutable]
public sealed record CorrectProvince(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : ProvinceCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractProvinceEvent(Guid? EventId, string? Reason) : ProvinceCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}
