using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Contracts;

/// <summary>
/// The ids of the event store's streams, built and parsed here only. They are stored, so they never change: an
/// aggregate's stream is its kind's prefix and its key (<see cref="CommandKind.StreamPrefix"/>), a key of several
/// parts (a market's <c>{campaign}/{id}</c>) joined by dashes; the other streams have one fixed id each.
/// </summary>
public static class StreamIds
{
    public const string ProjectPrefix = "project-";
    public const string ProvincePrefix = "province-";
    public const string ClusterPrefix = "cluster-";
    public const string CampaignPrefix = "campaign-";
    public const string MarketPrefix = "market-";
    public const string RegionPrefix = "region-";
    public const string BusinessParkPrefix = "business-park-";
    public const string BorderPrefix = "border-";

    /// <summary>The one region's key: Flanders' stream is <c>region-vlaanderen</c>.</summary>
    public const string FlandersKey = "vlaanderen";

    /// <summary>The users and API keys (the security grain's one stream).</summary>
    public const string Security = "security";

    /// <summary>Who read what (exports, replays): the audit trail's one stream.</summary>
    public const string AuditTrail = "audit-trail";

    /// <summary>The municipalities as loaded from the reference data.</summary>
    public const string ReferenceMunicipalities = "reference-municipalities";

    /// <summary>The stream of the aggregate <paramref name="key"/> of <paramref name="kind"/>.</summary>
    public static string Of(CommandKind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(key);
        return kind.StreamPrefix + (kind.KeyParameters.Count > 1 ? key.Replace('/', '-') : key);
    }

    public static string Project(string id) => Of(CommandKind.Project, id);

    public static string Province(string slug) => Of(CommandKind.Province, slug);

    public static string Cluster(string slug) => Of(CommandKind.Cluster, slug);

    public static string Campaign(string slug) => Of(CommandKind.Campaign, slug);

    /// <summary>A market's stream from its key <c>{campaign}/{id}</c>: <c>market-{campaign}-{id}</c>.</summary>
    public static string Market(string key) => Of(CommandKind.Market, key);

    public static string Region(string key) => Of(CommandKind.Flanders, key);

    public static string BusinessPark(string slug) => Of(CommandKind.BusinessPark, slug);

    public static string? BusinessParkSlug(string streamId) => After(streamId, BusinessParkPrefix);

    /// <summary>A province's border consultations and GROS obstacles: <c>border-{province}</c>.</summary>
    public static string Border(string province) => Of(CommandKind.Border, province);

    /// <summary>Flanders' stream.</summary>
    public static string Flanders => Region(FlandersKey);

    /// <summary>What follows <paramref name="prefix"/> in the stream id, or null when it does not start with it (or nothing follows).</summary>
    public static string? After(string streamId, string prefix)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        return streamId.Length > prefix.Length && streamId.StartsWith(prefix, StringComparison.Ordinal) ? streamId[prefix.Length..] : null;
    }

    public static bool IsProject(string streamId) => ProjectId(streamId) is not null;

    public static bool IsCluster(string streamId) => ClusterSlug(streamId) is not null;

    public static bool IsRegion(string streamId) => After(streamId, RegionPrefix) is not null;

    public static string? ProjectId(string streamId) => After(streamId, ProjectPrefix);

    public static string? ProvinceSlug(string streamId) => After(streamId, ProvincePrefix);

    public static string? ClusterSlug(string streamId) => After(streamId, ClusterPrefix);

    public static string? CampaignSlug(string streamId) => After(streamId, CampaignPrefix);

    /// <summary>
    /// A market's key <c>{campaign}/{id}</c> from its stream <c>market-{campaign}-{id}</c>: slugs may hold dashes, so the
    /// stream is split after the longest of <paramref name="campaignSlugs"/> it starts with; null when none fits.
    /// </summary>
    public static string? MarketKey(string streamId, IEnumerable<string> campaignSlugs)
    {
        ArgumentNullException.ThrowIfNull(campaignSlugs);
        if (After(streamId, MarketPrefix) is not { } market) return null;
        var slug = campaignSlugs.Where(s => market.Length > s.Length + 1 && market.StartsWith(s + "-", StringComparison.Ordinal))
            .OrderByDescending(s => s.Length).FirstOrDefault();
        return slug is null ? null : slug + "/" + market[(slug.Length + 1)..];
    }

    /// <summary>The aggregate behind a stream, or null for the streams without one (security, reference data, the audit trail).</summary>
    public static (CommandKind Kind, string Key)? Parse(string streamId, IEnumerable<string> campaignSlugs)
    {
        foreach (var kind in CommandKind.All)
        {
            var key = kind == CommandKind.Market ? MarketKey(streamId, campaignSlugs) : After(streamId, kind.StreamPrefix);
            if (key is not null) return (kind, key);
        }
        return null;
    }

    /// <summary>What follows a stream's kind (its first dash); the whole id for a stream without one.</summary>
    public static string KeyPart(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        return streamId[(streamId.IndexOf('-', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>
    /// The prefix that selects the streams of a kind in the log, by the kind's name in the stream ids (<c>project</c>, <c>region</c>,
    /// <c>security</c>, <c>audit-trail</c>): the streams of one fixed id are selected whole.
    /// </summary>
    public static string LogPrefix(string streamKind) => streamKind is Security or AuditTrail ? streamKind : streamKind + "-";
}
