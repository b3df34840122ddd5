using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using ProvincialMonitor.Faults;
using Xunit.Abstractions;

namespace ProvincialMonitor.Cluster.Tests;

/// <summary>
/// docs/security.md "Sessions": a logout on one silo ends the session on the others within a minute, for the copied
/// cookie's requests and for its open hub connection. Two silos on a throwaway PostgreSQL (ops/cluster/start.sh).
/// </summary>
[Collection(nameof(FaultScenarioTests))]
public sealed partial class SessionClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_logout_on_one_silo_ends_the_session_on_the_other_within_a_minute()
    {
        var repository = TestCluster.Repository();
        var directory = Path.Combine(Path.GetTempPath(), $"provmon-test-sessions-{Guid.NewGuid():N}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await using (var cluster = new ClusterControl(repository, directory, TestCluster.FreeBasePort(12500, 2), 2, output.WriteLine))
        {
            await cluster.StartAsync(timeout.Token);
            await LogOutOnSilo1AndUseTheCopyOnSilo2Async(cluster, timeout.Token);
        }
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private async Task LogOutOnSilo1AndUseTheCopyOnSilo2Async(ClusterControl cluster, CancellationToken cancel)
    {

        const string login = "sessie.cluster", password = "een lang genoeg wachtwoord";
        using (var admin = new HttpClient())
        {
            admin.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
            using var created = await admin.PostAsJsonAsync(new Uri(cluster.Url(1), "/api/admin/users"), new { login, password, role = "deputy" }, cancel);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(cancel));
        }

        // The user's browser on silo 1; the cookies of 127.0.0.1 go to every port, as to every silo behind one name.
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(new Uri(cluster.Url(1), "/login"), cancel);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        });
        using var signedIn = await browser.PostAsync(new Uri(cluster.Url(1), "/auth/login"), form, cancel);
        Assert.Equal("/", signedIn.Headers.Location?.ToString());
        var cookie = jar.GetCookieHeader(cluster.Url(1));

        // A copy of the cookie, used on silo 2: a request (silo 2 now knows the session as open) and a hub connection.
        using var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        async Task<HttpStatusCode> ReadOnSilo2()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.Url(2), "/api/provinces"));
            request.Headers.Add("Cookie", cookie);
            using var response = await copy.SendAsync(request, cancel);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await ReadOnSilo2());
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(cluster.Url(2), "/hubs/indicators"), o => o.Headers["Cookie"] = cookie).Build();
        var hubClosed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sinceLogout = new Stopwatch();
        hub.Closed += _ =>
        {
            hubClosed.TrySetResult(sinceLogout.Elapsed);
            return Task.CompletedTask;
        };
        await hub.StartAsync(cancel);
        await hub.InvokeAsync("Subscribe", "comparison", cancel);

        using var logout = await browser.PostAsync(new Uri(cluster.Url(1), "/auth/logout"), new FormUrlEncodedContent([]), cancel);
        sinceLogout.Start();
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        TimeSpan? refusedAfter = null;
        while (sinceLogout.Elapsed < Bound + TimeSpan.FromSeconds(15))
        {
            if (await ReadOnSilo2() == HttpStatusCode.Unauthorized)
            {
                refusedAfter = sinceLogout.Elapsed;
                break;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        }
        var left = Bound + TimeSpan.FromSeconds(15) - sinceLogout.Elapsed;
        var closedAfter = await Task.WhenAny(hubClosed.Task, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancel)) == hubClosed.Task
            ? await hubClosed.Task
            : (TimeSpan?)null;
        output.WriteLine($"after the logout on silo 1: the copied cookie refused on silo 2 after {Seconds(refusedAfter)}, its hub connection closed after {Seconds(closedAfter)}");

        Assert.True(refusedAfter <= Bound, $"the copied cookie still worked on silo 2 {sinceLogout.Elapsed.TotalSeconds:F0} s after the logout");
        Assert.True(closedAfter <= Bound, $"the hub connection on silo 2 was still {hub.State} {sinceLogout.Elapsed.TotalSeconds:F0} s after the logout");
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:F1} s" : "(not within the wait)";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
