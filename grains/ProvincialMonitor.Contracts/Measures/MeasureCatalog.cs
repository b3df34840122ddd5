using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts.Measures;

/// <summary>How a figure is shown: an amount of money, a count, or a value in the unit its events state.</summary>
public enum MeasureUnit { Money, Count, Value }

/// <summary>Which scopes an event of a figure counts for (docs/measures.md, "Attribution").</summary>
public enum MeasureAttribution
{
    /// <summary>The project's lead province and Vlaanderen; for money also each of the project's clusters and the project itself.</summary>
    LeadProvince,
    /// <summary>The lead province and every participating province; Vlaanderen counts each project once.</summary>
    LeadAndParticipants,
    /// <summary>
    /// The province whose money a grant of the province or the pom is (its granting province; a grant stored without one:
    /// the lead's), on any project; Vlaanderen each such grant once; each of the project's clusters and the project every grant.
    /// </summary>
    GrantingProvince,
    /// <summary>
    /// The lead province, for what others (the Flemish government, the EU, other provinces) put into its projects;
    /// Vlaanderen, for what the Flemish government and the EU put into any project (each grant once).
    /// </summary>
    OtherFunders,
    /// <summary>The province whose stream holds the event, and Vlaanderen.</summary>
    OwnProvince,
    /// <summary>The province the event names (<c>province</c>), Vlaanderen, and the cluster whose stream holds it.</summary>
    NamedProvince,
    /// <summary>The province or region whose stream holds the measurement; never summed across scopes.</summary>
    OwnStream,
}

/// <summary>
/// One figure (or a family of figures) of the indicators: its code (a pattern, <c>{name}</c> standing for one segment),
/// its Dutch label and unit, the event types that make it, the events that say whose project it is, the
/// corrections and retractions that amend them, the attribution and the exact filter in words; for a non-additive
/// figure its numerator and denominator. A correction counts as (new − old) and a retraction as −old, each at the
/// effective date of the event they amend.
/// </summary>
public sealed record MeasureDefinition(
    string Code,
    string Label,
    MeasureUnit Unit,
    IReadOnlyList<Type> Events,
    IReadOnlyList<Type> Context,
    IReadOnlyList<Type> Amendments,
    MeasureAttribution Attribution,
    string Filter,
    string? Domain = null,
    string? Numerator = null,
    string? Denominator = null)
{
    public bool IsAdditive => Denominator is null;

    /// <summary>The current stored names of the events that make the figure, then those of its corrections and retractions (the drill-down's type filter).</summary>
    public IReadOnlyList<string> DrilldownTypes { get; } = [.. Events.Concat(Amendments).Select(EventTypes.NameOf)];

    /// <summary>The values of the placeholders of <see cref="Code"/> in <paramref name="code"/>; null when the code is not of this figure.</summary>
    public IReadOnlyDictionary<string, string>? Match(string code)
    {
        var pattern = Code.Split('.');
        var parts = code.Split('.');
        if (pattern.Length != parts.Length) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] is ['{', .. var name, '}']) values[name] = parts[i];
            else if (!string.Equals(pattern[i], parts[i], StringComparison.Ordinal)) return null;
        }
        return values;
    }
}

/// <summary>A figure of the catalog as the API shows it (<c>GET /api/indicators/measures</c>): stored event type names, not types.</summary>
public sealed record MeasureView(
    string Code, string Label, string Unit, string[] EventTypes, string[] Context, string[] Amendments, string Attribution,
    string Filter, string? Domain, string? Numerator, string? Denominator);

/// <summary>A denominator a figure can be divided by on the comparison, and the events that make it.</summary>
public sealed record MeasurePer(string Code, string Label, string Denominator, IReadOnlyList<Type> Events);

/// <summary>
/// Every figure the indicators show, said once: the projection's contributions, the historical comparison's
/// type filter, the drill-down and the events page, the comparison chart's labels and the API read it from here.
/// </summary>
public static partial class MeasureCatalog
{
    /// <summary>
    /// The scope "Vlaanderen" of the figures: the five provinces together, each project counted once, with the
    /// provinces' summed denominators. Not the Flemish government, which is a funder (<c>funder: flanders</c>) and sets
    /// the region's targets (stream <c>region-vlaanderen</c>).
    /// </summary>
    public const string Flanders = "flanders";

    /// <summary>The figure <paramref name="code"/> belongs to (the first definition that matches it), or null.</summary>
    public static MeasureDefinition? Find(string code) => All.FirstOrDefault(m => m.Match(code) is not null);

    /// <summary>The Dutch label of a figure's code: its own when it has one, else its definition's.</summary>
    public static string LabelOf(string code) =>
        Labelled.GetValueOrDefault(code) ?? Find(code)?.Label ?? code;

    /// <summary>The domain a code filters on: a <c>{domain}</c> segment, or the definition's fixed domain.</summary>
    public static string? DomainOf(string code) =>
        Find(code) is { } m ? m.Match(code)!.GetValueOrDefault("domain") ?? m.Domain : null;

    /// <summary>The province a code names (<c>cluster-funding.{province}</c>), or null.</summary>
    public static string? ProvinceOf(string code) => Find(code)?.Match(code)!.GetValueOrDefault("province");

    /// <summary>How the comparison divides a figure: absolute, per 100,000 inhabitants, per municipality.</summary>
    public static readonly IReadOnlyList<MeasurePer> Pers =
    [
        new("absolute", "Absoluut", "none", []),
        new("capita", "Per 100.000 inwoners",
            "the inhabitants of the newest population year not after the day shown (PopulationRecorded); Vlaanderen: the five provinces' sum",
            [typeof(PopulationRecorded)]),
        new("municipality", "Per gemeente",
            "the municipalities of the boundary version in force on the day shown (MunicipalitiesLoaded), else those the population record names; Vlaanderen: the five provinces' sum",
            [typeof(MunicipalitiesLoaded), typeof(PopulationRecorded)]),
    ];

    /// <summary>
    /// A figure divided as <paramref name="per"/> says (rounded to cents): per 100,000 inhabitants or per municipality;
    /// null without a denominator. Absolute for any other <paramref name="per"/>.
    /// </summary>
    public static decimal? Divide(string per, decimal absolute, Denominators? denominators) => per switch
    {
        "capita" => denominators is { Inhabitants: > 0 } d ? decimal.Round(absolute * 100_000m / d.Inhabitants, 2) : null,
        "municipality" => denominators is { Municipalities: > 0 } d ? decimal.Round(absolute / d.Municipalities, 2) : null,
        _ => absolute,
    };

    /// <summary>The catalog as the API shows it.</summary>
    public static IReadOnlyList<MeasureView> Views => [.. All.Select(m => new MeasureView(
        m.Code, m.Label, m.Unit switch { MeasureUnit.Money => "money", MeasureUnit.Count => "count", _ => "value" }, [.. m.Events.Select(EventTypes.NameOf)], [.. m.Context.Select(EventTypes.NameOf)],
        [.. m.Amendments.Select(EventTypes.NameOf)], m.Attribution.ToString(), m.Filter, m.Domain, m.Numerator, m.Denominator))];

    /// <summary>The figures the comparison chart offers, in order.</summary>
    public static readonly IReadOnlyList<string> Compared = ["granted", "paid", "projects", "outputs.jobs-created", "budget", "cluster-funding"];
}
