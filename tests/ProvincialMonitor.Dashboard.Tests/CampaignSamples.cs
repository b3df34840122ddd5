using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>
/// The Maand van de Markt 2027 on its twelfth day, with round numbers a reader can check by hand: Antwerpen (23 of 69
/// municipalities, 12.345 of 27.000 entries, 10.000 last year), Limburg (past its target, no campaign last year) and
/// Oost-Vlaanderen (no target, no entries last year); West-Vlaanderen and Vlaams-Brabant do not take part.
/// </summary>
internal static class CampaignSamples
{
    public const string Slug = "maand-van-de-markt-2027";

    public static readonly DateOnly Start = new(2027, 4, 1);

    public static CampaignScopeFigures Antwerpen(long entries = 12_345, long? previous = 10_000) =>
        Scope("province:antwerpen", "Antwerpen", 23, 69, 71, 812, entries, 1_234, new CampaignGoal(30, 80, 27_000), previous,
            hourly: Hours((9, 300), (10, 500), (11, 434)));

    public static CampaignScopeFigures Limburg() =>
        Scope("province:limburg", "Limburg", 10, 42, 30, 350, 21_000, 2_000, new CampaignGoal(10, 25, 20_000), null,
            hourly: Hours((8, 1_500), (9, 500)));

    public static CampaignScopeFigures OostVlaanderen() =>
        Scope("province:oost-vlaanderen", "Oost-Vlaanderen", 46, 60, 50, 600, 5_000, 0, null, 0, hourly: Hours());

    public static CampaignScopeFigures Flanders(long entries = 38_345) =>
        Scope("flanders", "Vlaanderen", 79, 171, 151, 1_762, entries, 3_234, new CampaignGoal(40, 105, 47_000), 20_000,
            hourly: Hours((8, 1_500), (9, 800), (10, 500), (11, 434)));

    public static CampaignScopeFigures Scope(
        string scope, string name, int joined, int total, int markets, int traders, long entries, long onDay, CampaignGoal? target,
        long? previous, long[] hourly) =>
        new(scope, name, joined, total, markets, traders, MarketDays: markets * 2, TradersPresentOnDay: traders / 2, entries, onDay, target,
            hourly, Daily: [.. Enumerable.Repeat(0L, 11), entries], previous);

    public static long[] Hours(params (int Hour, long Entries)[] values)
    {
        var hours = new long[24];
        foreach (var (hour, entries) in values) hours[hour] = entries;
        return hours;
    }

    public static CampaignFigures Campaign(long position = 10, CampaignScopeFigures? antwerpen = null, bool closed = false, bool today = true) =>
        new(Slug, "Maand van de Markt 2027", Start, new DateOnly(2027, 4, 30), ["antwerpen", "limburg", "oost-vlaanderen"], closed, position,
            Day: new DateOnly(2027, 4, 12), DayIsToday: today, DayOfCampaign: 12, Previous: "maand-van-de-markt-2026",
            [antwerpen ?? Antwerpen(), Limburg(), OostVlaanderen(), Flanders()],
            [
                new("11002", "Antwerpen", "antwerpen", 2, 120, 6_000),
                new("12025", "Mechelen", "antwerpen", 1, 40, 6_345),
                new("71022", "Hasselt", "limburg", 1, 90, 21_000),
                new("44021", "Gent", "oost-vlaanderen", 3, 200, 5_000),
            ],
            [
                new("m-1", "Vrijdagmarkt Antwerpen", "11002", "Antwerpen", "antwerpen", "friday", 80, 2, 4_000, 0, new DateOnly(2027, 4, 9)),
                new("m-2", "Zondagsmarkt Antwerpen", "11002", "Antwerpen", "antwerpen", "sunday", 40, 2, 2_000, 0, new DateOnly(2027, 4, 11)),
                new("m-3", "Zaterdagmarkt Mechelen", "12025", "Mechelen", "antwerpen", "saturday", 40, 1, 6_345, 0, new DateOnly(2027, 4, 10)),
                new("m-4", "Dinsdagmarkt Hasselt", "71022", "Hasselt", "limburg", "tuesday", 90, 2, 21_000, 2_000, null),
                new("m-5", "Vrijdagmarkt Gent", "44021", "Gent", "oost-vlaanderen", "friday", 200, 2, 5_000, 0, new DateOnly(2027, 4, 9)),
            ],
            new DateTimeOffset(2027, 4, 12, 8, 15, 3, TimeSpan.Zero));
}
