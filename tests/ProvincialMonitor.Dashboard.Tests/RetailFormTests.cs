using Bunit;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Dashboard.Forms;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The retail forms under the decree: the application's kind, the categories of a list, the deputation's own decision.</summary>
public sealed class RetailFormTests : RegisterFormContext
{
    public RetailFormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Antwerpen");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "antwerpen"));
    }

    private static readonly string NotACentreCity = ReferenceData.Municipalities
        .First(m => m.ProvinceSlug == "antwerpen" && !RetailRules.CentreCities.Contains(m.NisCode)).NisCode;

    [Fact]
    public void A_retail_advice_divides_its_area_over_the_categories_and_names_its_kind_in_Dutch()
    {
        var page = Open("advies-detailhandel");
        Assert.Contains("Nieuwe vestiging", page.Find("#f-applicationKind").TextContent, StringComparison.Ordinal);
        Assert.Contains("Verkoop van vervoers- en transportmiddelen", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">new-establishment<", page.Markup, StringComparison.Ordinal);

        page.Find("#f-municipality").Change(NotACentreCity);
        page.Find("#f-permitRef").Change("OMV-2026-90");
        page.Find("#f-netRetailAreaM2").Change("1500");
        page.Find("#f-applicationKind").Change("extension");
        page.Find("#f-category-food").Change("1000");
        page.Find("#f-category-other-bulky").Change("500");
        page.Find("#f-advice").Change("favourable");

        Submit(page);

        var advice = Stored<GiveRetailPermitAdvice>(page, "province", "antwerpen");
        Assert.Equal(("extension", null), (advice.ApplicationKind, advice.GoodsCategory));
        Assert.Equal([("food", 1_000m), ("other-bulky", 500m)], advice.Categories!.Select(c => (c.Category!, c.AreaM2!.Value)));
    }

    [Fact]
    public void The_four_category_list_is_offered_for_an_advice_before_4_March_2024()
    {
        var page = Open("advies-detailhandel");
        var lists = page.Find("#f-categories-list");
        var options = lists.QuerySelectorAll("option");
        var old = options[options.Length - 1].GetAttribute("value")!;

        lists.Change(old);

        Assert.Contains("Verkoop van andere producten", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#f-category-other-bulky"));
    }

    [Fact]
    public void The_deputation_s_first_instance_decision_is_sent_as_the_deputation_s()
    {
        var page = Open("beslissing-kleinhandelsvergunning");
        page.Find("#f-municipality").Change(NotACentreCity);
        page.Find("#f-permitRef").Change("OMV-2026-91");
        page.Find("#f-applicationKind").Change("new-establishment");
        page.Find("#f-netRetailAreaM2").Change("25000");
        page.Find("#f-category-food").Change("25000");
        page.Find("#f-decision").Change("granted");

        Submit(page);

        var decided = Stored<DecideRetailPermit>(page, "province", "antwerpen");
        Assert.Equal((NotACentreCity, 25_000m, "granted", "deputatie"), (decided.Municipality, decided.NetRetailAreaM2, decided.Decision, decided.Body));
    }

    [Fact]
    public void An_appeal_decision_offers_the_outcomes_of_the_environmental_permit_procedure_in_Dutch()
    {
        var page = Open("uitspraak-beroep");
        var options = page.Find("#f-outcome").TextContent;

        Assert.Contains("Onontvankelijk", options, StringComparison.Ordinal);
        Assert.Contains("Stilzwijgende weigering", options, StringComparison.Ordinal);
        page.Find("#f-appealRef").Change("BER-2026-4");
        page.Find("#f-outcome").Change("inadmissible");
        Submit(page);

        Assert.Equal("inadmissible", Stored<DecideRetailAppeal>(page, "province", "antwerpen").Outcome);
    }
}
