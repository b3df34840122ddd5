using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projects;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// What a row acts on: a project (by <c>projectId</c> or <c>leadProvince</c> + <c>externalRef</c>), a new project, a province,
/// a cluster, a new cluster or campaign (named by its <c>slug</c> field), a campaign (<c>campaign</c>), a market of a campaign
/// (<c>campaign</c> + <c>market</c>), Flanders.
/// </summary>
public enum ImportTarget
{
    NewProject,
    Project,
    Province,
    Cluster,
    Flanders,
    NewCluster,
    NewCampaign,
    Campaign,
    Market,
}

/// <summary>
/// One action a CSV row may hold: its name in the <c>action</c> column, the command it becomes (the fields are
/// the command's JSON names), what it acts on, and how it is sent (through the API's dispatcher) or decided in a dry run.
/// </summary>
public sealed class ImportAction
{
    private ImportAction(string name, ImportTarget target, Type commandType, string route,
        Func<CommandDispatcher, string, Command, CommandRequest, Task<CommandOutcome>> send,
        Func<DryRun, string, Command, CommandContext, Task<DryRun.Result>> decide)
    {
        Name = name;
        Target = target;
        CommandType = commandType;
        Route = route;
        Send = send;
        Decide = decide;
        Fields = FieldsOf(commandType);
        NumberKinds = commandType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), Kind: NumberKind.Of(p)))
            .Where(p => p.Kind is not null)
            .ToDictionary(p => p.Name, p => p.Kind!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The second step of an action that also touches other streams, as its API route does it (a market that joined gets its
    /// own stream opened; a closed campaign closes its markets): run after the row was stored or replayed, with the row's request.
    /// </summary>
    public Func<CommandDispatcher, IGrainFactory, string, Command, CommandRequest, Task<Refusal?>>? After { get; private set; }

    /// <summary>The same second step in a dry run, decided in memory after the row was accepted.</summary>
    public Func<DryRun, string, Command, CommandContext, Task<Refusal?>>? DecideAfter { get; private set; }

    private ImportAction Then(Func<CommandDispatcher, IGrainFactory, string, Command, CommandRequest, Task<Refusal?>> after,
        Func<DryRun, string, Command, CommandContext, Task<Refusal?>> decideAfter)
    {
        After = after;
        DecideAfter = decideAfter;
        return this;
    }

    /// <summary>The columns of a correction's one change (instead of the command's <c>changes</c> list).</summary>
    public const string CorrectionFieldColumn = "field";
    public const string CorrectionValueColumn = "newValue";

    public string Name { get; }
    public ImportTarget Target { get; }
    public Type CommandType { get; }

    /// <summary>The API route the action corresponds to (for the README and messages).</summary>
    public string Route { get; }

    /// <summary>The command's fields by JSON name, with their types.</summary>
    public IReadOnlyDictionary<string, Type> Fields { get; }

    /// <summary>The kind of each number field (money, a whole number, a measure), by JSON name.</summary>
    public IReadOnlyDictionary<string, NumberKind> NumberKinds { get; }

    public Func<CommandDispatcher, string, Command, CommandRequest, Task<CommandOutcome>> Send { get; }
    public Func<DryRun, string, Command, CommandContext, Task<DryRun.Result>> Decide { get; }

    /// <summary>The columns that name what the row acts on (not fields of the command).</summary>
    public IReadOnlyList<string> ReferenceColumns => Target switch
    {
        ImportTarget.Project => ["projectId", "leadProvince", "externalRef"],
        ImportTarget.Province => ["province"],
        ImportTarget.Cluster => ["cluster"],
        ImportTarget.Campaign => ["campaign"],
        ImportTarget.Market => ["campaign", "market"],
        _ => [],
    };

    public const string ActionColumn = "action";
    public const string IdempotencyKeyColumn = "idempotencyKey";

    /// <summary>Every action an import supports, by name.</summary>
    public static IReadOnlyDictionary<string, ImportAction> All { get; } = new[]
    {
        Project<RegisterProject>("register-project", "POST /api/projects", ImportTarget.NewProject),
        Project<GrantSubsidy>("grant-subsidy", "POST /api/projects/{id}/subsidies"),
        Project<PaySubsidy>("pay-subsidy", "POST /api/projects/{id}/payments"),
        Project<ReportOutput>("report-output", "POST /api/projects/{id}/outputs"),
        Project<AddPartner>("add-partner", "POST /api/projects/{id}/partners"),
        Project<ReachMilestone>("reach-milestone", "POST /api/projects/{id}/milestones"),
        Project<ChangeProjectStatus>("change-status", "POST /api/projects/{id}/status"),
        Province<TakeDecision>("take-decision", "POST /api/provinces/{slug}/decisions"),
        Province<AllocateBudget>("allocate-budget", "POST /api/provinces/{slug}/budgets"),
        Province<SetTarget>("set-target", "POST /api/provinces/{slug}/targets"),
        Province<MeasureIndicator>("measure-indicator", "POST /api/provinces/{slug}/indicators"),
        Province<RecordPopulation>("record-population", "POST /api/provinces/{slug}/population"),
        Province<GiveRetailPermitAdvice>("give-retail-advice", "POST /api/provinces/{slug}/retail-advice"),
        Province<FileRetailAppeal>("file-retail-appeal", "POST /api/provinces/{slug}/retail-appeals"),
        Province<DecideRetailAppeal>("decide-retail-appeal", "POST /api/provinces/{slug}/retail-appeals/{appealRef}/decision"),
        Cluster<AddClusterMember>("add-cluster-member", "POST /api/clusters/{slug}/members"),
        Cluster<RemoveClusterMember>("remove-cluster-member", "POST /api/clusters/{slug}/members/{member}/leave"),
        Cluster<GrantClusterFunding>("grant-cluster-funding", "POST /api/clusters/{slug}/funding"),
        Flanders<SetRegionTarget>("set-flanders-target", "POST /api/flanders/targets"),
        Flanders<MeasureRegionIndicator>("measure-flanders-indicator", "POST /api/flanders/indicators"),
        Cluster<RegisterCluster>("register-cluster", "POST /api/clusters", ImportTarget.NewCluster),
        Campaign<LaunchCampaign>("launch-campaign", "POST /api/campaigns", ImportTarget.NewCampaign),
        Campaign<JoinMunicipality>("join-municipality", "POST /api/campaigns/{slug}/municipalities"),
        Campaign<JoinMarket>("join-market", "POST /api/campaigns/{slug}/markets").Then(
            (d, grains, key, c, r) => CampaignSteps.OpenMarketAsync(d, grains, key, (JoinMarket)c, r.Actor, r.Source, r.IdempotencyKey),
            OpenMarketInDryRunAsync),
        Campaign<HoldCampaignAction>("hold-campaign-action", "POST /api/campaigns/{slug}/actions"),
        Campaign<CloseCampaign>("close-campaign", "POST /api/campaigns/{slug}/close").Then(
            (d, grains, key, _, r) => CampaignSteps.CloseMarketsAsync(d, grains, key, r.Actor, r.Source),
            CloseMarketsInDryRunAsync),
        Market<HoldMarketDay>("hold-market-day", "POST /api/campaigns/{slug}/markets/{id}/days"),
        Market<RegisterEntries>("register-entries", "POST /api/campaigns/{slug}/markets/{id}/entries"),
        Project<CorrectProject>("correct-project", "POST /api/projects/{id}/corrections"),
        Project<RetractProjectEvent>("retract-project-event", "POST /api/projects/{id}/retractions"),
        Province<CorrectProvince>("correct-province", "POST /api/provinces/{slug}/corrections"),
        Province<RetractProvinceEvent>("retract-province-event", "POST /api/provinces/{slug}/retractions"),
        Cluster<CorrectCluster>("correct-cluster", "POST /api/clusters/{slug}/corrections"),
        Cluster<RetractClusterEvent>("retract-cluster-event", "POST /api/clusters/{slug}/retractions"),
        Campaign<CorrectCampaign>("correct-campaign", "POST /api/campaigns/{slug}/corrections"),
        Campaign<RetractCampaignEvent>("retract-campaign-event", "POST /api/campaigns/{slug}/retractions"),
        Market<CorrectMarket>("correct-market", "POST /api/campaigns/{slug}/markets/{id}/corrections"),
        Market<RetractMarketEvent>("retract-market-event", "POST /api/campaigns/{slug}/markets/{id}/retractions"),
        Flanders<CorrectRegion>("correct-flanders", "POST /api/flanders/corrections"),
        Flanders<RetractRegionEvent>("retract-flanders-event", "POST /api/flanders/retractions"),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Every column a file may have: action, idempotencyKey, the reference columns and the union of the fields.</summary>
    public static IReadOnlySet<string> KnownColumns { get; } = All.Values
        .SelectMany(a => a.Fields.Keys.Concat(a.ReferenceColumns))
        .Append(ActionColumn).Append(IdempotencyKeyColumn)
        .ToHashSet(StringComparer.Ordinal);

    private static ImportAction Project<T>(string name, string route, ImportTarget target = ImportTarget.Project) where T : ProjectCommand =>
        new(name, target, typeof(T), route,
            (d, key, c, r) => d.SendAsync<IProjectGrain, T>(key, (T)c, r),
            (run, key, c, ctx) => run.DecideAsync<ProjectState, ProjectCommand, ProjectDecider>("project", key, c, ctx, typeof(T)));

    private static ImportAction Province<T>(string name, string route) where T : ProvinceCommand =>
        new(name, ImportTarget.Province, typeof(T), route,
            (d, key, c, r) => d.SendAsync<IProvinceGrain, T>(key, (T)c, r),
            (run, key, c, ctx) => run.DecideAsync<ProvinceState, ProvinceCommand, ProvinceDecider>("province", key, c, ctx, typeof(T)));

    private static ImportAction Cluster<T>(string name, string route, ImportTarget target = ImportTarget.Cluster) where T : ClusterCommand =>
        new(name, target, typeof(T), route,
            (d, key, c, r) => d.SendAsync<IClusterGrain, T>(key, (T)c, r),
            (run, key, c, ctx) => run.DecideAsync<ClusterState, ClusterCommand, ClusterDecider>("cluster", key, c, ctx, typeof(T)));

    private static ImportAction Flanders<T>(string name, string route) where T : RegionCommand =>
        new(name, ImportTarget.Flanders, typeof(T), route,
            (d, key, c, r) => d.SendAsync<IRegionGrain, T>(key, (T)c, r),
            (run, key, c, ctx) => run.DecideAsync<RegionState, RegionCommand, RegionDecider>("flanders", key, c, ctx, typeof(T)));

    private static ImportAction Campaign<T>(string name, string route, ImportTarget target = ImportTarget.Campaign) where T : CampaignCommand =>
        new(name, target, typeof(T), route,
            (d, key, c, r) => d.SendAsync<ICampaignGrain, T>(key, (T)c, r),
            (run, key, c, ctx) => run.DecideAsync<CampaignState, CampaignCommand, CampaignDecider>("campaign", key, c, ctx, typeof(T)));

    private static ImportAction Market<T>(string name, string route) where T : MarketCommand =>
        new(name, ImportTarget.Market, typeof(T), route,
            (d, key, c, r) => d.SendAsync<IMarketGrain, T>(key, (T)c, r),
            (run, key, c, ctx) => run.DecideAsync<MarketState, MarketCommand, MarketDecider>("market", key, c, ctx, typeof(T)));

    /// <summary>In a dry run, the market that joined is registered on its own stream as <see cref="CampaignSteps.OpenMarketAsync"/> does, so later rows on it are decided.</summary>
    private static async Task<Refusal?> OpenMarketInDryRunAsync(DryRun run, string campaign, Command command, CommandContext context)
    {
        var joined = (JoinMarket)command;
        if (run.StateOf<CampaignState>("campaign", campaign) is not { } state || ReferenceData.FindMunicipality(joined.Municipality!) is not { } municipality)
            return null;
        var register = new RegisterMarketInCampaign(campaign, joined.MarketId, municipality.NisCode, municipality.ProvinceSlug, joined.Weekday,
            state.PeriodStart, state.PeriodEnd);
        var opened = await run.DecideAsync<MarketState, MarketCommand, MarketDecider>("market", MarketState.KeyOf(campaign, joined.MarketId!), register, context,
            typeof(RegisterMarketInCampaign));
        return opened.Refusal is { Kind: not RefusalKind.Conflict } refusal ? refusal : null;
    }

    /// <summary>In a dry run, each market of the closed campaign is closed as <see cref="CampaignSteps.CloseMarketsAsync"/> does.</summary>
    private static async Task<Refusal?> CloseMarketsInDryRunAsync(DryRun run, string campaign, Command command, CommandContext context)
    {
        if (run.StateOf<CampaignState>("campaign", campaign) is not { } state) return null;
        foreach (var market in state.Markets.Keys)
        {
            var closed = await run.DecideAsync<MarketState, MarketCommand, MarketDecider>("market", MarketState.KeyOf(campaign, market), new CloseMarket("campaign closed"),
                context, typeof(CloseMarket));
            if (closed.Refusal is { Kind: not RefusalKind.Conflict } refusal) return refusal;
        }
        return null;
    }

    private static Dictionary<string, Type> FieldsOf(Type commandType)
    {
        var fields = commandType
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name != "EqualityContract")
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.Ordinal);
        // A correction row holds one change: the field and its new value in two columns, not a list.
        if (typeof(ICorrectionCommand).IsAssignableFrom(commandType) && fields.Remove("changes"))
        {
            fields[CorrectionFieldColumn] = typeof(CorrectionFieldMarker);
            fields[CorrectionValueColumn] = typeof(CorrectionValueMarker);
        }
        return fields;
    }

    /// <summary>The types of the two correction columns (they become the command's <c>changes</c>).</summary>
    internal sealed class CorrectionFieldMarker;

    internal sealed class CorrectionValueMarker;
}

/// <summary>A row turned into a command, or the reasons it cannot be.</summary>
public sealed record ParsedRow(
    int Line,
    string ActionName,
    ImportAction? Action,
    Command? Command,
    string? ProjectId,
    string? ReferenceProvince,
    string? ExternalRef,
    string? Province,
    string? Cluster,
    string? Campaign,
    string? Market,
    string? IdempotencyKey,
    string RequestHash,
    IReadOnlyList<FieldError> Errors)
{
    public bool Valid => Errors.Count == 0;

    /// <summary>The aggregate the row acts on, as far as known without state; rows on one aggregate are applied one after the other.</summary>
    public string Partition => Action?.Target switch
    {
        ImportTarget.NewProject or ImportTarget.Project when ExternalRef is not null && ReferenceProvince is not null => $"ref:{ReferenceProvince}/{ExternalRef}",
        ImportTarget.Project => $"project:{ProjectId}",
        ImportTarget.NewProject => $"new:{Line}",
        ImportTarget.Province => $"province:{Province}",
        ImportTarget.Cluster or ImportTarget.NewCluster => $"cluster:{Cluster}",
        // A market's rows follow its campaign's: a market joins on the campaign before it records days and entries.
        ImportTarget.Campaign or ImportTarget.NewCampaign or ImportTarget.Market => $"campaign:{Campaign}",
        _ => "flanders",
    };

    /// <summary>The grain key of the aggregate, when the row names it without state (all but projects named by externalRef and new projects).</summary>
    public string? FixedKey => Action?.Target switch
    {
        ImportTarget.Province => Province,
        ImportTarget.Cluster or ImportTarget.NewCluster => Cluster,
        ImportTarget.Campaign or ImportTarget.NewCampaign => Campaign,
        ImportTarget.Market => MarketState.KeyOf(Campaign!, Market!),
        ImportTarget.Flanders => RegionDecider.Key,
        _ => null,
    };
}

/// <summary>Turns a CSV row into a command: values parsed by the command's field types, then the command's own Validate().</summary>
public static class RowParser
{
    /// <summary>Separates the items of a list field (participatingProvinces, clusters, partners) inside one cell.</summary>
    public const char ListSeparator = '|';

    public static ParsedRow Parse(CsvRecord record, IReadOnlyList<string> header, DecimalMark decimalSeparator, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(header);
        var errors = new List<FieldError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (record.Fields.Count != header.Count)
            errors.Add(FieldError.Of("", Refusals.ImportFieldCount, ("fields", record.Fields.Count), ("header", header.Count)));
        for (var i = 0; i < Math.Min(header.Count, record.Fields.Count); i++)
        {
            var value = record.Fields[i].Trim().Normalize(NormalizationForm.FormC);
            if (value.Length > 0) values[header[i]] = value;
        }

        var actionName = values.GetValueOrDefault(ImportAction.ActionColumn) ?? "";
        if (!ImportAction.All.TryGetValue(actionName, out var action))
        {
            errors.Add(actionName.Length == 0 ? FieldError.Of("action", Refusals.FieldRequired)
                : FieldError.Of("action", Refusals.ImportUnknownAction, ("action", actionName), ("actions", string.Join(", ", ImportAction.All.Keys))));
            return new ParsedRow(record.Line, actionName, null, null, null, null, null, null, null, null, null, null, "", errors);
        }

        var json = new JsonObject();
        JsonObject? change = null;
        foreach (var (column, value) in values)
        {
            if (column is ImportAction.ActionColumn or ImportAction.IdempotencyKeyColumn || action.ReferenceColumns.Contains(column)) continue;
            if (!action.Fields.TryGetValue(column, out var type))
            {
                errors.Add(FieldError.Of(column, Refusals.ImportNotAColumn, ("action", actionName)));
                continue;
            }
            if (type == typeof(ImportAction.CorrectionFieldMarker) || type == typeof(ImportAction.CorrectionValueMarker))
            {
                change ??= new JsonObject();
                change[column] = type == typeof(ImportAction.CorrectionFieldMarker) ? JsonValue.Create(value) : CorrectionValue(value, decimalSeparator);
                continue;
            }
            if (ParseValue(column, value, type, action.NumberKinds.GetValueOrDefault(column), decimalSeparator, out var node) is { } error) errors.Add(error);
            else json[column] = node;
        }
        // A correction row corrects one field; both columns empty is reported by the command's own check (changes).
        if (change is not null) json["changes"] = new JsonArray(change);

        string? projectId = null, referenceProvince = null, externalRef = null, province = null, cluster = null, campaign = null, market = null;
        switch (action.Target)
        {
            case ImportTarget.NewProject:
                referenceProvince = values.GetValueOrDefault("leadProvince");
                externalRef = values.GetValueOrDefault("externalRef");
                break;
            case ImportTarget.Project:
                projectId = values.GetValueOrDefault("projectId");
                referenceProvince = values.GetValueOrDefault("leadProvince");
                externalRef = values.GetValueOrDefault("externalRef");
                if (projectId is not null)
                {
                    if (!Guid.TryParse(projectId, out _)) errors.Add(FieldError.Of("projectId", Refusals.ImportNotAProjectId));
                    if (externalRef is not null) errors.Add(FieldError.Of("", Refusals.ImportProjectNamedTwice));
                }
                else if (referenceProvince is null || externalRef is null)
                    errors.Add(FieldError.Of("", Refusals.ImportProjectUnnamed));
                else if (!Contracts.ProvinceSlugs.All.Contains(referenceProvince))
                    errors.Add(FieldError.Of("leadProvince", Refusals.FieldUnknownProvince, ("options", string.Join(", ", Contracts.ProvinceSlugs.All))));
                break;
            case ImportTarget.Province:
                province = values.GetValueOrDefault("province");
                if (province is null) errors.Add(FieldError.Of("province", Refusals.FieldRequired));
                else if (!Contracts.ProvinceSlugs.All.Contains(province)) errors.Add(FieldError.Of("province", Refusals.FieldUnknownProvince, ("options", string.Join(", ", Contracts.ProvinceSlugs.All))));
                break;
            case ImportTarget.Cluster:
                cluster = values.GetValueOrDefault("cluster");
                if (cluster is null) errors.Add(FieldError.Of("cluster", Refusals.FieldRequired));
                break;
            case ImportTarget.NewCluster:
                cluster = values.GetValueOrDefault("slug");
                break;
            case ImportTarget.NewCampaign:
                campaign = values.GetValueOrDefault("slug");
                break;
            case ImportTarget.Campaign:
            case ImportTarget.Market:
                campaign = values.GetValueOrDefault("campaign");
                if (campaign is null) errors.Add(FieldError.Of("campaign", Refusals.FieldRequired));
                if (action.Target == ImportTarget.Market)
                {
                    market = values.GetValueOrDefault("market");
                    if (market is null) errors.Add(FieldError.Of("market", Refusals.ImportMarketRequired));
                }
                break;
        }

        Command? command = null;
        var canonical = "";
        if (errors.Count == 0)
        {
            try
            {
                command = (Command?)json.Deserialize(action.CommandType, RequestBody.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(FieldError.Of(ex.Path?.TrimStart('$', '.') ?? "", Refusals.FieldWrongFormat));
            }
            if (command is not null)
            {
                errors.AddRange(command.Validate());
                if (command.EffectiveDate is { } date && date > today.AddDays(1)) errors.Add(FieldError.Of("effectiveDate", Refusals.FieldInTheFuture));
                canonical = EventStore.CanonicalJson.Canonicalize(JsonSerializer.Serialize(command, action.CommandType, RequestBody.Options));
            }
        }

        var idempotencyKey = values.GetValueOrDefault(ImportAction.IdempotencyKeyColumn);
        if (idempotencyKey is not null && (idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl)))
            errors.Add(FieldError.Of("idempotencyKey", Refusals.ImportBadIdempotencyKey));
        var reference = action.Target switch
        {
            ImportTarget.Project => projectId ?? $"{referenceProvince}/{externalRef}",
            ImportTarget.Province => province,
            ImportTarget.Cluster or ImportTarget.NewCluster => cluster,
            ImportTarget.Campaign or ImportTarget.NewCampaign => campaign,
            ImportTarget.Market => $"{campaign}/{market}",
            _ => "",
        };
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"IMPORT {actionName} {reference}\n{canonical}")));
        return new ParsedRow(record.Line, actionName, action, errors.Count == 0 ? command : null, projectId, referenceProvince, externalRef, province, cluster,
            campaign, market, idempotencyKey ?? $"import-{hash}", hash, errors);
    }

    /// <summary>
    /// A correction's new value: a number when the cell reads as one with the file's decimal mark (as every number cell is read),
    /// else JSON when the cell is a JSON value (<c>true</c>, <c>false</c>, <c>null</c>, a quoted string, a list or an object), else the text as it is.
    /// </summary>
    private static JsonNode? CorrectionValue(string value, DecimalMark separator)
    {
        if (InputReader.Number(value, AnyNumber, separator).Value is { } number) return JsonValue.Create(number);
        if (value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.' or ','))
            return JsonValue.Create(value); // a number the file's mark cannot read stays text, never another reading
        try
        {
            return JsonNode.Parse(value) ?? JsonValue.Create((string?)null);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    /// <summary>Any number a corrected field holds: the field's own check (money, a count) says what more it must be.</summary>
    private static readonly NumberKind AnyNumber = NumberKind.Measure(10);

    private static FieldError? ParseValue(string column, string value, Type type, NumberKind? kind, DecimalMark separator, out JsonNode? node)
    {
        node = null;
        if (type == typeof(string))
        {
            node = JsonValue.Create(value);
            return null;
        }
        if (type == typeof(string[]))
        {
            node = new JsonArray([.. value.Split(ListSeparator, StringSplitOptions.TrimEntries).Select(v => (JsonNode?)JsonValue.Create(v))]);
            return null;
        }
        if (type == typeof(decimal) || type == typeof(int) || type == typeof(long))
        {
            var read = InputReader.Number(value, kind ?? NumberKind.Whole, separator);
            if (read.Problem is { } problem) return problem.For(column);
            if (type == typeof(int) && read.Value is > int.MaxValue or < int.MinValue) return InputProblem.OutOfRange().For(column);
            node = type == typeof(decimal) ? JsonValue.Create(read.Value) : JsonValue.Create((long)read.Value!.Value);
            return null;
        }
        if (type == typeof(DateOnly))
        {
            var date = InputReader.Date(value);
            if (date.Problem is { } problem) return problem.For(column);
            node = JsonValue.Create(date.Value!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return null;
        }
        if (type == typeof(Guid))
        {
            if (!Guid.TryParse(value, out var id)) return FieldError.Of(column, Refusals.ImportNotAnEventId);
            node = JsonValue.Create(id);
            return null;
        }
        if (type == typeof(DateTimeOffset))
        {
            var withOffset = value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T', StringComparison.Ordinal) && value.Contains('T', StringComparison.Ordinal);
            if (!withOffset || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
                return InputProblem.NotAMoment().For(column);
            node = JsonValue.Create(moment);
            return null;
        }
        if (type == typeof(CampaignTargetRequest[]))
        {
            var targets = new JsonArray();
            foreach (var item in value.Split(ListSeparator, StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(':', StringSplitOptions.TrimEntries);
                int? Count(int i) => parts.Length > i && InputReader.WholeNumber(parts[i], separator).Value is >= 0 and var n ? n : null;
                if (parts.Length != 4 || Count(1) is null || Count(2) is null || Count(3) is null)
                    return FieldError.Of(column, Refusals.ImportNotTargetList);
                targets.Add(new JsonObject { ["province"] = parts[0], ["municipalities"] = Count(1), ["markets"] = Count(2), ["entries"] = Count(3) });
            }
            node = targets;
            return null;
        }
        if (type == typeof(bool))
        {
            if (!bool.TryParse(value, out var flag)) return FieldError.Of(column, Refusals.ImportNotAFlag);
            node = JsonValue.Create(flag);
            return null;
        }
        return FieldError.Of(column, Refusals.ImportNotImportable);
    }
}
