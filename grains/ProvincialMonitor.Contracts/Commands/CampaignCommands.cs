using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Commands;

[GenerateSerializer]
public abstract record CampaignCommand : Command;

/// <summary>A province's target as requested; nullable so that a missing number is reported by name, not read as zero.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignTargetRequest(string? Province, int? Municipalities, int? Markets, int? Entries);

[GenerateSerializer, Immutable]
public sealed record LaunchCampaign(
    string? Slug,
    string? Name,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string[]? Provinces,
    CampaignTargetRequest[]? Targets) : CampaignCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Slug("slug", Slug);
        check.Text("name", Name);
        check.Period(PeriodStart, PeriodEnd);
        check.Provinces("provinces", Provinces, required: true);
        var targets = Targets ?? [];
        for (var i = 0; i < targets.Length; i++)
        {
            var target = targets[i];
            var field = $"targets[{i}]";
            if (target is null)
            {
                check.Add(field, Refusals.FieldRequired);
                continue;
            }
            check.Province($"{field}.province", target.Province);
            if (target.Province is not null && Provinces is not null && !Provinces.Contains(target.Province))
                check.Add($"{field}.province", Refusals.FieldNotParticipatingProvince);
            if (target.Province is not null && targets.Take(i).Any(t => t?.Province == target.Province))
                check.Add($"{field}.province", Refusals.FieldTargetTwice);
            check.AtLeast($"{field}.municipalities", target.Municipalities, 0);
            // A province cannot have more municipalities take part than it has.
            var inProvince = ReferenceData.Municipalities.Count(m => m.ProvinceSlug == target.Province);
            if (target.Municipalities > inProvince && ProvinceSlugs.IsKnown(target.Province))
                check.Add($"{field}.municipalities", Refusals.FieldMoreMunicipalitiesThanProvince, ("inProvince", inProvince), ("province", target.Province));
            check.AtLeast($"{field}.markets", target.Markets, 0);
            check.AtLeast($"{field}.entries", target.Entries, 0);
        }
    }
}

[GenerateSerializer, Immutable]
public sealed record JoinMunicipality(string? Municipality) : CampaignCommand
{
    protected override void ValidateFields(Checks check) => check.NisCode("municipality", Municipality);
}

[GenerateSerializer, Immutable]
public sealed record JoinMarket(string? MarketId, string? Name, string? Municipality, string? Weekday, int? Traders) : CampaignCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Slug("marketId", MarketId);
        check.Text("name", Name);
        check.NisCode("municipality", Municipality);
        check.OneOf("weekday", Weekday, Weekdays.All);
        check.AtLeast("traders", Traders, 0);
    }
}

/// <summary>Provinces: where the action is held; none given means every participating province.</summary>
[GenerateSerializer, Immutable]
public sealed record HoldCampaignAction(string? Title, string? Description, string[]? Provinces) : CampaignCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("title", Title);
        check.Text("description", Description, required: false, max: 2000);
        check.Provinces("provinces", Provinces, required: false);
    }
}

[GenerateSerializer, Immutable]
public sealed record CloseCampaign(string? Reason) : CampaignCommand
{
    protected override void ValidateFields(Checks check) => check.Text("reason", Reason, required: false, max: 1000);
}

[GenerateSerializer, Immutable]
public sealed record CorrectCampaign(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : CampaignCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractCampaignEvent(Guid? EventId, string? Reason) : CampaignCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}

/// <summary>The checks campaigns and markets share.</summary>
public static class CampaignChecks
{
    public static void Period(this Checks check, DateOnly? start, DateOnly? end)
    {
        check.Required("periodStart", start);
        check.Required("periodEnd", end);
        if (start is { } s && end is { } e && e < s) check.Add("periodEnd", Refusals.FieldBeforePeriodStart);
    }

    /// <summary>Known provinces, each once; when required, at least one.</summary>
    public static void Provinces(this Checks check, string field, string[]? provinces, bool required)
    {
        if (provinces is not { Length: > 0 })
        {
            if (required) check.Add(field, Refusals.FieldNoProvince);
            return;
        }
        for (var i = 0; i < provinces.Length; i++)
        {
            check.Province($"{field}[{i}]", provinces[i]);
            if (provinces[i] is not null && Array.IndexOf(provinces, provinces[i]) < i) check.Add($"{field}[{i}]", Refusals.FieldGivenTwice);
        }
    }
}
