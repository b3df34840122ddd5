using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Projections;
using M = ProvincialMonitor.Contracts.Measures.BusinessParkMeasures;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>
/// The business park figures reconcile: on a generated log with corrections and retractions, every figure of every scope
/// equals its explanation by park, each park's line equals that park folded alone, the map's rows add up to Vlaanderen,
/// and Vlaanderen equals the generator's own tally of the plots and parks as they stand.
/// </summary>
public sealed class BusinessParkReconciliationTests
{
    private static readonly DateOnly Today = MonitorClock.System.Today;

    private sealed record Truth(string Slug, decimal Net, string Phase, Dictionary<Guid, (DateOnly On, decimal Hectares)> Plots);

    [Fact]
    public void On_a_generated_log_every_park_figure_of_every_scope_equals_its_explanation_by_park()
    {
        var (log, truth) = Generated(new Random(31));
        var model = new BusinessParkModel();
        log.FoldInto(model);

        var scopes = new List<string> { MeasureCatalog.Flanders };
        scopes.AddRange(ProvinceSlugs.All.Select(p => $"province:{p}"));
        scopes.AddRange(model.Parks.Values.Select(p => PlaceFigures.Municipality(p.Municipality)).Distinct());
        scopes.AddRange(model.Parks.Keys.Select(BusinessParkFigures.ParkScope));
        scopes.Add(PlaceFigures.Municipality("11002"));

        foreach (var scope in scopes)
            foreach (var measure in M.All.Select(m => m.Code))
            {
                var explanation = BusinessParkFigures.Explain(model, scope, measure, Today);
                var pace = explanation.PaceLines.Sum(l => l.Amount);
                var expected = measure == M.SupplyYears
                    ? pace > 0 ? decimal.Round(explanation.Lines.Sum(l => l.Amount) / (pace / M.PaceYears), 1) : (decimal?)null
                    : explanation.Lines.Sum(l => l.Amount);
                Assert.True(expected == explanation.Value, $"{scope} {measure}: figure {explanation.Value}, by park {expected}");
                foreach (var line in explanation.Lines.Concat(explanation.PaceLines))
                    Assert.Equal(Alone(log, line.Slug, measure == M.SupplyYears && explanation.PaceLines.Contains(line) ? M.IssuedLastYears
                        : measure == M.SupplyYears ? M.Available : measure), line.Amount);
            }

        var flanders = BusinessParkFigures.Scope(model, MeasureCatalog.Flanders, "Vlaanderen", Today);
        var since = Today.AddYears(-M.PaceYears);
        Assert.Equal(truth.Sum(t => t.Net), flanders.NetHectares);
        Assert.Equal(truth.Sum(t => t.Net - t.Plots.Values.Sum(p => p.Hectares)), flanders.Available);
        Assert.Equal(truth.SelectMany(t => t.Plots.Values).Where(p => p.On.Year == Today.Year).Sum(p => p.Hectares), flanders.IssuedThisYear);
        Assert.Equal(truth.SelectMany(t => t.Plots.Values).Where(p => p.On > since && p.On <= Today).Sum(p => p.Hectares), flanders.IssuedLastYears);
        Assert.Equal(truth.Where(t => BusinessParkPhases.IsActivated(t.Phase)).Sum(t => t.Net), flanders.Activated);
        Assert.True(flanders.IssuedThisYear > 0 && flanders.Activated > 0 && flanders.SupplyYears > 0);

        foreach (var measure in M.All.Where(m => m.Municipality is not null).Select(m => m.Code))
        {
            var map = BusinessParkFigures.Map(model, measure, Today)!;
            Assert.Equal(285, map.Rows.Count);
            Assert.Equal(BusinessParkFigures.Value(flanders, measure), map.Rows.Sum(r => r.Value));
        }
        Assert.Null(BusinessParkFigures.Map(model, M.SupplyYears, Today));
    }

    [Fact]
    public void Years_of_supply_are_not_computable_without_issue_in_the_pace_years()
    {
        var log = new LogBuilder();
        log.Add(StreamIds.BusinessPark("leeg"), new BusinessParkRegistered("leeg", "Leeg", "71016", "limburg", 10m, 8m, "local", "POM Limburg"), Today.AddYears(-8));
        log.Add(StreamIds.BusinessPark("leeg"), new PlotIssued("Oud nv", 2m, "bouw"), Today.AddYears(-M.PaceYears).AddDays(-1));
        var model = new BusinessParkModel();
        log.FoldInto(model);

        var figures = BusinessParkFigures.Scope(model, "province:limburg", "Limburg", Today);
        Assert.Equal((8m, 6m, 0m), (figures.NetHectares, figures.Available, figures.IssuedLastYears));
        Assert.Null(figures.SupplyYears);
    }

    /// <summary>One park's figure from its own stream only.</summary>
    private static decimal Alone(LogBuilder log, string slug, string measure)
    {
        var alone = new BusinessParkModel();
        var stream = StreamIds.BusinessPark(slug);
        foreach (var e in log.Events.Where(e => e.StreamId == stream)) alone.Apply(e);
        return BusinessParkFigures.Value(BusinessParkFigures.Of(alone.Parks[slug], Today), measure) ?? 0;
    }

    private static (LogBuilder Log, List<Truth> Truth) Generated(Random random)
    {
        var log = new LogBuilder();
        var truth = new List<Truth>();
        var municipalities = ReferenceData.Municipalities.OrderBy(m => m.NisCode, StringComparer.Ordinal).ToList();
        for (var i = 0; i < 24; i++)
        {
            var slug = $"park-{i}";
            var stream = StreamIds.BusinessPark(slug);
            var municipality = municipalities[random.Next(municipalities.Count)];
            var net = random.Next(20, 200);
            var registered = log.Add(stream, new BusinessParkRegistered(slug, $"Park {i}", municipality.NisCode, municipality.ProvinceSlug,
                net + 10, net, BusinessParkKinds.All[i % BusinessParkKinds.All.Length], "POM"), Today.AddYears(-8), [municipality.ProvinceSlug]);
            var park = new Truth(slug, net, BusinessParkPhases.Planned, []);
            var phase = BusinessParkPhases.All[random.Next(BusinessParkPhases.All.Length)];
            log.Add(stream, new BusinessParkPhaseChanged(phase), Today.AddYears(-6));
            park = park with { Phase = phase };
            for (var p = 0; p < random.Next(0, 8); p++)
            {
                var hectares = random.Next(1, 8) + 0.25m;
                var on = Today.AddDays(-random.Next(0, 7 * 365));
                var id = log.Add(stream, new PlotIssued($"Bedrijf {i}-{p} nv", hectares, "logistiek"), on, [municipality.ProvinceSlug]);
                park.Plots[id] = (on, hectares);
                switch (random.Next(5))
                {
                    case 0:
                        log.Add(stream, new BusinessParkRetracted(id, "dubbel"), Today);
                        park.Plots.Remove(id);
                        break;
                    case 1:
                        log.Add(stream, new BusinessParkCorrected(id, [new FieldCorrection("hectares", $"{hectares}", "1.5")], "tikfout"), Today);
                        park.Plots[id] = (on, 1.5m);
                        break;
                }
            }
            if (i % 4 == 0)
            {
                log.Add(stream, new BusinessParkCorrected(registered, [new FieldCorrection("netHectares", $"{net}", $"{net + 5}")], "heropmeting"), Today);
                park = park with { Net = net + 5 };
            }
            truth.Add(park);
        }
        return (log, truth);
    }
}
