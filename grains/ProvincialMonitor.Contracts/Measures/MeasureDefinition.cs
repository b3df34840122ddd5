using ProvincialMonitor.Contracts.Events;

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
    /// <summary>
    /// The campaign (<c>campaign:{slug}</c>) whose stream holds the event, or whose market's stream does (the market's
    /// registration names the campaign): its participating provinces together, and each one's part.
    /// </summary>
    Campaign,
    /// <summary>The business park (<c>business-park:{slug}</c>), its municipality, its province and Vlaanderen (docs/domain.md "Business parks").</summary>
    Park,
}

/// <summary>
/// One figure (or a family of figures) of the indicators: its code (a pattern, <c>{name}</c> standing for one segment),
/// its Dutch label and unit, the event types that make it, the events that say whose project it is, the
/// corrections and retractions that amend them, the attribution and the exact filter in words; for a non-additive
/// figure its numerator and denominator; for a figure the map shows per municipality, what a municipality counts
/// (<see cref="Municipality"/>, scope <c>municipality:{nis}</c>, and <c>unlocated:{province}</c> for "zonder locatie"). A correction counts as (new − old) and a retraction as −old, each at the
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
    string? Denominator = null,
    string? Municipality = null)
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
    string Filter, string? Domain, string? Numerator, string? Denominator, string? Municipality = null);

/// <summary>A denominator a figure can be divided by on the comparison, and the events that make it.</summary>
public sealed record MeasurePer(string Code, string Label, string Denominator, IReadOnlyList<Type> Events);
