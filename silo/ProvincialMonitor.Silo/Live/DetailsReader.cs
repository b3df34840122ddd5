using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The project and cluster pages' reads: the aggregate's view record from its grain, its figures, timeline and the cluster list from the projector.</summary>
public sealed class DetailsReader(IGrainFactory grains, Hosting.EventStoreConnector store)
{
    private IIndicatorsGrain Projector => grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ReadModelProjector.Name);

    public async Task<ProjectDetails?> ProjectAsync(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100) return null;
        var view = await grains.GetGrain<IProjectGrain>(id).Read();
        if (view.View is not ProjectView shown) return null;
        var p = await Api.BeneficiaryNames.WithNamesAsync(shown, store.Beneficiaries);
        var timeline = await Catalog.Timeline(id);
        return new ProjectDetails(id, p.Title, p.ExternalRef, p.LeadProvince, p.ParticipatingProvinces, p.Domain, p.Clusters, p.Partners,
            p.PlannedStart, p.PlannedEnd, p.TotalBudget, p.CrossBorderProgramme, p.Status,
            p.Grants.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GrantLine(g.Key, g.Value.Funder, g.Value.Amount, g.Value.Paid,
                g.Value.Recovered, g.Value.Closed, g.Value.Regulation, g.Value.BeneficiaryName, g.Value.CompanyNumber)).ToArray(),
            p.Milestones, p.Outputs.Select(o => new OutputLine(o.Metric, o.Value, o.Period)).ToArray(), view.Version,
            timeline.Select(LogEntries.Of).ToArray()) { CoFinancingRate = p.Programme?.CoFinancingRate };
    }

    /// <summary>Every cluster from the catalog read model, with its figures from the indicators.</summary>
    public async Task<IReadOnlyList<ClusterSummary>> ClustersAsync()
    {
        var clusters = await Catalog.Clusters();
        var summaries = await Task.WhenAll(clusters.Select(c => SummaryAsync(c.Slug, c.Name, c.Sector, c.Kind, c.Province, c.Members.Count)));
        return summaries
            .OrderBy(c => c.Kind == ClusterKinds.Spearhead ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToArray();
    }

    public async Task<ClusterDetails?> ClusterAsync(string slug)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 100) return null;
        var view = await grains.GetGrain<IClusterGrain>(slug).Read();
        if (view.View is not ClusterView c) return null;
        var summary = await SummaryAsync(slug, c.Name, c.Sector, c.Kind, c.Province, c.Members.Count);
        var members = c.Members.Values.OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => new ClusterMemberLine(m.Name, m.Kind)).ToArray();
        return new ClusterDetails(summary, members, c.Fundings.Select(f => new ClusterFundingLine(f.Province, f.Amount, f.Purpose)).ToArray(), view.Version);
    }

    private async Task<ClusterSummary> SummaryAsync(string slug, string name, string sector, string kind, string? province, int members)
    {
        var figures = await Projector.Scope(Contributions.Cluster(slug));
        // The cluster scope's own project count is not per cluster: the project list counts the cluster's projects.
        var projects = await Projector.Projects(new ProjectQuery(Cluster: slug, Take: 1));
        decimal Measure(string code) => figures.Measures.GetValueOrDefault(code);
        var byProvince = ProvinceSlugs.All.ToDictionary(p => p, p => Measure($"cluster-funding.{p}"), StringComparer.Ordinal);
        return new ClusterSummary(slug, name, sector, kind, province, members, Measure("cluster-funding"), byProvince,
            Measure("granted"), Measure("paid"), projects.Total);
    }
}
