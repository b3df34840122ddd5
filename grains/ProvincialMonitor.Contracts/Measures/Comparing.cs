using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts.Measures;

/// <summary>
/// The comparison's arithmetic, said once for the API and the dashboard: one scope's value of a measure (a ratio of two
/// figures, or a figure divided as asked) and the provinces' ranks (docs/domain.md "Indicators").
/// </summary>
public static class Comparing
{
    /// <summary>The mean days from a grant's decision to its first payment: the one figure where fewer ranks first.</summary>
    public const string PaymentDelay = "days-to-first-payment";

    /// <summary>What the ranking says instead of ranks when every province's value is zero.</summary>
    public const string NoRanking = "geen rangschikking: alle waarden 0";

    /// <summary>
    /// Inhabitants per unit of a per-inhabitant figure: money in euro per inhabitant; counts and values per 100,000
    /// inhabitants (a count per inhabitant would round to zero).
    /// </summary>
    public static decimal CapitaScale(string measure) => MeasureCatalog.Find(measure)?.Unit == MeasureUnit.Money ? 1m : 100_000m;

    /// <summary>The Dutch name of the per-inhabitant unit of a measure.</summary>
    public static string CapitaLabel(string measure) => CapitaScale(measure) == 1m ? "€ per inwoner" : "per 100.000 inwoners";

    /// <summary>The date the population of a per-inhabitant figure counts, in Dutch ("inwoners op 1 januari 2024").</summary>
    public static string PopulationDate(params IEnumerable<int> referenceYears) =>
        $"inwoners op 1 januari {string.Join(", ", referenceYears.Distinct().Order())}";

    /// <summary>The figures a ratio measure divides (its catalog numerator and denominator), or null for any other measure.</summary>
    public static (string Numerator, string Denominator)? RatioOf(string measure) =>
        MeasureCatalog.Find(measure) is { Numerator: { } n, Denominator: { } d } && MeasureCatalog.Find(n) is not null && MeasureCatalog.Find(d) is not null
            ? (n, d) : null;

    /// <summary>Whether a measure is divided per inhabitant or municipality: an additive figure, not a ratio or a mean.</summary>
    public static bool Divides(string measure) => MeasureCatalog.Find(measure) is not { IsAdditive: false };

    /// <summary>
    /// A scope's value of <paramref name="measure"/>: a ratio's numerator over its denominator (rounded to cents, null
    /// without a denominator), another non-additive figure as the scope has it (null without one), neither divided again;
    /// else the figure divided as <paramref name="per"/> says.
    /// </summary>
    public static decimal? Value(string measure, string per, IReadOnlyDictionary<string, decimal> figures, Denominators? denominators)
    {
        if (RatioOf(measure) is var (numerator, denominator))
            return figures.GetValueOrDefault(denominator) is var below and not 0m ? decimal.Round(figures.GetValueOrDefault(numerator) / below, 2) : null;
        if (!Divides(measure)) return figures.TryGetValue(measure, out var value) ? value : null;
        return Divide(measure, per, figures.GetValueOrDefault(measure), denominators);
    }

    /// <summary>
    /// A figure divided as <paramref name="per"/> says, rounded to cents: per inhabitant (<see cref="CapitaScale"/>) or per
    /// municipality; null without a denominator. Absolute for any other <paramref name="per"/>.
    /// </summary>
    public static decimal? Divide(string measure, string per, decimal absolute, Denominators? denominators) => per switch
    {
        "capita" => denominators is { Inhabitants: > 0 } d ? decimal.Round(absolute * CapitaScale(measure) / d.Inhabitants, 2) : null,
        "municipality" => denominators is { Municipalities: > 0 } d ? decimal.Round(absolute / d.Municipalities, 2) : null,
        _ => absolute,
    };

    /// <summary>Whether the provinces' values are all zero (some have a value, none other than 0): then none is ranked.</summary>
    public static bool AllZero(IReadOnlyList<decimal?> values) => values.Any(v => v is not null) && values.All(v => v is null or 0m);

    /// <summary>
    /// Competition ranks, highest first (<paramref name="fewestFirst"/>: lowest first): equal values share a rank and the
    /// next rank skips (1, 2, 2, 4); a value that is null has none; when every value is zero (or none has a value) nothing is ranked.
    /// </summary>
    public static int?[] Ranks(IReadOnlyList<decimal?> values, bool fewestFirst = false)
    {
        if (values.All(v => v is null or 0m)) return new int?[values.Count];
        return [.. values.Select(v => v is { } value ? values.Count(other => fewestFirst ? other < value : other > value) + 1 : (int?)null)];
    }

    /// <summary>The ranks of one measure's values: fewer days to a first payment rank first, any other figure highest first.</summary>
    public static int?[] Ranks(string measure, IReadOnlyList<decimal?> values) => Ranks(values, measure == PaymentDelay);
}
