using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.BusinessParks;

namespace ProvincialMonitor.UnitTests.Domain.BusinessParks;

public sealed class BusinessParkSpecs
{
    private const string Slug = "genk-zuid";

    private static readonly BusinessParkRegistered GenkZuid =
        new(Slug, "Genk-Zuid", "71016", "limburg", 120m, 100m, BusinessParkKinds.Regional, "POM Limburg");

    private static readonly RegisterBusinessPark Register =
        new(Slug, "Genk-Zuid", "71016", 120m, 100m, BusinessParkKinds.Regional, "POM Limburg");

    private static Spec<BusinessParkState, BusinessParkCommand> New(string slug = Slug) =>
        new(BusinessParkDecider.Initial(slug), BusinessParkDecider.Evolve, BusinessParkDecider.Decide);

    private static Spec<BusinessParkState, BusinessParkCommand> Registered(params IDomainEvent[] more) => New().Given([GenkZuid, .. more]);

    [Fact]
    public void An_officer_of_the_municipalitys_province_registers_a_park_filed_under_that_province()
    {
        var spec = New();
        var events = spec.Then(Register, [GenkZuid], Actors.Officer("limburg"));

        Assert.Equal("business-park-genk-zuid", BusinessParkDecider.StreamId(Slug));
        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Equal(PolicyDomains.SpatialEconomy, events[0].Scope.Domain);
        Assert.Equal(BusinessParkPhases.Planned, spec.History.State.Phase);
    }

    [Fact]
    public void The_province_is_the_municipalitys_and_an_officer_of_another_may_not_register() =>
        New().ThenRefused(Register, RefusalKind.Forbidden, Actors.Officer("antwerpen"));

    [Fact]
    public void A_former_code_is_read_as_its_2025_municipality_with_a_notice()
    {
        var notices = new List<FieldError>();
        var normalized = (RegisterBusinessPark)(Register with { Municipality = "11056" }).Normalized(notices);

        Assert.Equal("46030", normalized.Municipality);
        Assert.Equal("municipality", notices.Single().Field);
        New().Then(normalized, [GenkZuid with { Municipality = "46030", Province = "oost-vlaanderen" }]);
    }

    [Theory]
    [InlineData("municipality", "99999")]
    [InlineData("municipality", "7101")]
    [InlineData("netHectares", "0")]
    [InlineData("kind", "industrial")]
    public void Registration_fields_are_checked(string field, string value)
    {
        var command = field switch
        {
            "municipality" => Register with { Municipality = value },
            "netHectares" => Register with { NetHectares = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => Register with { Kind = value },
        };
        Assert.Contains(command.Validate(), e => e.Field == field);
    }

    [Fact]
    public void Net_hectares_never_exceed_gross() =>
        New().ThenRefused(Register with { NetHectares = 130m }, RefusalKind.Conflict);

    [Fact]
    public void A_park_is_registered_once() =>
        Registered().ThenRefused(Register, RefusalKind.Conflict);

    [Fact]
    public void A_plot_on_an_unknown_park_is_refused_as_not_found() =>
        New("nergens").ThenRefused(new IssuePlot("Acme nv", 2m, "logistiek"), RefusalKind.NotFound);

    [Fact]
    public void Plots_are_issued_up_to_the_net_hectares_and_no_further()
    {
        var spec = Registered(new PlotIssued("Acme nv", 60m, "logistiek"));
        spec.Then(new IssuePlot(" Beta bv ", 40m, "chemie"), [new PlotIssued("Beta bv", 40m, "chemie")], Actors.Officer("limburg"));
        Assert.Equal(100m, spec.History.State.Issued);

        var refusal = spec.ThenRefused(new IssuePlot("Gamma nv", 0.01m, "bouw"), RefusalKind.Conflict);
        Assert.Equal(Refusals.BusinessParkPlotsExceedNet.Code, refusal.Code);
    }

    [Fact]
    public void A_correction_that_would_issue_more_than_the_net_area_is_refused_and_one_within_it_is_accepted()
    {
        var spec = Registered(new PlotIssued("Acme nv", 60m, "logistiek"), new PlotIssued("Beta bv", 30m, "chemie"));

        spec.ThenRefused(new CorrectBusinessPark(spec.EventIds[1], [Change("hectares", "70.5")], "typing error"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectBusinessPark(spec.EventIds[0], [Change("netHectares", "80")], "remeasured"), RefusalKind.Conflict);
        spec.Then(new CorrectBusinessPark(spec.EventIds[1], [Change("hectares", "70")], "typing error"),
            [new BusinessParkCorrected(spec.EventIds[1], [new FieldCorrection("hectares", "60", "70")], "typing error")]);
        Assert.Equal(100m, spec.History.State.Issued);
    }

    [Fact]
    public void A_correction_may_not_move_the_park_to_another_province() 
    {
        var spec = Registered();
        spec.ThenRefused(new CorrectBusinessPark(spec.EventIds[0], [Change("municipality", "\"11002\"")], "wrong"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectBusinessPark(spec.EventIds[0], [Change("province", "\"antwerpen\"")], "wrong"), RefusalKind.Invalid);
    }

    [Fact]
    public void Only_an_officer_of_the_parks_province_records_for_it()
    {
        var spec = Registered();
        var refusal = spec.ThenRefused(new IssuePlot("Acme nv", 2m, "logistiek"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        Assert.Equal(Refusals.ScopeNotParkProvince.Code, refusal.Code);
        spec.ThenRefused(new ChangeBusinessParkPhase(BusinessParkPhases.Ready), RefusalKind.Forbidden, Actors.Deputy);
    }

    [Fact]
    public void Phases_and_vacancy_are_recorded_and_the_newest_vacancy_counts()
    {
        var spec = Registered();
        spec.Then(new ChangeBusinessParkPhase(BusinessParkPhases.Ready), [new BusinessParkPhaseChanged(BusinessParkPhases.Ready)]);
        spec.Then(new RecordParkVacancy(3m, 10m), [new BusinessParkVacancyMeasured(3m, 10m)]);
        spec.Then(new RecordParkVacancy(1.5m, 8m), [new BusinessParkVacancyMeasured(1.5m, 8m)]);

        Assert.Equal((BusinessParkPhases.Ready, 1.5m, 8m), (spec.History.State.Phase, spec.History.State.Vacant!.Value, spec.History.State.Reserve!.Value));
    }

    [Fact]
    public void A_retracted_plot_frees_its_hectares()
    {
        var spec = Registered(new PlotIssued("Acme nv", 100m, "logistiek"));
        spec.Then(new RetractBusinessParkEvent(spec.EventIds[1], "double entry"), [new BusinessParkRetracted(spec.EventIds[1], "double entry")]);
        spec.Then(new IssuePlot("Beta bv", 100m, "chemie"), [new PlotIssued("Beta bv", 100m, "chemie")]);
    }

    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };
}
