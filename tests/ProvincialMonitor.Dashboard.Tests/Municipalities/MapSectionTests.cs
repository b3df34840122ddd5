using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests.Municipalities;

public sealed class MapSectionTests : DashboardContext
{
    /// <summary>A month before the product's today: a date in the past on any day the suite runs.</summary>
    private DateOnly AsOf => Clock.Today.AddMonths(-1);

    private string AsOfText => AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public MapSectionTests()
    {
        Municipalities.Values["granted"] = new(StringComparer.Ordinal) { ["11002"] = 250_000m, ["71072"] = 40_000m, ["antwerpen"] = 7_000m };
        Municipalities.Historical["granted"] = new(StringComparer.Ordinal) { ["11002"] = 10_000m };
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static string? Label<T>(IRenderedComponent<T> page, string key) where T : IComponent =>
        page.Find($"path.pm-map-shape[data-key='{key}']").GetAttribute("aria-label");

    private static IRenderedComponent<Radzen.Blazor.RadzenDropDown<string>> MeasurePicker(IRenderedComponent<Home> page) =>
        page.FindComponents<Radzen.Blazor.RadzenDropDown<string>>().Single(c => c.Instance.Name == "map-measure");

    private IRenderedComponent<Home> RenderHome()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(285, page.FindAll("[data-testid=map-section] path.pm-map-shape").Count));
        return page;
    }

    [Fact]
    public void The_comparison_shows_the_map_by_municipality_with_the_legend_note_and_zonder_locatie_per_province()
    {
        var page = RenderHome();

        Assert.Equal("Kaart", page.Find("[data-testid=map-section] h2").TextContent);
        Assert.Equal("Antwerpen: €\u00A0250.000,00", Label(page, "11002"));
        Assert.Equal("Hasselt: €\u00A040.000,00", Label(page, "71072"));
        Assert.Contains(page.FindAll(".pm-map-legend-note"), p => p.TextContent.Contains("telt volledig mee in elk ervan", StringComparison.Ordinal));
        var unlocated = page.FindAll("[data-testid=map-unlocated] tbody tr");
        Assert.Equal(5, unlocated.Count);
        Assert.Equal("€\u00A07.000,00", page.Find("[data-testid=map-unlocated] tr[data-province=antwerpen] td").TextContent);
        Assert.Equal(("granted", (HistoricalPoint?)null), Municipalities.MapReads.Last());
    }

    [Fact]
    public void By_province_the_map_colours_each_province_by_its_own_figure_not_the_sum_of_its_municipalities()
    {
        var page = RenderHome();

        page.InvokeAsync(() => page.FindComponent<Radzen.Blazor.RadzenSelectBar<ProvincialMonitor.Dashboard.Map.MapLevel>>().Instance
            .ValueChanged.InvokeAsync(ProvincialMonitor.Dashboard.Map.MapLevel.Provinces));

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=map-section] path.pm-map-shape").Count));
        // Samples: Antwerpen's own granted is 1.000.000, its municipalities sum to 250.000.
        Assert.Equal("Antwerpen: €\u00A01.000.000,00", Label(page, "antwerpen"));
        Assert.Equal("Limburg: €\u00A02.000.000,00", Label(page, "limburg"));
    }

    [Fact]
    public void A_live_change_reads_the_map_again_and_the_shape_follows()
    {
        var page = RenderHome();
        var reads = Municipalities.MapReads.Count;

        Municipalities.Values["granted"]["11002"] = 900_000m;
        Source.Raise(new IndicatorsUpdate(11, [Samples.Scope("antwerpen", 1_650_000m, position: 11)], []));

        page.WaitForAssertion(() => Assert.Equal("Antwerpen: €\u00A0900.000,00", Label(page, "11002")), TimeSpan.FromSeconds(30));
        Assert.True(Municipalities.MapReads.Count > reads);
    }

    [Fact]
    public void The_map_as_of_a_date_shows_the_figures_as_they_were_and_ignores_live_changes()
    {
        Audits.Historical.AddRange(Samples.Comparison(position: 4));
        Navigation.NavigateTo($"?asOf={AsOfText}");
        var page = RenderHome();

        Assert.Equal("Antwerpen: €\u00A010.000,00", Label(page, "11002"));
        Assert.Equal(new HistoricalPoint(AsOf, "effective"), Municipalities.MapReads.Last().Point);
        var reads = Municipalities.MapReads.Count;

        Source.Raise(new IndicatorsUpdate(11, [Samples.Scope("antwerpen", 9_999_999m, position: 11)], []));

        Assert.Equal(reads, Municipalities.MapReads.Count);
        Assert.Equal("Antwerpen: €\u00A010.000,00", Label(page, "11002"));
    }

    [Fact]
    public void A_province_page_shows_its_own_municipalities_and_its_own_zonder_locatie()
    {
        var page = Render<Province>(p => p.Add(c => c.Slug, "limburg"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=map-section] path.pm-map-shape")));
        var shapes = page.FindAll("[data-testid=map-section] path.pm-map-shape");
        Assert.Equal(ProvincialMonitor.Contracts.Reference.ReferenceData.Municipalities.Count(m => m.ProvinceSlug == "limburg"), shapes.Count);
        Assert.Equal("Hasselt: €\u00A040.000,00", Label(page, "71072"));
        Assert.Equal(["limburg"], page.FindAll("[data-testid=map-unlocated] tbody tr").Select(r => r.GetAttribute("data-province")));
        Assert.Empty(page.FindAll("[data-testid=map-level]"));
    }

    [Fact]
    public void During_a_running_campaign_its_entries_per_municipality_can_be_mapped()
    {
        Campaigns.List.Add(new CampaignListItem(CampaignSamples.Slug, "Maand van de Markt 2027", Clock.Today.AddDays(-3), Clock.Today.AddDays(20), false, 38_345));
        Campaigns.Campaigns[CampaignSamples.Slug] = CampaignSamples.Campaign();
        var page = RenderHome();

        page.InvokeAsync(() => MeasurePicker(page).Instance.ValueChanged.InvokeAsync("campaign.entries"));

        page.WaitForAssertion(() => Assert.Equal("Antwerpen: 6.000", Label(page, "11002")));
        Assert.Equal("Mechelen: 6.345", Label(page, "12025"));
        Assert.Contains("Maand van de Markt 2027", page.Find("[data-testid=map-campaign]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Maand van de Markt 2027", page.Find(".pm-map-legend-title").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=map-unlocated]"));
    }

    [Fact]
    public void Without_a_running_campaign_only_the_catalog_measures_are_offered()
    {
        var page = RenderHome();

        var options = MeasurePicker(page).Instance.Data!.Cast<ProvincialMonitor.Dashboard.Municipalities.MapMeasure>();
        Assert.Equal(["Toegekend", "Uitbetaald (na terugvorderingen)", "Projecten", "Gecreëerde jobs", "Netto oppervlakte bedrijventerreinen", "Uitgegeven dit jaar",
            "Beschikbaar", "Geactiveerd (bouwrijp)", "Uitgegeven, laatste 5 jaar", "Adviezen detailhandel", "Netto handelsoppervlakte geadviseerd (m²)",
            "Beslissingen deputatie in eerste aanleg", "Netto handelsoppervlakte vergund door de deputatie (m²)", "Beroepen detailhandel"], options.Select(o => o.Label));
    }
}
