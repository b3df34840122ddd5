using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The explanation of one campaign figure (scope <c>campaign:{slug}</c>, a code of <see cref="MeasureCatalog.CampaignCodes"/>,
/// the whole or a province's part): folds the campaign's and its markets' streams as <see cref="CampaignModel"/> does,
/// remembering which event made each fact, and lists those events. The total equals <see cref="MeasureCatalog.CampaignFigure"/>
/// of the model's view; an "on day" figure counts <paramref name="today"/>'s day as the model's view of that day does.
/// </summary>
public sealed class CampaignExplainer(string scope, string measure, DateOnly today) : IProjectionModel
{
    public const string ScopePrefix = "campaign:";

    private readonly string? _slug = scope.StartsWith(ScopePrefix, StringComparison.Ordinal) ? scope[ScopePrefix.Length..] : null;
    private readonly string _figure = measure.Split('.') is ["campaign", var f, ..] ? f : "";
    private readonly string? _province = MeasureCatalog.ProvinceOf(measure);
    private readonly Dictionary<Guid, Fact> _amended = [];
    private readonly Dictionary<Guid, Seen> _seen = [];
    private readonly Dictionary<string, string> _marketStreams = new(StringComparer.Ordinal);
    // Each fact as the model holds it, with the event that made it (a corrected one: the event it corrects).
    private readonly Dictionary<string, (string Province, Guid Source)> _municipalities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MarketJoined Joined, Guid Source)> _markets = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, MarketFact> _marketFacts = [];
    private CampaignLaunched? _launch;

    private sealed record Fact(string EventType, string Data, bool Retracted = false);

    /// <summary>A market's day held or entries: the number it adds, and for entries the Brussels date and hour they were handed out.</summary>
    private sealed record MarketFact(string Market, Type Kind, long Amount, DateOnly? Date = null, int Hour = 0);

    /// <summary>An event of the campaign or its markets; Title: what it names (a municipality, a market), Market: a market fact's market.</summary>
    private sealed record Seen(long Position, string StreamId, string EventType, DateOnly EffectiveDate, string? Title = null, string? Market = null);

    public string Name => "campaign-explainer";

    public long Position { get; private set; }

    public IReadOnlyCollection<string> TakeChanged() => [];

    public void Apply(RecordedEvent recorded, RecordedEvent? target = null)
    {
        Position = recorded.Position;
        var stream = recorded.StreamId;
        var own = StreamIds.CampaignSlug(stream) == _slug;
        if (_slug is null || (!own && StreamIds.After(stream, StreamIds.MarketPrefix) is null)) return;
        var e = Decode(recorded.EventType, recorded.Data);
        switch (e)
        {
            case null:
                return;
            case ICorrection correction when OriginalOf(correction.CorrectedEventId, recorded, target) is { Retracted: false } original:
                var patched = Evolution.Patch(original.Data, correction.Changes);
                if (Decode(original.EventType, original.Data) is not { } before || Decode(original.EventType, patched) is not { } after) return;
                Fold(before, stream, own, -1, correction.CorrectedEventId);
                _amended[correction.CorrectedEventId] = original with { Data = patched };
                Fold(after, stream, own, +1, correction.CorrectedEventId);
                return;
            case IRetraction retraction when OriginalOf(retraction.RetractedEventId, recorded, target) is { Retracted: false } original:
                if (Decode(original.EventType, original.Data) is not { } withdrawn) return;
                Fold(withdrawn, stream, own, -1, retraction.RetractedEventId);
                _amended[retraction.RetractedEventId] = original with { Retracted = true };
                return;
            case ICorrection or IRetraction:
                return;
            default:
                if (own || _marketStreams.ContainsKey(stream))
                    _seen[recorded.EventId] = new Seen(recorded.Position, stream, recorded.EventType, recorded.EffectiveDate);
                Fold(e, stream, own, +1, recorded.EventId);
                return;
        }
    }

    private void Fold(IDomainEvent e, string stream, bool own, int sign, Guid source)
    {
        if (own)
        {
            if (sign > 0 && _seen.TryGetValue(source, out var named))
                _seen[source] = named with { Title = e switch
                {
                    MunicipalityJoined j => ReferenceData.FindMunicipality(j.Municipality)?.NameNl ?? j.Municipality,
                    MarketJoined m => m.Name,
                    CampaignLaunched l => l.Name,
                    _ => null,
                } };
            switch (e)
            {
                case CampaignLaunched launched: _launch = sign > 0 ? launched : null; break;
                case MunicipalityJoined joined when sign > 0: _municipalities[joined.Municipality] = (joined.Province, source); break;
                case MunicipalityJoined joined: _municipalities.Remove(joined.Municipality); break;
                case MarketJoined joinedMarket when sign > 0: _markets[joinedMarket.MarketId] = (joinedMarket, source); break;
                case MarketJoined joinedMarket: _markets.Remove(joinedMarket.MarketId); break;
            }
            return;
        }
        if (e is MarketRegistered registered)
        {
            if (sign > 0 && registered.Campaign == _slug) _marketStreams[stream] = registered.MarketId;
            else if (sign > 0) _marketStreams.Remove(stream);
            return;
        }
        if (!_marketStreams.TryGetValue(stream, out var market)) return;
        MarketFact? fact = e switch
        {
            MarketDayHeld => new MarketFact(market, typeof(MarketDayHeld), 1),
            EntriesRegistered entries => new MarketFact(market, typeof(EntriesRegistered), entries.Count, DateOf(entries), MonitorClock.InBrussels(entries.At).Hour),
            _ => null,
        };
        if (fact is null) return;
        if (sign > 0) _marketFacts[source] = fact;
        else _marketFacts.Remove(source);
        if (_seen.TryGetValue(source, out var seen)) _seen[source] = seen with { Market = market };
    }

    /// <summary>The event type that makes the figure.</summary>
    private Type? Made => MeasureCatalog.Find(measure) is { Events: [var made, ..] } ? made : null;

    private bool In(string province) => _launch is { } launch && (_province is null ? launch.Provinces.Contains(province) : province == _province && launch.Provinces.Contains(province));

    private static DateOnly DateOf(EntriesRegistered entries) => DateOnly.FromDateTime(MonitorClock.InBrussels(entries.At).DateTime);

    /// <summary>
    /// The campaign's day, as <see cref="CampaignModel"/> shows it: today while the period runs; else the last day of the
    /// period with entries on any of the campaign's markets, or its first day.
    /// </summary>
    private DateOnly Day(CampaignLaunched launch) =>
        today >= launch.PeriodStart && today <= launch.PeriodEnd ? today
            : _marketFacts.Values
                .Where(f => f.Kind == typeof(EntriesRegistered) && f.Date >= launch.PeriodStart && f.Date <= launch.PeriodEnd)
                .GroupBy(f => (f.Market, f.Date, f.Hour)).Where(g => g.Sum(f => f.Amount) != 0)
                .Select(g => g.Key.Date!.Value).DefaultIfEmpty(launch.PeriodStart).Max();

    /// <summary>Whether a market fact of the figure's kind counts: its market takes part, and for an "on day" figure its date is the campaign's day.</summary>
    private bool Counts(MarketFact fact, DateOnly day) =>
        fact.Kind == Made && fact.Amount != 0 && MarketIn(fact.Market) && (!OnDay || fact.Date == day);

    private bool OnDay => _figure.EndsWith("-day", StringComparison.Ordinal);

    private bool MarketIn(string? market) => market is not null && _markets.TryGetValue(market, out var m) && In(m.Joined.Province);

    /// <summary>The events that make the figure, oldest first; a retracted one that would count is listed, marked, as nothing.</summary>
    public FigureExplanation Explanation()
    {
        var day = _launch is { } launch ? Day(launch) : today;
        IEnumerable<(Guid Source, decimal Amount)> counted = _launch is null ? [] : _figure switch
        {
            "municipalities" => _municipalities.Values.Where(m => In(m.Province)).Select(m => (m.Source, 1m)),
            "markets" => _markets.Values.Where(m => In(m.Joined.Province)).Select(m => (m.Source, 1m)),
            "traders" => _markets.Values.Where(m => In(m.Joined.Province)).Select(m => (m.Source, (decimal)m.Joined.Traders)),
            "market-days" or "entries" or "entries-day" => _marketFacts.Where(f => Counts(f.Value, day)).Select(f => (f.Key, (decimal)f.Value.Amount)),
            _ => [],
        };
        var retracted = _amended.Where(a => a.Value.Retracted && _seen.ContainsKey(a.Key) && WouldCount(a.Key, a.Value, day)).Select(a => (a.Key, 0m));
        FigureLine[] lines = [.. counted.Concat(retracted).Select(c => Line(c.Item1, c.Item2)).OfType<FigureLine>().OrderBy(l => l.Position)];
        return new FigureExplanation(scope, measure, MeasureCatalog.LabelOf(measure), lines.Where(l => !l.Retracted).Sum(l => l.Amount), Position, lines);
    }

    private bool WouldCount(Guid id, Fact fact, DateOnly day) => Decode(fact.EventType, fact.Data) switch
    {
        MunicipalityJoined joined => _figure == "municipalities" && In(joined.Province),
        MarketJoined joined => _figure is "markets" or "traders" && In(joined.Province),
        EntriesRegistered entries when OnDay => Made == typeof(EntriesRegistered) && MarketIn(_seen[id].Market) && DateOf(entries) == day,
        { } e => e.GetType() == Made && MarketIn(_seen[id].Market),
        null => false,
    };

    private FigureLine? Line(Guid id, decimal amount)
    {
        if (!_seen.TryGetValue(id, out var seen)) return null;
        var amended = _amended.GetValueOrDefault(id);
        var title = seen.Title ?? (seen.Market is { } market ? _markets.TryGetValue(market, out var m) ? m.Joined.Name : market : _launch?.Name ?? _slug!);
        return new FigureLine(id, seen.Position, seen.StreamId, seen.EventType, seen.EffectiveDate, title,
            amended is { Retracted: true } ? 0m : amount, amended is { Retracted: false }, amended is { Retracted: true });
    }

    private Fact? OriginalOf(Guid id, RecordedEvent amendment, RecordedEvent? target)
    {
        if (_amended.TryGetValue(id, out var amended)) return amended;
        if (!Amendments.IsTargetOf(target, amendment, id)) return null;
        return Decode(target!.EventType, target.Data) is null or ICorrection or IRetraction ? null : new Fact(target.EventType, target.Data);
    }

    private static IDomainEvent? Decode(string type, string data)
    {
        try { return EventJson.Deserialize(type, data); }
        catch (JsonException) { return null; }
    }
}
