using System.Globalization;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Silo.Simulation;

/// <summary>
/// Plans a realistic Maand van de Markt from a seed (docs/domain.md "Maand van de Markt"): per province about the
/// published numbers of municipalities, weekly markets (71 of 87 in Antwerpen; 46 municipalities in
/// Oost-Vlaanderen) and traders (about 800), real NIS codes from the reference data; preparation in the ten
/// days before the period (launch, municipalities, then their markets), a market day on each market's weekday,
/// entries in batches every 10 to 15 minutes between about 8 and 13 h (Brussels time) on a curve that peaks
/// mid-morning, a few campaign actions, and the close. Every number, name and time comes from one seeded
/// <see cref="Random"/>, and every idempotency key from the campaign, the seed and what the request is about.
/// </summary>
public static class MarketMonthPlan
{
    private sealed record Profile(string Province, int Municipalities, int Markets, int Traders);

    /// <summary>About the published figures per province.</summary>
    private static readonly Profile[] Profiles =
    [
        new("antwerpen", 52, 71, 830),
        new("limburg", 33, 56, 700),
        new("oost-vlaanderen", 46, 68, 810),
        new("vlaams-brabant", 44, 62, 760),
        new("west-vlaanderen", 47, 66, 790),
    ];

    private static readonly string[] WeekdaysNl = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

    /// <summary>How weekly markets spread over the week (Monday first): Friday and Saturday most, Sunday least.</summary>
    private static readonly double[] WeekdayWeights = [0.12, 0.13, 0.16, 0.13, 0.19, 0.21, 0.06];

    public const int PreparationDays = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static DateTimeOffset BrusselsTime(DateOnly date, int minuteOfDay) =>
        MonitorClock.AtBrusselsTime(date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay));

    public static bool PlaysWholePeriod(SimulationSettings settings) =>
        settings.Days is null || settings.PeriodStart.AddDays(settings.Days.Value) > settings.PeriodEnd;

    public static SimulationPlan Create(SimulationSettings settings)
    {
        var random = new Random(settings.Seed);
        var slug = settings.Slug;
        var keyBase = $"{settings.KeyPrefix}/{slug}/{settings.Seed.ToString(CultureInfo.InvariantCulture)}";
        var steps = new List<SimulationStep>();
        var markets = new List<PlannedMarket>();
        var joins = new List<(DateTimeOffset At, Municipality Municipality)>();
        var targets = new List<(string Province, int Municipalities, int Markets)>();
        var prepStart = settings.PeriodStart.AddDays(-PreparationDays);

        foreach (var profile in Profiles)
        {
            var scale = settings.MarketsPerProvince is { } perProvince ? Math.Min(1.0, perProvince / (double)profile.Markets) : 1.0;
            var candidates = ReferenceData.Municipalities.Where(m => m.ProvinceSlug == profile.Province).OrderBy(m => m.NisCode).ToList();
            Shuffle(random, candidates);
            var marketCount = Math.Max(1, (int)Math.Round(profile.Markets * scale));
            var joined = candidates.Take(Math.Clamp((int)Math.Round(profile.Municipalities * scale), 1, Math.Min(candidates.Count, marketCount))).ToList();
            var traders = Math.Max(marketCount * 4, (int)Math.Round(profile.Traders * scale));

            // Every joined municipality holds a market; the larger places (the first in the shuffled list) hold the others.
            var hosts = joined.Concat(Enumerable.Range(0, marketCount - joined.Count).Select(_ => joined[random.Next(Math.Max(1, (joined.Count + 2) / 3))])).ToList();
            var weights = hosts.Select(_ => 0.4 + (2.5 * Math.Pow(random.NextDouble(), 2))).ToList();
            var provinceMarkets = new List<PlannedMarket>();
            for (var i = 0; i < hosts.Count; i++)
            {
                var host = hosts[i];
                var taken = provinceMarkets.Where(m => m.Municipality == host.NisCode).Select(m => m.Weekday).ToHashSet();
                if (taken.Count == Weekdays.All.Length) continue;
                var weekday = PickWeekday(random, taken);
                var dayNl = WeekdaysNl[Array.IndexOf(Weekdays.All, weekday)];
                var name = taken.Count == 0 ? $"Weekmarkt {host.NameNl}" : $"{char.ToUpperInvariant(dayNl[0])}{dayNl[1..]}markt {host.NameNl}";
                var count = Math.Max(4, (int)Math.Round(traders * weights[i] / weights.Sum()));
                provinceMarkets.Add(new PlannedMarket($"{SlugOf(host.NameNl)}-{dayNl}", name, host.NisCode, profile.Province, weekday, count));
            }
            markets.AddRange(provinceMarkets);

            foreach (var municipality in joined)
            {
                var at = BrusselsTime(prepStart.AddDays(1 + random.Next(PreparationDays - 2)), (9 * 60) + random.Next(8 * 60));
                joins.Add((at, municipality));
                steps.Add(Step(at, StepKind.Municipality, $"/api/campaigns/{slug}/municipalities",
                    new { municipality = municipality.NisCode, effectiveDate = MonitorClock.DateOf(at) }, $"{keyBase}/municipality/{municipality.NisCode}", profile.Province));
            }
            foreach (var market in provinceMarkets)
            {
                var at = joins.Single(j => j.Municipality.NisCode == market.Municipality).At.AddMinutes(30 + random.Next(150));
                steps.Add(Step(at, StepKind.Market, $"/api/campaigns/{slug}/markets",
                    new { marketId = market.Id, name = market.Name, municipality = market.Municipality, weekday = market.Weekday, traders = market.Traders, effectiveDate = MonitorClock.DateOf(at) },
                    $"{keyBase}/market/{market.Id}", profile.Province));
            }
            targets.Add((profile.Province, Math.Min(candidates.Count, joined.Count + random.Next(1, 5)), provinceMarkets.Count + random.Next(2, 8)));
        }

        var lastDay = settings.Days is { } days ? settings.PeriodStart.AddDays(days - 1) : settings.PeriodEnd;
        if (lastDay > settings.PeriodEnd) lastDay = settings.PeriodEnd;
        var entriesPlanned = ProvinceSlugs.All.ToDictionary(p => p, _ => 0);
        for (var day = settings.PeriodStart; day <= lastDay; day = day.AddDays(1))
        {
            var weekday = Weekdays.All[((int)day.DayOfWeek + 6) % 7];
            var weather = 0.65 + (random.NextDouble() * 0.55);
            foreach (var market in markets.Where(m => m.Weekday == weekday))
            {
                if (random.NextDouble() < 0.03) continue; // called off (storm, a fair in the square)
                var dayAt = BrusselsTime(day, (7 * 60) + 30 + random.Next(25));
                var present = (int)Math.Round(market.Traders * (0.78 + (random.NextDouble() * 0.19)));
                steps.Add(Step(dayAt, StepKind.MarketDay, $"/api/campaigns/{slug}/markets/{market.Id}/days",
                    new { date = day, tradersPresent = present }, $"{keyBase}/day/{market.Id}/{day:yyyyMMdd}", market.Province));

                var weekend = weekday is "saturday" or "sunday" ? 1.25 : 1.0;
                var expected = present * (14 + (random.NextDouble() * 16)) * weather * weekend;
                var minutes = new List<int>();
                for (var m = (8 * 60) + random.Next(11); m < 13 * 60; m += 10 + random.Next(6)) minutes.Add(m);
                var curve = minutes.Select(m => 0.15 + Math.Exp(-Math.Pow(((m / 60.0) - 10.5) / 1.3, 2))).ToList();
                for (var i = 0; i < minutes.Count; i++)
                {
                    var count = (int)Math.Round(expected * curve[i] / curve.Sum() * (0.8 + (random.NextDouble() * 0.4)));
                    if (count < 1) continue;
                    count = Math.Min(count, 100_000);
                    var at = BrusselsTime(day, minutes[i]);
                    entriesPlanned[market.Province] += count;
                    steps.Add(Step(at, StepKind.Entries, $"/api/campaigns/{slug}/markets/{market.Id}/entries",
                        new { count, at }, $"{keyBase}/entries/{market.Id}/{at.UtcDateTime:yyyyMMddHHmm}", market.Province, count));
                }
            }
        }

        AddActions(settings, random, markets, lastDay, keyBase, steps);
        if (settings.Close && PlaysWholePeriod(settings))
        {
            var at = BrusselsTime(settings.PeriodEnd, 18 * 60);
            steps.Add(Step(at, StepKind.Close, $"/api/campaigns/{slug}/close",
                new { reason = "Einde van de campagneperiode", effectiveDate = settings.PeriodEnd }, $"{keyBase}/close", null));
        }

        // The entries target: what a full period would bring, give or take a fifth, in thousands.
        var periodDays = settings.PeriodEnd.DayNumber - settings.PeriodStart.DayNumber + 1;
        var playedDays = lastDay.DayNumber - settings.PeriodStart.DayNumber + 1;
        var launchTargets = targets.Select(t =>
        {
            var full = entriesPlanned[t.Province] * (double)periodDays / Math.Max(1, playedDays);
            var entries = (int)Math.Max(1000, Math.Round(full * (0.9 + (random.NextDouble() * 0.3)) / 1000) * 1000);
            return new { province = t.Province, municipalities = t.Municipalities, markets = t.Markets, entries };
        }).ToArray();
        var launchAt = BrusselsTime(prepStart, 10 * 60);
        steps.Add(Step(launchAt, StepKind.Launch, "/api/campaigns",
            new
            {
                slug,
                name = settings.Name,
                periodStart = settings.PeriodStart,
                periodEnd = settings.PeriodEnd,
                provinces = ProvinceSlugs.All,
                targets = launchTargets,
                effectiveDate = prepStart,
            }, $"{keyBase}/launch", null));

        // A stable sort: steps of the same moment keep the order in which they were planned.
        return new SimulationPlan(settings, markets, [.. steps.OrderBy(s => s.At)]);
    }

    private static void AddActions(SimulationSettings settings, Random random, List<PlannedMarket> markets, DateOnly lastDay, string keyBase, List<SimulationStep> steps)
    {
        var slug = settings.Slug;
        void Action(DateOnly day, int minute, string key, string title, string description, string[]? provinces)
        {
            if (day > lastDay) return;
            var at = BrusselsTime(day, minute);
            steps.Add(Step(at, StepKind.Action, $"/api/campaigns/{slug}/actions",
                new { title, description, provinces, effectiveDate = day }, $"{keyBase}/action/{key}", provinces is [var p] ? p : null));
        }

        Action(settings.PeriodStart, (10 * 60) + 30, "kick-off", "Aftrap van de Maand van de Markt",
            "Persmoment met de gedeputeerden en de marktkramersfederatie; de wedstrijd met de deelnamekaarten begint.", null);
        var week = 1;
        for (var day = settings.PeriodStart.AddDays(1); day <= settings.PeriodEnd; day = day.AddDays(1))
        {
            if (day.DayOfWeek != DayOfWeek.Monday) continue;
            Action(day, 15 * 60, $"draw-{week}", $"Trekking van de weekprijzen, week {week}",
                "Uit de deelnamekaarten van de voorbije week worden de winnaars van de waardebonnen getrokken.", null);
            week++;
        }
        var periodDays = settings.PeriodEnd.DayNumber - settings.PeriodStart.DayNumber + 1;
        foreach (var province in ProvinceSlugs.All)
        {
            var inProvince = markets.Where(m => m.Province == province).ToList();
            if (inProvince.Count == 0) continue;
            var market = inProvince[random.Next(inProvince.Count)];
            var day = settings.PeriodStart.AddDays(random.Next(periodDays));
            Action(day, 11 * 60, $"spotlight-{province}", $"Markt in de kijker: {market.Name}",
                "Animatie, proevertjes en extra deelnamekaarten op de markt.", [province]);
        }
    }

    private static SimulationStep Step(DateTimeOffset at, StepKind kind, string path, object body, string key, string? province, int entries = 0) =>
        new(at, kind, path, JsonSerializer.Serialize(body, Json), key, province, entries);

    private static string PickWeekday(Random random, HashSet<string> taken)
    {
        var free = Enumerable.Range(0, 7).Where(i => !taken.Contains(Weekdays.All[i])).ToList();
        var roll = random.NextDouble() * free.Sum(i => WeekdayWeights[i]);
        foreach (var i in free)
        {
            roll -= WeekdayWeights[i];
            if (roll <= 0) return Weekdays.All[i];
        }
        return Weekdays.All[free[^1]];
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A municipality's name as a market id part: lower-case letters and digits, single hyphens.</summary>
    public static string SlugOf(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') text.Append(lower);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        return text.ToString().Trim('-');
    }
}
