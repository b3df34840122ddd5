using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Forms;
using ProvincialMonitor.Dashboard.Layout;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Projects;
using static ProvincialMonitor.Dashboard.Tests.LogSamples;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class FormTests : DashboardContext
{
    public FormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Antwerpen");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "antwerpen"));
        Source.ProjectDetails[ProjectId] = LogSamples.Project();
        Source.Projects.Add(new ProjectSummary(ProjectId, "Circulair bouwen", "CB-01", "antwerpen", ["limburg"], "circular-economy", ["catalisti"], "running", 0, 0));
    }

    private IRenderedComponent<RegisterAction> RenderForm(string form, string? project = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(project is null ? $"registreren/{form}" : $"registreren/{form}?project={project}");
        var page = Render<RegisterAction>(p => p.Add(c => c.Form, form));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=submit]")));
        return page;
    }

    private static void Submit(IRenderedComponent<RegisterAction> page) => page.Find("form[data-testid=action-form]").Submit();

    private static void FillSubsidy(IRenderedComponent<RegisterAction> page, string amount)
    {
        page.Find("#f-grantRef").Change("CB-01-G9");
        page.Find("#f-amount").Change(amount);
        page.Find("#f-funder").Change("pom");
    }

    [Fact]
    public void Field_errors_are_shown_in_Dutch_next_to_the_field_and_described_by_it()
    {
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "-5");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Moet groter zijn dan nul.", page.Find("[data-testid=error-amount]").TextContent));
        var field = page.Find("[data-field=amount]");
        Assert.Contains("pm-field-invalid", field.ClassName, StringComparison.Ordinal);
        var input = page.Find("#f-amount");
        Assert.Equal("e-amount", input.GetAttribute("aria-describedby"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("Ambtenaar Antwerpen", Commands.Sent.Single().User.Identity?.Name);
        Assert.Empty(page.FindAll("[data-testid=confirmation]"));
    }

    [Fact]
    public void Required_fields_and_the_project_are_reported_before_sending()
    {
        var page = RenderForm("subsidie");

        Submit(page);

        Assert.Equal("Kies een project.", page.Find("[data-testid=error-project]").TextContent);
        Assert.Empty(Commands.Sent);

        page.Find("[data-testid=project-select]").Change(ProjectId);
        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-grantRef]").TextContent));
        Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-funder]").TextContent);
        Assert.Equal("true", page.Find("#f-grantRef").GetAttribute("aria-invalid"));
        Assert.Equal("e-grantRef", page.Find("#f-grantRef").GetAttribute("aria-describedby"));
        Assert.Equal(ProjectId, Commands.Sent.Single().Action.Key);
    }

    [Fact]
    public void A_numeric_field_is_marked_invalid_only_while_its_message_is_shown()
    {
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "-5");
        Assert.False(page.Find("#f-amount").HasAttribute("aria-invalid"));

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#f-amount").GetAttribute("aria-invalid")));
        Assert.Equal("e-amount", page.Find("#f-amount").GetAttribute("aria-describedby"));
        Assert.NotNull(page.Find("#e-amount"));

        page.Find("#f-amount").Change("250000,5");
        Submit(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=confirmation]")));
        Assert.False(page.Find("#f-amount").HasAttribute("aria-invalid"));
        Assert.False(page.Find("#f-amount").HasAttribute("aria-describedby"));
    }

    [Fact]
    public void A_stored_action_shows_its_position_and_links_to_the_project_and_its_events()
    {
        Commands.NextPosition = 4242;
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "250000,5");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("4242", page.Find("[data-testid=position]").TextContent));
        var sent = Commands.Sent.Single();
        Assert.Equal(new FormAction("project", ProjectId, sent.Action.Command), sent.Action);
        var grant = Assert.IsType<GrantSubsidy>(sent.Action.Command);
        Assert.Equal(("CB-01-G9", 250_000.5m, "pom"), (grant.GrantRef, grant.Amount, grant.Funder));
        Assert.Equal($"projecten/{ProjectId}", page.Find("[data-testid=project-link]").GetAttribute("href"));
        Assert.Equal($"gebeurtenissen?stream=project-{ProjectId}", page.Find("[data-testid=events-link]").GetAttribute("href"));
    }

    [Fact]
    public void The_subsidy_form_sends_the_granting_province_it_names_and_none_when_left_at_the_default()
    {
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "1000");
        Submit(page);
        page.WaitForAssertion(() => Assert.Single(Commands.Sent));
        Assert.Null(Assert.IsType<GrantSubsidy>(Commands.Sent[0].Action.Command).GrantingProvince);

        page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "1000");
        page.Find("#f-grantingProvince").Change("limburg");
        Submit(page);
        page.WaitForAssertion(() => Assert.Equal(2, Commands.Sent.Count));
        Assert.Equal("limburg", Assert.IsType<GrantSubsidy>(Commands.Sent[1].Action.Command).GrantingProvince);
    }

    [Fact]
    public void The_idempotency_key_is_kept_through_failures_and_renewed_after_a_stored_action()
    {
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "-5");
        Submit(page);
        page.WaitForAssertion(() => Assert.Single(Commands.Sent));

        // The store was unreachable: the outcome is unknown, so the retry must carry the same key.
        Commands.Outcomes.Enqueue(FormOutcome.Refusing(Refusal.Of(Refusals.StoreUnavailable)));
        page.Find("#f-amount").Change("1000");
        Submit(page);
        page.WaitForAssertion(() => Assert.Contains("opslag is nu niet bereikbaar", page.Find("[data-testid=form-alert]").TextContent, StringComparison.Ordinal));

        Submit(page);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=confirmation]")));
        Submit(page);
        page.WaitForAssertion(() => Assert.Equal(4, Commands.Sent.Count));

        var keys = Commands.Sent.Select(s => s.Key).ToList();
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[1], keys[2]);
        Assert.NotEqual(keys[2], keys[3]);
        Assert.StartsWith("form-", keys[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_that_is_not_about_a_field_shows_as_an_alert()
    {
        Commands.Outcomes.Enqueue(FormOutcome.Refusing(Refusal.Of(Refusals.ScopeNotYourProvince, ("province", "limburg"))));
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "10");

        Submit(page);

        page.WaitForAssertion(() => Assert.Contains("U mag deze actie niet registreren.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("U handelt niet voor provincie limburg.", page.Find("[data-testid=form-alert-detail]").TextContent);
        Assert.DoesNotContain("You do not act", page.Find("[data-testid=form-alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_refusal_shows_the_Dutch_of_its_code()
    {
        Commands.Outcomes.Enqueue(FormOutcome.Refusing(Refusal.Of(Refusals.GrantOverpaid,
            ("amount", "600.00"), ("grantRef", "G-1"), ("paid", "1200.00"), ("granted", "1000.00"))));
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "10");

        Submit(page);

        page.WaitForAssertion(() => Assert.Contains("De regels laten deze actie niet toe.", page.Find("[data-testid=form-alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("€ 600,00 betalen op toekenning G-1 zou € 1.200,00 uitbetalen van € 1.000,00 toegekend.", page.Find("[data-testid=form-alert-detail]").TextContent);
        Assert.Empty(page.FindAll("[lang=en]"));
    }

    [Fact]
    public void Field_errors_show_the_Dutch_of_their_codes()
    {
        Commands.Outcomes.Enqueue(FormOutcome.Refusing(Refusal.Fields(
            [FieldError.Of("grantRef", Refusals.FieldTooLong, ("max", 60)), FieldError.Of("amount", Refusals.FieldNegative)])));
        var page = RenderForm("subsidie", ProjectId);
        FillSubsidy(page, "10");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Hoogstens 60 tekens.", page.Find("[data-testid=error-grantRef]").TextContent));
        Assert.Equal("Mag niet negatief zijn.", page.Find("[data-testid=error-amount]").TextContent);
        Assert.Empty(page.FindAll("[lang=en]"));
    }

    public static TheoryData<Refusal, string> ImportReasons() => new()
    {
        { Refusal.Fields([InputProblem.NotANumber(DecimalMark.Comma).For("amount"), FieldError.Of("grantRef", Refusals.FieldRequired)]),
            "Bedrag: Geen getal: schrijf bijvoorbeeld 1250,50. Subsidiereferentie: Dit veld is verplicht." },
        { Refusal.Fields([FieldError.Of("", Refusals.ImportNoProjectInFile, ("province", "antwerpen"), ("externalRef", "NOBODY"))]),
            "antwerpen heeft geen project met externalRef ‘NOBODY’, en geen eerdere geldige rij registreert het." },
        { Refusal.Fields([FieldError.Of("", Refusals.ImportFieldCount, ("fields", 3), ("header", 4))]), "De rij heeft 3 velden, de kopregel 4." },
        { Refusal.Of(Refusals.ScopeNotYourProvince, ("province", "limburg")), "U mag deze actie niet registreren. U handelt niet voor provincie limburg." },
        { Refusal.Invalid("changes[0].newValue", Refusals.FieldSameValue), "Wijzigingen nr. 1 › Nieuwe waarde: Het veld heeft die waarde al." },
        { Refusal.Of(Refusals.ImportNotSent), "Niet verstuurd: andere rijen zijn ongeldig (importeer gedeeltelijk om de geldige rijen op te slaan)." },
    };

    [Theory]
    [MemberData(nameof(ImportReasons))]
    public void Import_reasons_are_given_in_Dutch(Refusal why, string dutch) => Assert.Equal(dutch, FormMessages.Reason(why));

    [Fact]
    public void A_form_opened_from_the_project_page_is_prefilled_with_the_project()
    {
        var project = Render<Project>(p => p.Add(c => c.Id, ProjectId));
        project.WaitForAssertion(() => Assert.NotEmpty(project.FindAll("[data-testid=register-buttons] a")));
        Assert.Contains($"registreren/subsidie?project={ProjectId}", project.FindAll("[data-testid=register-buttons] a").Select(a => a.GetAttribute("href")));

        var page = RenderForm("subsidie", ProjectId);
        page.WaitForAssertion(() => Assert.Equal(ProjectId, page.Find("[data-testid=project-select] option[selected]").GetAttribute("value")));
    }

    [Fact]
    public void Deputies_and_auditors_get_no_menu_entry_no_forms_and_no_buttons()
    {
        Authorization.SetRoles("deputy");

        var layout = Render<MainLayout>();
        Assert.Empty(layout.FindAll("[data-testid=nav-register]"));
        var page = Render<RegisterAction>(p => p.Add(c => c.Form, "subsidie"));
        Assert.NotEmpty(page.FindAll("[data-testid=not-allowed]"));
        Assert.Empty(page.FindAll("form"));
        var list = Render<Register>();
        Assert.NotEmpty(list.FindAll("[data-testid=not-allowed]"));
        var project = Render<Project>(p => p.Add(c => c.Id, ProjectId));
        project.WaitForAssertion(() => Assert.NotEmpty(project.FindAll("[data-testid=project-details]")));
        Assert.Empty(project.FindAll("[data-testid=register-buttons]"));
    }

    [Fact]
    public void Officers_have_the_menu_entry_and_the_list_of_forms()
    {
        var layout = Render<MainLayout>();
        Assert.Equal("/registreren", layout.Find("[data-testid=nav-register]").GetAttribute("href"));
        var list = Render<Register>();
        Assert.Equal(ActionForms.All.Count, list.FindAll("[data-testid=form-list] li").Count);
        Assert.Equal(["Projecten", "Provincie", "Clusters", "Campagnes", "Bedrijventerreinen", "Grensoverschrijdend beleid"], list.FindAll("h2").Select(h => h.TextContent));
        Assert.Contains("registreren/advies-detailhandel", list.FindAll("[data-testid=form-list] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Submit_is_disabled_until_the_circuit_is_interactive()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"registreren/status?project={ProjectId}");
        var page = Render<RegisterAction>(p => p.Add(c => c.Form, "status"));
        Assert.True(page.Find("[data-testid=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_correction_names_the_chosen_event_and_field_with_a_value_in_nl_BE()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events[$"project:{ProjectId}"] =
        [
            new CorrectableEvent(7, eventId, "SubsidyGranted.v1", new DateOnly(2026, 3, 1), "Subsidie toegekend: € 250.000,00 (eu)",
                [new CorrectableField("grantRef", "\"CB-01-G2\""), new CorrectableField("amount", "250000")]),
        ];
        var page = RenderForm("correctie", ProjectId);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));

        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        page.Find("[data-testid=field-select]").Change("amount");
        page.Find("#f-changes-0--newValue").Change("240.000,50");
        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid='error-reason']").TextContent));

        page.Find("#f-reason").Change("Tikfout");
        Submit(page);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=confirmation]")));
        var correction = Assert.IsType<CorrectProject>(Commands.Sent[^1].Action.Command);
        Assert.Equal(eventId, correction.EventId);
        Assert.Equal(("amount", "240000.50"), (correction.Changes![0].Field, correction.Changes[0].NewValueJson));
    }

    [Fact]
    public void An_event_of_Flanders_is_retracted_from_the_stream_of_Flanders()
    {
        var eventId = Guid.CreateVersion7();
        Commands.Events["flanders:vlaanderen"] =
        [
            new CorrectableEvent(3, eventId, "RegionTargetSet.v1", new DateOnly(2026, 1, 5), "Doelstelling Vlaanderen", [new CorrectableField("targetValue", "75")]),
        ];
        var page = RenderForm("intrekking");
        page.Find("#f-kind").Change("flanders");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=event-select] option").Count));
        Assert.Empty(page.FindAll("[data-testid=project-select]"));

        page.Find("[data-testid=event-select]").Change(eventId.ToString());
        page.Find("#f-reason").Change("Verkeerd jaar");
        Submit(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=confirmation]")));
        var sent = Commands.Sent.Single();
        Assert.Equal(("flanders", "vlaanderen"), (sent.Action.Kind, sent.Action.Key));
        Assert.Equal(eventId, Assert.IsType<RetractRegionEvent>(sent.Action.Command).EventId);
    }

    [Fact]
    public void Common_field_errors_are_in_Dutch()
    {
        Assert.Equal("Hoogstens twee decimalen (eurocent).", FieldError.Of("amount", Refusals.FieldCents).Dutch);
        Assert.Equal("Onbekende provincie.", FieldError.Of("leadProvince", Refusals.FieldUnknownProvince, ("options", "antwerpen, limburg")).Dutch);
        Assert.Equal("Hoogstens 60 tekens.", FieldError.Of("grantRef", Refusals.FieldTooLong, ("max", 60)).Dutch);
    }
}
