using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class AsOfTests : DashboardContext
{
    /// <summary>Historical figures differ from the live ones (1–5 million): Antwerpen had 400.000,00 granted.</summary>
    public AsOfTests() => Audits.Historical.AddRange(Samples.Comparison(position: 4).Select(s =>
        s.Scope == "province:antwerpen" ? Samples.Scope("antwerpen", 400_000m, position: 4) : s));

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static string Granted(IRenderedComponent<Home> page, string scope) =>
        page.Find($"article[data-scope='{scope}'] [data-measure=granted]").TextContent;

    [Fact]
    public void The_comparison_as_of_a_date_shows_the_historical_figures_marked_as_such_and_ignores_live_updates()
    {
        Navigation.NavigateTo("?asOf=2026-10-31");
        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("€\u00A0400.000,00", Granted(page, "province:antwerpen")));
        Assert.Equal(new HistoricalPoint(new DateOnly(2026, 10, 31), "effective"), Audits.HistoricalQueries.Single());
        Assert.Contains("Historische stand op 31/10/2026 (in werking)", page.Find("[data-testid=historical-banner]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".pm-live"));
        Assert.Empty(page.FindAll(".pm-ticker"));

        Source.Raise(new IndicatorsUpdate(11, [Samples.Scope("antwerpen", 9_999_999m, position: 11)], []));

        Assert.Equal("€\u00A0400.000,00", Granted(page, "province:antwerpen"));
    }

    [Fact]
    public void The_recorded_basis_is_named_in_the_banner_and_asked_of_the_source()
    {
        Navigation.NavigateTo("?asOf=2026-10-31&basis=recorded");
        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("Historische stand op 31/10/2026 (zoals geregistreerd)",
            page.Find("[data-testid=historical-banner]").TextContent, StringComparison.Ordinal));
        Assert.Equal("recorded", Audits.HistoricalQueries.Single().Basis);
        Assert.Equal("true", page.Find("[data-testid=basis-recorded]").GetAttribute("checked") is null ? "false" : "true");
    }

    [Fact]
    public void Back_to_live_reads_the_live_figures_again_and_follows_updates()
    {
        Navigation.NavigateTo("?asOf=2026-10-31");
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("€\u00A0400.000,00", Granted(page, "province:antwerpen")));

        page.Find("[data-testid=back-to-live]").Click();

        Assert.DoesNotContain("asOf", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("€\u00A01.000.000,00", Granted(page, "province:antwerpen")));
        Assert.Empty(page.FindAll("[data-testid=historical-banner]"));
        Assert.NotEmpty(page.FindAll(".pm-live"));
        Assert.Equal(1, Source.Subscribers);

        Source.Raise(new IndicatorsUpdate(11, [Samples.Scope("antwerpen", 1_250_000.5m, position: 11)], []));
        page.WaitForAssertion(() => Assert.Equal("€\u00A01.250.000,50", Granted(page, "province:antwerpen")));
    }

    [Fact]
    public void The_picker_puts_the_chosen_date_and_basis_in_the_address()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("article.pm-card").Count));
        Assert.Empty(page.FindAll("[data-testid=historical-banner]"));

        page.Find("[data-testid=asof-form]").Submit();
        Assert.Equal("Kies eerst een datum.", page.Find(".pm-asof [role=alert]").TextContent);

        page.Find("input[name=asof-date]").Change("31/10/2026");
        page.Find("[data-testid=basis-recorded]").Change("recorded");
        page.Find("[data-testid=asof-form]").Submit();

        Assert.EndsWith("/?asOf=2026-10-31&basis=recorded", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=historical-banner]")));
        Assert.Equal(new HistoricalPoint(new DateOnly(2026, 10, 31), "recorded"), Audits.HistoricalQueries.Single());
    }

    [Fact]
    public void A_province_as_of_a_date_shows_its_historical_figures_without_the_live_lists()
    {
        Navigation.NavigateTo("provincies/antwerpen?asOf=2026-10-31");
        var page = Render<Province>(p => p.Add(c => c.Slug, "antwerpen"));

        page.WaitForAssertion(() => Assert.Equal("€\u00A0400.000,00", page.Find(".pm-totals [data-measure=granted]").TextContent));
        Assert.Contains("Historische stand op 31/10/2026 (in werking)", page.Find("[data-testid=historical-banner]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=historical-note]"));
        Assert.Empty(page.FindAll("[data-testid=project-count]"));
        Assert.Equal("?asOf=2026-10-31", page.Find("[data-testid=back]").GetAttribute("href"));

        Source.Raise(new IndicatorsUpdate(11, [Samples.Scope("antwerpen", 9_999_999m, position: 11)], []));
        Assert.Equal("€\u00A0400.000,00", page.Find(".pm-totals [data-measure=granted]").TextContent);
    }

    [Fact]
    public void A_province_goes_back_to_live()
    {
        Navigation.NavigateTo("provincies/antwerpen?asOf=2026-10-31&basis=recorded");
        var page = Render<Province>(p => p.Add(c => c.Slug, "antwerpen"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=historical-banner]")));
        Assert.Contains("(zoals geregistreerd)", page.Find("[data-testid=historical-banner]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=back-to-live]").Click();

        page.WaitForAssertion(() => Assert.Equal("€\u00A01.000.000,00", page.Find(".pm-totals [data-measure=granted]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=historical-banner]"));
        Assert.Equal("", page.Find("[data-testid=back]").GetAttribute("href"));
    }
}
