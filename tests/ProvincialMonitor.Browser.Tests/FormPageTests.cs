using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProvincialMonitor.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>The subsidy form as the demo officer of Antwerpen uses it: a Dutch validation message, a correction, one stored event. One login.</summary>
public sealed class FormPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private const string Officer = "ambtenaar-antwerpen";

    [Fact]
    public async Task An_officer_records_a_grant_through_the_form_after_correcting_an_invalid_amount()
    {
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        var projectId = (await http.GetFromJsonAsync<JsonElement>(new Uri("api/projects/by-ref/antwerpen/KC-01", UriKind.Relative))).GetProperty("projectId").GetString()!;
        var grantRef = $"KC-01-FORM-{Guid.NewGuid():N}"[..30];

        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard, Officer);
        await Expect(page.Locator("[data-testid=nav-register]")).ToBeVisibleAsync();
        await page.GotoAsync($"/registreren/subsidie?project={projectId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subsidie toekennen", Level = 1 })).ToBeVisibleAsync();
        var submit = page.Locator("[data-testid=submit]");
        await Expect(submit).ToBeEnabledAsync();
        await Expect(page.Locator("[data-testid=project-select]")).ToHaveValueAsync(projectId);

        await page.GetByLabel("Referentie van de toekenning").FillAsync(grantRef);
        await page.Locator("#f-amount").FillAsync("-5");
        await page.GetByLabel("Financier").SelectOptionAsync("pom");
        await submit.ClickAsync();

        var error = page.Locator("[data-testid=error-amount]");
        await Expect(error).ToHaveTextAsync("Moet groter zijn dan nul.");
        await Expect(page.Locator("#f-amount")).ToHaveAttributeAsync("aria-describedby", "e-amount");
        await Expect(page.Locator("#f-amount")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-testid=confirmation]")).ToHaveCountAsync(0);

        await page.Locator("#f-amount").FillAsync("1500,25");
        await submit.ClickAsync();

        var position = page.Locator("[data-testid=position]");
        await Expect(position).ToBeVisibleAsync();
        await Expect(error).ToHaveCountAsync(0);
        var stored = long.Parse((await position.TextContentAsync())!, CultureInfo.InvariantCulture);
        await Screenshots.SaveAsync(page, "form-subsidy", output);

        var events = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/projects/{projectId}/events", UriKind.Relative));
        var grants = events.EnumerateArray()
            .Where(e => e.GetProperty("eventType").GetString() == "SubsidyGranted.v2" && e.GetProperty("data").GetProperty("grantRef").GetString() == grantRef)
            .ToList();
        var grant = Assert.Single(grants);
        Assert.Equal(stored, grant.GetProperty("position").GetInt64());
        Assert.Equal(1500.25m, grant.GetProperty("data").GetProperty("amount").GetDecimal());
        Assert.Equal("form", grant.GetProperty("metadata").GetProperty("source").GetString());
    }

    /// <summary>What is typed is stored as meant or refused with both readings; a date that does not exist is refused, not read as today.</summary>
    [Fact]
    public async Task An_amount_typed_with_a_point_and_a_date_that_does_not_exist_are_read_as_typed_or_refused()
    {
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        var projectId = (await http.GetFromJsonAsync<JsonElement>(new Uri("api/projects/by-ref/antwerpen/KC-01", UriKind.Relative))).GetProperty("projectId").GetString()!;
        var grantRef = $"KC-01-PT-{Guid.NewGuid():N}"[..30];

        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard, Officer);
        await page.GotoAsync($"/registreren/subsidie?project={projectId}");
        var submit = page.Locator("[data-testid=submit]");
        await Expect(submit).ToBeEnabledAsync();
        await page.GetByLabel("Referentie van de toekenning").FillAsync(grantRef);
        await page.GetByLabel("Financier").SelectOptionAsync("pom");

        await page.Locator("#f-amount").FillAsync("12.500");
        await page.Locator("#f-effectiveDate").FillAsync("31/02/2026");
        await page.Locator("#f-effectiveDate").PressAsync("Tab");
        await submit.ClickAsync();

        await Expect(page.Locator("[data-testid=error-amount]")).ToContainTextAsync("12.500 of als 12,5");
        await Expect(page.Locator("[data-testid=error-effectiveDate]")).ToContainTextAsync("Geen geldige datum");
        await Expect(page.Locator("[data-testid=confirmation]")).ToHaveCountAsync(0);

        await page.Locator("#f-amount").FillAsync("1000.50");
        await page.Locator("#f-effectiveDate").FillAsync(MonitorClock.System.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#f-effectiveDate").PressAsync("Tab");
        await submit.ClickAsync();

        await Expect(page.Locator("[data-testid=position]")).ToBeVisibleAsync();
        var events = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/projects/{projectId}/events", UriKind.Relative));
        var grant = Assert.Single(events.EnumerateArray(),
            e => e.GetProperty("eventType").GetString() == "SubsidyGranted.v2" && e.GetProperty("data").GetProperty("grantRef").GetString() == grantRef);
        Assert.Equal(1000.50m, grant.GetProperty("data").GetProperty("amount").GetDecimal());
    }
}
