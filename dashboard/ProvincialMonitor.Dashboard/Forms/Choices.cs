using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Dashboard.Live;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>The Dutch names of the fixed choices the province, cluster and campaign forms offer, in the order they are offered.</summary>
public static class Choices
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> DecidingBodies =
    [
        new(Bodies.Deputatie, "Deputatie"),
        new(Bodies.Provincieraad, "Provincieraad"),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> RetailAdvices =
    [
        new(Contracts.Events.RetailAdvices.Favourable, "Gunstig"),
        new(Contracts.Events.RetailAdvices.Conditional, "Voorwaardelijk gunstig"),
        new(Contracts.Events.RetailAdvices.Unfavourable, "Ongunstig"),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> AppealOutcomes =
    [
        new(Contracts.Events.AppealOutcomes.Granted, "Ingewilligd"),
        new(Contracts.Events.AppealOutcomes.PartiallyGranted, "Gedeeltelijk ingewilligd"),
        new(Contracts.Events.AppealOutcomes.Rejected, "Verworpen"),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> Units =
    [
        new(IndicatorUnits.Percent, "Procent"),
        new(IndicatorUnits.Count, "Aantal"),
        new(IndicatorUnits.Euro, "Euro"),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> MemberKinds =
        [.. ClusterMemberKinds.All.Select(k => new KeyValuePair<string, string>(k, DutchNames.MemberKind(k)))];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> FundingPurposes =
        [.. ClusterFundingPurposes.All.Select(p => new KeyValuePair<string, string>(p, DutchNames.Purpose(p)))];

    public static readonly IReadOnlyList<KeyValuePair<string, string>> Weekdays =
    [
        new("monday", "maandag"), new("tuesday", "dinsdag"), new("wednesday", "woensdag"), new("thursday", "donderdag"),
        new("friday", "vrijdag"), new("saturday", "zaterdag"), new("sunday", "zondag"),
    ];

    public static string Weekday(string code) => Weekdays.FirstOrDefault(w => w.Key == code).Value ?? code;

    /// <summary>Empty or blank text is no value; other text is trimmed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
