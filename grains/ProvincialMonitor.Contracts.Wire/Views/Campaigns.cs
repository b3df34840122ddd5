namespace ProvincialMonitor.Contracts.Views;

/// <summary>What a province aims for in a campaign (Flanders: the sum of the provinces).</summary>
public sealed record CampaignGoal(
    int Municipalities,
    int Markets,
    long Entries);

/// <summary>
/// The figures of one campaign in one scope (<c>province:{slug}</c> or <c>flanders</c>). "On day" figures
/// refer to <see cref="CampaignFigures.Day"/>; <see cref="Hourly"/> has 24 hours of that day (Brussels time),
/// <see cref="Daily"/> one value per day of the period, the first day first.
/// </summary>
public sealed record CampaignScopeFigures(
    string Scope,
    string Name,
    int MunicipalitiesJoined,
    int MunicipalitiesTotal,
    int Markets,
    int Traders,
    int MarketDays,
    int TradersPresentOnDay,
    long EntriesTotal,
    long EntriesOnDay,
    CampaignGoal? Target,
    long[] Hourly,
    long[] Daily,
    long? PreviousAtSameDay);

/// <summary>A municipality that joined, with its markets and their entries.</summary>
public sealed record CampaignMunicipalityRow(
    string NisCode,
    string Name,
    string Province,
    int Markets,
    int Traders,
    long Entries);

/// <summary>A market that joined, with its days and entries.</summary>
public sealed record CampaignMarketRow(
    string Id,
    string Name,
    string Municipality,
    string MunicipalityName,
    string Province,
    string Weekday,
    int Traders,
    int MarketDays,
    long Entries,
    long EntriesOnDay,
    DateOnly? LastMarketDay);

/// <summary>
/// The live figures of one campaign, as of a position of the log. <see cref="Day"/> is the day the "on day"
/// figures refer to: today (Brussels) while the period runs, otherwise the last day of the period that has
/// entries (the period's first day when none has). <see cref="Previous"/> names the same campaign a year
/// earlier (slug with the year before), whose entries up to the same day of its period fill
/// <see cref="CampaignScopeFigures.PreviousAtSameDay"/>. Scopes: the participating provinces, then Flanders.
/// </summary>
public sealed record CampaignFigures(
    string Slug,
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string[] Provinces,
    bool Closed,
    long Position,
    DateOnly Day,
    bool DayIsToday,
    int DayOfCampaign,
    string? Previous,
    IReadOnlyList<CampaignScopeFigures> Scopes,
    IReadOnlyList<CampaignMunicipalityRow> Municipalities,
    IReadOnlyList<CampaignMarketRow> Markets,
    DateTimeOffset? LastEventAt);

/// <summary>A campaign in the list of campaigns.</summary>
public sealed record CampaignListItem(
    string Slug,
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool Closed,
    long EntriesTotal);
