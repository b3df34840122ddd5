using Bunit;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The border forms: an obstacle and a consultation go to the province's border stream, with Dutch labels and choices.</summary>
public sealed class BorderFormTests : RegisterFormContext
{
    public BorderFormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Limburg");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "limburg"));
    }

    [Fact]
    public void An_obstacle_goes_to_the_provinces_border_stream_with_its_theme_chosen_in_dutch()
    {
        var page = Open("grensobstakel");
        Assert.Contains("Referentie van het obstakel *", page.FindAll("label").Select(l => l.TextContent));
        Assert.Contains("Fiscaliteit en sociale zekerheid", page.FindAll("#f-theme option").Select(o => o.TextContent));
        page.Find("#f-obstacleRef").Change("GROS-L7");
        page.Find("#f-title").Change("Grensarbeiders en thuiswerk");
        page.Find("#f-theme").Change("tax-social-security");

        Submit(page);

        var obstacle = Stored<RecordBorderObstacle>(page, "border", "limburg", "border-limburg");
        Assert.Equal(("GROS-L7", "Grensarbeiders en thuiswerk", "tax-social-security"), (obstacle.ObstacleRef, obstacle.Title, obstacle.Theme));
    }

    [Fact]
    public void A_status_is_chosen_among_the_open_statuses_by_their_dutch_names()
    {
        var page = Open("status-grensobstakel");
        Assert.Equal(["Kies een status", "In behandeling", "Doorverwezen naar een hoger niveau", "Opgeschort"],
            page.FindAll("#f-status option").Select(o => o.TextContent));
    }

    [Fact]
    public void A_consultation_names_its_partners_one_per_line()
    {
        var page = Open("grensoverleg");
        page.Find("#f-consultationRef").Change("GSO-2026-2");
        page.Find("#f-subject").Change("Grensoverschrijdende mobiliteit");
        page.Find("#f-partners").Change("Provincie Limburg (NL)\nEuregio Maas-Rijn\n");

        Submit(page);

        var held = Stored<HoldBorderConsultation>(page, "border", "limburg", "border-limburg");
        Assert.Equal(["Provincie Limburg (NL)", "Euregio Maas-Rijn"], held.Partners!);
    }
}
