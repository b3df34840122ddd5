namespace ProvincialMonitor.Contracts.Views;

/// <summary>What a province aims for in a campaign (Flanders: the sum of the provinces).</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignGoal(
    [property: Id(0)] int Municipalities,
    [property: Id(1)] int Markets,
    [property: Id(2)] long Entries);

/// <summary>
/// The figures of one campaign in one scope (<c>province:{slug}</c> or <c>flanders</c>). "On day" figures
/// refer to <see cref="CampaignFigures.Day"/>; <see cref="Hourly"/> has 24 hours of that day (Brussels time),
/// <see cref="Daily"/> one value per day of the period, the first day first.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampaignScopeFigures(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Name,
    [property: Id(2)] int MunicipalitiesJoined,
    [property: Id(3)] int MunicipalitiesTotal,
    [property: Id(4)] int Markets,
    [property: Id(5)] int Traders,
    [property: Id(6)] int MarketDays,
    [property: Id(7)] int TradersPresentOnDay,
    [property: Id(8)] long EntriesTotal,
    [property: Id(9)] long EntriesOnDay,
    [property: Id(10)] CampaignGoal? Target,
    [property: Id(11)] long[] Hourly,
    [property: Id(12)] long[] Daily,
    [property: Id(13)] long? PreviousAtSameDay);

/// <summary>A municipality that joined, with its markets and their entries.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignMunicipalityRow(
    [property: Id(0)] string NisCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string Province,
    [property: Id(3)] int Markets,
    [property: Id(4)] int Traders,
    [property: Id(5)] long Entries);

/// <summary>A market that joined, with its days and entries.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignMarketRow(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string MunicipalityName,
    [property: Id(4)] string Province,
    [property: Id(5)] string Weekday,
    [property: Id(6)] int Traders,
    [property: Id(7)] int MarketDays,
    [property: Id(8)] long Entries,
    [property: Id(9)] long EntriesOnDay,
    [property: Id(10)] DateOnly? LastMarketDay);

/// <summary>
/// The live figures of one campaign, as of a position of the log. <see cref="Day"/> is the day the "on day"
/// figures refer to: today (Brussels) while the period runs, otherwise the last day of the period that has
/// entries (the period's first day when none has). <see cref="Previous"/> names the same campaign a year
/// earlier (slug with the year before), whose entries up to the same day of its period fill
/// <see cref="CampaignScopeFigures.PreviousAtSameDay"/>. Scopes: the participating provinces, then Flanders.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampaignFigures(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] DateOnly PeriodEnd,
    [property: Id(4)] string[] Provinces,
    [property: Id(5)] bool Closed,
    [property: Id(6)] long Position,
    [property: Id(7)] DateOnly Day,
    [property: Id(8)] bool DayIsToday,
    [property: Id(9)] int DayOfCampaign,
    [property: Id(10)] string? Previous,
    [property: Id(11)] IReadOnlyList<CampaignScopeFigures> Scopes,
    [property: Id(12)] IReadOnlyList<CampaignMunicipalityRow> Municipalities,
    [property: Id(13)] IReadOnlyList<CampaignMarketRow> Markets,
    [property: Id(14)] DateTimeOffset? LastEventAt);

/// <summary>A campaign in the list of campaigns.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignListItem(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] DateOnly PeriodEnd,
    [property: Id(4)] bool Closed,
    [property: Id(5)] long EntriesTotal);
