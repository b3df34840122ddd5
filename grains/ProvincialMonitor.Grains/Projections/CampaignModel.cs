using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The campaign figures folded from the global log: each campaign's launch, municipalities and markets (its
/// own stream), and each market's days and entries (the markets' streams). Entries count for the Brussels
/// day and hour they were handed out. A correction takes the old fact out and puts the corrected one in; a
/// retraction takes it out. Deterministic: the same events give the same figures.
/// </summary>
public sealed class CampaignModel : IProjectionModel
{
    private readonly Dictionary<string, CampaignRecord> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Campaign, string Market)> _marketStreams = new(StringComparer.Ordinal);
    // The events this model corrected or retracted, as they now stand; any other event a correction names comes
    // from the store with the correction (Amendments).
    private readonly Dictionary<Guid, RememberedFact> _amended = [];
    private readonly ChangedKeys _changed = new();

    public const string Projection = ReadModels.Campaigns;

    public string Name => Projection;

    public long Position { get; private set; }

    public IReadOnlyCollection<string> TakeChanged() => _changed.Take();

    public void Apply(RecordedEvent recorded, RecordedEvent? target = null)
    {
        Position = recorded.Position;
        var stream = recorded.StreamId;
        if (StreamIds.CampaignSlug(stream) is null && StreamIds.After(stream, StreamIds.MarketPrefix) is null) return;
        var e = Deserialize(recorded.EventType, recorded.Data);
        switch (e)
        {
            case null:
                return;
            case ICorrection correction when OriginalOf(correction.CorrectedEventId, recorded, target) is { Retracted: false } original:
                var patched = Evolution.Patch(original.Data, correction.Changes);
                if (Deserialize(original.EventType, original.Data) is not { } before || Deserialize(original.EventType, patched) is not { } after) return;
                Fold(before, stream, -1, recorded.RecordedAt);
                _amended[correction.CorrectedEventId] = original with { Data = patched };
                Fold(after, stream, +1, recorded.RecordedAt);
                return;
            case IRetraction retraction when OriginalOf(retraction.RetractedEventId, recorded, target) is { Retracted: false } original:
                if (Deserialize(original.EventType, original.Data) is not { } withdrawn) return;
                Fold(withdrawn, stream, -1, recorded.RecordedAt);
                _amended[retraction.RetractedEventId] = original with { Retracted = true };
                return;
            case ICorrection or IRetraction:
                return;
            default:
                Fold(e, stream, +1, recorded.RecordedAt);
                return;
        }
    }

    private void Fold(IDomainEvent e, string stream, int sign, DateTimeOffset recordedAt)
    {
        if (StreamIds.CampaignSlug(stream) is { } slug)
        {
            var campaign = CampaignOf(slug);
            campaign.LastEventAt = recordedAt;
            _changed.Add(slug);
            switch (e)
            {
                case CampaignLaunched launched:
                    campaign.Launch = sign > 0 ? launched : null;
                    break;
                case MunicipalityJoined joined:
                    if (sign > 0) campaign.Municipalities[joined.Municipality] = joined.Province;
                    else campaign.Municipalities.Remove(joined.Municipality);
                    break;
                case MarketJoined market:
                    if (sign > 0) campaign.Markets[market.MarketId] = market;
                    else campaign.Markets.Remove(market.MarketId);
                    break;
                case CampaignClosed:
                    campaign.Closed = sign > 0;
                    break;
            }
            return;
        }

        if (e is MarketRegistered registered)
        {
            if (sign > 0) _marketStreams[stream] = (registered.Campaign, registered.MarketId);
            return;
        }
        if (!_marketStreams.TryGetValue(stream, out var owner)) return;
        var record = CampaignOf(owner.Campaign);
        record.LastEventAt = recordedAt;
        _changed.Add(owner.Campaign);
        switch (e)
        {
            case MarketDayHeld day:
                var held = record.DayOf(owner.Market, day.Date);
                held.Days += sign;
                held.TradersPresent += sign * day.TradersPresent;
                break;
            case EntriesRegistered entries:
                var local = MonitorClock.InBrussels(entries.At);
                record.DayOf(owner.Market, DateOnly.FromDateTime(local.DateTime)).Hourly[local.Hour] += sign * entries.Count;
                break;
        }
    }

    private CampaignRecord CampaignOf(string slug)
    {
        if (!_campaigns.TryGetValue(slug, out var campaign)) _campaigns[slug] = campaign = new CampaignRecord();
        return campaign;
    }

    /// <summary>Every launched campaign, newest period first.</summary>
    public CampaignListItem[] Campaigns() =>
        [.. _campaigns
            .Where(c => c.Value.Launch is not null)
            .Select(c => new CampaignListItem(c.Key, c.Value.Launch!.Name, c.Value.Launch.PeriodStart, c.Value.Launch.PeriodEnd, c.Value.Closed,
                c.Value.MarketDays.Sum(d => d.Value.Hourly.Sum())))
            .OrderByDescending(c => c.PeriodStart).ThenBy(c => c.Slug, StringComparer.Ordinal)];

    /// <summary>The figures of a campaign as of <paramref name="now"/> (which decides the day shown), or null when it was not launched.</summary>
    public CampaignFigures? View(string slug, DateTimeOffset now)
    {
        if (!_campaigns.TryGetValue(slug, out var campaign) || campaign.Launch is not { } launch) return null;
        var today = MonitorClock.DateOf(now);
        var day = DayShown(campaign, launch, today);
        var dayIndex = day.DayNumber - launch.PeriodStart.DayNumber;
        var previousSlug = PreviousOf(slug);
        var previous = previousSlug is not null && _campaigns.TryGetValue(previousSlug, out var p) && p.Launch is not null ? p : null;

        var daysByMarket = campaign.MarketDays.ToLookup(d => d.Key.Market, StringComparer.Ordinal);
        var markets = campaign.Markets.Values
            .OrderBy(m => m.Province, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => MarketRow(m, [.. daysByMarket[m.MarketId]], day))
            .ToList();
        var byMunicipality = markets.ToLookup(m => m.Municipality, StringComparer.Ordinal);
        var municipalities = campaign.Municipalities
            .Select(m => new CampaignMunicipalityRow(m.Key, ReferenceData.FindMunicipality(m.Key)?.NameNl ?? m.Key, m.Value,
                byMunicipality[m.Key].Count(), byMunicipality[m.Key].Sum(r => r.Traders), byMunicipality[m.Key].Sum(r => r.Entries)))
            .OrderBy(m => m.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-BE"), ignoreCase: true))
            .ToList();

        var scopes = launch.Provinces.Select(province => Scope(campaign, launch, province, day, previous, dayIndex)).ToList();
        scopes.Add(Scope(campaign, launch, null, day, previous, dayIndex));
        return new CampaignFigures(slug, launch.Name, launch.PeriodStart, launch.PeriodEnd, launch.Provinces, campaign.Closed, Position,
            day, day == today, dayIndex + 1, previous is null ? null : previousSlug, scopes, municipalities, markets, campaign.LastEventAt);
    }

    /// <summary>Today while the period runs; otherwise the last day of the period with entries, or its first day.</summary>
    private static DateOnly DayShown(CampaignRecord campaign, CampaignLaunched launch, DateOnly today)
    {
        if (today >= launch.PeriodStart && today <= launch.PeriodEnd) return today;
        var withEntries = campaign.MarketDays
            .Where(d => d.Key.Date >= launch.PeriodStart && d.Key.Date <= launch.PeriodEnd && d.Value.Hourly.Any(h => h != 0))
            .Select(d => d.Key.Date)
            .DefaultIfEmpty(launch.PeriodStart)
            .Max();
        return withEntries;
    }

    /// <summary>
    /// The same campaign a year earlier: the slug ends in a year (<c>-2026</c>) or a date (<c>-20261206</c>, the demo's
    /// daily campaign), and the year before, or the same date a year before, replaces it.
    /// </summary>
    public static string? PreviousOf(string slug)
    {
        var dash = slug.LastIndexOf('-');
        if (dash <= 0) return null;
        var tail = slug.AsSpan(dash + 1);
        if (tail.Length == 4 && int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return $"{slug[..dash]}-{(year - 1).ToString(CultureInfo.InvariantCulture)}";
        return tail.Length == 8 && DateOnly.TryParseExact(tail, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $"{slug[..dash]}-{date.AddYears(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}"
            : null;
    }

    private static CampaignMarketRow MarketRow(MarketJoined market, List<KeyValuePair<(string Market, DateOnly Date), MarketDayFigures>> days, DateOnly day)
    {
        var held = days.Where(d => d.Value.Days > 0).Select(d => d.Key.Date).ToList();
        return new CampaignMarketRow(market.MarketId, market.Name, market.Municipality,
            ReferenceData.FindMunicipality(market.Municipality)?.NameNl ?? market.Municipality, market.Province, market.Weekday, market.Traders,
            held.Count, days.Sum(d => d.Value.Hourly.Sum()), days.Where(d => d.Key.Date == day).Sum(d => d.Value.Hourly.Sum()),
            held.Count > 0 ? held.Max() : null);
    }

    private static CampaignScopeFigures Scope(CampaignRecord campaign, CampaignLaunched launch, string? province, DateOnly day, CampaignRecord? previous, int dayIndex)
    {
        bool In(string p) => province is null ? launch.Provinces.Contains(p) : p == province;
        var markets = campaign.Markets.Values.Where(m => In(m.Province)).ToList();
        var marketIds = markets.Select(m => m.MarketId).ToHashSet(StringComparer.Ordinal);
        var days = campaign.MarketDays.Where(d => marketIds.Contains(d.Key.Market)).ToList();
        var hourly = new long[24];
        foreach (var d in days.Where(d => d.Key.Date == day))
            for (var h = 0; h < 24; h++) hourly[h] += d.Value.Hourly[h];
        var daily = Daily(days, launch);
        var targets = launch.Targets.Where(t => In(t.Province)).ToList();
        var goal = targets.Count == 0 ? null
            : new CampaignGoal(targets.Sum(t => t.Municipalities), targets.Sum(t => t.Markets), targets.Sum(t => (long)t.Entries));

        long? previousAtSameDay = null;
        if (previous?.Launch is { } before)
        {
            var previousIds = previous.Markets.Values.Where(m => province is null ? before.Provinces.Contains(m.Province) : m.Province == province)
                .Select(m => m.MarketId).ToHashSet(StringComparer.Ordinal);
            previousAtSameDay = Daily(previous.MarketDays.Where(d => previousIds.Contains(d.Key.Market)), before).Take(dayIndex + 1).Sum();
        }

        var scope = province is null ? Contributions.Flanders : Contributions.Province(province);
        var name = province is null ? "Vlaanderen" : ReferenceData.FindProvince(province)?.NameNl ?? province;
        return new CampaignScopeFigures(scope, name,
            campaign.Municipalities.Count(m => In(m.Value)),
            ReferenceData.Municipalities.Count(m => In(m.ProvinceSlug)),
            markets.Count, markets.Sum(m => m.Traders),
            days.Sum(d => Math.Max(0, d.Value.Days)),
            days.Where(d => d.Key.Date == day).Sum(d => d.Value.TradersPresent),
            days.Sum(d => d.Value.Hourly.Sum()),
            hourly.Sum(), goal, hourly, daily, previousAtSameDay);
    }

    private static long[] Daily(IEnumerable<KeyValuePair<(string Market, DateOnly Date), MarketDayFigures>> days, CampaignLaunched launch)
    {
        var daily = new long[Math.Max(0, launch.PeriodEnd.DayNumber - launch.PeriodStart.DayNumber + 1)];
        foreach (var d in days)
        {
            var index = d.Key.Date.DayNumber - launch.PeriodStart.DayNumber;
            if (index >= 0 && index < daily.Length) daily[index] += d.Value.Hourly.Sum();
        }
        return daily;
    }

    /// <summary>The event an amendment names, as this model counted it: as amended before, or as stored (an event of the same campaign or market stream that decodes and is not itself an amendment).</summary>
    private RememberedFact? OriginalOf(Guid id, RecordedEvent amendment, RecordedEvent? target)
    {
        if (_amended.TryGetValue(id, out var amended)) return amended;
        if (!Amendments.IsTargetOf(target, amendment, id)) return null;
        return Deserialize(target!.EventType, target.Data) is null or ICorrection or IRetraction ? null : new RememberedFact(target.EventType, target.Data);
    }

    private static IDomainEvent? Deserialize(string type, string data)
    {
        try { return EventJson.Deserialize(type, data); }
        catch (JsonException) { return null; }
    }

    private sealed record RememberedFact(string EventType, string Data, bool Retracted = false);

    private sealed class MarketDayFigures
    {
        public int Days { get; set; }
        public int TradersPresent { get; set; }
        public long[] Hourly { get; } = new long[24];
    }

    private sealed class CampaignRecord
    {
        public CampaignLaunched? Launch { get; set; }
        public bool Closed { get; set; }
        public DateTimeOffset? LastEventAt { get; set; }
        public Dictionary<string, string> Municipalities { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, MarketJoined> Markets { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string Market, DateOnly Date), MarketDayFigures> MarketDays { get; } = [];

        public MarketDayFigures DayOf(string market, DateOnly date)
        {
            if (!MarketDays.TryGetValue((market, date), out var figures)) MarketDays[(market, date)] = figures = new MarketDayFigures();
            return figures;
        }
    }
}
