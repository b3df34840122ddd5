using Bunit;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The project registration form's municipality picker: several municipalities of the lead and participating provinces.</summary>
public sealed class ProjectPlacesFormTests : RegisterFormContext
{
    private static readonly string[] HasseltAndAntwerpen = ["71072", "11002"];

    public ProjectPlacesFormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Limburg");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "limburg"));
    }

    [Fact]
    public void The_picker_offers_the_municipalities_of_the_lead_and_participating_provinces_by_their_Dutch_names_and_sends_the_chosen()
    {
        var page = Open("project");
        page.Find("#f-title").Change("Kanaalkant");
        page.Find("#f-domain").Change("spatial-economy");
        Assert.Equal("Limburg", Assert.Single(page.FindAll("[data-testid=municipalities-select] optgroup")).GetAttribute("label"));
        Assert.Contains("Hasselt (71072)", page.FindAll("[data-testid=municipalities-select] option").Select(o => o.TextContent));

        page.FindAll("[data-field=participatingProvinces] input")[0].Change(true); // Antwerpen
        page.Find("[data-testid=municipalities-select]").Change(HasseltAndAntwerpen);
        Assert.Equal("Antwerpen Limburg", string.Join(" ", page.FindAll("[data-testid=municipalities-select] optgroup").Select(g => g.GetAttribute("label"))));
        Submit(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=confirmation]")));
        Assert.Equal(["71072", "11002"], ((RegisterProject)Commands.Sent[^1].Action.Command).Municipalities!);
    }

    [Fact]
    public void A_municipality_whose_province_is_unticked_is_not_sent_and_an_error_on_an_item_shows_at_the_picker()
    {
        var page = Open("project");
        page.Find("#f-title").Change("Kanaalkant");
        page.Find("#f-domain").Change("spatial-economy");
        page.FindAll("[data-field=participatingProvinces] input")[0].Change(true);
        page.Find("[data-testid=municipalities-select]").Change(HasseltAndAntwerpen);
        page.FindAll("[data-field=participatingProvinces] input")[0].Change(false);
        Commands.Outcomes.Enqueue(Dashboard.Forms.FormOutcome.Refusing(Refusal.Fields([FieldError.Of("municipalities[0]", Refusals.FieldNotANisCode)])));

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Moet een NIS-code van vijf cijfers zijn.", page.Find("[data-testid=error-municipalities]").TextContent));
        Assert.Equal(["71072"], ((RegisterProject)Commands.Sent[^1].Action.Command).Municipalities!);
        Assert.Equal("true", page.Find("#f-municipalities").GetAttribute("aria-invalid"));
    }
}
