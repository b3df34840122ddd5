using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Provinces;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

/// <summary>The decree on integral commercial establishment policy: who decides, the category lists by date, the appeal outcomes.</summary>
public sealed class RetailRulesTests
{
    /// <summary>The day the six-category list came into force, read from the reference data.</summary>
    private static readonly DateOnly SixCategoriesFrom = RetailRules.Categories.Where(c => c.ValidFrom is not null).Max(c => c.ValidFrom!.Value);

    /// <summary>A municipality of Limburg that is no centre city (2025 code), from the reference data.</summary>
    private static readonly string Lummen = ReferenceData.Municipalities
        .First(m => m.ProvinceSlug == Slug && !RetailRules.CentreCities.Contains(m.NisCode)).NisCode;

    private static RetailCategoryArea[] Areas(params (string Category, decimal AreaM2)[] areas) =>
        [.. areas.Select(a => new RetailCategoryArea(a.Category, a.AreaM2))];

    private static readonly RetailCategoryArea[] Large = Areas(("food", 5_000m), ("other-bulky", 20_000m));

    private static DecideRetailPermit Decide(string municipality, decimal area, RetailCategoryArea[] categories) =>
        new(municipality, "OMV_2026099001", "new-establishment", area, categories, RetailPermitDecisions.Granted);

    private static Spec<ProvinceState, ProvinceCommand> RegisteredIn(string slug)
    {
        var facts = ReferenceData.FindProvince(slug)!;
        return New(slug).Given(new ProvinceRegistered(slug, facts.NameNl, facts.NisCode, facts.Pom));
    }

    [Fact]
    public void Given_a_25000_m2_application_outside_a_centre_city_when_the_deputation_decides_then_its_decision_is_recorded()
    {
        var events = Registered().Then(Decide(Lummen, 25_000m, Large),
            [new RetailPermitDecided(Lummen, "OMV_2026099001", "new-establishment", 25_000m, Large, RetailPermitDecisions.Granted)],
            Actors.Officer(Slug));

        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
    }

    [Fact]
    public void Given_a_25000_m2_application_in_Gent_when_the_deputation_decides_then_it_is_refused_the_centre_city_decides()
    {
        var refusal = RegisteredIn("oost-vlaanderen").ThenRefused(Decide(Gent, 25_000m, Large), RefusalKind.Conflict);

        Assert.Equal(Refusals.RetailPermitCentreCity.Code, refusal.Code);
        Assert.Contains("Gent", refusal.Dutch, StringComparison.Ordinal);
        Assert.Contains("centrumstad", refusal.Dutch, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_application_of_20000_m2_when_the_deputation_decides_then_it_is_refused_the_municipality_decides()
    {
        var refusal = Registered().ThenRefused(Decide(Lummen, RetailRules.DeputationAboveM2, Areas(("food", RetailRules.DeputationAboveM2))), RefusalKind.Conflict);

        Assert.Equal(Refusals.RetailPermitBelowThreshold.Code, refusal.Code);
        Assert.Contains("beslist de gemeente", refusal.Dutch, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_permit_the_deputation_decided_when_a_second_decision_comes_then_it_is_refused()
    {
        var spec = Registered();
        spec.Then(Decide(Lummen, 25_000m, Large), [new RetailPermitDecided(Lummen, "OMV_2026099001", "new-establishment", 25_000m, Large, "granted")]);

        Assert.Equal(Refusals.RetailPermitDecided.Code, spec.ThenRefused(Decide(Lummen, 25_000m, Large), RefusalKind.Conflict).Code);
    }

    [Fact]
    public void The_deputation_s_decision_names_its_kind_area_categories_and_decision_and_is_the_deputation_s()
    {
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Large) with { ApplicationKind = null }, "applicationKind");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Large) with { ApplicationKind = "relocation" }, "applicationKind");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, []), "categories");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Large) with { Decision = "approved" }, "decision");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Large) with { Body = Bodies.Provincieraad }, "body");
        Specs.ThenInvalid(Decide(Lummen, 26_000m, Large), "categories");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Areas(("food", 5_000m), ("food", 20_000m))), "categories[1].category");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Areas(("groceries", 25_000m))), "categories[0].category");
        Specs.ThenInvalid(Decide(Lummen, 25_000m, Areas(("food", 25_000m), ("vehicles", 0m))), "categories[1].areaM2");
    }

    [Fact]
    public void Given_an_appeal_against_a_municipality_of_another_province_when_it_is_filed_then_it_is_refused()
    {
        var refusal = Registered().ThenRefused(new FileRetailAppeal("BER-2026-11", Gent, null, null), RefusalKind.Conflict);

        Assert.Equal(Refusals.ProvinceMunicipalityElsewhere.Code, refusal.Code);
    }

    [Fact]
    public void An_appeal_naming_a_former_municipality_code_is_read_on_the_2025_boundaries_with_a_notice()
    {
        var notices = new List<FieldError>();
        // 71022 was Hasselt's code until the merger with Kortessem on 1 January 2025.
        var appeal = (FileRetailAppeal)new FileRetailAppeal("BER-2026-12", "71022", null, null).Normalized(notices);

        Assert.Equal(Hasselt, appeal.Municipality);
        Assert.Equal(Refusals.NoticeMunicipalityMerged.Code, Assert.Single(notices).Code);
        Registered().Then(appeal, [new RetailAppealFiled("BER-2026-12", Hasselt, null, null)]);
    }

    [Fact]
    public void Given_an_application_the_deputation_decides_when_an_appeal_is_filed_with_the_province_then_it_goes_to_the_Flemish_government()
    {
        var byArea = Registered().ThenRefused(new FileRetailAppeal("BER-2026-13", Lummen, null, null, "extension", 25_000m), RefusalKind.Conflict);
        Assert.Equal(Refusals.RetailAppealDeputationCompetent.Code, byArea.Code);
        Assert.Contains("Vlaamse Regering", byArea.Dutch, StringComparison.Ordinal);

        var spec = Registered();
        spec.Then(Decide(Lummen, 25_000m, Large), [new RetailPermitDecided(Lummen, "OMV_2026099001", "new-establishment", 25_000m, Large, "granted")]);
        var byDecision = spec.ThenRefused(new FileRetailAppeal("BER-2026-14", Lummen, "OMV_2026099001", "applicant"), RefusalKind.Conflict);
        Assert.Equal(Refusals.RetailAppealAgainstDeputation.Code, byDecision.Code);
    }

    [Fact]
    public void Given_an_appeal_of_25000_m2_in_a_centre_city_when_it_is_filed_then_the_province_hears_it() =>
        Registered().Then(new FileRetailAppeal("BER-2026-15", Hasselt, null, null, "new-establishment", 25_000m),
            [new RetailAppealFiled("BER-2026-15", Hasselt, null, null, "new-establishment", 25_000m)]);

    [Fact]
    public void Given_an_advice_of_2023_when_it_divides_its_area_over_the_four_categories_then_it_is_recorded_under_the_old_list()
    {
        var old = Areas(("food", 900m), ("other-products", 350m));
        var advice = new GiveRetailPermitAdvice(Hasselt, "OMV_2023000777", 1_250m, null, "favourable", "new-establishment", old)
        {
            EffectiveDate = SixCategoriesFrom.AddYears(-1),
        };

        Registered().Then(advice, [new RetailPermitAdviceGiven(Hasselt, "OMV_2023000777", 1_250m, "food", "favourable", "new-establishment", old)]);
    }

    [Fact]
    public void Given_an_advice_of_2023_when_it_uses_the_six_category_list_then_it_is_refused_naming_the_category()
    {
        var advice = new GiveRetailPermitAdvice(Hasselt, "OMV_2023000777", 1_250m, null, "favourable", "new-establishment",
            Areas(("food", 900m), ("other-bulky", 350m))) { EffectiveDate = SixCategoriesFrom.AddYears(-1) };

        var refusal = Registered().ThenRefused(advice, RefusalKind.Invalid);

        var error = Assert.Single(refusal.Errors);
        Assert.Equal("categories[1].category", error.Field);
        Assert.Contains("Verkoop van andere producten", error.Dutch, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_advice_from_4_March_2024_when_it_uses_the_old_fourth_category_then_it_is_refused()
    {
        var advice = new GiveRetailPermitAdvice(Hasselt, "OMV_2024000101", 1_250m, null, "favourable", null,
            Areas(("other-products", 1_250m))) { EffectiveDate = SixCategoriesFrom };

        Assert.Equal("categories[0].category", Assert.Single(Registered().ThenRefused(advice, RefusalKind.Invalid).Errors).Field);
        Registered().Then(advice with { Categories = Areas(("other-non-bulky", 1_250m)) },
            [new RetailPermitAdviceGiven(Hasselt, "OMV_2024000101", 1_250m, "other-non-bulky", "favourable", null, Areas(("other-non-bulky", 1_250m)))]);
    }

    [Fact]
    public void A_split_needs_a_permit_only_from_4_March_2024()
    {
        var advice = new GiveRetailPermitAdvice(Hasselt, "OMV_2023000778", 800m, "voeding", "favourable", "split") { EffectiveDate = SixCategoriesFrom.AddDays(-1) };

        Assert.Equal("applicationKind", Assert.Single(Registered().ThenRefused(advice, RefusalKind.Invalid).Errors).Field);
        Registered().Then(advice with { EffectiveDate = SixCategoriesFrom },
            [new RetailPermitAdviceGiven(Hasselt, "OMV_2023000778", 800m, "voeding", "favourable", "split")]);
    }

    [Fact]
    public void Given_a_filed_appeal_when_it_is_decided_inadmissible_then_it_is_recorded_as_such()
    {
        var spec = Registered(Appeal);
        spec.Then(new DecideRetailAppeal("BER-2026-07", AppealOutcomes.Inadmissible), [new RetailAppealDecided("BER-2026-07", "inadmissible")]);

        Assert.Equal("inadmissible", spec.History.State.AppealDecisions.Single().Outcome);
        Assert.Equal("Beroep detailhandel beslist: Onontvankelijk", EventWording.Summary(new RetailAppealDecided("BER-2026-07", "inadmissible")));
    }

    [Theory]
    [InlineData("permit-granted")]
    [InlineData("permit-refused")]
    [InlineData("permit-partially-granted")]
    [InlineData("deemed-refused")]
    public void An_appeal_outcome_of_the_environmental_permit_procedure_is_recorded(string outcome) =>
        Registered(Appeal).Then(new DecideRetailAppeal("BER-2026-07", outcome), [new RetailAppealDecided("BER-2026-07", outcome)]);

    [Fact]
    public void Old_retail_events_read_as_before()
    {
        var spec = Registered()
            .GivenStored("RetailPermitAdviceGiven.v1",
                """{"municipality":"71072","permitRef":"OMV_2019","netRetailAreaM2":1250,"goodsCategory":"voeding","advice":"conditional"}""")
            .GivenStored("RetailAppealFiled.v1", """{"appealRef":"BER-2019-1","municipality":"71072","permitRef":null,"appellant":null}""")
            .GivenStored("RetailAppealDecided.v1", """{"appealRef":"BER-2019-1","outcome":"granted"}""");

        Assert.Equal("voeding", spec.History.State.PermitAdvice.Single().GoodsCategory);
        Assert.Equal("granted", spec.History.State.AppealDecisions.Single().Outcome);
        Assert.Equal("Beroep detailhandel beslist: Gegrond (ingewilligd)", EventWording.Summary(new RetailAppealDecided("BER-2019-1", "granted")));
    }

    [Fact]
    public void The_reference_data_holds_two_category_lists_the_kinds_and_the_thirteen_centre_cities_on_2025_codes()
    {
        Assert.Equal(4, RetailRules.CategoriesOn(SixCategoriesFrom.AddDays(-1)).Count);
        Assert.Equal(6, RetailRules.CategoriesOn(SixCategoriesFrom).Count);
        Assert.Equal(new DateOnly(2024, 3, 4), SixCategoriesFrom);
        Assert.Equal(20_000m, RetailRules.DeputationAboveM2);
        string[] cities = ["Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk", "Leuven", "Mechelen", "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout"];
        Assert.Equal(cities, RetailRules.CentreCities.Select(n => ReferenceData.FindMunicipality(n)!.NameNl.Split(" (")[0]).Order(StringComparer.Ordinal));
        Assert.Equal(["category-change", "extension", "merger", "new-establishment", "split"], RetailRules.Kinds.Select(k => k.Code).Order(StringComparer.Ordinal));
    }
}

public sealed class RetailCorrectionTests
{
    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = System.Text.Json.JsonDocument.Parse(json).RootElement };

    private static readonly RetailCategoryArea[] Split = [new("food", 900m), new("other-non-bulky", 350m)];

    [Fact]
    public void A_correction_of_an_advice_s_net_area_that_its_categories_no_longer_add_up_to_is_refused()
    {
        var spec = Registered(new RetailPermitAdviceGiven(Hasselt, "OMV_2026000555", 1_250m, "food", "favourable", "extension", Split));

        var refusal = spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("netRetailAreaM2", "1300")], "typing error"), RefusalKind.Conflict);

        Assert.Equal(Refusals.RetailCategoriesWouldNotAddUp.Code, refusal.Code);
    }

    [Fact]
    public void A_correction_that_makes_an_appeal_the_deputation_s_is_refused()
    {
        var spec = Registered(new RetailAppealFiled("BER-2026-20", ReferenceData.Municipalities
            .First(m => m.ProvinceSlug == Slug && !RetailRules.CentreCities.Contains(m.NisCode)).NisCode, null, null, null, 5_000m));

        var refusal = spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("netRetailAreaM2", "25000")], "x"), RefusalKind.Conflict);

        Assert.Equal(Refusals.RetailAppealDeputationCompetent.Code, refusal.Code);
    }
}
