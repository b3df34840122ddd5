using ProvincialMonitor.Grains;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Historical reads of a long stream start from snapshots (here one after every second event), over HTTP.</summary>
public sealed class HistoricalSnapshotTests
{
    private static async Task<JsonElement> PostAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostJsonAsync(path, json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<(string Body, string Events)> AsOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.GetValues("X-As-Of-Events").Single());
    }

    private static decimal? Grant(string body, string grantRef, string field = "amount") =>
        JsonDocument.Parse(body).RootElement.GetProperty("grants").TryGetProperty(grantRef, out var grant) ? grant.GetProperty(field).GetDecimal() : null;

    [Fact]
    public async Task Reads_as_of_a_date_start_from_snapshots_and_answer_the_same_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("provmon-snapshots-").FullName;
        var settings = new Dictionary<string, string?> { ["History:SnapshotEvery"] = "2" };
        try
        {
            string p;
            var answers = new Dictionary<string, (string Body, string Events)>();
            string[] reads = ["asOf=2026-03-20", "asOf=2026-04-05", "asOf=2026-04-20", "asOf=2026-01-31"];
            await using (var silo = SiloFactory.Embedded(folder, settings: settings))
            {
                using var client = silo.CreateClient();
                var id = (await PostAsync(client, "/api/projects", """{"title":"Kanaalzone","leadProvince":"limburg","domain":"spatial-economy","effectiveDate":"2026-01-10"}""")).GetProperty("id").GetString();
                p = $"/api/projects/{id}";
                await PostAsync(client, $"{p}/subsidies", """{"grantRef":"K-1","amount":100,"funder":"province","effectiveDate":"2026-02-01"}""");
                var k2 = await PostAsync(client, $"{p}/subsidies", """{"grantRef":"K-2","amount":200,"funder":"province","effectiveDate":"2026-03-01"}""");
                await PostAsync(client, $"{p}/payments", """{"grantRef":"K-1","amount":50,"paymentRef":"B-1","effectiveDate":"2026-03-15"}""");
                await PostAsync(client, $"{p}/subsidies", """{"grantRef":"K-3","amount":300,"funder":"province","effectiveDate":"2026-04-01"}""");
                await PostAsync(client, $"{p}/corrections",
                    $$"""{"eventId":"{{k2.GetProperty("eventIds")[0].GetString()}}","changes":[{"field":"amount","newValue":250}],"reason":"besluit aangepast","effectiveDate":"2026-04-10"}""");

                foreach (var read in reads)
                {
                    var first = await AsOfAsync(client, $"{p}?{read}");
                    Assert.Equal(first, await AsOfAsync(client, $"{p}?{read}"));
                    answers[read] = first;
                }
                var stream = AggregateKinds.All["project"].StreamIdOf(id!);
                var kept = await silo.Services.GetRequiredService<EventStoreConnector>().Snapshots.FindAsync(stream, AggregateSnapshots.Fold);
                Assert.Equal(6, kept?.StreamVersion);
            }

            // Before 2026-03-20: registered, K-1 granted and half paid, K-2 granted; K-3 and the correction come later.
            Assert.Equal(("4", 100m, 50m, 200m, (decimal?)null), (answers[reads[0]].Events, Grant(answers[reads[0]].Body, "K-1"),
                Grant(answers[reads[0]].Body, "K-1", "paid"), Grant(answers[reads[0]].Body, "K-2"), Grant(answers[reads[0]].Body, "K-3")));
            Assert.Equal(("5", 200m, 300m), (answers[reads[1]].Events, Grant(answers[reads[1]].Body, "K-2"), Grant(answers[reads[1]].Body, "K-3")));
            Assert.Equal(("6", 250m), (answers[reads[2]].Events, Grant(answers[reads[2]].Body, "K-2")));
            Assert.Equal(("1", (decimal?)null), (answers[reads[3]].Events, Grant(answers[reads[3]].Body, "K-1")));

            // After a restart nothing is in memory: the reads decode the kept snapshots and answer the same.
            await using (var silo = SiloFactory.Embedded(folder, settings: settings))
            {
                using var client = silo.CreateClient();
                foreach (var read in reads) Assert.Equal(answers[read], await AsOfAsync(client, $"{p}?{read}"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
