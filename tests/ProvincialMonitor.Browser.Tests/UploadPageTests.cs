using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>An officer imports a CSV file (as Excel saves it in nl-BE) through the upload page in a real browser.</summary>
public sealed class UploadPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task An_officer_uploads_a_file_that_registers_a_project_and_grants_to_it_and_gets_the_report()
    {
        var reference = $"UP-{Guid.NewGuid():N}"[..20];
        var csv = "action;leadProvince;externalRef;title;domain;grantRef;amount;funder\r\n"
                  + $"register-project;antwerpen;{reference};Opleidingshub Mechelen;labour-market;;;\r\n"
                  + $"grant-subsidy;antwerpen;{reference};;;{reference}-G1;12500,75;province\r\n";

        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard, "ambtenaar-antwerpen");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Importeren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importeren", Level = 1 })).ToBeVisibleAsync();
        // Enabled once the circuit is interactive: on a busy machine that can take longer than the default 20 s.
        await Expect(page.Locator("[data-testid=start]")).ToBeEnabledAsync();

        // The page has the file once it names it: a click before that (a busy machine) would find no file yet. The file
        // input listens only once its first interactive render has run its script (the button is enabled a moment
        // before): a file set in that moment goes unseen, so it is set again until the page names it.
        var file = new FilePayload { Name = "acties.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            try
            {
                // A short wait per attempt: this loop retries the setting of the file, it does not time the page.
                await Expect(page.Locator("[data-testid=chosen-file]")).ToHaveTextAsync("Gekozen: acties.csv (1 kB)", new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 12)
            {
            }
        }
        await page.Locator("[data-testid=start]").ClickAsync();

        await Expect(page.Locator("[data-testid=count-stored]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-testid=import-verdict]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=report-csv]")).ToBeVisibleAsync();
        output.WriteLine(await page.Locator("[data-testid=import-verdict]").InnerTextAsync());

        // The project and its grant are stored, by the officer, with source import and the decimal comma read as such.
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        var project = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/projects/by-ref/antwerpen/{reference}", UriKind.Relative));
        var events = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/events?stream=project-{project.GetProperty("projectId").GetString()}", UriKind.Relative));
        var stored = events.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["ProjectRegistered.v1", "SubsidyGranted.v2"], stored.Select(e => e.GetProperty("eventType").GetString()));
        Assert.All(stored, e => Assert.Equal("import", e.GetProperty("tags").GetProperty("source").GetString()));
        Assert.Equal(12500.75m, stored[1].GetProperty("data").GetProperty("amount").GetDecimal());

        // The report is served to the logged-in officer.
        var report = await page.APIRequest.GetAsync(await page.Locator("[data-testid=report-csv]").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, report.Status);
        Assert.Contains("stored", await report.TextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "import", output);
    }
}
