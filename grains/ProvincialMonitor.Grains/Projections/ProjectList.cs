using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>The project list of the <see cref="IndicatorsModel"/>: filtered by province (lead or participant), domain, status, cluster and text; sorted; paged.</summary>
public static class ProjectList
{
    public static readonly string[] Sorts = ["title", "granted", "paid", "province", "status"];

    public static ProjectPage Page(IndicatorsModel model, ProjectQuery query)
    {
        var matches = model.ProjectRecords.Select(p => Summary(model, p.Key, p.Value)).Where(p =>
                (query.Province is null || p.LeadProvince == query.Province || p.ParticipatingProvinces.Contains(query.Province))
                && (query.Domain is null || p.Domain == query.Domain)
                && (query.Status is null || p.Status == query.Status)
                && (query.Cluster is null || p.Clusters.Contains(query.Cluster))
                && (string.IsNullOrWhiteSpace(query.Text)
                    || p.Title.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                    || (p.ExternalRef?.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ?? false)))
            .ToList();
        IEnumerable<ProjectSummary> sorted = query.Sort switch
        {
            "granted" => matches.OrderByDescending(p => p.Granted).ThenBy(p => p.Title, StringComparer.CurrentCulture),
            "paid" => matches.OrderByDescending(p => p.Paid).ThenBy(p => p.Title, StringComparer.CurrentCulture),
            "province" => matches.OrderBy(p => p.LeadProvince, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.CurrentCulture),
            "status" => matches.OrderBy(p => p.Status, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.CurrentCulture),
            _ => matches.OrderBy(p => p.Title, StringComparer.CurrentCulture),
        };
        return new ProjectPage(sorted.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToArray(), matches.Count, model.Position);
    }

    private static ProjectSummary Summary(IndicatorsModel model, string streamId, ProjectRecord p)
    {
        var money = model.Totals.GetValueOrDefault(Contributions.Project(streamId));
        var r = p.Registration;
        return new ProjectSummary(StreamIds.ProjectId(streamId)!, r.Title, r.ExternalRef, r.LeadProvince, r.ParticipatingProvinces, r.Domain, r.Clusters,
            p.Status, money?.GetValueOrDefault("granted") ?? 0, money?.GetValueOrDefault("paid") ?? 0)
            { Programme = ProjectProgrammes.Of(r.CrossBorderProgramme, r.CoFinancingRate) };
    }
}
