using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Commands;

[GenerateSerializer]
public abstract record BusinessParkCommand : Command;

/// <summary>A park's registration; its province is its municipality's (a former code is read as its 2025 municipality).</summary>
[GenerateSerializer, Immutable]
public sealed record RegisterBusinessPark(
    string? Slug,
    string? Name,
    string? Municipality,
    [property: Decimals(2)] decimal? GrossHectares,
    [property: Decimals(2)] decimal? NetHectares,
    string? Kind,
    string? ManagingBody) : BusinessParkCommand
{
    public override Command Normalized(List<FieldError> notices) =>
        this with { Municipality = MunicipalityCodes.CurrentCode("municipality", Municipality, notices) };

    protected override void ValidateFields(Checks check)
    {
        check.Slug("slug", Slug);
        check.Text("name", Name, max: 100);
        check.NisCode("municipality", Municipality);
        if (Municipality is { Length: 5 } code && code.All(char.IsAsciiDigit) && ReferenceData.FindMunicipality(code) is null)
            check.Add("municipality", Refusals.FieldNotAMunicipalityNis, ("version", ReferenceData.MunicipalityBoundaryVersion));
        check.Hectares("grossHectares", GrossHectares);
        check.Hectares("netHectares", NetHectares);
        check.OneOf("kind", Kind, BusinessParkKinds.All);
        check.Text("managingBody", ManagingBody, max: 100);
    }
}

[GenerateSerializer, Immutable]
public sealed record ChangeBusinessParkPhase(string? Phase) : BusinessParkCommand
{
    protected override void ValidateFields(Checks check) => check.OneOf("phase", Phase, BusinessParkPhases.All);
}

/// <summary>A plot issued to a buyer: a company, named as text (a legal person's name is no personal data).</summary>
[GenerateSerializer, Immutable]
public sealed record IssuePlot(string? Buyer, [property: Decimals(2)] decimal? Hectares, string? Sector) : BusinessParkCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("buyer", Buyer, max: 150);
        check.Hectares("hectares", Hectares);
        check.Text("sector", Sector, max: 100);
    }
}

/// <summary>A measurement of vacancy and reserves, dated by its effective date.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordParkVacancy(
    [property: Decimals(2)] decimal? VacantHectares,
    [property: Decimals(2)] decimal? ReserveHectares) : BusinessParkCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.NotNegative("vacantHectares", VacantHectares);
        check.NotNegative("reserveHectares", ReserveHectares);
    }
}

[GenerateSerializer, Immutable]
public sealed record CorrectBusinessPark(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : BusinessParkCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractBusinessParkEvent(Guid? EventId, string? Reason) : BusinessParkCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}

public static class HectareChecks
{
    /// <summary>An area in hectares: more than zero, at most two decimals, at most 100,000.</summary>
    public static void Hectares(this Checks check, string field, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.Required(field, value)) return;
        if (value <= 0 || value > 100_000m || decimal.Round(value!.Value, 2) != value)
            check.Add(field, Refusals.FieldNotHectares);
    }
}
