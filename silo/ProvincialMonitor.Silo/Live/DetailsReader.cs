using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The project and cluster pages' reads: the aggregate's state from its grain, its figures from the projector.</summary>
public sealed class DetailsReader(IGrainFactory grains, IEventStore store)
{
    private IIndicatorsGrain Projector => grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public async Task<ProjectDetails?> ProjectAsync(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100) return null;
        var view = await grains.GetGrain<IProjectGrain>(id).View();
        if (!view.Exists || JsonSerializer.Deserialize<ProjectState>(view.StateJson, StateJson) is not { } p) return null;
        var stream = await store.ReadStreamAsync(ProjectDecider.StreamId(id));
        return new ProjectDetails(id, p.Title, p.ExternalRef, p.LeadProvince, p.ParticipatingProvinces, p.Domain, p.Clusters, p.Partners,
            p.PlannedStart, p.PlannedEnd, p.TotalBudget, p.CrossBorderProgramme, p.Status,
            p.Grants.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GrantLine(g.Key, g.Value.Funder, g.Value.Amount, g.Value.Paid)).ToArray(),
            p.Milestones, p.Outputs.Select(o => new OutputLine(o.Metric, o.Value, o.Period)).ToArray(), view.Version,
            stream.Select(LogEntries.Of).ToArray());
    }

    public async Task<IReadOnlyList<ClusterSummary>> ClustersAsync()
    {
        var slugs = new List<string>();
        var query = new LogQuery { EventTypes = [EventTypes.NameOf(typeof(ClusterRegistered))], Limit = 1000 };
        while (true)
        {
            var page = await store.QueryAsync(query);
            slugs.AddRange(page.Events.Select(e => StreamIds.ClusterSlug(e.StreamId)!));
            if (page.NextPosition is not { } next) break;
            query = query with { AfterPosition = next };
        }
        var clusters = await Task.WhenAll(slugs.Distinct(StringComparer.Ordinal).Select(ClusterAsync));
        return clusters.OfType<ClusterDetails>().Select(c => c.Summary)
            .OrderBy(c => c.Kind == ClusterKinds.Spearhead ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToArray();
    }

    public async Task<ClusterDetails?> ClusterAsync(string slug)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 100) return null;
        var view = await grains.GetGrain<IClusterGrain>(slug).View();
        if (!view.Exists || JsonSerializer.Deserialize<ClusterState>(view.StateJson, StateJson) is not { } c) return null;
        var figures = await Projector.Scope(Contributions.Cluster(slug));
        // The cluster scope's own project count is not per cluster: the project list counts the cluster's projects.
        var projects = await Projector.Projects(new ProjectQuery(Cluster: slug, Take: 1));
        decimal Measure(string code) => figures.Measures.GetValueOrDefault(code);
        var byProvince = ProvinceSlugs.All.ToDictionary(p => p, p => Measure($"cluster-funding.{p}"), StringComparer.Ordinal);
        var summary = new ClusterSummary(slug, c.Name, c.Sector, c.Kind, c.Province, c.Members.Count, Measure("cluster-funding"), byProvince,
            Measure("granted"), Measure("paid"), projects.Total);
        var members = c.Members.Values.OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => new ClusterMemberLine(m.Name, m.Kind)).ToArray();
        return new ClusterDetails(summary, members, c.Fundings.Select(f => new ClusterFundingLine(f.Province, f.Amount, f.Purpose)).ToArray(), view.Version);
    }
}
