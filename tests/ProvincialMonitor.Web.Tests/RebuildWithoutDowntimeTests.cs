using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// A rebuild of the projections runs beside the serving ones: readers keep getting the same answers while it
/// runs, and after the switch the figures equal those before it, with the models built beside them gone.
/// </summary>
public sealed class RebuildWithoutDowntimeTests : IAsyncLifetime
{
    // Small steps, so that the rebuild of a few hundred events takes dozens of steps and readers meet it.
    private readonly SiloFactory _silo = SiloFactory.Embedded(settings: new Dictionary<string, string?> { ["Projections:RebuildStep"] = "1" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Readers_get_the_same_figures_during_a_rebuild_and_the_figures_after_the_switch_equal_those_before()
    {
        using var api = _silo.CreateClient();
        await Task.WhenAll(Enumerable.Range(1, 200).Select(n => api.PostJsonAsync(
            $"/api/provinces/{(n % 2 == 0 ? "limburg" : "antwerpen")}/budgets", $$"""{"domain":"labour-market","year":{{1990 + n / 2}},"amount":{{n}},"decisionRef":"PR-{{n}}"}""")));
        var head = await _silo.CountEventsAsync();
        await WaitAsync(async () => (await StatusesAsync(api)).All(s => s.Checkpoint == head));
        var before = await FiguresAsync(api);

        using var stop = new CancellationTokenSource();
        var answers = new ConcurrentBag<(HttpStatusCode Status, bool Same, DateTime At)>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var path in Paths)
                {
                    using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
                    var same = response.IsSuccessStatusCode && Measures(await response.Content.ReadAsStringAsync()) == before[path];
                    answers.Add((response.StatusCode, same, MonitorClock.System.Now.UtcDateTime));
                }
            }
        });

        await WaitAsync(() => Task.FromResult(!answers.IsEmpty));

        var started = await api.PostAsync(new Uri("/api/admin/projections/rebuild", UriKind.Relative), null);
        DateTime? firstBuilding = null, lastBuilding = null;
        await WaitAsync(async () =>
        {
            var statuses = await StatusesAsync(api);
            var building = statuses.Any(s => s.Role == "building");
            if (building)
            {
                firstBuilding ??= MonitorClock.System.Now.UtcDateTime;
                lastBuilding = MonitorClock.System.Now.UtcDateTime;
            }
            return !building && firstBuilding is not null;
        });
        var sawBuilding = firstBuilding is not null;
        var readsWhileBuilding = answers.Count(a => a.At >= firstBuilding && a.At <= lastBuilding);
        await Task.Delay(200);
        await stop.CancelAsync();
        await reader;
        var after = await FiguresAsync(api);
        var statusesAfter = await StatusesAsync(api);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.True(sawBuilding, "the rebuild was never seen building beside the serving projections");
        Assert.True(readsWhileBuilding > 0, "no reader asked while the rebuild ran");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.True(a.Same, "a reader got other figures during the rebuild"));
        Assert.Equal(before, after);
        Assert.Equal(["indicators", "campaigns", "catalog", "business-parks"], statusesAfter.Select(s => s.Name));
        Assert.All(statusesAfter, s => Assert.Equal(("serving", head), (s.Role, s.Checkpoint)));
    }

    private static readonly string[] Paths = ["/api/indicators/provinces/limburg", "/api/indicators/provinces/antwerpen", "/api/indicators/flanders"];

    private static async Task<Dictionary<string, string>> FiguresAsync(HttpClient api)
    {
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Paths) figures[path] = Measures(await api.GetStringAsync(new Uri(path, UriKind.Relative)));
        return figures;
    }

    private static string Measures(string json) => JsonDocument.Parse(json).RootElement.GetProperty("measures").ToString();

    private sealed record Status(string Name, long Checkpoint, long Head, string Role);

    private static async Task<List<Status>> StatusesAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<List<Status>>(new Uri("/api/admin/projections", UriKind.Relative), JsonSerializerOptions.Web))!;

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(MonitorClock.System.Now.UtcDateTime < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
