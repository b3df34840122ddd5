using Bunit;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Forms;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The correction form names a field's value and offers new values by the codes of the event the field belongs to.</summary>
public sealed class CorrectionFormTests : RegisterFormContext
{
    private const string ProjectId = "0197a000-0000-7000-8000-0000000000c1";

    public CorrectionFormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Limburg");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "limburg"));
        Source.Projects.Add(new ProjectSummary(ProjectId, "Circulair bouwen", "CB-01", "limburg", [], "circular-economy", [], "running", 0, 0));
    }

    private static string[] Options(IRenderedComponent<RegisterAction> page, string testId) =>
        [.. page.FindAll($"[data-testid={testId}] option").Skip(1).Select(o => o.TextContent.Trim())];

    [Fact]
    public void A_payment_s_kind_reads_and_is_corrected_as_a_payment_kind()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events[$"project:{ProjectId}"] =
        [
            new CorrectableEvent(9, eventId, EventTypes.NameOf(typeof(SubsidyPaid)), MonitorClock.System.Today.AddMonths(-1), "Subsidie uitbetaald: € 5.000,00 (saldo)",
                [new CorrectableField("grantRef", "\"CB-01-G1\""), new CorrectableField("kind", $"\"{PaymentKinds.Balance}\"")]),
        ];
        var page = Open("correctie", $"?project={ProjectId}");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));

        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        Assert.Contains("Soort (nu: Saldo)", Options(page, "field-select"));
        page.Find("[data-testid=field-select]").Change("kind");

        Assert.Equal(["Voorschot", "Saldo"], Options(page, "value-select"));
    }

    [Fact]
    public void A_partner_s_kind_is_free_text_without_a_picker()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events[$"project:{ProjectId}"] =
        [
            new CorrectableEvent(4, eventId, EventTypes.NameOf(typeof(PartnerJoined)), MonitorClock.System.Today.AddMonths(-1), "Partner toegevoegd",
                [new CorrectableField("name", "\"UHasselt\""), new CorrectableField("kind", "\"kennisinstelling\"")]),
        ];
        var page = Open("correctie", $"?project={ProjectId}");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));

        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        page.Find("[data-testid=field-select]").Change("kind");

        Assert.Empty(page.FindAll("[data-testid=value-select]"));
        Assert.NotEmpty(page.FindAll("input#f-changes-0--newValue"));
    }

    [Fact]
    public void A_business_park_is_picked_among_the_parks_and_its_kind_corrected_as_a_park_kind()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events["business-park:genk-zuid"] =
        [
            new CorrectableEvent(2, eventId, EventTypes.NameOf(typeof(BusinessParkRegistered)), new DateOnly(2021, 1, 4), "Bedrijventerrein geregistreerd",
                [new CorrectableField("name", "\"Genk-Zuid zone C\""), new CorrectableField("kind", $"\"{BusinessParkKinds.Regional}\"")]),
        ];
        var page = Open("correctie");
        page.Find("#f-kind").Change(CommandKind.BusinessPark.Name);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=park-select]")));
        Assert.Empty(page.FindAll("#f-key"));
        page.Find("[data-testid=park-select]").Change("genk-zuid");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));
        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        Assert.Contains("Soort (nu: Regionaal bedrijventerrein)", Options(page, "field-select"));
        page.Find("[data-testid=field-select]").Change("kind");

        Assert.Contains("Wetenschapspark", Options(page, "value-select"));
        Assert.DoesNotContain("Speerpuntcluster", Options(page, "value-select"));
        page.Find("[data-testid=value-select]").Change(BusinessParkKinds.SciencePark);
        page.Find("#f-reason").Change("Verkeerde soort");
        Submit(page);
        var correction = Stored<CorrectBusinessPark>(page, CommandKind.BusinessPark.Name, "genk-zuid");
        Assert.Equal(("kind", "\"science-park\""), (correction.Changes![0].Field, correction.Changes[0].NewValueJson));
    }
}

/// <summary>A field's current value as the correction form names it: in Dutch and nl-BE, never as JSON with codes.</summary>
public sealed class CorrectionValueReadingTests
{
    [Theory]
    [InlineData(typeof(SubsidyPaid), "amount", "105000", "105.000")]
    [InlineData(typeof(PlotIssued), "hectares", "10.48", "10,48")]
    [InlineData(typeof(PopulationRecorded), "referenceYear", "2024", "2024")]
    [InlineData(typeof(BudgetAllocated), "year", "2026", "2026")]
    [InlineData(typeof(SubsidyPaid), "kind", "\"balance\"", "Saldo")]
    [InlineData(typeof(SubsidyGranted), "regulation", "null", "–")]
    [InlineData(typeof(ProjectRegistered), "participatingProvinces", "[]", "(geen)")]
    [InlineData(typeof(ProjectLocated), "municipalities", "[\"71072\",\"71016\"]", "Hasselt, Genk")]
    [InlineData(typeof(RetailPermitDecided), "categories", "[{\"areaM2\":1400,\"category\":\"food\"}]", "Oppervlakte (m²): 1.400, Categorie: Verkoop van voeding")]
    public void A_current_value_reads_in_Dutch(Type record, string field, string json, string reading) =>
        Assert.Equal(reading, CorrectionValues.Reading(record, field, json));
}
