using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>
/// The campaign's steps on its markets are the dispatcher's, whoever sends the command (the API, a form, an import):
/// a market that joined has its own stream, and a closed campaign's markets are closed.
/// </summary>
public sealed class CampaignStepsTests(SqliteCluster fixture) : IClassFixture<SqliteCluster>
{
    private static readonly Actor Coordinator = new("coordinator-steps", Roles.Admin, [], []);

    [Fact]
    public async Task A_market_that_joins_through_the_dispatcher_gets_its_stream_and_is_closed_with_its_campaign()
    {
        var today = MonitorClock.System.Today;
        var slug = $"markt-{Guid.NewGuid():N}"[..20];
        var request = new CommandRequest(Coordinator, Sources.Form, $"steps-{slug}");
        Assert.Null((await fixture.Dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(slug,
            new LaunchCampaign(slug, "Maand van de Markt (test)", today.AddDays(-3), today.AddDays(3), ["limburg"], []), request with { IdempotencyKey = null })).Refusal?.Message);
        Assert.Null((await fixture.Dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(slug, new JoinMunicipality("71016"), request with { IdempotencyKey = null })).Refusal?.Message);

        var joined = await fixture.Dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(slug,
            new JoinMarket("genk-centrum", "Markt Genk", "71016", "tuesday", 40), request);
        Assert.Null(joined.Refusal?.Message);

        var market = fixture.Cluster.Client.GetGrain<IMarketGrain>($"{slug}/genk-centrum");
        var opened = await market.View();
        Assert.True(opened.Exists);
        Assert.Equal("71016", JsonDocument.Parse(opened.StateJson).RootElement.GetProperty("municipality").GetString());

        // The same join again (a retry) replays and leaves the market as it was.
        Assert.True((await fixture.Dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(slug,
            new JoinMarket("genk-centrum", "Markt Genk", "71016", "tuesday", 40), request)).Replayed);
        Assert.Equal(opened.Version, (await market.View()).Version);

        Assert.Null((await fixture.Dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(slug, new CloseCampaign("klaar"), request with { IdempotencyKey = null })).Refusal?.Message);
        Assert.True(JsonDocument.Parse((await market.View()).StateJson).RootElement.GetProperty("closed").GetBoolean());
    }
}
