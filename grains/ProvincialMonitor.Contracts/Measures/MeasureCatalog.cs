using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts.Measures;

/// <summary>
/// Every figure the indicators show, said once: the projection's contributions, the historical comparison's
/// type filter, the drill-down and the events page, the comparison chart's labels and the API read it from here.
/// </summary>
public static class MeasureCatalog
{
    /// <summary>
    /// The scope "Vlaanderen" of the figures: the five provinces together, each project counted once, with the
    /// provinces' summed denominators. Not the Flemish government, which is a funder (<c>funder: flanders</c>) and sets
    /// the region's targets (stream <c>region-vlaanderen</c>).
    /// </summary>
    public const string Flanders = "flanders";

    /// <summary>The figure <paramref name="code"/> belongs to (the first definition that matches it), or null.</summary>
    public static MeasureDefinition? Find(string code) => All.FirstOrDefault(m => m.Match(code) is not null);

    /// <summary>The Dutch label of a figure's code: its own when it has one, else its definition's.</summary>
    public static string LabelOf(string code) =>
        Labelled.GetValueOrDefault(code) ?? Find(code)?.Label ?? code;

    /// <summary>The domain a code filters on: a <c>{domain}</c> segment, or the definition's fixed domain.</summary>
    public static string? DomainOf(string code) =>
        Find(code) is { } m ? m.Match(code)!.GetValueOrDefault("domain") ?? m.Domain : null;

    /// <summary>The province a code names (<c>cluster-funding.{province}</c>), or null.</summary>
    public static string? ProvinceOf(string code) => Find(code)?.Match(code)!.GetValueOrDefault("province");

    /// <summary>How the comparison divides a figure: absolute, per inhabitant (<see cref="Comparing.CapitaScale"/>), per municipality.</summary>
    public static readonly IReadOnlyList<MeasurePer> Pers =
    [
        new("absolute", "Absoluut", "none", []),
        new("capita", "Per inwoner",
            "the inhabitants of the newest population recorded on or before the figure's year (PopulationRecorded, its 1 January, counted on that date's boundaries); "
            + "money in euro per inhabitant, counts and values per 100,000 inhabitants; Vlaanderen: the five provinces' sum",
            [typeof(PopulationRecorded)]),
        new("municipality", "Per gemeente",
            "the municipalities of the boundary version in force on the day shown (MunicipalitiesLoaded), else those the population record names; Vlaanderen: the five provinces' sum",
            [typeof(MunicipalitiesLoaded), typeof(PopulationRecorded)]),
    ];

    /// <summary>The catalog as the API shows it.</summary>
    public static IReadOnlyList<MeasureView> Views => [.. All.Select(m => new MeasureView(
        m.Code, m.Label, m.Unit switch { MeasureUnit.Money => "money", MeasureUnit.Count => "count", _ => "value" }, [.. m.Events.Select(EventTypes.NameOf)], [.. m.Context.Select(EventTypes.NameOf)],
        [.. m.Amendments.Select(EventTypes.NameOf)], m.Attribution.ToString(), m.Filter, m.Domain, m.Numerator, m.Denominator, m.Municipality))];

    /// <summary>The campaign figures' codes, each for the campaign's whole (<c>campaign.{figure}</c>); a province's part adds <c>.{province}</c>.</summary>
    public static IReadOnlyList<string> CampaignCodes =>
        [.. All.Where(m => m.Attribution == MeasureAttribution.Campaign && !m.Code.EndsWith('}')).Select(m => m.Code)];

    /// <summary>
    /// The campaign figure a code names, as the campaign's view shows it (the whole: its <c>flanders</c> scope; a province's
    /// part: that province's scope); null when the code is not a campaign figure or the campaign has no such province.
    /// </summary>
    public static long? CampaignFigure(CampaignFigures campaign, string code)
    {
        if (Find(code) is not { Attribution: MeasureAttribution.Campaign } definition) return null;
        var province = definition.Match(code)!.GetValueOrDefault("province");
        var scope = campaign.Scopes.FirstOrDefault(s => s.Scope == (province is null ? Flanders : $"province:{province}"));
        return scope is null ? null : code.Split('.')[1] switch
        {
            "municipalities" => scope.MunicipalitiesJoined,
            "markets" => scope.Markets,
            "traders" => scope.Traders,
            "market-days" => scope.MarketDays,
            "entries" => scope.EntriesTotal,
            "entries-day" => scope.EntriesOnDay,
            _ => null,
        };
    }

    /// <summary>The day a campaign's "on day" figures count (the view's <c>Day</c>), as their filters state it.</summary>
    public const string CampaignDay = "the Brussels date of the entry's moment; the campaign's day is today while its period runs, "
        + "else the last day of the period with entries on any market of the campaign, or its first day";

    /// <summary>The figures the comparison chart offers, in order.</summary>
    public static readonly IReadOnlyList<string> Compared =
        ["granted", "paid", "cofunded.granted", "projects", "outputs.jobs-created", "granted-per-job", Comparing.PaymentDelay, "budget", "cluster-funding",
         BusinessParkMeasures.Net, BusinessParkMeasures.IssuedThisYear, BusinessParkMeasures.Available, BusinessParkMeasures.Activated, BusinessParkMeasures.SupplyYears,
         .. RetailMeasures.Compared];

    // The amendment lists come before All, which reads them when the class is initialised.
    private const string Money = "grants of the province or the pom: the granting province's (a grant stored without one: the lead's), on any project, "
        + "and Vlaanderen's (the five provinces together, each grant once); every grant: each of the project's clusters', the project's";

    private const string Others = "grants of the Flemish government, the EU and other provinces: the lead province's; "
        + "Vlaanderen's: grants of the Flemish government and the EU (the provinces' own are Vlaanderen's granted), each grant once";

    /// <summary>The corrections and retractions a figure follows, by the stream that holds its events.</summary>
    public static readonly IReadOnlyList<Type> ProjectAmendments = [typeof(ProjectCorrected), typeof(ProjectRetracted)];

    public static readonly IReadOnlyList<Type> ProvinceAmendments = [typeof(ProvinceCorrected), typeof(ProvinceRetracted)];

    public static readonly IReadOnlyList<Type> ClusterAmendments = [typeof(ClusterCorrected), typeof(ClusterRetracted)];

    public static readonly IReadOnlyList<Type> RegionAmendments = [typeof(RegionCorrected), typeof(RegionRetracted)];

    public static readonly IReadOnlyList<Type> CampaignAmendments =
        [typeof(CampaignCorrected), typeof(CampaignRetracted), typeof(MarketCorrected), typeof(MarketRetracted)];

    /// <summary>Every figure, by code pattern; the first that matches a code is its definition.</summary>
    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        Granted("granted", "Toegekend", "every grant of the project, any funder") with { Municipality = PerMunicipality("every grant, any funder") },
        Granted("granted.domain.{domain}", "Toegekend per beleidsdomein", "grants to projects of the domain"),
        Granted("granted.funder.{funder}", "Toegekend per financier", "grants whose funder is {funder}"),
        Paid("paid", "Uitbetaald (na terugvorderingen)", "every payment of the project") with { Municipality = PerMunicipality("every payment net of recoveries, any funder") },
        Paid("paid.domain.{domain}", "Uitbetaald per beleidsdomein", "payments to projects of the domain"),
        Paid("paid.funder.{funder}", "Uitbetaald per financier", "payments under a grant whose funder is {funder}"),
        Granted("granted.year.{year}", "Toegekend in het jaar (tegen het krediet)", "grants whose effective date (the decision's) falls in {year}"),
        Granted("granted.year.{year}.{domain}", "Toegekend in het jaar per beleidsdomein (tegen het krediet)",
            "grants whose effective date (the decision's) falls in {year}, to projects of the domain"),
        Paid("paid.year.{year}", "Uitbetaald in het jaar (tegen het krediet)",
            "payments whose own effective date falls in {year}, also under a grant of an earlier year"),
        Paid("paid.year.{year}.{domain}", "Uitbetaald in het jaar per beleidsdomein (tegen het krediet)",
            "payments whose own effective date falls in {year}, also under a grant of an earlier year, to projects of the domain"),
        Cofunded("cofunded.granted", "Toegekend door anderen aan getrokken projecten", typeof(SubsidyGranted), "every grant that is not the lead's own money"),
        Cofunded("cofunded.granted.{funder}", "Toegekend door anderen aan getrokken projecten, per financier", typeof(SubsidyGranted),
            "grants whose funder is {funder} that are not the lead's own money"),
        Cofunded("cofunded.paid", "Uitbetaald door anderen aan getrokken projecten", typeof(SubsidyPaid), "every payment under a grant that is not the lead's own money"),
        Cofunded("cofunded.paid.{funder}", "Uitbetaald door anderen aan getrokken projecten, per financier", typeof(SubsidyPaid),
            "payments under a grant whose funder is {funder} that is not the lead's own money"),
        Recovered("recovered", "Teruggevorderd", "every recovery of the project"),
        Recovered("recovered.domain.{domain}", "Teruggevorderd per beleidsdomein", "recoveries on projects of the domain"),
        Recovered("recovered.funder.{funder}", "Teruggevorderd per financier", "recoveries under a grant whose funder is {funder}"),
        Recovered("recovered.year.{year}", "Teruggevorderd in het jaar", "recoveries whose own effective date falls in {year}"),
        Recovered("recovered.year.{year}.{domain}", "Teruggevorderd in het jaar per beleidsdomein",
            "recoveries whose own effective date falls in {year}, on projects of the domain"),
        Cofunded("cofunded.recovered", "Teruggevorderd door anderen op getrokken projecten", typeof(SubsidyRecovered),
            "every recovery under a grant that is not the lead's own money"),
        Cofunded("cofunded.recovered.{funder}", "Teruggevorderd door anderen op getrokken projecten, per financier", typeof(SubsidyRecovered),
            "recoveries under a grant whose funder is {funder} that is not the lead's own money"),
        new("cross-border.eu-granted", "EU-steun aan grensoverschrijdende projecten", MeasureUnit.Money, [typeof(SubsidyGranted)],
            [typeof(ProjectRegistered)], ProjectAmendments, MeasureAttribution.LeadProvince,
            "grants with funder eu to projects of domain cross-border; the lead province's and Vlaanderen's", PolicyDomains.CrossBorder),

        new("granted-per-job", "Eigen toekenning per gecreëerde job", MeasureUnit.Money, [typeof(SubsidyGranted), typeof(OutputReported)],
            [typeof(ProjectRegistered)], ProjectAmendments, MeasureAttribution.GrantingProvince,
            "a ratio, never summed: the province's own money granted (granted: its grants as province or pom, on any project) over the jobs created "
            + "reported on the projects it leads (outputs.jobs-created); Vlaanderen: the provinces' own grants over every job created",
            Numerator: "granted", Denominator: "outputs.jobs-created"),
        new(Comparing.PaymentDelay, "Dagen van beslissing tot eerste betaling (gemiddelde)", MeasureUnit.Value, [typeof(SubsidyGranted), typeof(SubsidyPaid)],
            [typeof(ProjectRegistered)], ProjectAmendments, MeasureAttribution.GrantingProvince,
            "a mean, never summed: over the grants of the province or its pom with a payment (the granting province's; a grant stored without one: "
            + "the lead's at the grant; Vlaanderen: every such grant), the days from the grant's decision to its first payment; fewer is better",
            Numerator: "the days from each such grant's SubsidyGranted effective date to the earliest effective date of its SubsidyPaid not retracted, summed",
            Denominator: "the number of such grants with a payment not retracted"),

        Projects("projects", "Projecten", "every project", MeasureAttribution.LeadProvince) with { Municipality = PerMunicipality("the project, counted once") },
        Projects("projects.status.{status}", "Projecten per status", "projects whose newest status is {status}", MeasureAttribution.LeadProvince),
        Projects("projects.domain.{domain}", "Projecten per beleidsdomein", "projects of the domain", MeasureAttribution.LeadProvince),
        Projects("projects.including-participations", "Projecten, deelnames inbegrepen",
            "projects the province leads or takes part in", MeasureAttribution.LeadAndParticipants),
        Projects("cross-border.projects", "Grensoverschrijdende projecten", "projects of domain cross-border", MeasureAttribution.LeadProvince)
            with { Domain = PolicyDomains.CrossBorder },

        new MeasureDefinition("outputs.{metric}", "Gerapporteerde output", MeasureUnit.Value, [typeof(OutputReported)], [typeof(ProjectRegistered)], ProjectAmendments,
            MeasureAttribution.LeadProvince, "the values of every output report of metric {metric}, summed; the lead province's and Vlaanderen's")
            with { Municipality = PerMunicipality("every output report of metric {metric}") },

        Credit("budget", "Krediet", "every credit of any year"),
        Credit("budget.{year}", "Krediet per jaar", "the credits of the year"),
        Credit("budget.{year}.{domain}", "Krediet per jaar en beleidsdomein", "the credit of the year and domain"),
        Province("decisions", "Beslissingen", MeasureUnit.Count, typeof(DecisionTaken), "every decision, counted"),
        Province("decisions.domain.{domain}", "Beslissingen per beleidsdomein", MeasureUnit.Count, typeof(DecisionTaken), "decisions of the domain"),
        .. RetailMeasures.All,

        new("cluster-funding", "Clusterfinanciering", MeasureUnit.Money, [typeof(ClusterFundingGranted)], [], ClusterAmendments,
            MeasureAttribution.NamedProvince, "every cluster funding, amounts summed; the funding province's and Vlaanderen's, the cluster's"),
        new("cluster-funding.{province}", "Clusterfinanciering per provincie", MeasureUnit.Money, [typeof(ClusterFundingGranted)], [], ClusterAmendments,
            MeasureAttribution.NamedProvince, "cluster funding of the province {province}; the cluster's"),

        new("measured.{indicator}", "Gemeten indicator", MeasureUnit.Value, [typeof(IndicatorMeasured), typeof(TargetSet)], [],
            [.. ProvinceAmendments, .. RegionAmendments], MeasureAttribution.OwnStream,
            "the measurements and targets of the indicator in the province's stream (Vlaanderen: region-vlaanderen)",
            Numerator: "the value of the newest measurement (by period), as its source measured it",
            Denominator: "none of ours: a rate or a latest value, never summed across provinces; its target is the newest target year's"),

        .. Campaign("municipalities", "Deelnemende gemeenten", typeof(MunicipalityJoined), [],
            "municipalities joined, each once (its newest join; a retracted join takes the municipality out), of the joined municipality's province"),
        .. Campaign("markets", "Deelnemende markten", typeof(MarketJoined), [], "markets joined, each once (its newest join), of the market's province"),
        .. Campaign("traders", "Handelaars", typeof(MarketJoined), [], "the traders each joined market states (its newest join), summed"),
        .. Campaign("market-days", "Marktdagen", typeof(MarketDayHeld), [typeof(MarketRegistered), typeof(MarketJoined)],
            "market days held, counted, on markets that joined the campaign (the market's stream names the campaign)"),
        .. Campaign("entries", "Deelnames", typeof(EntriesRegistered), [typeof(MarketRegistered), typeof(MarketJoined)],
            "entries registered, by their number, on markets that joined the campaign, every day of any period"),
        .. Campaign("entries-day", "Deelnames op de dag", typeof(EntriesRegistered), [typeof(MarketRegistered), typeof(MarketJoined)],
            $"entries registered, by their number, on markets that joined the campaign, handed out on the campaign's day ({CampaignDay})"),

        .. BusinessParkMeasures.All,
    ];

    /// <summary>What the legend of a map by municipality says under every figure.</summary>
    public const string MunicipalityNote =
        "Een project in meerdere gemeenten telt volledig mee in elk ervan: de som over gemeenten is niet het totaal. Een project volgt zijn huidige ligging (op een datum: de ligging op die datum).";

    /// <summary>The event that says where a project is: context of every figure counted per municipality.</summary>
    public static readonly Type MunicipalityContext = typeof(ProjectLocated);

    /// <summary>The figures shown per municipality (a measure whose definition says what a municipality counts).</summary>
    public static bool CountsPerMunicipality(string code) => Find(code)?.Municipality is not null;

    // A project's figure, whole, for each municipality of its location in force at the figure's moment.
    private static string PerMunicipality(string what) =>
        $"{what} of the projects located in the municipality by their location in force at the figure's moment (live: the current one), "
        + "each project whole in each of its municipalities (a set of municipalities is not their sum); without a location: "
        + "\"zonder locatie\" of the lead province (unlocated:{province})";

    /// <summary>Codes with a label of their own (a metric the comparison offers).</summary>
    private static readonly Dictionary<string, string> Labelled = new(StringComparer.Ordinal) { ["outputs.jobs-created"] = "Gecreëerde jobs" };

    private static MeasureDefinition Granted(string code, string label, string filter) =>
        new(code, label, MeasureUnit.Money, [typeof(SubsidyGranted)], [typeof(ProjectRegistered)], ProjectAmendments,
            MeasureAttribution.GrantingProvince, $"SubsidyGranted amounts: {filter}; {Money}");

    // A payment counts under its grant's funder: the grants come with it. Paid is net: a recovery, in its own year, subtracts.
    private static MeasureDefinition Paid(string code, string label, string filter) =>
        new(code, label, MeasureUnit.Money, [typeof(SubsidyPaid), typeof(SubsidyRecovered)], [typeof(ProjectRegistered), typeof(SubsidyGranted)], ProjectAmendments,
            MeasureAttribution.GrantingProvince, $"SubsidyPaid amounts minus SubsidyRecovered amounts (net of recoveries): {filter}; {Money} (a payment, a recovery: its grant's)");

    // What was taken back, shown apart from the (net) paid figures it is subtracted from.
    private static MeasureDefinition Recovered(string code, string label, string filter) =>
        new(code, label, MeasureUnit.Money, [typeof(SubsidyRecovered)], [typeof(ProjectRegistered), typeof(SubsidyGranted)], ProjectAmendments,
            MeasureAttribution.GrantingProvince, $"SubsidyRecovered amounts: {filter}; {Money} (a recovery: its grant's)");

    // What others put into the projects a province leads, apart from its own money; a payment or a recovery under its grant (paid: net).
    private static MeasureDefinition Cofunded(string code, string label, Type e, string filter) =>
        e == typeof(SubsidyPaid)
            ? new(code, label, MeasureUnit.Money, [e, typeof(SubsidyRecovered)], [typeof(ProjectRegistered), typeof(SubsidyGranted)],
                ProjectAmendments, MeasureAttribution.OtherFunders, $"SubsidyPaid amounts minus SubsidyRecovered amounts: {filter}; {Others}")
            : new(code, label, MeasureUnit.Money, [e], e == typeof(SubsidyRecovered) ? [typeof(ProjectRegistered), typeof(SubsidyGranted)] : [typeof(ProjectRegistered)],
                ProjectAmendments, MeasureAttribution.OtherFunders, $"{e.Name} amounts: {filter}; {Others}");

    private static MeasureDefinition Projects(string code, string label, string filter, MeasureAttribution attribution) =>
        new(code, label, MeasureUnit.Count, [typeof(ProjectRegistered), typeof(ProjectStatusChanged)], [], ProjectAmendments, attribution,
            $"registered projects not retracted: {filter}; by lead province (Vlaanderen: each project once), a cluster: its own projects");

    /// <summary>
    /// A campaign figure (<c>campaign.{figure}</c>, scope <c>campaign:{slug}</c>): the campaign's participating provinces
    /// together; <c>campaign.{figure}.{province}</c> is one participating province's part (a market's or municipality's province).
    /// </summary>
    private static MeasureDefinition[] Campaign(string figure, string label, Type e, Type[] context, string filter) =>
    [
        new($"campaign.{figure}", $"Campagne: {label}", MeasureUnit.Count, [e], [typeof(CampaignLaunched), .. context], CampaignAmendments,
            MeasureAttribution.Campaign, $"{filter}; the campaign's participating provinces together"),
        new($"campaign.{figure}.{{province}}", $"Campagne: {label} per provincie", MeasureUnit.Count, [e], [typeof(CampaignLaunched), .. context],
            CampaignAmendments, MeasureAttribution.Campaign, $"{filter}; the province {{province}}, when it participates"),
    ];

    // The code stays budget.* (the API names it so); what it counts is the council's credit (BBC 2020).
    private static MeasureDefinition Credit(string code, string label, string filter) =>
        new(code, label, MeasureUnit.Money, [typeof(BudgetAllocated), typeof(CreditAdjusted)], [], ProvinceAmendments, MeasureAttribution.OwnProvince,
            $"{filter}: BudgetAllocated amounts (an old log's several allocations of one domain and year summed, as recorded) plus "
            + "CreditAdjusted changes; the province's own stream, and Vlaanderen");

    private static MeasureDefinition Province(string code, string label, MeasureUnit unit, Type e, string filter) =>
        new(code, label, unit, [e], [], ProvinceAmendments, MeasureAttribution.OwnProvince, $"{filter}; the province's own stream, and Vlaanderen");
}
