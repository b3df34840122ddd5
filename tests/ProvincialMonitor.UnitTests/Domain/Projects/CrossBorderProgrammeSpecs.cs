using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

/// <summary>A project's cross-border programme from the list, its co-financing rate, and cooperation bodies as partners.</summary>
public sealed class CrossBorderProgrammeSpecs
{
    private static readonly RegisterProject Interreg = RegisterKampC with
    {
        Domain = "cross-border", CrossBorderProgramme = "interreg-vl-nl-2021", CoFinancingRate = 45m,
        PlannedStart = new DateOnly(2024, 3, 1), PlannedEnd = new DateOnly(2027, 2, 28),
    };

    private static readonly ProjectRegistered InterregRegistered = KampC with
    {
        Domain = "cross-border", CrossBorderProgramme = "interreg-vl-nl-2021", CoFinancingRate = 45m,
        PlannedStart = new DateOnly(2024, 3, 1), PlannedEnd = new DateOnly(2027, 2, 28),
    };

    private static readonly string[] BothPeriods = ["interreg-vl-nl", "interreg-fwvl", "interreg-emr", "interreg-nwe", "interreg-north-sea", "interreg-europe"];

    private static CorrectionChange Change(string field, string json) => new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };

    [Fact]
    public void The_list_holds_both_periods_and_the_ended_2_seas_with_their_maximum_rates()
    {
        Assert.Equal(13, CrossBorderReference.Programmes.Count);
        Assert.All(BothPeriods,
            p => Assert.Equal(["2014-2020", "2021-2027"], CrossBorderReference.Programmes.Where(x => x.Code.StartsWith(p + "-", StringComparison.Ordinal)).Select(x => x.Period)));
        var twoSeas = CrossBorderReference.FindProgramme("interreg-2-seas-2014")!;
        Assert.Equal(60m, twoSeas.MaxErdfRate);
        Assert.True(twoSeas.EndedOn(Specs.Today));
        Assert.Null(CrossBorderReference.FindProgramme("interreg-emr-2021")!.MaxErdfRate);
    }

    [Fact]
    public void Given_a_programme_from_the_list_and_a_rate_under_its_maximum_when_registered_then_both_are_stored() =>
        New().Then(Interreg, [InterregRegistered]);

    [Fact]
    public void An_unknown_programme_is_refused_whole_naming_the_field() =>
        Specs.ThenInvalid(Interreg with { CrossBorderProgramme = "Euregio Scheldemond" }, "crossBorderProgramme");

    [Fact]
    public void A_rate_above_the_programmes_maximum_is_refused()
    {
        var error = Assert.Single((Interreg with { CoFinancingRate = 50.01m }).Validate());
        Assert.Equal(("coFinancingRate", "field.rate-above-programme-maximum"), (error.Field, error.Code));
        Assert.Contains("50 %", error.Dutch, StringComparison.Ordinal);
        Assert.Empty((Interreg with { CoFinancingRate = 50m }).Validate());
    }

    [Fact]
    public void Where_the_list_knows_no_maximum_any_rate_up_to_100_is_taken() =>
        Assert.Empty((Interreg with { CrossBorderProgramme = "interreg-emr-2021", CoFinancingRate = 75m }).Validate());

    [Fact]
    public void A_rate_needs_a_programme() =>
        Specs.ThenInvalid(Interreg with { CrossBorderProgramme = null }, "coFinancingRate");

    [Theory]
    [InlineData("2013-12-31", "2016-12-31", "plannedStart")]
    [InlineData("2019-01-01", "2024-01-01", "plannedEnd")]
    public void Planned_dates_outside_the_programme_period_and_its_eligibility_are_refused_by_field(string start, string end, string field)
    {
        var command = Interreg with
        {
            CrossBorderProgramme = "interreg-2-seas-2014", CoFinancingRate = null,
            PlannedStart = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            PlannedEnd = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        };
        var error = Assert.Single(command.Validate());
        Assert.Equal((field, "field.outside-programme-period"), (error.Field, error.Code));
    }

    [Fact]
    public void An_old_free_text_programme_still_reads_as_written_marked_not_from_the_list()
    {
        var old = Registered().GivenStored("ProjectRegistered.v1", """
            {"projectId":"019a0000-0000-7000-8000-000000000001","title":"Grensarbeid","externalRef":null,"leadProvince":"antwerpen",
             "participatingProvinces":[],"domain":"cross-border","clusters":[],"partners":[],"plannedStart":null,"plannedEnd":null,
             "totalBudget":null,"crossBorderProgramme":"Euregio Scheldemond"}
            """);
        var view = AggregateViews.Project(old.History.State).Programme!;

        Assert.Equal(("Euregio Scheldemond", false, null), (view.Text, view.FromList, view.CoFinancingRate));
        var listed = AggregateViews.Project(New().Given(InterregRegistered).History.State).Programme!;
        Assert.Equal((true, "Interreg VI Vlaanderen-Nederland", 50m, 45m), (listed.FromList, listed.NameNl, listed.MaxErdfRate, listed.CoFinancingRate));
    }

    [Fact]
    public void An_old_free_text_programme_stays_through_a_correction_of_another_field_but_a_new_programme_names_a_code()
    {
        var legacy = KampC with { CrossBorderProgramme = "Euregio Scheldemond" };
        var spec = New().Given(legacy);
        spec.Then(new CorrectProject(spec.EventIds[0], [Change("title", "\"Grensarbeid zonder drempels\"")], "tikfout"),
            [new ProjectCorrected(spec.EventIds[0], [new FieldCorrection("title", "\"Kamp C: circulair bouwen\"", "\"Grensarbeid zonder drempels\"")], "tikfout")]);
        var refusal = spec.ThenRefused(new CorrectProject(spec.EventIds[0], [Change("crossBorderProgramme", "\"Interreg 5\"")], "x"), RefusalKind.Invalid);
        Assert.Equal("field.unknown-programme", Assert.Single(refusal.Errors).Code);
    }

    [Fact]
    public void A_cooperation_body_joins_as_a_partner_of_its_kind_by_its_name_from_the_list() =>
        Registered().Then(new AddPartner("euregio-scheldemond", PartnerKinds.CooperationBody),
            [new PartnerJoined("Euregio Scheldemond", PartnerKinds.CooperationBody, "euregio-scheldemond")]);

    [Fact]
    public void A_cooperation_body_not_on_the_list_is_refused_by_name_while_other_kinds_stay_free_text()
    {
        Specs.ThenInvalid(new AddPartner("Interreg Vlaanderen-Nederland", PartnerKinds.CooperationBody), "name");
        Assert.Empty(new AddPartner("Provincie Zeeland", "government").Validate());
        Assert.NotNull(CrossBorderReference.FindBody("EGTS Linieland van Waas en Hulst"));
    }
}
