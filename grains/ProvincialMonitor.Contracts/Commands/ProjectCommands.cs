using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Contracts.Commands;

[GenerateSerializer]
public abstract record ProjectCommand : Command;

[GenerateSerializer, Immutable]
public sealed record RegisterProject(
    string? Title,
    string? ExternalRef,
    string? LeadProvince,
    string[]? ParticipatingProvinces,
    string? Domain,
    string[]? Clusters,
    string[]? Partners,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    [property: Money] decimal? TotalBudget,
    string? CrossBorderProgramme,
    string[]? Municipalities = null,
    [property: Decimals(2)] decimal? CoFinancingRate = null) : ProjectCommand
{
    public override Command Normalized(List<FieldError> notices) =>
        this with { Municipalities = MunicipalityCodes.Current("municipalities", Municipalities, notices) };

    protected override void ValidateFields(Checks check)
    {
        check.Text("title", Title);
        check.Text("externalRef", ExternalRef, required: false, max: 60);
        check.Province("leadProvince", LeadProvince);
        foreach (var (province, i) in (ParticipatingProvinces ?? []).Select((p, i) => (p, i)))
            check.Province($"participatingProvinces[{i}]", province);
        check.Domain("domain", Domain);
        foreach (var (cluster, i) in (Clusters ?? []).Select((c, i) => (c, i)))
            check.Slug($"clusters[{i}]", cluster);
        foreach (var (partner, i) in (Partners ?? []).Select((p, i) => (p, i)))
            check.Text($"partners[{i}]", partner);
        if (PlannedStart is { } start && PlannedEnd is { } end && end < start)
            check.Add("plannedEnd", Refusals.FieldBeforePlannedStart);
        check.Money("totalBudget", TotalBudget, required: false, allowZero: true);
        check.Programme(this);
        check.CheckLocation("municipalities", Municipalities, required: false);
    }
}

[GenerateSerializer, Immutable]
public sealed record AddPartner(string? Name, string? Kind) : ProjectCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("name", Name);
        check.Text("kind", Kind, required: false, max: 60);
        if (Kind == PartnerKinds.CooperationBody && Name is not null && Reference.CrossBorderReference.FindBody(Name) is null)
            check.Add("name", Refusals.FieldNotACooperationBody, ("options", string.Join(", ", Reference.CrossBorderReference.CooperationBodies.Select(b => b.NameNl))));
    }
}

[GenerateSerializer, Immutable]
public sealed record ReachMilestone(string? Milestone, string? Description) : ProjectCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("milestone", Milestone);
        check.Text("description", Description, required: false, max: 2000);
    }
}

[GenerateSerializer, Immutable]
public sealed partial record ReportOutput(string? Metric, [property: Decimals(4)] decimal? Value, string? Period) : ProjectCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.OneOf("metric", Metric, OutputMetrics.All);
        check.NotNegative("value", Value);
        if (check.Required("period", Period) && !PeriodPattern().IsMatch(Period!))
            check.Add("period", Refusals.FieldNotAPeriod);
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$")]
    private static partial Regex PeriodPattern();
}

[GenerateSerializer, Immutable]
public sealed record ChangeProjectStatus(string? Status) : ProjectCommand
{
    protected override void ValidateFields(Checks check) => check.OneOf("status", Status, ProjectStatuses.All);
}

/// <summary>
/// Where the project takes place: one or more Flemish municipalities by their NIS code on the 2025 boundaries (a former code
/// is read as its 2025 municipality), each in the lead or a participating province; replaces the earlier location whole.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LocateProject(string[]? Municipalities) : ProjectCommand
{
    public override Command Normalized(List<FieldError> notices) =>
        this with { Municipalities = MunicipalityCodes.Current("municipalities", Municipalities, notices) };

    protected override void ValidateFields(Checks check) => check.CheckLocation("municipalities", Municipalities, required: true);
}

[GenerateSerializer, Immutable]
public sealed record CorrectProject(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : ProjectCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractProjectEvent(Guid? EventId, string? Reason) : ProjectCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}
