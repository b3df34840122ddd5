using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// The demo mode's business parks (source <c>demo</c>, so the pages mark them): three per province, with plots issued to
/// invented companies over the last six years (dates relative to today) and a measured vacancy. Illustrations, not data.
/// Fixed idempotency keys: a second start adds nothing.
/// </summary>
public sealed class DemoBusinessParks(CommandDispatcher dispatcher, MonitorClock clock)
{
    private sealed record Park(string Slug, string Name, string Municipality, decimal Gross, decimal Net, string Kind, string Body, string Phase, int Plots);

    private static readonly Park[] Parks =
    [
        new("demo-geel-punt", "Geel-Punt", "13008", 140m, 118m, BusinessParkKinds.Regional, "POM Antwerpen", BusinessParkPhases.Ready, 9),
        new("demo-mechelen-noord", "Mechelen-Noord", "12025", 60m, 48m, BusinessParkKinds.Local, "Stad Mechelen", BusinessParkPhases.FullyIssued, 6),
        new("demo-herentals-logistiek", "Logistiek park Herentals", "13011", 85m, 70m, BusinessParkKinds.Logistics, "POM Antwerpen", BusinessParkPhases.InDevelopment, 3),
        new("demo-genk-zuid", "Genk-Zuid zone C", "71016", 210m, 175m, BusinessParkKinds.Regional, "POM Limburg", BusinessParkPhases.Ready, 10),
        new("demo-beringen-be-mine", "Be-Mine bedrijvenzone", "71004", 45m, 36m, BusinessParkKinds.Local, "Stad Beringen", BusinessParkPhases.Ready, 5),
        new("demo-lommel-kristal", "Kristalpark Lommel", "72020", 120m, 95m, BusinessParkKinds.Logistics, "POM Limburg", BusinessParkPhases.Planned, 0),
        new("demo-gent-kennispark", "Kennispark Zwijnaarde", "44021", 55m, 42m, BusinessParkKinds.SciencePark, "POM Oost-Vlaanderen", BusinessParkPhases.Ready, 6),
        new("demo-aalst-erembodegem", "Erembodegem-Zuid", "41002", 75m, 61m, BusinessParkKinds.Regional, "POM Oost-Vlaanderen", BusinessParkPhases.FullyIssued, 7),
        new("demo-wetteren-kapellekouter", "Kapellekouter", "42025", 30m, 24m, BusinessParkKinds.Local, "Gemeente Wetteren", BusinessParkPhases.InDevelopment, 2),
        new("demo-vilvoorde-cargo", "Cargopark Vilvoorde", "23088", 65m, 52m, BusinessParkKinds.Logistics, "POM Vlaams-Brabant", BusinessParkPhases.Ready, 6),
        new("demo-leuven-haasrode", "Wetenschapspark Haasrode", "24062", 90m, 72m, BusinessParkKinds.SciencePark, "POM Vlaams-Brabant", BusinessParkPhases.Ready, 7),
        new("demo-tienen-grijpenveld", "Grijpenveld", "24107", 40m, 33m, BusinessParkKinds.Local, "Stad Tienen", BusinessParkPhases.Planned, 0),
        new("demo-kortrijk-evolis", "Evolis", "34022", 110m, 88m, BusinessParkKinds.Regional, "POM West-Vlaanderen", BusinessParkPhases.Ready, 8),
        new("demo-roeselare-haven", "Haven Roeselare", "36015", 70m, 57m, BusinessParkKinds.Port, "POM West-Vlaanderen", BusinessParkPhases.FullyIssued, 6),
        new("demo-waregem-zuid", "Waregem-Zuid", "34040", 35m, 29m, BusinessParkKinds.Local, "Stad Waregem", BusinessParkPhases.InDevelopment, 2),
    ];

    private static readonly (string Buyer, string Sector)[] Buyers =
    [
        ("Demobedrijf Alfa nv", "logistiek"), ("Demobedrijf Beta bv", "voeding"), ("Demobedrijf Gamma nv", "bouw"),
        ("Demobedrijf Delta bv", "chemie"), ("Demobedrijf Epsilon nv", "metaal"), ("Demobedrijf Zeta bv", "ICT"),
    ];

    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var recorded = 0;
        foreach (var (park, i) in Parks.Select((p, i) => (p, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var registered = today.AddYears(-7).AddDays(i * 13);
            recorded += await Send(park.Slug, "registered", new RegisterBusinessPark(park.Slug, park.Name, park.Municipality, park.Gross, park.Net, park.Kind, park.Body)
                { EffectiveDate = registered });
            if (park.Phase != BusinessParkPhases.Planned)
                recorded += await Send(park.Slug, "phase/in-development", new ChangeBusinessParkPhase(BusinessParkPhases.InDevelopment) { EffectiveDate = registered.AddDays(120) });
            if (BusinessParkPhases.IsActivated(park.Phase))
                recorded += await Send(park.Slug, "phase/ready", new ChangeBusinessParkPhase(BusinessParkPhases.Ready) { EffectiveDate = registered.AddDays(300) });
            // The plots share out 80 % of the net area (all of it for a fully issued park), spread over the last six years.
            var share = park.Phase == BusinessParkPhases.FullyIssued ? 1m : 0.8m;
            for (var p = 0; p < park.Plots; p++)
            {
                var hectares = decimal.Round(park.Net * share / park.Plots, 2, MidpointRounding.ToZero);
                var (buyer, sector) = Buyers[(i + p) % Buyers.Length];
                recorded += await Send(park.Slug, $"plot/{p}", new IssuePlot(buyer, hectares, sector)
                    { EffectiveDate = today.AddDays(-(park.Plots - p) * (6 * 365 / park.Plots) + 7) });
            }
            if (park.Phase == BusinessParkPhases.FullyIssued)
                recorded += await Send(park.Slug, "phase/fully-issued", new ChangeBusinessParkPhase(BusinessParkPhases.FullyIssued) { EffectiveDate = today.AddDays(-30) });
            if (park.Plots > 0)
                recorded += await Send(park.Slug, "vacancy", new RecordParkVacancy(decimal.Round(park.Net * 0.04m, 1), decimal.Round(park.Net * 0.07m, 1))
                    { EffectiveDate = today.AddDays(-60) });
        }
        return recorded;
    }

    private async Task<int> Send(string slug, string step, BusinessParkCommand command)
    {
        var key = $"demo/business-park/{slug}/{step}";
        var outcome = await dispatcher.SendAsync<IBusinessParkGrain, BusinessParkCommand>(slug, command, new CommandRequest(Actor.System, Sources.Demo, key, key));
        if (outcome.Refusal is { } refusal) throw new InvalidOperationException($"Demo data was refused ({key}): {refusal.Message}");
        return outcome.Replayed ? 0 : 1;
    }
}
