using Bunit;
using ProvincialMonitor.Dashboard.Layout;
using ProvincialMonitor.Dashboard.Operations;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class OperationsPageTests : DashboardContext
{
    [Theory]
    [InlineData("deputy")]
    [InlineData("officer")]
    [InlineData("auditor")]
    public void Only_an_administrator_has_the_menu_entry_and_the_page(string role)
    {
        Authorization.SetRoles(role);

        Assert.Empty(Render<MainLayout>().FindAll("[data-testid=nav-operations]"));
        var page = Render<OperationsPage>();
        Assert.Contains("Alleen een beheerder", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=rebuild]"));
    }

    [Fact]
    public void An_administrator_sees_the_projections_with_their_progress_and_the_cluster_in_Dutch()
    {
        Authorization.SetRoles("admin");

        Assert.NotEmpty(Render<MainLayout>().FindAll("[data-testid=nav-operations]"));
        var page = Render<OperationsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=projections]")));

        var indicators = page.Find("[data-testid='projection-indicators']").TextContent;
        Assert.Contains("Indicatoren", indicators, StringComparison.Ordinal);
        Assert.Contains("in gebruik", indicators, StringComparison.Ordinal);
        Assert.Contains("1.200 van 1.200", indicators, StringComparison.Ordinal);
        var silos = page.Find("[data-testid=silos]").TextContent;
        Assert.Contains("actief", silos, StringComparison.Ordinal);
        Assert.Contains("dood", silos, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:11111", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebuild_shows_the_new_projections_building_beside_the_serving_ones_until_they_take_over()
    {
        Authorization.SetRoles("admin");
        var page = Render<OperationsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=rebuild]")));

        page.Find("[data-testid=rebuild]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='projection-indicators.next']")));
        Assert.Equal(1, Operations.RebuildsStarted);
        Assert.Contains("Indicatoren (nieuw)", page.Markup, StringComparison.Ordinal);
        Assert.Contains("300 van 1.200", page.Find("[data-testid='projection-indicators.next']").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=rebuild]").HasAttribute("disabled"));
        Assert.Contains("blijven antwoorden", page.Find("[data-testid=rebuild-status]").TextContent, StringComparison.Ordinal);

        Operations.FinishRebuild();

        page.WaitForAssertion(() => Assert.Contains("De nieuwe projecties zijn in gebruik", page.Find("[data-testid=rebuild-status]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("[data-testid='projection-indicators.next']"));
    }
}
