using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// The demo mode's retail records (source <c>demo</c>): advice in every province (one under the four-category list, from
/// before the six categories, and one older advice with free-text goods only), two first-instance decisions of a deputation
/// above the threshold outside the centre cities, and appeals with several outcomes, one inadmissible and one pending. Dates
/// relative to today (the four-category advice: before the six-category list's first day). Illustrations, not data. Fixed
/// idempotency keys: a second start adds nothing.
/// </summary>
public sealed class DemoRetail(CommandDispatcher dispatcher, MonitorClock clock)
{
    private sealed record Advice(string Province, string Municipality, string Ref, int DaysAgo, decimal Area, string Given, string? Kind, (string Category, decimal Area)[] Categories);

    private sealed record Appeal(string Province, string Municipality, string Ref, int DaysAgo, string Kind, (string Category, decimal Area)[] Categories, string Appellant, string? Outcome);

    // DaysAgo 0: the advice under the four-category list (dated before the six categories).
    private static readonly Advice[] Advices =
    [
        new("antwerpen", "13008", "OMV-DEMO-GEEL-1", 400, 2_400m, RetailAdvices.Conditional, "new-establishment", [("food", 1_400m), ("other-non-bulky", 1_000m)]),
        new("antwerpen", "11002", "OMV-DEMO-ANTW-1", 90, 800m, RetailAdvices.Favourable, "extension", [("personal-equipment", 800m)]),
        new("limburg", "71016", "OMV-DEMO-GENK-2023", 0, 3_000m, RetailAdvices.Favourable, "new-establishment", [("food", 1_800m), ("other-products", 1_200m)]),
        new("limburg", "72020", "OMV-DEMO-LOMMEL-1", 200, 650m, RetailAdvices.Unfavourable, "category-change", [("other-bulky", 650m)]),
        new("oost-vlaanderen", "44021", "OMV-DEMO-GENT-1", 150, 1_500m, RetailAdvices.Favourable, "merger", [("food", 1_000m), ("other-non-bulky", 500m)]),
        new("vlaams-brabant", "24062", "OMV-DEMO-LEUVEN-1", 60, 1_100m, RetailAdvices.Conditional, "new-establishment", [("food", 1_100m)]),
        new("vlaams-brabant", "23088", "OMV-DEMO-VILVOORDE-1", 500, 1_200m, RetailAdvices.Favourable, null, []),
        new("west-vlaanderen", "34022", "OMV-DEMO-KORTRIJK-1", 300, 900m, RetailAdvices.Favourable, "extension", [("vehicles", 900m)]),
    ];

    private static readonly Appeal[] Appeals =
    [
        new("antwerpen", "12025", "BER-DEMO-MECHELEN-1", 240, "new-establishment", [("food", 2_000m), ("other-non-bulky", 1_000m)], "Omwonenden", AppealOutcomes.Rejected),
        new("limburg", "71072", "BER-DEMO-HASSELT-1", 130, "extension", [("personal-equipment", 600m)], "Handelaarsvereniging", AppealOutcomes.Inadmissible),
        new("limburg", "72020", "BER-DEMO-LOMMEL-1", 180, "category-change", [("other-bulky", 650m)], "Aanvrager", AppealOutcomes.PermitRefused),
        new("oost-vlaanderen", "41002", "BER-DEMO-AALST-1", 210, "new-establishment", [("food", 1_500m)], "Aanvrager", AppealOutcomes.Granted),
        new("oost-vlaanderen", "42025", "BER-DEMO-WETTEREN-1", 160, "merger", [("other-bulky", 2_200m)], "Aanvrager", AppealOutcomes.DeemedRefused),
        new("west-vlaanderen", "36015", "BER-DEMO-ROESELARE-1", 100, "extension", [("food", 700m), ("vehicles", 300m)], "Omwonenden", AppealOutcomes.PartiallyGranted),
        new("vlaams-brabant", "24107", "BER-DEMO-TIENEN-1", 20, "new-establishment", [("other-non-bulky", 1_300m)], "Milieuvereniging", null),
    ];

    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var sixFrom = RetailRules.Categories.Where(c => c.ValidFrom is not null).Min(c => c.ValidFrom) ?? today;
        // A record of the six-category list is dated on or after its first day; the four-category advice some months before it.
        DateOnly On(int daysAgo) => daysAgo == 0 ? sixFrom.AddDays(-200) : Max(today.AddDays(-daysAgo), sixFrom.AddDays(30));
        var recorded = 0;
        foreach (var a in Advices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            recorded += await Send(a.Province, $"advice/{a.Ref}", new GiveRetailPermitAdvice(a.Municipality, a.Ref, a.Area,
                a.Categories.Length == 0 ? "tuincentrum" : null, a.Given, a.Kind, a.Categories.Length == 0 ? null : Areas(a.Categories))
                { EffectiveDate = On(a.DaysAgo) });
        }

        // Above 20,000 m² outside a centre city the deputation decides in first instance.
        recorded += await Send("limburg", "permit/OMV-DEMO-BERINGEN-1", new DecideRetailPermit("71004", "OMV-DEMO-BERINGEN-1", "new-establishment", 24_000m,
            Areas([("food", 4_000m), ("other-bulky", 20_000m)]), RetailPermitDecisions.Granted) { EffectiveDate = On(120), Body = Bodies.Deputatie });
        recorded += await Send("antwerpen", "permit/OMV-DEMO-HERENTALS-1", new DecideRetailPermit("13011", "OMV-DEMO-HERENTALS-1", "extension", 22_500m,
            Areas([("other-bulky", 18_000m), ("vehicles", 4_500m)]), RetailPermitDecisions.PartiallyGranted) { EffectiveDate = On(45), Body = Bodies.Deputatie });

        foreach (var a in Appeals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var categories = Areas(a.Categories);
            recorded += await Send(a.Province, $"appeal/{a.Ref}", new FileRetailAppeal(a.Ref, a.Municipality, $"OMV-{a.Ref}", a.Appellant, a.Kind,
                categories.Sum(c => c.AreaM2), categories) { EffectiveDate = On(a.DaysAgo) });
            if (a.Outcome is { } outcome)
                recorded += await Send(a.Province, $"appeal/{a.Ref}/decision", new DecideRetailAppeal(a.Ref, outcome)
                    { EffectiveDate = Min(On(a.DaysAgo).AddDays(60), today) });
        }
        return recorded;
    }

    private static RetailCategoryArea[] Areas((string Category, decimal Area)[] categories) => [.. categories.Select(c => new RetailCategoryArea(c.Category, c.Area))];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<int> Send(string province, string step, ProvinceCommand command)
    {
        var key = $"demo/retail/{province}/{step}";
        var outcome = await dispatcher.SendAsync<IProvinceGrain, ProvinceCommand>(province, command, new CommandRequest(Actor.System, Sources.Demo, key, key));
        if (outcome.Refusal is { } refusal) throw new InvalidOperationException($"Demo data was refused ({key}): {refusal.Message}");
        return outcome.Replayed ? 0 : 1;
    }
}
