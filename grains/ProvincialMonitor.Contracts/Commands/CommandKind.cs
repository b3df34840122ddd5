using ProvincialMonitor.Contracts.Grains;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>Sends a command to a grain with its types known: the command dispatcher.</summary>
public interface ICommandSender<in TRequest>
{
    Task<CommandOutcome> SendAsync<TGrain, TCommand>(string key, TCommand command, TRequest request)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command;
}

/// <summary>
/// A kind of aggregate that commands go to, each declared once: its name (as in the forms, the audit trail and the historical
/// reads), its Dutch name, the prefix of its streams (<see cref="StreamIds"/>), its grain, the route parameters its key is made
/// of, the import columns that name it, and the OpenAPI tag of its routes.
/// </summary>
public abstract class CommandKind
{
    private protected CommandKind(string name, string nameNl, string streamPrefix, string tag, string[] keyParameters, string[] referenceColumns,
        string referenceNl)
    {
        Name = name;
        NameNl = nameNl;
        StreamPrefix = streamPrefix;
        Tag = tag;
        KeyParameters = keyParameters;
        ReferenceColumns = referenceColumns;
        ReferenceNl = referenceNl;
    }

    public string Name { get; }

    public string NameNl { get; }

    /// <summary>What the ids of this kind's streams start with (stored: it never changes).</summary>
    public string StreamPrefix { get; }

    public string Tag { get; }

    /// <summary>The route parameters whose values, joined by <c>/</c>, are the grain key (none: the one key <see cref="FlandersKey"/>).</summary>
    public IReadOnlyList<string> KeyParameters { get; }

    /// <summary>The columns of an import row that name the aggregate.</summary>
    public IReadOnlyList<string> ReferenceColumns { get; }

    /// <summary>How the upload page tells which columns name the aggregate.</summary>
    public string ReferenceNl { get; }

    public abstract Type Grain { get; }

    public abstract Type CommandBase { get; }

    public const string FlandersKey = StreamIds.FlandersKey;

    /// <summary>The grain key from the route's values.</summary>
    public string KeyOf(Func<string, string> routeValue) =>
        KeyParameters.Count == 0 ? FlandersKey : string.Join('/', KeyParameters.Select(routeValue));

    /// <summary>The stream of the aggregate <paramref name="key"/> of this kind.</summary>
    public string StreamIdOf(string key) => StreamIds.Of(this, key);

    /// <summary>Sends <paramref name="command"/> (one of <see cref="CommandBase"/>) to the grain <paramref name="key"/> of this kind.</summary>
    public abstract Task<CommandOutcome> SendAsync<TRequest>(ICommandSender<TRequest> sender, string key, Command command, TRequest request);

    public static readonly CommandKind Project = new Of<IProjectGrain, ProjectCommand>("project", "Project", StreamIds.ProjectPrefix, "Projects", ["id"],
        ["projectId", "leadProvince", "externalRef"], "leadProvince + externalRef, of projectId");
    public static readonly CommandKind Province = new Of<IProvinceGrain, ProvinceCommand>("province", "Provincie", StreamIds.ProvincePrefix, "Provinces",
        ["slug"], ["province"], "province");
    public static readonly CommandKind Cluster = new Of<IClusterGrain, ClusterCommand>("cluster", "Cluster", StreamIds.ClusterPrefix, "Clusters",
        ["slug"], ["cluster"], "cluster");
    public static readonly CommandKind Campaign = new Of<ICampaignGrain, CampaignCommand>("campaign", "Campagne", StreamIds.CampaignPrefix, "Campaigns",
        ["slug"], ["campaign"], "campaign");
    public static readonly CommandKind Market = new Of<IMarketGrain, MarketCommand>("market", "Markt", StreamIds.MarketPrefix, "Campaigns",
        ["slug", "id"], ["campaign", "market"], "campaign + market");
    public static readonly CommandKind Flanders = new Of<IRegionGrain, RegionCommand>("flanders", "Vlaanderen", StreamIds.RegionPrefix, "Flanders",
        [], [], "—");
    public static readonly CommandKind BusinessPark = new Of<IBusinessParkGrain, BusinessParkCommand>("business-park", "Bedrijventerrein",
        StreamIds.BusinessParkPrefix, "Business parks", ["slug"], ["businessPark"], "businessPark");
    public static readonly CommandKind Border = new Of<IBorderGrain, BorderCommand>("border", "Grensoverleg en grensobstakels",
        StreamIds.BorderPrefix, "Border", ["slug"], ["province"], "province");

    /// <summary>Every kind, in the order the pages list them.</summary>
    public static IReadOnlyList<CommandKind> All { get; } = [Project, Province, Cluster, Campaign, Market, Flanders, BusinessPark, Border];

    /// <summary>The kind of this name, or null.</summary>
    public static CommandKind? Named(string? name) => All.FirstOrDefault(k => k.Name == name);

    private sealed class Of<TGrain, TCommand>(string name, string nameNl, string streamPrefix, string tag, string[] keyParameters,
        string[] referenceColumns, string referenceNl)
        : CommandKind(name, nameNl, streamPrefix, tag, keyParameters, referenceColumns, referenceNl)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        public override Type Grain => typeof(TGrain);

        public override Type CommandBase => typeof(TCommand);

        public override Task<CommandOutcome> SendAsync<TRequest>(ICommandSender<TRequest> sender, string key, Command command, TRequest request) =>
            sender.SendAsync<TGrain, TCommand>(key, (TCommand)command, request);
    }
}
