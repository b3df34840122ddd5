using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The Audit page in a real Chromium against a real silo: the decision log, stepping through a project's history
/// and seeing its state change, verifying the chain, and who may verify. Two logins, below the silo's ten per minute.
/// </summary>
public sealed class AuditPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task An_auditor_steps_through_a_projects_history_sees_the_state_change_and_verifies_the_chain()
    {
        var projectId = await DemoSession.RecordSubsidyAsync(dashboard, "KC-01", 98_765.43m);
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard, DemoSession.Auditor);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=audit-log] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=audit-log] tbody tr").First).ToHaveAttributeAsync("data-position", "1");
        DemoSession.AssertAccessible(output, "/audit", await page.RunAxe());

        // The project's history, picked by kind and key, once the page is interactive (its buttons are enabled).
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Doorlopen" })).ToBeEnabledAsync();
        await page.Locator("#replay-kind").SelectOptionAsync("project");
        await page.Locator("#replay-key").FillAsync(projectId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Doorlopen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/audit/replay/project/{projectId}$"));
        var step = page.Locator("[data-testid=step]");
        await Expect(step).ToContainTextAsync("Stap 1 van");
        await Expect(step).ToContainTextAsync("Project geregistreerd");
        await Expect(page.Locator("[data-testid=state] [data-path=status] dd")).ToHaveTextAsync("Gepland");

        // Keyboard: the next button by Enter, once the page is interactive.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Volgende" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(step).ToContainTextAsync("Stap 2 van");
        await Expect(page.Locator("[data-testid=diff] tbody tr").First).ToBeVisibleAsync();

        // The last step is the grant just recorded: it adds the grant to the state.
        await page.GetByRole(AriaRole.Button, new() { Name = "Laatste" }).ClickAsync();
        await Expect(step).ToContainTextAsync("Subsidie toegekend: € 98.765,43 (Provincie)");
        await Expect(page.Locator("[data-testid=diff] tbody tr[data-kind=added]").Filter(new() { HasText = "98765.43" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=state]")).ToContainTextAsync("98765,43");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorige" }).ClickAsync();
        await Expect(page.Locator("[data-testid=state]")).Not.ToContainTextAsync("98765,43");
        DemoSession.AssertAccessible(output, page.Url, await page.RunAxe());
        await Screenshots.SaveAsync(page, "audit-replay", output);

        // Back on Audit: the chain verifies intact up to the head.
        await page.GetByTestId("back").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keten controleren" })).ToBeEnabledAsync();
        var head = await page.Locator("[data-testid=head-position]").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keten controleren" }).ClickAsync();
        await Expect(page.Locator("[data-testid=verify-intact]")).ToContainTextAsync("Intact tot positie");
        await Expect(page.Locator("[data-testid=verify-progress]")).ToContainTextAsync($"van {head}");
    }

    [Fact]
    public async Task A_deputy_reads_the_log_but_has_no_verify_button()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);

        await page.GotoAsync("/audit?source=reference");
        await Expect(page.Locator("[data-testid=audit-description]")).ToHaveTextAsync("Gebeurtenissen met bron Referentiegegevens.");
        await Expect(page.Locator("[data-testid=audit-log] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keten controleren" })).ToHaveCountAsync(0);
    }
}
