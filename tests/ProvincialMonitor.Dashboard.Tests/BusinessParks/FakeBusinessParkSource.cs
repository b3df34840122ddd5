using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.BusinessParks;

namespace ProvincialMonitor.Dashboard.Tests.BusinessParks;

internal sealed class FakeBusinessParkSource : IBusinessParkSource
{
    public static readonly DateOnly Today = MonitorClock.System.Today;

    public static BusinessParkFigureSet Figures(string scope, string name, int parks, decimal net, decimal? supply = 12.5m) =>
        new(scope, name, parks, net, 4.5m, net - 20m, net, 8m, supply);

    public List<BusinessParkItem> Parks { get; } =
    [
        new("genk-zuid", "Genk-Zuid zone C", "71016", "limburg", 210m, BusinessParkKinds.Regional, "POM Limburg", BusinessParkPhases.Ready, Today.AddYears(-5),
            [new ParkPlot(Guid.CreateVersion7(), Today.AddDays(-10), "Logistiek Genk nv", 4.5m, "logistiek"),
             new ParkPlot(Guid.CreateVersion7(), Today.AddYears(-2), "Metaal Genk bv", 15.5m, "metaal")],
            3m, 6m, Today.AddDays(-60), true, Figures("business-park:genk-zuid", "Genk-Zuid zone C", 1, 175m)),
        new("lommel-kristal", "Kristalpark", "72020", "limburg", 120m, BusinessParkKinds.Logistics, "POM Limburg", BusinessParkPhases.Planned, null,
            [], null, null, null, false, Figures("business-park:lommel-kristal", "Kristalpark", 1, 95m, null) with { IssuedThisYear = 0, IssuedLastYears = 0, Available = 95m, Activated = 0 }),
    ];

    public Task<BusinessParkOverview> OverviewAsync() => Task.FromResult(new BusinessParkOverview(42, Today, 5,
        Figures("flanders", "Vlaanderen", 2, 270m),
        [.. ProvinceSlugs.All.Select(p => p == "limburg" ? Figures("province:limburg", "Limburg", 2, 270m) : Figures($"province:{p}", p, 0, 0m, null) with { Available = 0, IssuedThisYear = 0, IssuedLastYears = 0, Activated = 0 })],
        [.. Parks]));

    public Task<BusinessParkItem?> ParkAsync(string slug) => Task.FromResult(Parks.FirstOrDefault(p => p.Slug == slug));
}
