using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// What a row acts on: a project (by <c>projectId</c> or <c>leadProvince</c> + <c>externalRef</c>), a new project, a province,
/// a cluster, a new cluster or campaign (named by its <c>slug</c> field), a campaign (<c>campaign</c>), a market of a campaign
/// (<c>campaign</c> + <c>market</c>), a business park (<c>businessPark</c>) or a new one (its <c>slug</c>), Flanders.
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
    BusinessPark,
    NewBusinessPark,
}

/// <summary>
/// One action a CSV row may hold, as the <see cref="CommandCatalog"/> declares it: its name in the <c>action</c> column, the
/// command it becomes (the columns are the command's JSON names), what it acts on, and how it is sent (through the dispatcher
/// the API uses) or decided in a dry run.
/// </summary>
public sealed class ImportAction
{
    private ImportAction(CommandEntry entry)
    {
        Entry = entry;
        Target = (entry.Kind.Name, entry.NewKey is null) switch
        {
            ("project", true) => ImportTarget.Project,
            ("project", false) => ImportTarget.NewProject,
            ("province", _) => ImportTarget.Province,
            ("border", _) => ImportTarget.Province,
            ("cluster", true) => ImportTarget.Cluster,
            ("cluster", false) => ImportTarget.NewCluster,
            ("campaign", true) => ImportTarget.Campaign,
            ("campaign", false) => ImportTarget.NewCampaign,
            ("market", _) => ImportTarget.Market,
            ("business-park", true) => ImportTarget.BusinessPark,
            ("business-park", false) => ImportTarget.NewBusinessPark,
            _ => ImportTarget.Flanders,
        };
        Fields = FieldsOf(entry);
    }

    /// <summary>The columns of a correction's one change (instead of the command's <c>changes</c> list).</summary>
    public const string CorrectionFieldColumn = "field";
    public const string CorrectionValueColumn = "newValue";

    public const string ActionColumn = "action";
    public const string IdempotencyKeyColumn = "idempotencyKey";

    public CommandEntry Entry { get; }

    public string Name => Entry.Action!;
    public ImportTarget Target { get; }
    public Type CommandType => Entry.Command;

    /// <summary>The API route the action corresponds to (for messages).</summary>
    public string Route => $"{Entry.Method} {Entry.Route}";

    /// <summary>The command's fields by JSON name, with their types; a correction's two columns stand for its <c>changes</c>.</summary>
    public IReadOnlyDictionary<string, Type> Fields { get; }

    /// <summary>The kind of each number field (money, a whole number, a measure), by JSON name.</summary>
    public IReadOnlyDictionary<string, NumberKind> NumberKinds => Entry.NumberKinds;

    /// <summary>The columns that name what the row acts on (not fields of the command).</summary>
    public IReadOnlyList<string> ReferenceColumns => Entry.ReferenceColumns;

    /// <summary>Sends the row's command as the API route does (with what the aggregate's policy asks of others).</summary>
    public Task<CommandOutcome> Send(CommandDispatcher dispatcher, string key, Command command, CommandRequest request) =>
        dispatcher.SendAsync(key, command, request);

    /// <summary>Decides the row's command in memory, with what the aggregate's policy asks of others.</summary>
    public Task<DryRun.Result> Decide(DryRun run, string key, Command command, CommandContext context) =>
        run.DecideAsync(Entry.Kind, key, command, context);

    /// <summary>Every action an import supports, by name: the catalog's commands that have one.</summary>
    public static IReadOnlyDictionary<string, ImportAction> All { get; } =
        CommandCatalog.ByAction.Values.Select(e => new ImportAction(e)).ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Every column a file may have: action, idempotencyKey, the reference columns and the union of the fields.</summary>
    public static IReadOnlySet<string> KnownColumns { get; } = All.Values
        .SelectMany(a => a.Fields.Keys.Concat(a.ReferenceColumns))
        .Append(ActionColumn).Append(IdempotencyKeyColumn)
        .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, Type> FieldsOf(CommandEntry entry)
    {
        var fields = new Dictionary<string, Type>(entry.Fields, StringComparer.Ordinal);
        // A correction row holds one change: the field and its new value in two columns, not a list.
        if (typeof(ICorrectionCommand).IsAssignableFrom(entry.Command) && fields.Remove("changes"))
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
