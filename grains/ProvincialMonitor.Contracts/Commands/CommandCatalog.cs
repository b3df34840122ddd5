using System.Reflection;
using System.Text.Json;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// One command as the system offers it: the aggregate kind it goes to, its HTTP route (<see cref="Method"/> + <see cref="Route"/>;
/// none for a command the domain sends itself), its import action (none: not imported), its Dutch label, and the roles besides
/// admin that may send it. Its fields, their JSON names and how a number is read from a form or a CSV cell come from the
/// command's properties (<see cref="NumberKind"/>).
/// </summary>
public sealed record CommandEntry(Type Command, CommandKind Kind, string? Route, string? Action, string Label, IReadOnlyList<string> Roles)
{
    public string Method { get; init; } = "POST";

    /// <summary>
    /// The key of the aggregate a command names anew (a project's new id, a cluster's or campaign's slug): its route answers
    /// 201 Created with the new aggregate's address. Null: the key comes from the route.
    /// </summary>
    public Func<Command, string>? NewKey { get; init; }

    /// <summary>Puts route values other than the key into the command (a route that names what the action is about).</summary>
    public Func<Command, Func<string, string>, Command>? FromRoute { get; init; }

    /// <summary>An empty body counts as <c>{}</c>.</summary>
    public bool BodyOptional { get; init; }

    /// <summary>The grain key of the command's aggregate, from the command or else the route's values.</summary>
    public string KeyOf(Command command, Func<string, string> routeValue) => NewKey?.Invoke(command) ?? Kind.KeyOf(routeValue);

    /// <summary>The import columns that name the aggregate (none for a new one: its fields name it).</summary>
    public IReadOnlyList<string> ReferenceColumns => NewKey is null ? Kind.ReferenceColumns : [];

    /// <summary>The command's fields by JSON name, with their types (nullable types unwrapped).</summary>
    public IReadOnlyDictionary<string, Type> Fields { get; } = Properties(Command)
        .ToDictionary(p => Json(p.Name), p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.Ordinal);

    /// <summary>How each number field is read (money, a whole number, a measure), by JSON name: through <see cref="InputReader"/>.</summary>
    public IReadOnlyDictionary<string, NumberKind> NumberKinds { get; } = Properties(Command)
        .Select(p => (Name: Json(p.Name), Kind: NumberKind.Of(p)))
        .Where(p => p.Kind is not null)
        .ToDictionary(p => p.Name, p => p.Kind!, StringComparer.Ordinal);

    private static IEnumerable<PropertyInfo> Properties(Type command) =>
        command.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract");

    private static string Json(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>Every command the system accepts, each declared once; routes, import actions, forms and role checks are read from here.</summary>
public static class CommandCatalog
{
    private static readonly string[] Officers = [Roles.Officer];
    private static readonly string[] Coordinators = [Roles.Coordinator];
    private static readonly string[] AdminOnly = [];

    private const string Projects = "/api/projects";
    private const string Project = "/api/projects/{id}";
    private const string Province = "/api/provinces/{slug}";
    private const string Clusters = "/api/clusters";
    private const string Cluster = "/api/clusters/{slug}";
    private const string Flanders = "/api/flanders";
    private const string Campaigns = "/api/campaigns";
    private const string Campaign = "/api/campaigns/{slug}";
    private const string Market = "/api/campaigns/{slug}/markets/{id}";
    private const string Parks = "/api/business-parks";
    private const string Park = "/api/business-parks/{slug}";
    private const string Border = "/api/provinces/{slug}/border";

    public static IReadOnlyList<CommandEntry> All { get; } =
    [
        Of<RegisterProject>(CommandKind.Project, Projects, "register-project", "een project registreren", Officers) with { NewKey = _ => Guid.CreateVersion7().ToString() },
        Of<GrantSubsidy>(CommandKind.Project, $"{Project}/subsidies", "grant-subsidy", "een subsidie toekennen", Officers),
        Of<PaySubsidy>(CommandKind.Project, $"{Project}/payments", "pay-subsidy", "een subsidie uitbetalen", Officers),
        Of<RecoverSubsidy>(CommandKind.Project, $"{Project}/recoveries", "recover-subsidy", "een subsidie terugvorderen", Officers),
        Of<ReportOutput>(CommandKind.Project, $"{Project}/outputs", "report-output", "een resultaat melden", Officers),
        Of<AddPartner>(CommandKind.Project, $"{Project}/partners", "add-partner", "een partner toevoegen", Officers),
        Of<ReachMilestone>(CommandKind.Project, $"{Project}/milestones", "reach-milestone", "een mijlpaal bereiken", Officers),
        Of<ChangeProjectStatus>(CommandKind.Project, $"{Project}/status", "change-status", "de status wijzigen", Officers),
        Of<LocateProject>(CommandKind.Project, $"{Project}/location", "locate-project", "de ligging van een project vastleggen (gemeenten)", Officers),
        Of<CorrectProject>(CommandKind.Project, $"{Project}/corrections", "correct-project", "een veld van een gebeurtenis van een project corrigeren", Officers),
        Of<RetractProjectEvent>(CommandKind.Project, $"{Project}/retractions", "retract-project-event", "een gebeurtenis van een project schrappen", Officers),

        Of<TakeDecision>(CommandKind.Province, $"{Province}/decisions", "take-decision", "een beslissing nemen", Officers),
        Of<AllocateBudget>(CommandKind.Province, $"{Province}/budgets", "allocate-budget", "een krediet vaststellen (meerjarenplan, provincieraad)", Officers),
        Of<AdjustCredit>(CommandKind.Province, $"{Province}/credit-adjustments", "adjust-credit", "een krediet aanpassen (aanpassing meerjarenplan, provincieraad)", Officers),
        Of<SetTarget>(CommandKind.Province, $"{Province}/targets", "set-target", "een streefwaarde vastleggen", Officers),
        Of<MeasureIndicator>(CommandKind.Province, $"{Province}/indicators", "measure-indicator", "een indicator meten", Officers),
        Of<RecordPopulation>(CommandKind.Province, $"{Province}/population", "record-population", "het bevolkingscijfer vastleggen (beheerder)", AdminOnly),
        Of<GiveRetailPermitAdvice>(CommandKind.Province, $"{Province}/retail-advice", "give-retail-advice", "een handelsadvies geven", Officers),
        Of<FileRetailAppeal>(CommandKind.Province, $"{Province}/retail-appeals", "file-retail-appeal", "een beroep (handel) indienen", Officers),
        Of<DecideRetailAppeal>(CommandKind.Province, $"{Province}/retail-appeals/{{appealRef}}/decision", "decide-retail-appeal", "over een beroep (handel) beslissen", Officers)
            with { FromRoute = (c, route) => (DecideRetailAppeal)c with { AppealRef = route("appealRef") } },
        Of<DecideRetailPermit>(CommandKind.Province, $"{Province}/retail-permits", "decide-retail-permit",
            "een beslissing van de deputatie over een kleinhandelsvergunning registreren", Officers),
        Of<CorrectProvince>(CommandKind.Province, $"{Province}/corrections", "correct-province", "een veld van een gebeurtenis van een provincie corrigeren", Officers),
        Of<RetractProvinceEvent>(CommandKind.Province, $"{Province}/retractions", "retract-province-event", "een gebeurtenis van een provincie schrappen", Officers),
        Of<RegisterProvince>(CommandKind.Province, null, null, "een provincie registreren (referentiegegevens)", Officers),

        Of<RegisterCluster>(CommandKind.Cluster, Clusters, "register-cluster", "een provinciale cluster registreren", Officers) with { NewKey = c => ((RegisterCluster)c).Slug ?? "" },
        Of<AddClusterMember>(CommandKind.Cluster, $"{Cluster}/members", "add-cluster-member", "een clusterlid toevoegen", Officers),
        Of<RemoveClusterMember>(CommandKind.Cluster, $"{Cluster}/members/{{member}}/leave", "remove-cluster-member", "een clusterlid verwijderen", Officers)
            with { FromRoute = (c, route) => (RemoveClusterMember)c with { Member = route("member") }, BodyOptional = true },
        Of<GrantClusterFunding>(CommandKind.Cluster, $"{Cluster}/funding", "grant-cluster-funding", "een cluster financieren", Officers),
        Of<CorrectCluster>(CommandKind.Cluster, $"{Cluster}/corrections", "correct-cluster", "een veld van een gebeurtenis van een cluster corrigeren", Officers),
        Of<RetractClusterEvent>(CommandKind.Cluster, $"{Cluster}/retractions", "retract-cluster-event", "een gebeurtenis van een cluster schrappen", Officers),

        Of<SetRegionTarget>(CommandKind.Flanders, $"{Flanders}/targets", "set-flanders-target", "een streefwaarde voor Vlaanderen vastleggen (beheerder)", AdminOnly),
        Of<MeasureRegionIndicator>(CommandKind.Flanders, $"{Flanders}/indicators", "measure-flanders-indicator", "een indicator voor Vlaanderen meten (beheerder)", AdminOnly),
        Of<CorrectRegion>(CommandKind.Flanders, $"{Flanders}/corrections", "correct-flanders", "een veld van een gebeurtenis van Vlaanderen corrigeren (beheerder)", AdminOnly),
        Of<RetractRegionEvent>(CommandKind.Flanders, $"{Flanders}/retractions", "retract-flanders-event", "een gebeurtenis van Vlaanderen schrappen (beheerder)", AdminOnly),

        Of<LaunchCampaign>(CommandKind.Campaign, Campaigns, "launch-campaign", "een campagne lanceren", Coordinators) with { NewKey = c => ((LaunchCampaign)c).Slug ?? "" },
        Of<JoinMunicipality>(CommandKind.Campaign, $"{Campaign}/municipalities", "join-municipality", "een gemeente neemt deel aan een campagne", Coordinators),
        Of<JoinMarket>(CommandKind.Campaign, $"{Campaign}/markets", "join-market", "een markt neemt deel aan een campagne", Coordinators),
        Of<HoldCampaignAction>(CommandKind.Campaign, $"{Campaign}/actions", "hold-campaign-action", "een campagneactie", Coordinators),
        Of<CloseCampaign>(CommandKind.Campaign, $"{Campaign}/close", "close-campaign", "een campagne afsluiten", Coordinators) with { BodyOptional = true },
        Of<CorrectCampaign>(CommandKind.Campaign, $"{Campaign}/corrections", "correct-campaign", "een veld van een gebeurtenis van een campagne corrigeren", Coordinators),
        Of<RetractCampaignEvent>(CommandKind.Campaign, $"{Campaign}/retractions", "retract-campaign-event", "een gebeurtenis van een campagne schrappen", Coordinators),

        Of<HoldMarketDay>(CommandKind.Market, $"{Market}/days", "hold-market-day", "een marktdag", Coordinators),
        Of<RegisterEntries>(CommandKind.Market, $"{Market}/entries", "register-entries", "deelnames op een markt", Coordinators),
        Of<CorrectMarket>(CommandKind.Market, $"{Market}/corrections", "correct-market", "een veld van een gebeurtenis van een markt corrigeren", Coordinators),
        Of<RetractMarketEvent>(CommandKind.Market, $"{Market}/retractions", "retract-market-event", "een gebeurtenis van een markt schrappen", Coordinators),
        Of<RegisterMarketInCampaign>(CommandKind.Market, null, null, "een markt opent haar stroom nadat ze aan de campagne deelnam", Coordinators),
        Of<CloseMarket>(CommandKind.Market, null, null, "een markt sluiten nadat de campagne afgesloten werd", Coordinators),

        Of<RegisterBusinessPark>(CommandKind.BusinessPark, Parks, "register-business-park", "een bedrijventerrein registreren", Officers)
            with { NewKey = c => ((RegisterBusinessPark)c).Slug ?? "" },
        Of<ChangeBusinessParkPhase>(CommandKind.BusinessPark, $"{Park}/phase", "change-business-park-phase", "de fase van een bedrijventerrein wijzigen", Officers),
        Of<IssuePlot>(CommandKind.BusinessPark, $"{Park}/plots", "issue-plot", "een perceel uitgeven", Officers),
        Of<RecordParkVacancy>(CommandKind.BusinessPark, $"{Park}/vacancy", "record-park-vacancy", "leegstand en reserve van een bedrijventerrein meten", Officers),
        Of<CorrectBusinessPark>(CommandKind.BusinessPark, $"{Park}/corrections", "correct-business-park", "een veld van een gebeurtenis van een bedrijventerrein corrigeren", Officers),
        Of<RetractBusinessParkEvent>(CommandKind.BusinessPark, $"{Park}/retractions", "retract-business-park-event", "een gebeurtenis van een bedrijventerrein schrappen", Officers),

        Of<HoldBorderConsultation>(CommandKind.Border, $"{Border}/consultations", "hold-border-consultation", "een grensoverschrijdend streekoverleg registreren", Officers),
        Of<RecordBorderObstacle>(CommandKind.Border, $"{Border}/obstacles", "record-border-obstacle", "een grensobstakel op de GROS-lijst zetten", Officers),
        Of<ChangeBorderObstacleStatus>(CommandKind.Border, $"{Border}/obstacles/{{obstacleRef}}/status", "change-border-obstacle-status", "de status van een grensobstakel wijzigen", Officers)
            with { FromRoute = (c, route) => (ChangeBorderObstacleStatus)c with { ObstacleRef = route("obstacleRef") } },
        Of<SolveBorderObstacle>(CommandKind.Border, $"{Border}/obstacles/{{obstacleRef}}/solution", "solve-border-obstacle", "een grensobstakel als weggewerkt registreren", Officers)
            with { FromRoute = (c, route) => (SolveBorderObstacle)c with { ObstacleRef = route("obstacleRef") } },
        Of<CorrectBorder>(CommandKind.Border, $"{Border}/corrections", "correct-border", "een veld van een gebeurtenis van het grensoverleg corrigeren", Officers),
        Of<RetractBorderEvent>(CommandKind.Border, $"{Border}/retractions", "retract-border-event", "een gebeurtenis van het grensoverleg schrappen", Officers),
    ];

    private static readonly Dictionary<Type, CommandEntry> ByType = All.ToDictionary(e => e.Command);

    /// <summary>The entry of a command type; null for a command outside the catalog (the security commands: admin only).</summary>
    public static CommandEntry? Of(Type commandType) => ByType.GetValueOrDefault(commandType);

    /// <summary>The import actions by name.</summary>
    public static IReadOnlyDictionary<string, CommandEntry> ByAction { get; } =
        All.Where(e => e.Action is not null).ToDictionary(e => e.Action!, StringComparer.Ordinal);

    /// <summary>The roles that may send some command: those the entries name, and the admin (who may send any).</summary>
    public static IReadOnlyList<string> WriterRoles { get; } = [.. All.SelectMany(e => e.Roles).Append(Roles.Admin).Distinct()];

    private static CommandEntry Of<T>(CommandKind kind, string? route, string? action, string label, string[] roles) where T : Command =>
        kind.CommandBase.IsAssignableFrom(typeof(T))
            ? new(typeof(T), kind, route, action, label, roles)
            : throw new InvalidOperationException($"{typeof(T).Name} is not a command of the {kind.Name}.");
}
