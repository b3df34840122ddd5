using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

public static class ApiClient
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    /// <summary>Reads a JSON answer until <paramref name="done"/> holds for it or 15 seconds pass (the projector catches up), and returns the last.</summary>
    public static async Task<JsonElement> GetJsonWhenAsync(this HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(15);
        while (true)
        {
            var json = await client.GetJsonAsync(path);
            if (done(json) || MonitorClock.System.Now.UtcDateTime > deadline) return json;
            await Task.Delay(100);
        }
    }
}
