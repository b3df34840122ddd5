using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Campaigns;

/// <summary>How far a scope is towards its entries target, in five bands that each have a colour and a word.</summary>
public sealed record ProgressBand(string Code, string Label);

/// <summary>The arithmetic and the Dutch words of the campaign page, kept out of the markup so that they can be tested.</summary>
public static class CampaignView
{
    public const string Flanders = "flanders";

    /// <summary>The provinces in the order they lie from west to east, as the tile grid draws them.</summary>
    public static readonly IReadOnlyList<string> WestToEast = ["west-vlaanderen", "oost-vlaanderen", "antwerpen", "vlaams-brabant", "limburg"];

    public static readonly IReadOnlyList<ProgressBand> Bands =
    [
        new("none", "geen doel"),
        new("low", "minder dan 25 %"),
        new("quarter", "25 tot 50 %"),
        new("half", "50 tot 75 %"),
        new("three-quarters", "75 tot 100 %"),
        new("reached", "doel bereikt"),
    ];

    private static readonly Dictionary<string, string> ProvinceNames = new(StringComparer.Ordinal)
    {
        ["antwerpen"] = "Antwerpen",
        ["limburg"] = "Limburg",
        ["oost-vlaanderen"] = "Oost-Vlaanderen",
        ["vlaams-brabant"] = "Vlaams-Brabant",
        ["west-vlaanderen"] = "West-Vlaanderen",
    };

    private static readonly Dictionary<string, string> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = "maandag",
        ["tuesday"] = "dinsdag",
        ["wednesday"] = "woensdag",
        ["thursday"] = "donderdag",
        ["friday"] = "vrijdag",
        ["saturday"] = "zaterdag",
        ["sunday"] = "zondag",
    };

    /// <summary>"province:limburg" and "limburg" both as "limburg".</summary>
    public static string Slug(string scope) => scope.StartsWith("province:", StringComparison.Ordinal) ? scope["province:".Length..] : scope;

    public static string ProvinceName(string provinceOrScope)
    {
        var slug = Slug(provinceOrScope);
        return slug == Flanders ? "Vlaanderen" : ProvinceNames.GetValueOrDefault(slug) ?? slug;
    }

    public static string WeekdayName(string weekday) => WeekdayNames.GetValueOrDefault(weekday) ?? weekday;

    /// <summary>Days from the first to the last day of the period, both counted.</summary>
    public static int PeriodDays(CampaignFigures figures) => figures.PeriodEnd.DayNumber - figures.PeriodStart.DayNumber + 1;

    /// <summary>"dag 12 van 30".</summary>
    public static string DayOfPeriod(CampaignFigures figures) =>
        $"dag {NlBe.Number(figures.DayOfCampaign)} van {NlBe.Number(PeriodDays(figures))}";

    /// <summary>"01/04/2027 – 30/04/2027".</summary>
    public static string Period(DateOnly start, DateOnly end) => $"{NlBe.Date(start)} – {NlBe.Date(end)}";

    /// <summary>"vandaag" when the figures of the day are today's, otherwise "op 12/04/2027".</summary>
    public static string DayLabel(CampaignFigures figures) => figures.DayIsToday ? "vandaag" : "op " + NlBe.Date(figures.Day);

    /// <summary>The state of a campaign in one or two words: closed, running, not started yet or past its period.</summary>
    public static string Status(bool closed, DateOnly start, DateOnly end, DateOnly today) =>
        closed ? "Afgesloten"
        : today < start ? "Gepland"
        : today > end ? "Periode voorbij"
        : "Loopt";

    /// <summary>A part of a whole in percent, one decimal rounded half away from zero as a reader would; null when there is no whole to compare with.</summary>
    public static decimal? Share(long part, long whole) => whole > 0 ? decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>"33,3 %", or "–" without a whole.</summary>
    public static string ShareText(long part, long whole) => Share(part, whole) is { } share ? NlBe.Percent(share) : "–";

    /// <summary>The band of the entries against the entries target.</summary>
    public static ProgressBand Band(CampaignScopeFigures scope)
    {
        if (Share(scope.EntriesTotal, scope.Target?.Entries ?? 0) is not { } share) return Bands[0];
        return share switch
        {
            >= 100m => Bands[5],
            >= 75m => Bands[4],
            >= 50m => Bands[3],
            >= 25m => Bands[2],
            _ => Bands[1],
        };
    }

    /// <summary>
    /// The entries against last year's campaign up to the same day of its period, "+12,5 % t.o.v. vorig jaar";
    /// null when there was no campaign last year.
    /// </summary>
    public static string? Comparison(CampaignScopeFigures scope)
    {
        if (scope.PreviousAtSameDay is not { } previous) return null;
        if (previous == 0) return scope.EntriesTotal == 0 ? "evenveel als vorig jaar (0)" : "vorig jaar op dezelfde dag nog geen deelnames";
        var change = decimal.Round((scope.EntriesTotal - previous) * 100m / previous, 1, MidpointRounding.AwayFromZero);
        var sign = change > 0 ? "+" : change < 0 ? "−" : "";
        return $"{sign}{NlBe.Percent(Math.Abs(change))} t.o.v. vorig jaar";
    }

    /// <summary>The newest campaign that runs today, else the newest one; null without campaigns.</summary>
    public static CampaignListItem? Current(IReadOnlyList<CampaignListItem> campaigns, DateOnly today)
    {
        var newest = Newest(campaigns);
        return newest.FirstOrDefault(c => c.PeriodStart <= today && today <= c.PeriodEnd && !c.Closed)
            ?? (newest.Count > 0 ? newest[0] : null);
    }

    /// <summary>The newest period first (the source already answers so; this keeps the page right if it did not).</summary>
    public static IReadOnlyList<CampaignListItem> Newest(IEnumerable<CampaignListItem> campaigns) =>
        campaigns.OrderByDescending(c => c.PeriodStart).ThenByDescending(c => c.PeriodEnd).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();

    /// <summary>The provinces of the campaign, in its own order, without Flanders.</summary>
    public static IReadOnlyList<CampaignScopeFigures> Provinces(CampaignFigures figures) =>
        figures.Scopes.Where(s => s.Scope != Flanders).ToList();

    public static CampaignScopeFigures? FlandersScope(CampaignFigures figures) => figures.Scopes.FirstOrDefault(s => s.Scope == Flanders);
}

/// <summary>A market as its table shows and sorts it: the weekday in week order and the province by its Dutch name.</summary>
public sealed record MarketLine(CampaignMarketRow Row)
{
    private static readonly string[] Week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public string Name => Row.Name;

    public string MunicipalityName => Row.MunicipalityName;

    public string Province => CampaignView.Slug(Row.Province);

    public string ProvinceName => CampaignView.ProvinceName(Row.Province);

    /// <summary>Monday 0 … Sunday 6; an unknown day last.</summary>
    public int WeekdayOrder => Array.IndexOf(Week, Row.Weekday.ToLowerInvariant()) is var i and >= 0 ? i : Week.Length;

    public string WeekdayName => CampaignView.WeekdayName(Row.Weekday);

    public int Traders => Row.Traders;

    public int MarketDays => Row.MarketDays;

    public long EntriesOnDay => Row.EntriesOnDay;

    public long Entries => Row.Entries;

    public DateOnly? LastMarketDay => Row.LastMarketDay;
}
