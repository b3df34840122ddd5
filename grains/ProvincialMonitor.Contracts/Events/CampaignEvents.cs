namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// What a participating province aims for in a campaign. Serializable for Orleans as well, because the
/// campaign's state (snapshotted by Orleans) keeps the targets as they were launched.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampaignTarget(
    [property: Id(0)] string Province,
    [property: Id(1)] int Municipalities,
    [property: Id(2)] int Markets,
    [property: Id(3)] int Entries);

/// <summary>The period is planned: it may lie wholly in the future when the campaign is launched.</summary>
public sealed record CampaignLaunched(
    string Slug,
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string[] Provinces,
    CampaignTarget[] Targets) : IDomainEvent;

/// <summary>Municipality: the NIS code; Province: the municipality's province, as the reference data gives it.</summary>
public sealed record MunicipalityJoined(string Municipality, string Province) : IDomainEvent;

/// <summary>Weekday: monday … sunday; Traders: the traders the market usually has.</summary>
public sealed record MarketJoined(string MarketId, string Name, string Municipality, string Province, string Weekday, int Traders) : IDomainEvent;

/// <summary>Provinces: where the action was held (by default every participating province).</summary>
public sealed record CampaignActionHeld(string Title, string? Description, string[] Provinces) : IDomainEvent;

public sealed record CampaignClosed(string? Reason) : IDomainEvent;

public sealed record CampaignCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record CampaignRetracted(Guid RetractedEventId, string Reason) : IRetraction;

/// <summary>
/// A market that joined a campaign, as its own stream knows it: it copies the campaign's period, so that the
/// market decides its facts without asking the campaign.
/// </summary>
public sealed record MarketRegistered(
    string Campaign,
    string MarketId,
    string Municipality,
    string Province,
    string Weekday,
    DateOnly PeriodStart,
    DateOnly PeriodEnd) : IDomainEvent;

public sealed record MarketDayHeld(DateOnly Date, int TradersPresent) : IDomainEvent;

/// <summary>Competition cards handed out; At is the moment they were counted (hour-by-hour figures use it).</summary>
public sealed record EntriesRegistered(int Count, DateTimeOffset At) : IDomainEvent;

/// <summary>Recorded on each market when its campaign closes: the market cannot see the campaign's stream.</summary>
public sealed record MarketClosed(string? Reason) : IDomainEvent;

public sealed record MarketCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record MarketRetracted(Guid RetractedEventId, string Reason) : IRetraction;

public static class Weekdays
{
    public static readonly string[] All = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
}
