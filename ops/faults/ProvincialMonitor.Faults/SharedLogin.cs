using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ProvincialMonitor.Faults;

/// <summary>
/// The Data Protection keys are shared through the database: the login page's antiforgery token from one silo
/// is accepted by a second, and the session cookie the second made is accepted by a third.
/// </summary>
public static partial class SharedLogin
{
    public static async Task CheckAsync(ClusterControl cluster, Report report, CancellationToken cancellationToken)
    {
        if (cluster.Silos < 3) return;
        const string login = "fault.deputy", password = "een lang genoeg wachtwoord";
        using (var admin = new HttpClient())
        {
            admin.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
            using var created = await admin.PostAsJsonAsync(new Uri(cluster.Url(1), "/api/admin/users"),
                new { login, displayName = "Gedeputeerde (scenario)", password, role = "deputy" }, cancellationToken);
            if (!created.IsSuccessStatusCode && created.StatusCode != HttpStatusCode.Conflict)
            {
                report.Check("a login works on every silo (shared Data Protection keys)", false, $"user add answered {(int)created.StatusCode}");
                return;
            }
        }

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var page = await browser.GetStringAsync(new Uri(cluster.Url(1), "/login"), cancellationToken);
        var input = TokenInput().Match(page);
        var token = TokenValue().Match(input.Value);
        // The cookies of 127.0.0.1 go to every port, as a browser sends them to every silo behind one name.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token.Success ? token.Groups[1].Value : "",
        });
        using var signedIn = await browser.PostAsync(new Uri(cluster.Url(2), "/auth/login"), form, cancellationToken);
        var location = signedIn.Headers.Location?.ToString() ?? "";
        report.Check("silo 2 accepts the antiforgery token of silo 1's login page and signs in",
            signedIn.StatusCode == HttpStatusCode.Redirect && location == "/", $"{(int)signedIn.StatusCode} → {location}");
        using var read = await browser.GetAsync(new Uri(cluster.Url(3), "/api/indicators/flanders"), cancellationToken);
        report.Check("silo 3 accepts the session cookie made by silo 2", read.StatusCode == HttpStatusCode.OK, $"{(int)read.StatusCode}");
    }

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
