using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Campaigns;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

/// <summary>
/// The tests' clock says 28 November 2026 (<see cref="Specs.Today"/>), so the running campaign spans November 2026;
/// the planned one is next April's, and the finished one ended in October.
/// </summary>
internal static class CampaignSpecs
{
    public const string Slug = "maand-van-de-markt-2026";
    public const string Planned = "maand-van-de-markt-2027";
    public const string Finished = "markt-oktober-2026";

    public static readonly DateOnly Start = new(2026, 11, 1);
    public static readonly DateOnly End = new(2026, 11, 30);

    // NIS codes (boundaries 2025): Antwerpen and Mechelen (antwerpen), Gent (oost-vlaanderen), Genk (limburg), Brugge (west-vlaanderen).
    public const string Antwerpen = "11002";
    public const string Mechelen = "12025";
    public const string Gent = "44021";
    public const string Genk = "71016";
    public const string Brugge = "31005";

    public static Spec<CampaignState, CampaignCommand> New(string slug = Slug) =>
        new(CampaignDecider.Initial(slug), CampaignDecider.Evolve, CampaignDecider.Decide);

    public static readonly CampaignTarget[] Targets = [new("antwerpen", 50, 70, 40_000), new("oost-vlaanderen", 46, 60, 35_000)];

    public static readonly CampaignLaunched Launched = new(Slug, "Maand van de Markt 2026", Start, End,
        ["antwerpen", "oost-vlaanderen", "limburg"], Targets);

    public static readonly LaunchCampaign Launch = new(Slug, "Maand van de Markt 2026", Start, End,
        ["antwerpen", "oost-vlaanderen", "limburg"], [new("antwerpen", 50, 70, 40_000), new("oost-vlaanderen", 46, 60, 35_000)]);

    public static readonly MunicipalityJoined AntwerpenJoined = new(Antwerpen, "antwerpen");
    public static readonly MunicipalityJoined GentJoined = new(Gent, "oost-vlaanderen");
    public static readonly MarketJoined TheaterpleinJoined = new("theaterplein", "Vogelenmarkt Theaterplein", Antwerpen, "antwerpen", "sunday", 120);
    public static readonly JoinMarket JoinTheaterplein = new("theaterplein", "Vogelenmarkt Theaterplein", Antwerpen, "sunday", 120);
    public static readonly CampaignClosed Closed = new("April is over");

    /// <summary>The running campaign, launched, then the given events.</summary>
    public static Spec<CampaignState, CampaignCommand> Running(params IDomainEvent[] more) => New().Given([Launched, .. more]);

    /// <summary>A campaign of October 2026, over by the tests' today.</summary>
    public static Spec<CampaignState, CampaignCommand> Over(params IDomainEvent[] more) => New(Finished).Given(
        [Launched with { Slug = Finished, PeriodStart = new DateOnly(2026, 10, 1), PeriodEnd = new DateOnly(2026, 10, 31) }, .. more]);

    public static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };
}
