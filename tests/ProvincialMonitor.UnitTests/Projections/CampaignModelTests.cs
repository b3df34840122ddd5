using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

public sealed class CampaignModelTests
{
    private const string Slug = "maand-van-de-markt-2026";
    private const string Stream = "campaign-" + Slug;
    private static readonly DateOnly Start = new(2026, 4, 1);
    private static readonly DateOnly End = new(2026, 4, 30);
    // 15 April 2026, in the period; Brussels is UTC+2 in summer time.
    private static readonly DateTimeOffset DuringApril = new(2026, 4, 15, 18, 0, 0, TimeSpan.Zero);

    private static CampaignLaunched Launch(string slug = Slug, int year = 2026) => new(slug, $"Maand van de Markt {year}",
        new DateOnly(year, 4, 1), new DateOnly(year, 4, 30), ["antwerpen", "limburg"],
        [new CampaignTarget("antwerpen", 40, 60, 10_000), new CampaignTarget("limburg", 20, 30, 5_000)]);

    private static string MarketStream(string market, string slug = Slug) => $"market-{slug}-{market}";

    /// <summary>A launched campaign with one municipality and one market in each of Antwerpen (11002, Antwerpen) and Limburg (71072, Hasselt).</summary>
    private static LogBuilder Launched(string slug = Slug, int year = 2026)
    {
        var log = new LogBuilder();
        var stream = $"campaign-{slug}";
        var start = new DateOnly(year, 4, 1);
        log.Add(stream, Launch(slug, year), start, ["antwerpen", "limburg"]);
        log.Add(stream, new MunicipalityJoined("11002", "antwerpen"), start, ["antwerpen"]);
        log.Add(stream, new MunicipalityJoined("71072", "limburg"), start, ["limburg"]);
        log.Add(stream, new MarketJoined("ant-1", "Vogelenmarkt", "11002", "antwerpen", "sunday", 120), start, ["antwerpen"]);
        log.Add(stream, new MarketJoined("has-1", "Dinsdagmarkt", "71072", "limburg", "tuesday", 45), start, ["limburg"]);
        log.Add(MarketStream("ant-1", slug), new MarketRegistered(slug, "ant-1", "11002", "antwerpen", "sunday", start, new DateOnly(year, 4, 30)), start, ["antwerpen"]);
        log.Add(MarketStream("has-1", slug), new MarketRegistered(slug, "has-1", "71072", "limburg", "tuesday", start, new DateOnly(year, 4, 30)), start, ["limburg"]);
        return log;
    }

    private static CampaignModel Fold(LogBuilder log)
    {
        var model = new CampaignModel();
        log.FoldInto(model);
        return model;
    }

    private static DateTimeOffset Brussels(int day, int hour, int minute = 0) => new(2026, 4, day, hour, minute, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Municipalities_markets_and_traders_count_per_province_and_for_flanders_against_the_targets()
    {
        var figures = Fold(Launched()).View(Slug, DuringApril)!;

        Assert.Equal(["province:antwerpen", "province:limburg", "flanders"], figures.Scopes.Select(s => s.Scope));
        var antwerpen = figures.Scopes[0];
        Assert.Equal((1, 67, 1, 120), (antwerpen.MunicipalitiesJoined, antwerpen.MunicipalitiesTotal, antwerpen.Markets, antwerpen.Traders));
        Assert.Equal(10_000, antwerpen.Target!.Entries);
        var flanders = figures.Scopes[2];
        Assert.Equal("Vlaanderen", flanders.Name);
        Assert.Equal((2, 67 + 38, 2, 165), (flanders.MunicipalitiesJoined, flanders.MunicipalitiesTotal, flanders.Markets, flanders.Traders));
        Assert.Equal(new Contracts.Views.CampaignGoal(60, 90, 15_000), flanders.Target);
        Assert.Equal(["Antwerpen", "Hasselt"], figures.Municipalities.Select(m => m.Name));
        Assert.Equal("Vogelenmarkt", figures.Markets.Single(m => m.Id == "ant-1").Name);
    }

    [Fact]
    public void Entries_count_on_the_Brussels_day_and_hour_they_were_handed_out()
    {
        var log = Launched();
        log.Add(MarketStream("ant-1"), new MarketDayHeld(new DateOnly(2026, 4, 12), 110), new DateOnly(2026, 4, 12), ["antwerpen"]);
        log.Add(MarketStream("ant-1"), new EntriesRegistered(30, Brussels(12, 9, 15)), new DateOnly(2026, 4, 12), ["antwerpen"]);
        // 22:30 UTC on the 14th is 00:30 on the 15th in Brussels.
        log.Add(MarketStream("has-1"), new EntriesRegistered(7, new DateTimeOffset(2026, 4, 14, 22, 30, 0, TimeSpan.Zero)), new DateOnly(2026, 4, 15), ["limburg"]);
        log.Add(MarketStream("has-1"), new EntriesRegistered(5, Brussels(15, 10, 40)), new DateOnly(2026, 4, 15), ["limburg"]);

        var figures = Fold(log).View(Slug, DuringApril)!;

        Assert.Equal(new DateOnly(2026, 4, 15), figures.Day);
        Assert.True(figures.DayIsToday);
        Assert.Equal(15, figures.DayOfCampaign);
        var limburg = figures.Scopes.Single(s => s.Scope == "province:limburg");
        Assert.Equal((12L, 12L), (limburg.EntriesTotal, limburg.EntriesOnDay));
        Assert.Equal(7, limburg.Hourly[0]);
        Assert.Equal(5, limburg.Hourly[10]);
        var antwerpen = figures.Scopes.Single(s => s.Scope == "province:antwerpen");
        Assert.Equal((30L, 0L, 1), (antwerpen.EntriesTotal, antwerpen.EntriesOnDay, antwerpen.MarketDays));
        Assert.Equal(30, antwerpen.Daily[11]);
        Assert.Equal(30, antwerpen.Daily.Length);
        var flanders = figures.Scopes.Single(s => s.Scope == "flanders");
        Assert.Equal((42L, 12L), (flanders.EntriesTotal, flanders.EntriesOnDay));
        var market = figures.Markets.Single(m => m.Id == "ant-1");
        Assert.Equal((1, 30L, new DateOnly(2026, 4, 12)), (market.MarketDays, market.Entries, market.LastMarketDay));
        Assert.Equal(30, figures.Municipalities.Single(m => m.NisCode == "11002").Entries);
    }

    [Fact]
    public void A_corrected_count_replaces_the_old_one_and_a_retracted_one_no_longer_counts()
    {
        var log = Launched();
        var first = log.Add(MarketStream("ant-1"), new EntriesRegistered(30, Brussels(12, 9)), new DateOnly(2026, 4, 12), ["antwerpen"]);
        var second = log.Add(MarketStream("ant-1"), new EntriesRegistered(50, Brussels(12, 11)), new DateOnly(2026, 4, 12), ["antwerpen"]);
        var day = log.Add(MarketStream("ant-1"), new MarketDayHeld(new DateOnly(2026, 4, 12), 110), new DateOnly(2026, 4, 12), ["antwerpen"]);
        log.Add(MarketStream("ant-1"), new MarketCorrected(first, [new FieldCorrection("count", "30", "300")], "typo"), new DateOnly(2026, 4, 12), ["antwerpen"]);
        log.Add(MarketStream("ant-1"), new MarketRetracted(second, "counted twice"), new DateOnly(2026, 4, 12), ["antwerpen"]);
        log.Add(MarketStream("ant-1"), new MarketRetracted(day, "wrong market"), new DateOnly(2026, 4, 12), ["antwerpen"]);

        var antwerpen = Fold(log).View(Slug, DuringApril)!.Scopes.Single(s => s.Scope == "province:antwerpen");

        Assert.Equal(300, antwerpen.EntriesTotal);
        Assert.Equal(300, antwerpen.Daily[11]);
        Assert.Equal(0, antwerpen.MarketDays);
    }

    [Fact]
    public void A_retracted_market_and_municipality_leave_the_figures()
    {
        var log = Launched();
        var market = log.Add(Stream, new MarketJoined("ant-2", "Zaterdagmarkt", "11002", "antwerpen", "saturday", 30), Start, ["antwerpen"]);
        var municipality = log.Add(Stream, new MunicipalityJoined("11001", "antwerpen"), Start, ["antwerpen"]);
        log.Add(Stream, new CampaignRetracted(market, "never took part"), Start, ["antwerpen"]);
        log.Add(Stream, new CampaignRetracted(municipality, "never took part"), Start, ["antwerpen"]);

        var antwerpen = Fold(log).View(Slug, DuringApril)!.Scopes[0];

        Assert.Equal((1, 1, 120), (antwerpen.MunicipalitiesJoined, antwerpen.Markets, antwerpen.Traders));
    }

    [Fact]
    public void After_the_period_the_day_shown_is_the_last_day_with_entries_and_a_closed_campaign_says_so()
    {
        var log = Launched();
        log.Add(MarketStream("has-1"), new EntriesRegistered(9, Brussels(21, 9)), new DateOnly(2026, 4, 21), ["limburg"]);
        log.Add(MarketStream("has-1"), new EntriesRegistered(4, Brussels(7, 9)), new DateOnly(2026, 4, 7), ["limburg"]);
        log.Add(Stream, new CampaignClosed("end of April"), End, ["antwerpen", "limburg"]);

        var figures = Fold(log).View(Slug, new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))!;

        Assert.True(figures.Closed);
        Assert.Equal(new DateOnly(2026, 4, 21), figures.Day);
        Assert.False(figures.DayIsToday);
        Assert.Equal(9, figures.Scopes.Single(s => s.Scope == "province:limburg").EntriesOnDay);
    }

    [Fact]
    public void Before_any_entry_outside_the_period_the_day_shown_is_the_first_day()
    {
        var figures = Fold(Launched()).View(Slug, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))!;

        Assert.Equal((Start, 1), (figures.Day, figures.DayOfCampaign));
    }

    [Fact]
    public void Last_years_campaign_gives_its_entries_up_to_the_same_day_of_its_period()
    {
        var log = Launched("maand-van-de-markt-2025", 2025);
        var before = "maand-van-de-markt-2025";
        log.Add(MarketStream("ant-1", before), new EntriesRegistered(100, new DateTimeOffset(2025, 4, 3, 9, 0, 0, TimeSpan.FromHours(2))), new DateOnly(2025, 4, 3), ["antwerpen"]);
        log.Add(MarketStream("ant-1", before), new EntriesRegistered(1_000, new DateTimeOffset(2025, 4, 20, 9, 0, 0, TimeSpan.FromHours(2))), new DateOnly(2025, 4, 20), ["antwerpen"]);
        foreach (var e in Launched().Events) log.Add(e.StreamId, EventJson.Deserialize(e.EventType, e.Data)!, e.EffectiveDate, [.. e.Tags.Provinces]);

        var model = Fold(log);
        var figures = model.View(Slug, DuringApril)!;

        Assert.Equal(before, figures.Previous);
        Assert.Equal(100, figures.Scopes.Single(s => s.Scope == "province:antwerpen").PreviousAtSameDay);
        Assert.Equal(0, figures.Scopes.Single(s => s.Scope == "province:limburg").PreviousAtSameDay);
        Assert.Equal(100, figures.Scopes.Single(s => s.Scope == "flanders").PreviousAtSameDay);
        Assert.Null(model.View(before, DuringApril)!.Previous);
        Assert.Equal([Slug, before], model.Campaigns().Select(c => c.Slug));
        Assert.Equal(1_100, model.Campaigns()[1].EntriesTotal);
    }

    [Fact]
    public void Only_campaigns_that_changed_are_reported_and_other_streams_are_ignored()
    {
        var log = Launched();
        var model = Fold(log);
        Assert.Equal([Slug], model.TakeChanged());
        log.Add("project-kampc", new ProjectStatusChanged("running"), Start, ["antwerpen"]);
        log.FoldInto(model, log.Events.Count - 1);

        Assert.Empty(model.TakeChanged());
        Assert.Equal(log.Events.Count, model.Position);
        Assert.Null(model.View("no-such-campaign", DuringApril));
    }

    [Theory]
    [InlineData("maand-van-de-markt-2027", "maand-van-de-markt-2026")]
    [InlineData("markt-2000", "markt-1999")]
    [InlineData("maand-van-de-markt-demo", null)]
    [InlineData("maand-van-de-markt-demo-20261206", "maand-van-de-markt-demo-20251206")]
    [InlineData("maand-van-de-markt-demo-20240229", "maand-van-de-markt-demo-20230228")]
    [InlineData("maand-van-de-markt-demo-20261306", null)]
    [InlineData("2026", null)]
    public void The_previous_campaign_is_the_same_slug_a_year_earlier(string slug, string? previous) =>
        Assert.Equal(previous, CampaignModel.PreviousOf(slug));
}
