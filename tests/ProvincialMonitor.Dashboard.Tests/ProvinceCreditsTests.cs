using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The province page's credits: per domain the credit of a year, granted and paid against it in nl-BE, with Vlaanderen's total.</summary>
public sealed class ProvinceCreditsTests : DashboardContext
{
    private int ThisYear => Clock.Today.Year;

    private static ScopeIndicators With(string slug, params (string Code, decimal Value)[] figures)
    {
        var scope = Samples.Scope(slug, 0m);
        var measures = new Dictionary<string, decimal>(scope.Measures, StringComparer.Ordinal);
        foreach (var (code, value) in figures) measures[code] = value;
        return scope with { Measures = measures };
    }

    private IRenderedComponent<ProvinceCredits> Render(ScopeIndicators scope, bool live = true)
    {
        var year = ThisYear;
        Source.Scopes.RemoveAll(s => s.Scope == "flanders");
        Source.Scopes.Add(With("flanders", ($"budget.{year}", 10_000_000m), ($"granted.year.{year}", 2_500_000m), ($"paid.year.{year}", 12_000_000m)));
        return Render<ProvinceCredits>(p => p.Add(c => c.Scope, scope).Add(c => c.Live, live));
    }

    private ScopeIndicators Antwerpen()
    {
        var (y, last) = (ThisYear, ThisYear - 1);
        return With("antwerpen",
            ($"budget.{y}", 1_000_000m), ($"budget.{y}.circular-economy", 1_000_000m),
            ($"granted.year.{y}", 400_000m), ($"granted.year.{y}.circular-economy", 250_000m), ($"granted.year.{y}.labour-market", 150_000m),
            ($"paid.year.{y}", 1_100_000m), ($"paid.year.{y}.circular-economy", 1_100_000m),
            ($"budget.{last}", 500_000m), ($"budget.{last}.labour-market", 500_000m));
    }

    [Fact]
    public void The_table_shows_this_year_s_credit_granted_and_paid_per_domain_with_percentages_in_nl_BE()
    {
        var page = Render(Antwerpen());

        Assert.Equal($"Kredieten {ThisYear}", page.Find("#credits-title").TextContent);
        var circular = page.Find("tr[data-code=circular-economy]");
        Assert.Equal(["€\u00A01.000.000,00", "€\u00A0250.000,00", "€\u00A01.100.000,00", "€\u00A00,00", "25,0\u00A0%", "110,0\u00A0%"],
            circular.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        // A grant without a credit: its percentage is shown as missing, not as infinity.
        Assert.Equal("–", page.Find("tr[data-code=labour-market] [data-testid=granted-percent]").TextContent);
        Assert.Equal("40,0\u00A0%", page.Find("tr[data-code=total][data-scope='province:antwerpen'] [data-testid=granted-percent]").TextContent);
        Assert.Equal("120,0\u00A0%", page.Find("tr[data-scope=flanders] [data-testid=paid-percent]").TextContent);
        Assert.Contains("boven 100 %", page.Find("[data-testid=credits-note]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("egroting", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_figure_opens_the_events_that_make_it()
    {
        var page = Render(Antwerpen());

        var link = page.Find($"tr[data-code=circular-economy] td[data-measure='paid.year.{ThisYear}.circular-economy'] a");
        Assert.Contains($"measure=paid.year.{ThisYear}.circular-economy", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("scope=province%3Aantwerpen", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("domain=circular-economy", link.GetAttribute("href"), StringComparison.Ordinal);
        var flanders = page.Find($"tr[data-scope=flanders] td[data-measure='budget.{ThisYear}'] a");
        Assert.Contains("scope=flanders", flanders.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_picker_offers_the_years_the_figures_hold_and_shows_the_chosen_one()
    {
        var page = Render(Antwerpen());

        Assert.Contains((ThisYear - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.FindAll("[data-testid=credits-year] option").Select(o => o.TextContent));
        page.Find("[data-testid=credits-year]").Change((ThisYear - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal($"Kredieten {ThisYear - 1}", page.Find("#credits-title").TextContent);
        Assert.Equal("€\u00A0500.000,00", page.Find("tr[data-code=labour-market] td").TextContent.Trim());
        Assert.Empty(page.FindAll("tr[data-code=circular-economy]"));
    }

    [Fact]
    public void A_historical_page_shows_the_province_alone_and_a_year_without_figures_says_so()
    {
        var page = Render(With("limburg"), live: false);

        Assert.Empty(page.FindAll("tr[data-scope=flanders]"));
        Assert.Contains($"Geen krediet, toekenning of betaling voor {ThisYear}", page.Find("[data-testid=credits-empty]").TextContent, StringComparison.Ordinal);
    }
}
