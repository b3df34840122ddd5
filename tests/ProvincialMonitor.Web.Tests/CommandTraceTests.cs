using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// A command's trace: the store's append and commit spans under the grain call, under the HTTP request's span.
/// (A commit that gathered several appends is the child of the first and links the others.)
/// </summary>
public sealed class CommandTraceTests : IAsyncLifetime, IDisposable
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private readonly ConcurrentBag<Activity> _stopped = [];
    private ActivityListener? _listener;

    public Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "ProvincialMonitor" or "Microsoft.AspNetCore" || s.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        await _silo.DisposeAsync();
    }

    public void Dispose() => _listener?.Dispose();

    [Fact]
    public async Task The_store_commit_span_sits_under_the_grain_call_under_the_HTTP_span()
    {
        var client = _silo.CreateClient();
        // A first command, so that startup's own appends are done before the traced one.
        var created = await client.PostJsonAsync("/api/projects", """{"title":"Spoor","leadProvince":"antwerpen","domain":"labour-market"}""");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var project = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var traceId = ActivityTraceId.CreateRandom();
        var traceparent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
        var response = await client.PostJsonAsync($"/api/projects/{project}/partners", """{"name":"Spoorpartner"}""", ("traceparent", traceparent));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        // The HTTP span stops after the response is sent; wait for it.
        Activity[] trace = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            trace = _stopped.Where(a => a.TraceId == traceId).ToArray();
            if (trace.Any(a => a.Source.Name == "Microsoft.AspNetCore") && trace.Any(a => a.OperationName == "EventStore.Append")) break;
            await Task.Delay(100);
        }

        var append = Assert.Single(trace, a => a.OperationName == "EventStore.Append");
        var spans = trace.ToDictionary(a => a.SpanId);
        var chain = new List<Activity>();
        for (var current = append; current is not null; current = spans.GetValueOrDefault(current.ParentSpanId)) chain.Add(current);
        var description = string.Join(" <- ", chain.Select(a => $"{a.Source.Name}:{a.OperationName}"));

        Assert.Equal("Microsoft.AspNetCore", chain[^1].Source.Name);
        var grainCall = chain.FindIndex(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.True(grainCall > 0, description);
        Assert.True(grainCall < chain.Count - 1, description);

        // The commit that stored it: its child, or (gathered with an earlier append) a commit linking it.
        var commit = Assert.Single(_stopped, a => a.OperationName == "EventStore.Commit"
            && (a.ParentSpanId == append.SpanId || a.Links.Any(l => l.Context.SpanId == append.SpanId)));
        Assert.True(commit.ParentSpanId == append.SpanId || commit.TraceId != traceId, "a commit in this trace is a child of its append");
    }
}
