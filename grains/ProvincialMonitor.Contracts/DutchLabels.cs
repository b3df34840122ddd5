using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts;

/// <summary>The Dutch labels of one kind of code, in the order a form offers them; a code without a label reads as itself.</summary>
public sealed class LabelTable(string kind, IEnumerable<KeyValuePair<string, string>> labels)
{
    private readonly Dictionary<string, string> _byCode = labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    /// <summary>What the codes are (for a test's message): "funder", "status".</summary>
    public string Kind { get; } = kind;

    /// <summary>Code and Dutch label, in a reader's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; } = [.. labels];

    public IEnumerable<string> Codes => Options.Select(o => o.Key);

    public bool Has(string? code) => code is not null && _byCode.ContainsKey(code);

    public string Of(string? code) => code is null ? "–" : _byCode.GetValueOrDefault(code) ?? code;
}

/// <summary>
/// The Dutch labels of the codes events and commands carry (domains, funders, statuses, bodies, roles…), one table each,
/// said once: the event summaries, the dashboard's pages and forms read them from here. Stored codes never change.
/// </summary>
public static class DutchLabels
{
    public static LabelTable Domains { get; } = new("domain", PolicyDomains.DutchNames);

    public static LabelTable Funders { get; } = Table("funder", ("province", "Provincie"), ("pom", "POM"), ("flanders", "Vlaamse overheid"), ("eu", "Europese Unie"));

    public static LabelTable Statuses { get; } = Table("status",
        (ProjectStatuses.Planned, "Gepland"), (ProjectStatuses.Running, "Lopend"), (ProjectStatuses.Completed, "Afgerond"), (ProjectStatuses.Stopped, "Stopgezet"));

    public static LabelTable OutputMetrics { get; } = Table("output metric",
        ("jobs-created", "Gecreëerde jobs"), ("companies-supported", "Ondersteunde bedrijven"), ("hectares-activated", "Geactiveerde hectare"),
        ("learners-reached", "Bereikte lerenden"), ("tonnes-recycled", "Gerecycleerde ton"), ("startups-supported", "Ondersteunde starters"));

    /// <summary>The indicators known by name; other indicator codes are open slugs and read as themselves.</summary>
    public static LabelTable Indicators { get; } = Table("indicator",
        (Events.Indicators.EmploymentRate, "Werkzaamheidsgraad"), (Events.Indicators.VacancyRate, "Vacaturegraad"));

    public static LabelTable Units { get; } = Table("unit", (IndicatorUnits.Percent, "Procent"), (IndicatorUnits.Count, "Aantal"), (IndicatorUnits.Euro, "Euro"));

    public static LabelTable Bodies { get; } = Table("body",
        (Contracts.Bodies.Deputatie, "Deputatie"), (Contracts.Bodies.Provincieraad, "Provincieraad"), (Contracts.Bodies.Pom, "POM"));

    public static LabelTable RetailAdvices { get; } = Table("retail advice",
        (Events.RetailAdvices.Favourable, "Gunstig"), (Events.RetailAdvices.Conditional, "Voorwaardelijk gunstig"), (Events.RetailAdvices.Unfavourable, "Ongunstig"));

    /// <summary>The appeal outcomes of the environmental-permit procedure; the first three are those recorded before, with their meaning.</summary>
    public static LabelTable AppealOutcomes { get; } = Table("appeal outcome",
        (Events.AppealOutcomes.Granted, "Gegrond (ingewilligd)"), (Events.AppealOutcomes.PartiallyGranted, "Deels gegrond (gedeeltelijk ingewilligd)"),
        (Events.AppealOutcomes.Rejected, "Ongegrond (verworpen)"), (Events.AppealOutcomes.Inadmissible, "Onontvankelijk"),
        (Events.AppealOutcomes.PermitGranted, "Gegrond: vergunning verleend"), (Events.AppealOutcomes.PermitPartiallyGranted, "Gegrond: vergunning deels verleend"),
        (Events.AppealOutcomes.PermitRefused, "Gegrond: vergunning geweigerd"),
        (Events.AppealOutcomes.DeemedRefused, "Stilzwijgende weigering (geen tijdige beslissing)"));

    public static LabelTable RetailPermitDecisions { get; } = Table("retail permit decision",
        (Events.RetailPermitDecisions.Granted, "Vergunning verleend"), (Events.RetailPermitDecisions.PartiallyGranted, "Vergunning deels verleend"),
        (Events.RetailPermitDecisions.Refused, "Vergunning geweigerd"), (Events.RetailPermitDecisions.DeemedRefused, "Stilzwijgende weigering (geen tijdige beslissing)"));

    /// <summary>The application kinds of the decree, from the reference data.</summary>
    public static LabelTable RetailApplicationKinds { get; } = new("retail application kind",
        Reference.RetailRules.Kinds.Select(k => new KeyValuePair<string, string>(k.Code, k.NameNl)));

    /// <summary>Every category of retail activity of any list, by its newest name, from the reference data.</summary>
    public static LabelTable RetailCategories { get; } = new("retail category",
        Reference.RetailRules.AllCategoryCodes.Select(c => new KeyValuePair<string, string>(c, Reference.RetailRules.CategoryName(c))));

    public static LabelTable MemberKinds { get; } = Table("member kind",
        ("company", "Bedrijf"), ("knowledge-institution", "Kennisinstelling"), ("government", "Overheid"), ("other", "Andere"));

    public static LabelTable FundingPurposes { get; } = Table("funding purpose",
        ("project-work", "Projectwerking"), ("structural-investment", "Structurele investering"), ("branding", "Profilering"));

    public static LabelTable ClusterKinds { get; } = Table("cluster kind",
        (Events.ClusterKinds.Spearhead, "Speerpuntcluster"), (Events.ClusterKinds.Provincial, "Provinciale cluster"));

    public static LabelTable ParkKinds { get; } = Table("business park kind",
        (BusinessParkKinds.Regional, "Regionaal bedrijventerrein"), (BusinessParkKinds.Local, "Lokaal bedrijventerrein"),
        (BusinessParkKinds.Logistics, "Logistiek terrein"), (BusinessParkKinds.SciencePark, "Wetenschapspark"), (BusinessParkKinds.Port, "Havengebied"));

    public static LabelTable ParkPhases { get; } = Table("business park phase",
        (BusinessParkPhases.Planned, "Gepland"), (BusinessParkPhases.InDevelopment, "In ontwikkeling"),
        (BusinessParkPhases.Ready, "Bouwrijp"), (BusinessParkPhases.FullyIssued, "Volledig uitgegeven"));

    public static LabelTable ObstacleStatuses { get; } = Table("border obstacle status",
        (BorderObstacleStatuses.Recorded, "Geregistreerd"), (BorderObstacleStatuses.InProgress, "In behandeling"),
        (BorderObstacleStatuses.Escalated, "Doorverwezen naar een hoger niveau"), (BorderObstacleStatuses.OnHold, "Opgeschort"),
        (BorderObstacleStatuses.Solved, "Weggewerkt"));

    public static LabelTable ObstacleThemes { get; } = Table("border obstacle theme",
        ("labour", "Arbeid"), ("tax-social-security", "Fiscaliteit en sociale zekerheid"), ("mobility", "Mobiliteit"),
        ("spatial-planning", "Ruimtelijke ordening"), ("health", "Gezondheidszorg"), ("education", "Onderwijs"),
        ("business", "Ondernemen"), ("other", "Andere"));

    public static LabelTable Weekdays { get; } = Table("weekday",
        ("monday", "maandag"), ("tuesday", "dinsdag"), ("wednesday", "woensdag"), ("thursday", "donderdag"),
        ("friday", "vrijdag"), ("saturday", "zaterdag"), ("sunday", "zondag"));

    public static LabelTable Roles { get; } = Table("role",
        (Contracts.Roles.Deputy, "gedeputeerde"), (Contracts.Roles.Officer, "provinciaal ambtenaar"), (Contracts.Roles.Coordinator, "campagnecoördinator"),
        (Contracts.Roles.Auditor, "auditor"), (Contracts.Roles.Admin, "beheerder"),
        (Contracts.Roles.Metrics, "metriekenlezer"));

    public static LabelTable Sources { get; } = Table("source",
        (Contracts.Sources.Api, "API"), (Contracts.Sources.Form, "Formulier"), (Contracts.Sources.Import, "Import"),
        (Contracts.Sources.Simulator, "Simulator"), (Contracts.Sources.Demo, "Demo"), (Contracts.Sources.Reference, "Referentiegegevens"));

    public static LabelTable PaymentKinds { get; } = Table("payment kind", (Events.PaymentKinds.Advance, "Voorschot"), (Events.PaymentKinds.Balance, "Saldo"));

    /// <summary>Every table: a test checks each catalog of codes against its table, and the browser test forbids the codes on pages.</summary>
    public static IReadOnlyList<LabelTable> All { get; } =
        [Domains, Funders, Statuses, OutputMetrics, Indicators, Units, Bodies, RetailAdvices, AppealOutcomes, MemberKinds, FundingPurposes,
         ClusterKinds, ParkKinds, ParkPhases, Weekdays, Roles, Sources, PaymentKinds, RetailPermitDecisions, RetailApplicationKinds, RetailCategories];

    private static LabelTable Table(string kind, params (string Code, string Label)[] labels) =>
        new(kind, labels.Select(l => new KeyValuePair<string, string>(l.Code, l.Label)));
}
