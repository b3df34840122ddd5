using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Dashboard.Forms;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The forms of a province's actions: decision, budget, measurement, target, retail advice, appeal and its decision.</summary>
public sealed class ProvinceFormTests : RegisterFormContext
{
    public ProvinceFormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Antwerpen");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "antwerpen"));
    }

    private IRenderedComponent<RegisterAction> RenderForm(string form, string? query = null) => Open(form, query);

    private T Stored<T>(IRenderedComponent<RegisterAction> page, string key) where T : Command => Stored<T>(page, "province", key, $"province-{key}");

    private static void FillDecision(IRenderedComponent<RegisterAction> page)
    {
        page.Find("#f-reference").Change("DEP-2026-0412");
        page.Find("#f-decidingBody").Change("deputatie");
        page.Find("#f-title").Change("Steun aan het kenniscentrum");
        page.Find("#f-domain").Change("circular-economy");
        page.Find("#f-summary").Change("De deputatie keurt de steun goed.");
    }

    [Fact]
    public void A_decision_goes_to_the_officers_province_with_its_votes_and_amount_in_nl_BE()
    {
        Commands.NextPosition = 777;
        var page = RenderForm("beslissing");
        Assert.Equal("antwerpen", page.Find("[data-testid=province-select] option[selected]").GetAttribute("value"));
        FillDecision(page);
        page.Find("#f-votesFor").Change("5");
        page.Find("#f-votesAgainst").Change("1");
        page.Find("#f-votesAbstaining").Change("0");
        page.Find("#f-amount").Change("1.250,50");

        Submit(page);

        var decision = Stored<TakeDecision>(page, "antwerpen");
        Assert.Equal("777", page.Find("[data-testid=position]").TextContent);
        Assert.Equal(("DEP-2026-0412", "deputatie", "Steun aan het kenniscentrum", "circular-economy", "De deputatie keurt de steun goed."),
            (decision.Reference, decision.DecidingBody, decision.Title, decision.Domain, decision.Summary));
        Assert.Equal((5, 1, 0, 1250.50m), (decision.VotesFor, decision.VotesAgainst, decision.VotesAbstaining, decision.Amount));
        Assert.Equal("deputatie", decision.Body);
    }

    [Fact]
    public void A_decision_reference_that_differs_from_the_decision_is_shown_next_to_the_common_field()
    {
        var page = RenderForm("beslissing");
        FillDecision(page);
        page.Find("#f-votesFor").Change("-2");
        page.Find("#f-decisionRef").Change("ANDERS-1");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Verschilt van de referentie van de beslissing.", page.Find("[data-testid=error-decisionRef]").TextContent));
        Assert.Equal("Mag niet negatief zijn.", page.Find("[data-testid=error-votesFor]").TextContent);
        Assert.Equal("e-votesFor", page.Find("#f-votesFor").GetAttribute("aria-describedby"));
        Assert.Empty(page.FindAll("[data-testid=confirmation]"));
    }

    [Fact]
    public void Without_a_province_nothing_is_sent()
    {
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "antwerpen"), new System.Security.Claims.Claim("provmon:province", "limburg"));
        var page = RenderForm("beslissing");
        FillDecision(page);

        Submit(page);

        Assert.Equal("Kies een provincie.", page.Find("[data-testid=error-province]").TextContent);
        Assert.Empty(Commands.Sent);
    }

    [Fact]
    public void A_province_given_in_the_address_is_chosen_and_a_refusal_of_scope_is_shown()
    {
        Commands.Outcomes.Enqueue(FormOutcome.Refusing(Refusal.Of(Refusals.ScopeNotYourProvince, ("province", "limburg"))));
        var page = RenderForm("budget", "?provincie=limburg");
        Assert.Equal("limburg", page.Find("[data-testid=province-select] option[selected]").GetAttribute("value"));
        page.Find("#f-domain").Change("circular-economy");
        page.Find("#f-amount").Change("1500000");
        page.Find("#f-decisionRef").Change("PR-2026-8");

        Submit(page);

        page.WaitForAssertion(() => Assert.Contains("U mag deze actie niet registreren.", page.Find("[data-testid=form-alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("limburg", Commands.Sent.Single().Action.Key);
    }

    [Fact]
    public void A_budget_is_sent_for_a_domain_and_year()
    {
        var page = RenderForm("budget");
        page.Find("#f-domain").Change("spatial-economy");
        page.Find("#f-year").Change("2027");
        page.Find("#f-amount").Change("2.000.000,00");
        page.Find("#f-decisionRef").Change("PR-2026-8");

        Submit(page);

        var budget = Stored<AllocateBudget>(page, "antwerpen");
        Assert.Equal(("spatial-economy", 2027, 2_000_000m, "PR-2026-8"), (budget.Domain, budget.Year, budget.Amount, budget.DecisionRef));
    }

    [Fact]
    public void A_credit_without_the_council_s_decision_reference_is_refused_and_the_field_says_why()
    {
        var page = RenderForm("budget");
        page.Find("#f-domain").Change("spatial-economy");
        page.Find("#f-amount").Change("10");

        Submit(page);

        // Refused as the dispatcher refuses it, the field named.
        page.WaitForAssertion(() => Assert.Contains("provincieraad", page.Find("[data-testid=error-decisionRef]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_adjustment_sends_the_new_credit_with_the_council_s_decision()
    {
        var page = RenderForm("krediet-aanpassing");
        page.Find("#f-domain").Change("spatial-economy");
        page.Find("#f-amount").Change("0");
        page.Find("#f-decisionRef").Change("PR-2026-9");

        Submit(page);

        var adjusted = Stored<AdjustCredit>(page, "antwerpen");
        Assert.Equal(("spatial-economy", 0m, "PR-2026-9"), (adjusted.Domain, adjusted.Amount, adjusted.DecisionRef));
    }

    [Fact]
    public void A_budget_year_out_of_range_is_shown_in_Dutch()
    {
        var page = RenderForm("budget");
        page.Find("#f-domain").Change("spatial-economy");
        page.Find("#f-year").Change("1980");
        page.Find("#f-amount").Change("10");
        page.Find("#f-decisionRef").Change("PR-2026-8");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Moet een jaar tussen 1990 en 2100 zijn.", page.Find("[data-testid=error-year]").TextContent));
    }

    [Fact]
    public void A_measurement_is_sent_with_its_unit_period_and_source()
    {
        var page = RenderForm("meting");
        page.Find("#f-indicatorCode").Change("employment-rate");
        page.Find("#f-value").Change("74,5");
        page.Find("#f-unit").Change("percent");
        page.Find("#f-period").Change("2026-Q2");
        page.Find("#f-source").Change("Statbel");

        Submit(page);

        var measured = Stored<MeasureIndicator>(page, "antwerpen");
        Assert.Equal(("employment-rate", 74.5m, "percent", "2026-Q2", "Statbel"), (measured.IndicatorCode, measured.Value, measured.Unit, measured.Period, measured.Source));
    }

    [Fact]
    public void A_count_with_decimals_is_refused_next_to_the_value()
    {
        var page = RenderForm("meting");
        page.Find("#f-indicatorCode").Change("starters");
        page.Find("#f-value").Change("2,5");
        page.Find("#f-unit").Change("count");
        page.Find("#f-period").Change("2026");
        page.Find("#f-source").Change("Statbel");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Een aantal is een geheel getal, niet negatief.", page.Find("[data-testid=error-value]").TextContent));
    }

    [Fact]
    public void A_target_is_sent_for_an_indicator_and_year()
    {
        var page = RenderForm("doelstelling");
        page.Find("#f-indicatorCode").Change("vacancy-rate");
        page.Find("#f-targetValue").Change("3,25");
        page.Find("#f-year").Change("2030");

        Submit(page);

        var target = Stored<SetTarget>(page, "antwerpen");
        Assert.Equal(("vacancy-rate", 3.25m, 2030), (target.IndicatorCode, target.TargetValue, target.Year));
    }

    [Fact]
    public void A_rate_target_above_100_is_refused_in_Dutch()
    {
        var page = RenderForm("doelstelling");
        page.Find("#f-indicatorCode").Change("employment-rate");
        page.Find("#f-targetValue").Change("120");
        page.Find("#f-year").Change("2030");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Moet een percentage tussen 0 en 100 zijn.", page.Find("[data-testid=error-targetValue]").TextContent));
    }

    [Fact]
    public void The_municipality_picker_offers_the_municipalities_of_the_chosen_province_only()
    {
        var page = RenderForm("advies-detailhandel");
        var antwerp = ReferenceData.Municipalities.Where(m => m.ProvinceSlug == "antwerpen").ToList();
        var offered = page.FindAll("[data-testid=municipality-select] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        Assert.Equal(antwerp.Select(m => m.NisCode).Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));

        page.Find("#f-municipality").Change(antwerp[0].NisCode);
        page.Find("[data-testid=province-select]").Change("limburg");
        Assert.Equal("", page.Find("[data-testid=municipality-select] option[selected]").GetAttribute("value"));
        Assert.All(page.FindAll("[data-testid=municipality-select] option").Skip(1),
            o => Assert.Equal("limburg", ReferenceData.FindMunicipality(o.GetAttribute("value")!)!.ProvinceSlug));
    }

    [Fact]
    public void A_retail_advice_names_the_municipality_by_its_NIS_code()
    {
        var nis = ReferenceData.Municipalities.First(m => m.ProvinceSlug == "antwerpen").NisCode;
        var page = RenderForm("advies-detailhandel");
        page.Find("#f-municipality").Change(nis);
        page.Find("#f-permitRef").Change("OMV-2026-88");
        page.Find("#f-netRetailAreaM2").Change("1.250,5");
        page.Find("#f-goodsCategory").Change("voeding");
        page.Find("#f-advice").Change("conditional");

        Submit(page);

        var advice = Stored<GiveRetailPermitAdvice>(page, "antwerpen");
        Assert.Equal((nis, "OMV-2026-88", 1250.5m, "voeding", "conditional"), (advice.Municipality, advice.PermitRef, advice.NetRetailAreaM2, advice.GoodsCategory, advice.Advice));
    }

    [Fact]
    public void A_retail_advice_without_area_is_refused_next_to_the_area()
    {
        var page = RenderForm("advies-detailhandel");
        page.Find("#f-permitRef").Change("OMV-2026-88");
        page.Find("#f-netRetailAreaM2").Change("0");
        page.Find("#f-goodsCategory").Change("voeding");
        page.Find("#f-advice").Change("favourable");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Moet groter zijn dan nul.", page.Find("[data-testid=error-netRetailAreaM2]").TextContent));
        Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-municipality]").TextContent);
        Assert.Equal("e-municipality", page.Find("#f-municipality").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void A_retail_appeal_is_filed_and_a_missing_reference_is_shown()
    {
        var nis = ReferenceData.Municipalities.First(m => m.ProvinceSlug == "antwerpen").NisCode;
        var page = RenderForm("beroep-detailhandel");
        page.Find("#f-municipality").Change(nis);
        page.Find("#f-appellant").Change("Buurtcomité");

        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-appealRef]").TextContent));

        page.Find("#f-appealRef").Change("BER-2026-3");
        Submit(page);

        var appeal = Stored<FileRetailAppeal>(page, "antwerpen");
        Assert.Equal(("BER-2026-3", nis, null, "Buurtcomité"), (appeal.AppealRef, appeal.Municipality, appeal.PermitRef, appeal.Appellant));
    }

    [Fact]
    public void An_appeal_decision_is_sent_and_a_missing_outcome_is_shown()
    {
        var page = RenderForm("uitspraak-beroep");
        page.Find("#f-appealRef").Change("BER-2026-3");

        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-outcome]").TextContent));

        page.Find("#f-outcome").Change("partially-granted");
        Submit(page);

        var decided = Stored<DecideRetailAppeal>(page, "antwerpen");
        Assert.Equal(("BER-2026-3", "partially-granted"), (decided.AppealRef, decided.Outcome));
    }

    [Fact]
    public void The_refusals_of_the_province_cluster_and_campaign_actions_are_in_Dutch()
    {
        Assert.Equal("Moet een percentage tussen 0 en 100 zijn.", FieldError.Of("value", Refusals.FieldRateRange, ("code", "vacancy-rate")).Dutch);
        Assert.Equal("Is geen Vlaamse gemeente (grenzen 2025).", FieldError.Of("municipality", Refusals.FieldNotAFlemishMunicipality, ("version", "2025")).Dutch);
        Assert.Equal("Hoogstens twee decimalen (eurocent).", FieldError.Of("value", Refusals.FieldEuroCents).Dutch);
        Assert.Equal("Verschilt van het beslissend orgaan.", FieldError.Of("body", Refusals.FieldDiffersFromDecidingBody).Dutch);
    }
}
