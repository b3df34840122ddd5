using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>A municipality's figure opens its explanation; the log below it lists the events that name the place, not every event of the figure's types.</summary>
public sealed class PlaceDrilldownTests : DashboardContext
{
    private const string Gent = "44021";

    [Fact]
    public void A_municipality_s_figure_filters_the_log_by_the_place_without_the_figure_s_types()
    {
        var filter = Drilldown.For(Drilldown.MunicipalityScope + Gent, "granted")!;

        Assert.Equal(Gent, filter.Municipality);
        Assert.Null(filter.Types);
        Assert.Null(filter.Province);
        Assert.Equal("granted", filter.Measure);
        Assert.Contains("municipality=44021", filter.Href, StringComparison.Ordinal);
    }

    [Fact]
    public void The_events_page_reads_the_place_from_its_address_names_it_and_says_where_the_figure_s_events_are()
    {
        Source.Explanation = new FigureExplanation(Drilldown.MunicipalityScope + Gent, "granted", MeasureCatalog.LabelOf("granted"), 0m, 1, []);
        Services.GetRequiredService<NavigationManager>().NavigateTo(Drilldown.For(Drilldown.MunicipalityScope + Gent, "granted")!.Href);

        var page = Render<Events>();
        page.WaitForAssertion(() => Assert.NotEmpty(Source.EventQueries));

        Assert.Equal(Gent, Source.EventQueries.Single().Filter.Municipality);
        Assert.True(Source.EventQueries.Single().Filter.Types is null or { Count: 0 });
        Assert.Equal("Gebeurtenissen met gemeente Gent.", page.Find("[data-testid=filter-description]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=place-note]"));
        Assert.Empty(page.FindAll("[data-testid=lead-note]"));
    }
}
