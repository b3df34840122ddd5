using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ProvincialMonitor.PageWeight;

/// <summary>
/// Counts what travels, from Chromium's own network events (DevTools protocol): per finished HTTP request its
/// <c>encodedDataLength</c> (headers and body as received, compressed if it came compressed; 0 for an answer from the
/// browser cache), and apart from that the WebSocket frames' payloads.
/// </summary>
internal sealed class WireBytes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _urls = [];
    private readonly Dictionary<string, long> _perUrl = [];
    private readonly HashSet<string> _fromCache = [];
    private long _bytes;
    private int _requests;
    private long _webSocket;

    public sealed record Tally(long Bytes, int Requests, int FromCache, long WebSocketBytes, IReadOnlyList<(string Address, long Bytes)> Largest)
    {
        public JsonObject ToJson() => new()
        {
            ["bytes"] = Bytes, ["requests"] = Requests, ["from_cache"] = FromCache, ["websocket_bytes"] = WebSocketBytes,
            ["largest"] = new JsonObject(Largest.Select(l => KeyValuePair.Create(l.Address, (JsonNode?)l.Bytes))),
        };
    }

    public static async Task<WireBytes> AttachAsync(IBrowserContext context, IPage page)
    {
        var wire = new WireBytes();
        var session = await context.NewCDPSessionAsync(page);
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) => wire.Sent(e);
        session.Event("Network.requestServedFromCache").OnEvent += (_, e) => wire.Cached(e);
        session.Event("Network.loadingFinished").OnEvent += (_, e) => wire.Finished(e);
        session.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => wire.Frame(e);
        session.Event("Network.webSocketFrameSent").OnEvent += (_, e) => wire.Frame(e);
        await session.SendAsync("Network.enable");
        return wire;
    }

    /// <summary>The tally since the last call (after a short wait for the last events), and a fresh start.</summary>
    public async Task<Tally> TakeAsync()
    {
        await Task.Delay(1_000);
        lock (_gate)
        {
            var largest = _perUrl.OrderByDescending(p => p.Value).Take(8).Select(p => (p.Key, p.Value)).ToList();
            var tally = new Tally(_bytes, _requests, _fromCache.Count, _webSocket, largest);
            _bytes = 0;
            _requests = 0;
            _webSocket = 0;
            _perUrl.Clear();
            _fromCache.Clear();
            return tally;
        }
    }

    private static string Id(JsonElement? e) => e!.Value.GetProperty("requestId").GetString()!;

    private void Sent(JsonElement? e)
    {
        var url = e!.Value.GetProperty("request").GetProperty("url").GetString()!;
        lock (_gate) _urls[Id(e)] = new Uri(url).PathAndQuery;
    }

    private void Cached(JsonElement? e)
    {
        lock (_gate) _fromCache.Add(Id(e));
    }

    private void Finished(JsonElement? e)
    {
        var length = (long)e!.Value.GetProperty("encodedDataLength").GetDouble();
        lock (_gate)
        {
            var url = _urls.GetValueOrDefault(Id(e), Id(e));
            _bytes += length;
            _requests++;
            _perUrl[url] = _perUrl.GetValueOrDefault(url) + length;
        }
    }

    private void Frame(JsonElement? e)
    {
        var payload = e!.Value.GetProperty("response").GetProperty("payloadData").GetString() ?? "";
        lock (_gate) _webSocket += payload.Length;
    }
}
