using System.Globalization;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Silo.Simulation;

/// <summary>What to simulate: one campaign of the Maand van de Markt.</summary>
public sealed record SimulationSettings
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>Campaign days played from the period's start; null plays the whole period.</summary>
    public int? Days { get; init; }

    /// <summary>Scales the published figures down to this many markets per province (tests, small machines).</summary>
    public int? MarketsPerProvince { get; init; }

    /// <summary>Closes the campaign at the end of the period when the whole period was played.</summary>
    public bool Close { get; init; } = true;

    /// <summary>The prefix of every idempotency key.</summary>
    public string KeyPrefix { get; init; } = "sim";

    /// <summary>The year of the last April that has ended on <paramref name="today"/>.</summary>
    public static int LastAprilYear(DateOnly today) => today >= new DateOnly(today.Year, 5, 1) ? today.Year : today.Year - 1;

    /// <summary>The campaign of the last April that has ended on <paramref name="today"/>.</summary>
    public static SimulationSettings LastApril(DateOnly today, int seed) => April(LastAprilYear(today), seed);

    /// <summary><c>maand-van-de-markt-{year}</c>: April 1 to 30.</summary>
    public static SimulationSettings April(int year, int seed) => new()
    {
        Slug = $"maand-van-de-markt-{year}",
        Name = $"Maand van de Markt {year}",
        PeriodStart = new DateOnly(year, 4, 1),
        PeriodEnd = new DateOnly(year, 4, 30),
        Seed = seed,
    };

    /// <summary>A demo campaign of the 30 days ending <paramref name="today"/>, left running (not closed).</summary>
    public static SimulationSettings Demo(DateOnly today, int seed) => new()
    {
        Slug = $"maand-van-de-markt-demo-{today:yyyyMMdd}",
        Name = $"Maand van de Markt (demo tot {today.ToString("d MMMM yyyy", Dutch)})",
        PeriodStart = today.AddDays(-29),
        PeriodEnd = today,
        Seed = seed,
        Close = false,
        KeyPrefix = "demo",
    };

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
}

public enum StepKind { Launch, Municipality, Market, Action, MarketDay, Entries, Close }

/// <summary>One request of the simulation: at a simulated moment, a POST with its body and its idempotency key.</summary>
public sealed record SimulationStep(DateTimeOffset At, StepKind Kind, string Path, string Body, string IdempotencyKey, string? Province, int Entries)
{
    public override string ToString() => $"{At:O} {Kind} {Path} {IdempotencyKey} {Body}";
}

public sealed record PlannedMarket(string Id, string Name, string Municipality, string Province, string Weekday, int Traders);

/// <summary>The whole simulation, decided up front from the seed: identical for the same settings.</summary>
public sealed record SimulationPlan(SimulationSettings Settings, IReadOnlyList<PlannedMarket> Markets, IReadOnlyList<SimulationStep> Steps)
{
    public int EntriesPlanned => Steps.Sum(s => s.Entries);
}

