using Orleans.Concurrency;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Contracts.Grains;

/// <summary>An aggregate's current state as JSON (camelCase), with its stream version (the ETag).</summary>
[GenerateSerializer, Immutable]
public sealed record AggregateView(
    [property: Id(0)] bool Exists,
    [property: Id(1)] long Version,
    [property: Id(2)] string StateJson);

/// <summary>Every aggregate grain: it decides commands and shows its state.</summary>
public interface IAggregateGrain<in TCommand> : IGrainWithStringKey where TCommand : Command
{
    Task<CommandOutcome> Execute(TCommand command, CommandContext context);

    [AlwaysInterleave]
    Task<AggregateView> View();

    /// <summary>The view record the aggregate's GET answers (Views/Aggregates.cs), with the stream version: read-your-writes.</summary>
    [AlwaysInterleave]
    Task<Views.VersionedView> Read();
}

public interface IProjectGrain : IAggregateGrain<ProjectCommand>;

public interface IClusterGrain : IAggregateGrain<ClusterCommand>;

public interface IProvinceGrain : IAggregateGrain<ProvinceCommand>;

/// <summary>The Flemish region; its only key is <c>vlaanderen</c>.</summary>
public interface IRegionGrain : IAggregateGrain<RegionCommand>;

/// <summary>Who may do what: users and API keys, their roles and scopes. Its only key is <c>security</c>.</summary>
public interface ISecurityGrain : IAggregateGrain<SecurityCommand>
{
    /// <summary>The actor a signed-in user acts as; null if unknown or disabled.</summary>
    [AlwaysInterleave]
    Task<Actor?> ActorFor(string actorId);

    /// <summary>The actor an API key acts as (id <c>key:{keyId}</c>); null if unknown or revoked.</summary>
    [AlwaysInterleave]
    Task<Actor?> ActorForKey(string keyId);

    /// <summary>Every user and key, for listing.</summary>
    [AlwaysInterleave]
    Task<SecurityView> Snapshot();
}

/// <summary>
/// Keeps a project's external reference unique within its lead province: key <c>{province}/{externalRef}</c>.
/// Rebuilt from the log on activation; a claim is held while the registration is decided.
/// </summary>
public interface IExternalRefGrain : IGrainWithStringKey
{
    /// <summary>Claims the reference for the project; returns the project that holds it when that is another one.</summary>
    Task<string?> Claim(string projectId);

    Task Release(string projectId);

    [AlwaysInterleave]
    Task<string?> Owner();
}

/// <summary>
/// The indicators projector (key <c>indicators</c>): folds the log into the read models and serves them.
/// A hosted service on each silo wakes it on new events and pings it every few seconds.
/// </summary>
public interface IIndicatorsGrain : IGrainWithStringKey
{
    /// <summary>Folds what the log has after the checkpoint and saves it; returns the position reached.</summary>
    Task<long> CatchUp();

    /// <summary>
    /// Folds the whole log again into new read models beside the serving ones, which keep answering until the
    /// new ones have caught up and take their place; progress shows as the new models' checkpoints.
    /// </summary>
    [OneWay]
    Task Rebuild();

    [AlwaysInterleave]
    Task<Views.ScopeIndicators> Scope(string scope);

    /// <summary>The silo this projector runs on (its address, host:port), for operators and the fault scenarios.</summary>
    [AlwaysInterleave]
    Task<string> Host();

    [AlwaysInterleave]
    Task<Views.Comparison> Compare(string measure, string per);

    [AlwaysInterleave]
    Task<Views.ProjectPage> Projects(Views.ProjectQuery query);

    /// <summary>One measure for the 285 municipalities and "zonder locatie" per province; null for a measure not counted per municipality.</summary>
    [AlwaysInterleave]
    Task<Views.MunicipalityMap?> Municipalities(string measure);

    /// <summary>A municipality's figures, projects and campaign markets; null for a code that is not a 2025 municipality.</summary>
    [AlwaysInterleave]
    Task<Views.MunicipalityFigures?> Municipality(string nis);
}

/// <summary>A silo's receiver of indicator updates (an Orleans grain observer).</summary>
public interface IIndicatorsObserver : IGrainObserver
{
    void Updated(Views.IndicatorsUpdate update);

    /// <summary>The new figures of the campaigns that changed.</summary>
    void CampaignsUpdated(Views.CampaignFigures[] campaigns);
}

/// <summary>
/// The campaign figures (key <c>indicators</c>: the same activation as <see cref="IIndicatorsGrain"/>, which
/// reads the log once for both): the campaign and market events folded into <see cref="Views.CampaignFigures"/>,
/// saved with their own checkpoint (<c>campaigns</c>); what changed is published to the push registry.
/// </summary>
public interface ICampaignFiguresGrain : IGrainWithStringKey
{
    /// <summary>Folds what the log has after the checkpoint and saves it; returns the position reached.</summary>
    Task<long> CatchUp();

    /// <summary>Forgets the read models and folds the whole log again.</summary>
    [OneWay]
    Task Rebuild();

    /// <summary>The campaign's figures, or null when no campaign has this slug.</summary>
    [AlwaysInterleave]
    Task<Views.CampaignFigures?> Campaign(string slug);

    [AlwaysInterleave]
    Task<Views.CampaignListItem[]> Campaigns();
}

/// <summary>
/// Where the projector sends its updates and the silos register their observers (key <c>push</c>).
/// Observers re-register periodically; one that stops doing so is dropped.
/// </summary>
public interface IPushRegistryGrain : IGrainWithStringKey
{
    Task Register(IIndicatorsObserver observer);

    Task Unregister(IIndicatorsObserver observer);

    [OneWay]
    Task Publish(Views.IndicatorsUpdate update);

    [OneWay]
    Task PublishCampaigns(Views.CampaignFigures[] campaigns);
}

/// <summary>A campaign such as the Maand van de Markt; key: its slug.</summary>
public interface ICampaignGrain : IAggregateGrain<CampaignCommand>;

/// <summary>One market in one campaign, so that markets write in parallel; key: <c>{campaign}/{marketId}</c>.</summary>
public interface IMarketGrain : IAggregateGrain<MarketCommand>;
