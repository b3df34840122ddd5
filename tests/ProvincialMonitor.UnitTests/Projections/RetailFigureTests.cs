using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>
/// The retail figures (docs/measures.md): in the province, Vlaanderen and the municipality a record names on the 2025
/// boundaries; an appeal decided inadmissible counted as such; older records without kind or categories in the totals only.
/// </summary>
public sealed class RetailFigureTests
{
    private static readonly DateOnly Today = MonitorClock.System.Today;
    private static readonly string Limburg = StreamIds.Province("limburg");

    private static (IndicatorsModel Model, LogBuilder Log) Folded(Action<LogBuilder> record)
    {
        var log = new LogBuilder();
        record(log);
        var model = new IndicatorsModel();
        log.FoldInto(model);
        return (model, log);
    }

    private static FigureExplanation Explain(LogBuilder log, string scope, string measure)
    {
        var model = IndicatorsModel.Explaining(scope, measure);
        log.FoldInto(model);
        return model.Explanation();
    }

    [Fact]
    public void An_appeal_decided_inadmissible_counts_as_inadmissible_in_its_province_Vlaanderen_and_the_2025_municipality_of_its_former_code()
    {
        var day = Today.AddDays(-20);
        var (model, log) = Folded(log =>
        {
            log.Add(Limburg, new RetailAppealFiled("BER-1", "71022", "OMV-1", "buurtcomité"), day, ["limburg"]);
            log.Add(Limburg, new RetailAppealDecided("BER-1", AppealOutcomes.Inadmissible), day, ["limburg"]);
        });
        const string code = "retail.appeals.inadmissible";

        Assert.Equal(1m, model.View("province:limburg", Today).Measures[code]);
        Assert.Equal(1m, model.View(MeasureCatalog.Flanders, Today).Measures[code]);
        var hasselt = MunicipalityViews.Of(model, "71072", [])!.Measures;
        Assert.Equal((1m, 1m, 1m), (hasselt[code], hasselt[RetailMeasures.AppealsDecided], hasselt[RetailMeasures.Appeals]));
        Assert.DoesNotContain(hasselt.Keys, k => k is "retail.appeals.rejected" or "retail.appeals.granted");
        Assert.Equal(1m, MunicipalityViews.Map(model, code)!.Rows.Single(r => r.Nis == "71072").Value);
        var explained = Explain(log, "municipality:71072", code);
        Assert.Equal(1m, explained.Total);
        Assert.Equal(EventTypes.NameOf(typeof(RetailAppealDecided)), Assert.Single(explained.Lines).EventType);
        Assert.Equal(RetailMeasures.MunicipalityNote, MunicipalityViews.Map(model, code)!.Note);
        Assert.Equal("Onontvankelijk", DutchLabels.AppealOutcomes.Of(AppealOutcomes.Inadmissible));
    }

    [Fact]
    public void An_advice_of_before_the_six_categories_counts_under_the_four_category_list_and_an_advice_without_categories_in_its_totals_only()
    {
        var sixFrom = RetailRules.Categories.Where(c => c.ValidFrom is not null).Min(c => c.ValidFrom)!.Value;
        var before = sixFrom.AddDays(-200);
        var four = RetailRules.CategoriesOn(before);
        Assert.Equal(4, four.Count);
        Assert.Contains(four, c => c.Code == "other-products");
        var (model, _) = Folded(log =>
        {
            log.Add(Limburg, new RetailPermitAdviceGiven("71072", "OMV-2023", 1_000m, four[0].Code, RetailAdvices.Favourable, "new-establishment",
                [new(four[0].Code, 600m), new("other-products", 400m)]), before, ["limburg"]);
            log.Add(Limburg, new RetailPermitAdviceGiven("71072", "OMV-OUD", 500m, "voeding", RetailAdvices.Unfavourable), before, ["limburg"]);
        });

        foreach (var figures in new[] { model.View("province:limburg", Today).Measures, MunicipalityViews.Of(model, "71072", [])!.Measures })
        {
            Assert.Equal((2m, 1_500m), (figures[RetailMeasures.Advice], figures[RetailMeasures.AdviceM2]));
            Assert.Equal((1m, 400m), (figures["retail.advice-category.other-products"], figures["retail.advice-m2.other-products"]));
            Assert.Equal((1m, 1m), (figures["retail.advice-kind.new-establishment"], figures["retail.advice.unfavourable"]));
            // The advice without categories is in no category: the categories' m² are those of the one that has them.
            Assert.Equal(1_000m, figures.Where(f => f.Key.StartsWith("retail.advice-m2.", StringComparison.Ordinal)).Sum(f => f.Value));
            Assert.DoesNotContain(figures.Keys, k => k.Contains("other-bulky", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_deputation_s_decisions_count_by_decision_and_kind_and_only_a_granted_one_counts_as_permitted_floor_space()
    {
        var day = Today.AddDays(-5);
        RetailCategoryArea[] categories = [new("food", 5_000m), new("other-bulky", 20_000m)];
        var (model, log) = Folded(log =>
        {
            log.Add(Limburg, new RetailPermitDecided("71004", "D-1", "new-establishment", 25_000m, categories, RetailPermitDecisions.Granted), day, ["limburg"]);
            log.Add(Limburg, new RetailPermitDecided("71004", "D-2", "extension", 30_000m, [], RetailPermitDecisions.Refused), day, ["limburg"]);
        });
        var figures = MunicipalityViews.Of(model, "71004", [])!.Measures;

        Assert.Equal((2m, 1m, 1m), (figures[RetailMeasures.Permits], figures["retail.permits.granted"], figures["retail.permits.refused"]));
        Assert.Equal((1m, 1m), (figures["retail.permits-kind.new-establishment"], figures["retail.permits-kind.extension"]));
        Assert.Equal((25_000m, 20_000m), (figures[RetailMeasures.PermittedM2], figures["retail.permitted-m2.other-bulky"]));
        Assert.Equal(25_000m, Explain(log, "municipality:71004", RetailMeasures.PermittedM2).Total);
        Assert.Equal(25_000m, model.View(MeasureCatalog.Flanders, Today).Measures[RetailMeasures.PermittedM2]);
    }

    [Fact]
    public void The_events_list_states_a_retail_record_s_municipality_kind_area_and_categories_and_an_older_one_what_it_has()
    {
        var kind = DutchLabels.RetailApplicationKinds.Of("merger");
        var food = RetailRules.CategoryName("food");

        Assert.Equal($"Advies detailhandel: Gunstig (Gent, {kind}, 1.500 m²: {food} 1.000 m², {RetailRules.CategoryName("other-bulky")} 500 m²)",
            EventWording.Summary(new RetailPermitAdviceGiven("44021", "V-1", 1_500m, "food", "favourable", "merger", [new("food", 1_000m), new("other-bulky", 500m)])));
        Assert.Equal("Advies detailhandel: Ongunstig (Hasselt, 800 m²)", EventWording.Summary(new RetailPermitAdviceGiven("71072", "V-2", 800m, "voeding", "unfavourable")));
        Assert.Equal("Beroep detailhandel ingediend (Hasselt)", EventWording.Summary(new RetailAppealFiled("A-1", "71072", null, null)));
        Assert.Equal($"Beslissing deputatie kleinhandelsvergunning: Vergunning verleend (Beringen, {kind}, 24.000,5 m²: {food} 24.000,5 m²)",
            EventWording.Summary(new RetailPermitDecided("71004", "D-1", "merger", 24_000.5m, [new("food", 24_000.5m)], "granted")));
    }
}
