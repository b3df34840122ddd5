using System.Runtime.InteropServices;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// Each project's location and the figures of the places it makes: <c>municipality:{nis}</c> for each municipality of
/// its location in force, or <c>unlocated:{lead province}</c> while it has none (docs/domain.md, "Figures per
/// municipality"). A project counts whole in each of its municipalities; its figures are its own (every grant and
/// payment, any funder; its outputs), so a relocation moves them whole from the old places to the new.
/// </summary>
internal sealed class PlaceFigures(Func<string, ProjectRecord?> projectOf, Func<string, IReadOnlyDictionary<string, decimal>?> figuresOf)
{
    public const string MunicipalityPrefix = "municipality:";
    public const string UnlocatedPrefix = "unlocated:";

    private static readonly Dictionary<string, string> MunicipalityScopes =
        ReferenceData.Municipalities.ToDictionary(m => m.NisCode, m => MunicipalityPrefix + m.NisCode, StringComparer.Ordinal);

    public static string Municipality(string nis) => MunicipalityScopes.TryGetValue(nis, out var scope) ? scope : MunicipalityPrefix + nis;

    public static string Unlocated(string province) => UnlocatedOf(province)[0];

    // The places of an unlocated project, one array per province (asked for with every event of such a project).
    private static readonly Dictionary<string, string[]> UnlocatedScopes =
        ProvinceSlugs.All.ToDictionary(p => p, p => new[] { UnlocatedPrefix + p }, StringComparer.Ordinal);

    private static string[] UnlocatedOf(string province) => UnlocatedScopes.TryGetValue(province, out var scopes) ? scopes : [UnlocatedPrefix + province];

    public static bool IsPlace(string scope) =>
        scope.StartsWith(MunicipalityPrefix, StringComparison.Ordinal) || scope.StartsWith(UnlocatedPrefix, StringComparison.Ordinal);

    // Every location of a project folded and not retracted, in log order: the newest is in force.
    private readonly Dictionary<string, List<(Guid Id, long Position, string[] Scopes)>> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, decimal>> _totals = new(StringComparer.Ordinal);
    private Dictionary<string, List<(string Stream, ProjectRecord Project)>>? _projects;

    /// <summary>A place's additive figure (granted, paid, outputs.*).</summary>
    public decimal Total(string scope, string measure) => _totals.GetValueOrDefault(scope)?.GetValueOrDefault(measure) ?? 0;

    /// <summary>A place's additive figures.</summary>
    public IReadOnlyDictionary<string, decimal> Totals(string scope) => _totals.GetValueOrDefault(scope) ?? [];

    /// <summary>The projects located in a place (for <c>unlocated:x</c>: those without a location that province leads).</summary>
    public IReadOnlyList<ProjectRecord> ProjectsIn(string scope) => [.. Located(scope).Select(p => p.Project)];

    /// <summary>The projects located in a place, with their streams (in no particular order).</summary>
    public IReadOnlyList<(string Stream, ProjectRecord Project)> Located(string scope)
    {
        if (_projects is null)
        {
            _projects = new Dictionary<string, List<(string, ProjectRecord)>>(StringComparer.Ordinal);
            foreach (var stream in _knownProjects)
                if (projectOf(stream) is { } project)
                    foreach (var place in ScopesOf(stream))
                    {
                        if (!_projects.TryGetValue(place, out var list)) _projects[place] = list = [];
                        list.Add((stream, project));
                    }
        }
        return _projects.GetValueOrDefault(scope) ?? [];
    }

    // Every project stream registered or located so far.
    private readonly HashSet<string> _knownProjects = new(StringComparer.Ordinal);

    /// <summary>The places a project counts in now: its location in force, else its lead province's "zonder locatie"; none before its registration.</summary>
    public string[] ScopesOf(string streamId)
    {
        if (projectOf(streamId) is not { } project) return [];
        return _locations.TryGetValue(streamId, out var located) && located.Count > 0 && located[^1].Scopes.Length > 0
            ? located[^1].Scopes
            : UnlocatedOf(project.Registration.LeadProvince);
    }

    /// <summary>What a project's event adds to one of its own figures, added to each of its places.</summary>
    public void Add(string streamId, string measure, decimal amount)
    {
        foreach (var scope in ScopesOf(streamId)) AddTo(scope, measure, amount);
    }

    public void Located(string streamId, Guid id, long position, string[] municipalities) => Moving(streamId, () =>
    {
        if (!_locations.TryGetValue(streamId, out var list)) _locations[streamId] = list = [];
        string[] scopes = [.. municipalities.Select(n => Municipality(ReferenceData.CurrentMunicipalityOf(n) ?? n)).Distinct(StringComparer.Ordinal)];
        var at = list.FindIndex(l => l.Position > position);
        list.Insert(at < 0 ? list.Count : at, (id, position, scopes));
    });

    public void Unlocate(string streamId, Guid id) => Moving(streamId, () => _locations.GetValueOrDefault(streamId)?.RemoveAll(l => l.Id == id));

    /// <summary>
    /// Runs a change to what decides a project's places (its location, its registration's lead) and moves the project's
    /// figures from the places it counted in to those it counts in now.
    /// </summary>
    public void Moving(string streamId, Action change)
    {
        var before = ScopesOf(streamId);
        change();
        _knownProjects.Add(streamId);
        _projects = null;
        var after = ScopesOf(streamId);
        if (before.SequenceEqual(after, StringComparer.Ordinal) || figuresOf(streamId) is not { } figures) return;
        foreach (var (measure, amount) in figures)
        {
            foreach (var scope in before) AddTo(scope, measure, -amount);
            foreach (var scope in after) AddTo(scope, measure, amount);
        }
    }

    private void AddTo(string scope, string measure, decimal amount)
    {
        if (!_totals.TryGetValue(scope, out var measures)) _totals[scope] = measures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        CollectionsMarshal.GetValueRefOrAddDefault(measures, measure, out _) += amount;
    }
}
