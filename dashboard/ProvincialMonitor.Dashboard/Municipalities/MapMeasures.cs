using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Campaigns;

namespace ProvincialMonitor.Dashboard.Municipalities;

/// <summary>A measure the map offers: its code, the Dutch label of the picker and legend, and its unit.</summary>
public sealed record MapMeasure(string Code, string Label, MeasureUnit Unit)
{
    /// <summary>A campaign figure (entries, markets per municipality): read from the campaign, live only.</summary>
    public bool IsCampaign => Code.StartsWith("campaign.", StringComparison.Ordinal);
}

/// <summary>The measures the map offers and how their values per municipality and per province are read.</summary>
public static class MapMeasures
{
    /// <summary>The measures counted per municipality that the map offers, in order; labels and units from the catalog.</summary>
    public static readonly IReadOnlyList<string> Codes =
        ["granted", "paid", "projects", "outputs.jobs-created", .. BusinessParkMeasures.All.Select(m => m.Code), .. RetailMeasures.Compared];

    /// <summary>The campaign figures the map offers while a campaign runs (counted per municipality by the campaign).</summary>
    public static readonly IReadOnlyList<string> CampaignCodes = ["campaign.entries", "campaign.markets"];

    public static IReadOnlyList<MapMeasure> Regular { get; } =
        [.. Codes.Where(MeasureCatalog.CountsPerMunicipality).Select(c => new MapMeasure(c, MeasureCatalog.LabelOf(c), MeasureCatalog.Find(c)!.Unit))];

    /// <summary>The regular measures, and the campaign's figures when one runs (named after the campaign).</summary>
    public static IReadOnlyList<MapMeasure> Options(CampaignFigures? running) =>
        running is null ? Regular
        : [.. Regular, .. CampaignCodes.Select(c => new MapMeasure(c, $"{MeasureCatalog.LabelOf(c)} ({running.Name})", MeasureUnit.Count))];

    /// <summary>The campaign that runs today (not closed, today in its period), else null.</summary>
    public static CampaignListItem? Running(IReadOnlyList<CampaignListItem> campaigns, DateOnly today) =>
        CampaignView.Newest(campaigns).FirstOrDefault(c => !c.Closed && c.PeriodStart <= today && today <= c.PeriodEnd);

    /// <summary>The municipalities' values of a map read from the figures (the "zonder locatie" rows left out).</summary>
    public static Dictionary<string, decimal?> ByMunicipality(MunicipalityMap map) =>
        map.Rows.Where(r => r.Nis is not null).ToDictionary(r => r.Nis!, r => (decimal?)r.Value, StringComparer.Ordinal);

    /// <summary>A campaign figure per municipality, from the campaign's rows of joined municipalities.</summary>
    public static Dictionary<string, decimal?> ByMunicipality(CampaignFigures campaign, string code) =>
        campaign.Municipalities.ToDictionary(m => m.NisCode, m => (decimal?)(code == "campaign.markets" ? m.Markets : m.Entries), StringComparer.Ordinal);

    /// <summary>Each province's own figure (not the sum of its municipalities) from the comparison's scopes.</summary>
    public static Dictionary<string, decimal?> ByProvince(IEnumerable<ScopeIndicators> scopes, string code) =>
        scopes.Where(s => s.Scope.StartsWith("province:", StringComparison.Ordinal))
            .ToDictionary(s => s.Scope["province:".Length..], s => (decimal?)s.Measures.GetValueOrDefault(code), StringComparer.Ordinal);

    /// <summary>A campaign figure per participating province, as the campaign's province scopes count it.</summary>
    public static Dictionary<string, decimal?> ByProvince(CampaignFigures campaign, string code) =>
        campaign.Scopes.Where(s => s.Scope.StartsWith("province:", StringComparison.Ordinal))
            .ToDictionary(s => CampaignView.Slug(s.Scope), s => (decimal?)(code == "campaign.markets" ? s.Markets : s.EntriesTotal), StringComparer.Ordinal);

    /// <summary>The "zonder locatie" rows of a map, of one province or of all five.</summary>
    public static IReadOnlyList<MunicipalityRow> Unlocated(MunicipalityMap map, string? province) =>
        [.. map.Rows.Where(r => r.Nis is null && (province is null || r.Province == province))];
}
