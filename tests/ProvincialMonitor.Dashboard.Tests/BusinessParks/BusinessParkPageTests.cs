using Bunit;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Dashboard.BusinessParks;
using ProvincialMonitor.Dashboard.Forms;

namespace ProvincialMonitor.Dashboard.Tests.BusinessParks;

/// <summary>The business park pages (list per province with the figures, a park with its plots) and their forms.</summary>
public sealed class BusinessParkPageTests : RegisterFormContext
{
    private void AsOfficerOf(string province)
    {
        Authorization.SetAuthorized("Ambtenaar");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", province));
    }

    [Fact]
    public void The_list_shows_the_figures_per_province_in_Dutch_and_the_parks_of_each_province()
    {
        var page = Render<BusinessParksPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=park-figures] tbody tr")));

        var headings = page.FindAll("[data-testid=park-figures] thead th").Skip(2).Select(th => th.TextContent).ToArray();
        Assert.Equal(BusinessParkMeasures.All.Select(m => m.Label), headings);
        var limburg = page.Find("[data-testid=park-figures] tr[data-scope='province:limburg']");
        Assert.Equal("270\u00A0ha", limburg.QuerySelector($"[data-measure='{BusinessParkMeasures.Net}']")!.TextContent);
        Assert.Equal("12,5\u00A0jaar", limburg.QuerySelector($"[data-measure='{BusinessParkMeasures.SupplyYears}']")!.TextContent);
        Assert.Equal("niet berekenbaar", page.Find($"[data-testid=park-figures] tr[data-scope='province:antwerpen'] [data-measure='{BusinessParkMeasures.SupplyYears}']").TextContent);

        var genk = page.Find("[data-testid=parks-limburg] tr[data-code=genk-zuid]");
        Assert.Contains("Regionaal bedrijventerrein", genk.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bouwrijp", genk.TextContent, StringComparison.Ordinal);
        Assert.Contains("(demo)", genk.TextContent, StringComparison.Ordinal);
        Assert.Equal("bedrijventerreinen/genk-zuid", genk.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("regional", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("(demo)", page.Find("[data-testid=parks-limburg] tr[data-code=lommel-kristal]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_park_shows_its_plots_oldest_first_its_figures_and_its_measurement()
    {
        var page = Render<BusinessParkPage>(p => p.Add(c => c.Slug, "genk-zuid"));
        page.WaitForAssertion(() => Assert.Equal("Genk-Zuid zone C", page.Find("h1").TextContent));

        Assert.Contains("Regionaal bedrijventerrein in Genk", page.Find("[data-testid=park-intro]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Metaal Genk bv", "Logistiek Genk nv"], page.FindAll("[data-testid=plots] tbody tr td:nth-child(2)").Select(td => td.TextContent));
        Assert.Equal("175\u00A0ha", page.Find($".pm-totals [data-measure='{BusinessParkMeasures.Net}']").TextContent);
        Assert.Equal("3\u00A0ha", page.Find("[data-testid=vacancy]").TextContent);
    }

    [Fact]
    public void An_unknown_park_says_so_in_Dutch()
    {
        var page = Render<BusinessParkPage>(p => p.Add(c => c.Slug, "nergens"));
        page.WaitForAssertion(() => Assert.Contains("Er is geen bedrijventerrein ‘nergens’", page.Find("[data-testid=unknown]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plot_is_issued_on_the_chosen_park_through_the_catalogs_kind()
    {
        AsOfficerOf("limburg");
        var page = Open("perceel", "?terrein=genk-zuid");
        page.Find("#f-buyer").Change(" Logistiek Genk nv ");
        page.Find("#f-hectares").Change("4,5");
        page.Find("#f-sector").Change("logistiek");

        Submit(page);

        var plot = Stored<IssuePlot>(page, CommandKind.BusinessPark.Name, "genk-zuid", "business-park-genk-zuid");
        Assert.Equal(("Logistiek Genk nv", 4.5m, "logistiek"), (plot.Buyer, plot.Hectares, plot.Sector));
    }

    [Fact]
    public void A_plot_without_a_park_is_reported_before_sending()
    {
        AsOfficerOf("limburg");
        var page = Open("perceel");
        Assert.Equal(["", "genk-zuid", "lommel-kristal"], page.FindAll("[data-testid=park-select] option").Select(o => o.GetAttribute("value")));

        Submit(page);

        Assert.Equal("Kies een bedrijventerrein.", page.Find("[data-testid=error-businessPark]").TextContent);
        Assert.Empty(Commands.Sent);
    }

    [Fact]
    public void A_park_is_registered_in_a_municipality_of_the_chosen_province_and_vacancy_is_recorded()
    {
        AsOfficerOf("limburg");
        var page = Open("bedrijventerrein");
        page.Find("#f-name").Change("Kristalpark");
        page.Find("#f-slug").Change("lommel-kristal-2");
        page.Find("[data-testid=province-select]").Change("limburg");
        page.Find("[data-testid=municipality-select]").Change("72020");
        page.Find("#f-grossHectares").Change("120");
        page.Find("#f-netHectares").Change("95,5");
        page.Find("#f-kind").Change("logistics");
        page.Find("#f-managingBody").Change("POM Limburg");

        Submit(page);

        var registered = Stored<RegisterBusinessPark>(page, CommandKind.BusinessPark.Name, "");
        Assert.Equal(("lommel-kristal-2", "72020", 95.5m, "logistics"), (registered.Slug, registered.Municipality, registered.NetHectares, registered.Kind));

        var vacancy = Open("leegstand", "?terrein=genk-zuid");
        vacancy.Find("#f-vacantHectares").Change("3");
        vacancy.Find("#f-reserveHectares").Change("6,25");
        Submit(vacancy);
        Assert.Equal((3m, 6.25m), (Stored<RecordParkVacancy>(vacancy, CommandKind.BusinessPark.Name, "genk-zuid").VacantHectares,
            ((RecordParkVacancy)Commands.Sent[^1].Action.Command).ReserveHectares));
        Assert.Contains(ActionForms.All, f => f.Slug == "bedrijventerrein" && f.Group == ActionForms.BusinessParks);
    }
}
