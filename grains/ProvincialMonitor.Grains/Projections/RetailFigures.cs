using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using R = ProvincialMonitor.Contracts.Measures.RetailMeasures;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// What a retail event of a province's stream adds (<see cref="R"/>): to the province, Vlaanderen and the municipality it
/// names (<c>municipality:{nis}</c>, its 2025 code). Older events without kind or categories count in the totals only.
/// </summary>
public static class RetailFigures
{
    /// <summary>The 2025 municipality of a code a record names (a former code: the municipality it merged into), or null.</summary>
    public static string? MunicipalityOf(string? nis) => nis is null ? null : ReferenceData.CurrentMunicipalityOf(nis);

    /// <param name="appeals">Where the stream's appeals were filed (a decision counts there), or null: a decision in its province only.</param>
    public static void Of(IDomainEvent e, string streamId, string province, RetailAppeals? appeals, List<Contribution> into)
    {
        switch (e)
        {
            case RetailPermitAdviceGiven advice:
                var place = MunicipalityOf(advice.Municipality);
                Add(into, province, place, R.Advice, 1);
                Add(into, province, place, R.Of(R.Advice, advice.Advice), 1);
                if (advice.ApplicationKind is { } kind) Add(into, province, place, R.Of(R.AdviceByKind, kind), 1);
                Add(into, province, place, R.AdviceM2, advice.NetRetailAreaM2);
                foreach (var (category, area) in Categories(advice.Categories))
                {
                    Add(into, province, place, R.Of(R.AdviceByCategory, category), 1);
                    Add(into, province, place, R.Of(R.AdviceM2, category), area);
                }
                break;
            case RetailPermitDecided decided:
                var at = MunicipalityOf(decided.Municipality);
                Add(into, province, at, R.Permits, 1);
                Add(into, province, at, R.Of(R.Permits, decided.Decision), 1);
                if (!string.IsNullOrEmpty(decided.ApplicationKind)) Add(into, province, at, R.Of(R.PermitsByKind, decided.ApplicationKind), 1);
                if (!R.Permitting.Contains(decided.Decision)) break;
                Add(into, province, at, R.PermittedM2, decided.NetRetailAreaM2);
                foreach (var (category, area) in Categories(decided.Categories)) Add(into, province, at, R.Of(R.PermittedM2, category), area);
                break;
            case RetailAppealFiled filed:
                appeals?.Filed(streamId, filed);
                Add(into, province, MunicipalityOf(filed.Municipality), R.Appeals, 1);
                break;
            case RetailAppealDecided decision:
                var appealIn = appeals?.DecidedIn(streamId, decision.AppealRef);
                Add(into, province, appealIn, R.AppealsDecided, 1);
                Add(into, province, appealIn, R.Of(R.Appeals, decision.Outcome), 1);
                break;
        }
    }

    // Each category once with its area (a category named twice in an old record: its areas summed).
    private static IEnumerable<(string Category, decimal Area)> Categories(RetailCategoryArea[]? categories) =>
        (categories ?? []).Where(c => !string.IsNullOrEmpty(c.Category))
            .GroupBy(c => c.Category!, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(c => c.AreaM2 ?? 0m)));

    private static void Add(List<Contribution> into, string province, string? municipality, string measure, decimal amount)
    {
        into.Add(new Contribution(Contributions.Province(province), measure, amount));
        into.Add(new Contribution(Contributions.Flanders, measure, amount));
        if (municipality is not null) into.Add(new Contribution(PlaceFigures.Municipality(municipality), measure, amount));
    }
}

/// <summary>
/// Where a model's appeals were filed (as last folded: a corrected appeal's new municipality), and the municipality each
/// decision counted in when first folded, so that its correction or retraction takes back from the same place.
/// </summary>
public sealed class RetailAppeals
{
    private readonly Dictionary<(string Stream, string Appeal), string?> _filed = [];
    private readonly Dictionary<Guid, string?> _decided = [];
    private Guid _source;

    /// <summary>This, for the contributions of the event <paramref name="source"/> (the event amended, for an amendment).</summary>
    public RetailAppeals For(Guid source)
    {
        _source = source;
        return this;
    }

    internal void Filed(string streamId, RetailAppealFiled filed) => _filed[(streamId, filed.AppealRef)] = RetailFigures.MunicipalityOf(filed.Municipality);

    internal string? DecidedIn(string streamId, string appealRef)
    {
        if (!_decided.TryGetValue(_source, out var municipality)) _decided[_source] = municipality = _filed.GetValueOrDefault((streamId, appealRef));
        return municipality;
    }
}
