using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>The Dutch names of the fixed choices the province, cluster and campaign forms offer, in the order they are offered.</summary>
public static class Choices
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> DecidingBodies =
        [.. DutchLabels.Bodies.Options.Where(b => Contracts.Events.DecidingBodies.All.Contains(b.Key))];

    public static IReadOnlyList<KeyValuePair<string, string>> RetailAdvices => DutchLabels.RetailAdvices.Options;

    public static IReadOnlyList<KeyValuePair<string, string>> AppealOutcomes => DutchLabels.AppealOutcomes.Options;

    public static IReadOnlyList<KeyValuePair<string, string>> Units => DutchLabels.Units.Options;

    public static IReadOnlyList<KeyValuePair<string, string>> MemberKinds => DutchLabels.MemberKinds.Options;

    public static IReadOnlyList<KeyValuePair<string, string>> FundingPurposes => DutchLabels.FundingPurposes.Options;

    public static IReadOnlyList<KeyValuePair<string, string>> Weekdays => DutchLabels.Weekdays.Options;

    public static string Weekday(string code) => DutchLabels.Weekdays.Of(code);

    /// <summary>Empty or blank text is no value; other text is trimmed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
