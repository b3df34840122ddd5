using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts;

/// <summary>
/// Dutch labels of the fields of commands and of the aggregates' states, by JSON name (camelCase): the correction form,
/// the replay's state and the refusals' field texts read them from here. A field without one keeps its name.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["projectId"] = "Project-id",
        ["registered"] = "Geregistreerd",
        ["title"] = "Titel",
        ["externalRef"] = "Eigen code",
        ["leadProvince"] = "Leidende provincie",
        ["participatingProvinces"] = "Deelnemende provincies",
        ["domain"] = "Domein",
        ["clusters"] = "Clusters",
        ["partners"] = "Partners",
        ["plannedStart"] = "Geplande start",
        ["plannedEnd"] = "Gepland einde",
        ["totalBudget"] = "Totaal budget",
        ["crossBorderProgramme"] = "Grensoverschrijdend programma",
        ["status"] = "Status",
        ["grants"] = "Subsidies",
        ["grantRef"] = "Subsidiereferentie",
        ["amount"] = "Bedrag",
        ["funder"] = "Financier",
        ["grantingProvince"] = "Toekennende provincie",
        ["paid"] = "Uitbetaald",
        ["payments"] = "Betalingen",
        ["milestones"] = "Mijlpalen",
        ["outputs"] = "Resultaten",
        ["metric"] = "Maatstaf",
        ["value"] = "Waarde",
        ["period"] = "Periode",
        ["slug"] = "Code",
        ["name"] = "Naam",
        ["nisCode"] = "NIS-code",
        ["pom"] = "POM",
        ["populations"] = "Bevolking",
        ["inhabitants"] = "Inwoners",
        ["municipalities"] = "Gemeenten",
        ["referenceYear"] = "Referentiejaar",
        ["decisions"] = "Beslissingen",
        ["reference"] = "Referentie",
        ["decidingBody"] = "Beslissend orgaan",
        ["summary"] = "Samenvatting",
        ["budget"] = "Budget",
        ["adjustments"] = "Aanpassingen van kredieten",
        ["change"] = "Wijziging",
        ["year"] = "Jaar",
        ["indicators"] = "Indicatoren",
        ["targets"] = "Doelstellingen",
        ["indicatorCode"] = "Indicator",
        ["targetValue"] = "Streefwaarde",
        ["unit"] = "Eenheid",
        ["source"] = "Bron",
        ["permitAdvice"] = "Adviezen detailhandel",
        ["appeals"] = "Beroepen",
        ["appealDecisions"] = "Beslissingen over beroepen",
        ["outcome"] = "Uitkomst",
        ["members"] = "Leden",
        ["member"] = "Lid",
        ["memberKind"] = "Soort lid",
        ["sector"] = "Sector",
        ["buyer"] = "Koper (bedrijf)",
        ["grossHectares"] = "Bruto oppervlakte (ha)",
        ["netHectares"] = "Netto oppervlakte (ha)",
        ["hectares"] = "Oppervlakte (ha)",
        ["managingBody"] = "Beheerder",
        ["phase"] = "Fase",
        ["vacantHectares"] = "Leegstand (ha)",
        ["reserveHectares"] = "Reserve (ha)",
        ["plots"] = "Percelen",
        ["issued"] = "Uitgegeven (ha)",
        ["vacant"] = "Leegstand bij de laatste meting (ha)",
        ["reserve"] = "Reserve bij de laatste meting (ha)",
        ["listed"] = "Op de lijst",
        ["solved"] = "Weggewerkt",
        ["changedAfterSolved"] = "Gewijzigd na het wegwerken",
        ["kind"] = "Soort",
        ["province"] = "Provincie",
        ["provinces"] = "Provincies",
        ["funding"] = "Financiering",
        ["purpose"] = "Doel",
        ["periodStart"] = "Begin periode",
        ["periodEnd"] = "Einde periode",
        ["closed"] = "Afgesloten",
        ["markets"] = "Markten",
        ["marketId"] = "Markt-id",
        ["municipality"] = "Gemeente",
        ["weekday"] = "Weekdag",
        ["traders"] = "Marktkramers",
        ["entries"] = "Deelnames",
        ["days"] = "Marktdagen",
        ["actions"] = "Acties",
        ["campaign"] = "Campagne",
        ["effectiveDate"] = "Datum van inwerkingtreding",
        ["retracted"] = "Geschrapt",
        ["advice"] = "Advies",
        ["appealRef"] = "Referentie van het beroep",
        ["appellant"] = "Indiener van het beroep",
        ["at"] = "Tijdstip",
        ["body"] = "Orgaan",
        ["changes"] = "Wijzigingen",
        ["field"] = "Veld",
        ["newValue"] = "Nieuwe waarde",
        ["count"] = "Aantal",
        ["date"] = "Datum",
        ["decisionRef"] = "Referentie van de beslissing",
        ["description"] = "Beschrijving",
        ["eventId"] = "Gebeurtenis",
        ["goodsCategory"] = "Goederencategorie",
        ["legalBasis"] = "Rechtsgrond",
        ["milestone"] = "Mijlpaal",
        ["netRetailAreaM2"] = "Netto handelsoppervlakte (m²)",
        ["paymentRef"] = "Referentie van de betaling",
        ["permitRef"] = "Referentie van de vergunning",
        ["tradersPresent"] = "Aanwezige marktkramers",
        ["votesAbstaining"] = "Onthoudingen",
        ["votesAgainst"] = "Stemmen tegen",
        ["votesFor"] = "Stemmen voor",
        ["arguments"] = "Argumenten",
        ["breaches"] = "Afwijkingen",
        ["membershipBreaches"] = "Afwijkingen in het lidmaatschap",
        ["closedReason"] = "Reden van afsluiting",
        ["code"] = "Code",
        ["dutch"] = "Tekst",
        ["message"] = "Bericht",
        ["errors"] = "Fouten",
        ["fundings"] = "Financieringen",
        ["key"] = "Sleutel",
        ["launched"] = "Gelanceerd",
        ["measurements"] = "Metingen",
        ["totalEntries"] = "Deelnames in totaal",
        ["reason"] = "Reden",
        ["regulation"] = "Subsidiereglement",
        ["beneficiaryName"] = "Begunstigde",
        ["companyNumber"] = "Ondernemingsnummer",
        ["beneficiaryId"] = "Begunstigde (id)",
        ["recoveryRef"] = "Referentie van de terugvordering",
        ["recovered"] = "Teruggevorderd",
        ["net"] = "Uitbetaald na terugvorderingen",
        ["balanceRef"] = "Betaling van het saldo",
        ["paidAfterBalance"] = "Betaald na het saldo",
        ["applicationKind"] = "Soort aanvraag",
        ["categories"] = "Categorieën van kleinhandelsactiviteiten",
        ["category"] = "Categorie",
        ["areaM2"] = "Oppervlakte (m²)",
        ["decision"] = "Beslissing",
        ["permitDecisions"] = "Beslissingen van de deputatie over kleinhandelsvergunningen",
        ["coFinancingRate"] = "Eigen EFRO-cofinancieringspercentage",
        ["programme"] = "Programma",
        ["consultationRef"] = "Referentie van het overleg",
        ["subject"] = "Onderwerp",
        ["obstacleRef"] = "Referentie van het obstakel",
        ["theme"] = "Thema",
        ["note"] = "Toelichting",
        ["solution"] = "Oplossing",
        ["consultations"] = "Grensoverleggen",
        ["obstacles"] = "Grensobstakels",
        ["action"] = "Actie",
        ["market"] = "Markt",
        ["cluster"] = "Cluster",
        ["businessPark"] = "Bedrijventerrein",
        ["idempotencyKey"] = "Idempotentiesleutel",
    };

    public static IEnumerable<string> Names => Labels.Keys;

    public static string Of(string member) => Labels.GetValueOrDefault(member) ?? member;

    /// <summary>
    /// Field names that hold other codes in other events and commands: the codes by the record (event or command) that holds
    /// the field; null: free text there. A record not named here reads the codes the name has alone (<see cref="CodesByName"/>).
    /// </summary>
    private static readonly Dictionary<string, (LabelTable? Codes, Type[] Records)[]> CodesByRecord = new(StringComparer.Ordinal)
    {
        ["kind"] =
        [
            (DutchLabels.PaymentKinds, [typeof(SubsidyPaid), typeof(PaySubsidy)]),
            (DutchLabels.ParkKinds, [typeof(BusinessParkRegistered), typeof(RegisterBusinessPark)]),
            (DutchLabels.ClusterKinds, [typeof(ClusterRegistered), typeof(RegisterCluster)]),
            (null, [typeof(PartnerJoined), typeof(AddPartner)]),
        ],
        ["status"] =
        [
            (DutchLabels.Statuses, [typeof(ProjectStatusChanged), typeof(ChangeProjectStatus)]),
            (DutchLabels.ObstacleStatuses, [typeof(BorderObstacleStatusChanged), typeof(ChangeBorderObstacleStatus)]),
        ],
        ["source"] = [(null, [typeof(IndicatorMeasured), typeof(MeasureIndicator), typeof(MeasureRegionIndicator), typeof(MunicipalitiesLoaded)])],
    };

    /// <summary>The field names whose codes depend on the event or command that holds them.</summary>
    public static IReadOnlyCollection<string> NamesCodedByRecord => CodesByRecord.Keys;

    /// <summary>Whether the codes of <paramref name="record"/>'s field <paramref name="field"/> are declared by record.</summary>
    public static bool Declares(Type record, string field) => CodesByRecord.TryGetValue(field, out var entries) && entries.Any(e => e.Records.Contains(record));

    /// <summary>
    /// The codes a field of an event or a command holds (<paramref name="record"/>: its type; null: unknown), by JSON name:
    /// <c>status</c> of a project holds a project status, <c>kind</c> of a payment a payment kind, of a partner free text.
    /// </summary>
    public static LabelTable? CodesOf(Type? record, string field) =>
        record is not null && CodesByRecord.TryGetValue(field, out var entries) && entries.FirstOrDefault(e => e.Records.Contains(record)) is { Records: not null } entry
            ? entry.Codes
            : CodesByName(field);

    /// <summary>The codes a field name holds whatever record holds it; none for a name whose codes depend on the record.</summary>
    private static LabelTable? CodesByName(string field) => field switch
    {
        "domain" => DutchLabels.Domains,
        "funder" => DutchLabels.Funders,
        "status" => DutchLabels.Statuses,
        "metric" => DutchLabels.OutputMetrics,
        "indicatorCode" or "code" => DutchLabels.Indicators,
        "unit" => DutchLabels.Units,
        "decidingBody" or "body" => DutchLabels.Bodies,
        "advice" => DutchLabels.RetailAdvices,
        "outcome" => DutchLabels.AppealOutcomes,
        "decision" => DutchLabels.RetailPermitDecisions,
        "applicationKind" => DutchLabels.RetailApplicationKinds,
        "category" => DutchLabels.RetailCategories,
        "memberKind" => DutchLabels.MemberKinds,
        "purpose" => DutchLabels.FundingPurposes,
        "phase" => DutchLabels.ParkPhases,
        "theme" => DutchLabels.ObstacleThemes,
        "weekday" => DutchLabels.Weekdays,
        "role" => DutchLabels.Roles,
        "source" => DutchLabels.Sources,
        _ => null,
    };

    /// <summary>Free text that may hold a code, read by its label but offered as text: a goods category (the largest category's code when the area is divided).</summary>
    private static LabelTable? CodesWithin(string field) => field == "goodsCategory" ? DutchLabels.RetailCategories : null;

    /// <summary>
    /// A member of an aggregate's state at a path (<c>obstacles.GO-1.status</c>) as a reader reads it: by the codes of the
    /// command of that kind of aggregate that holds a field of the member's name.
    /// </summary>
    public static string ValueIn(CommandKind kind, string path, string value)
    {
        var member = Member(path);
        var parts = path.Split('.');
        // A member of an entry of a collection (members.{name}.kind) is first the field named after the entry (memberKind).
        if (parts.Length >= 3 && parts[^3] is { Length: > 1 } collection && collection.EndsWith('s') && member.Length > 0)
        {
            var entryField = collection[..^1] + char.ToUpperInvariant(member[0]) + member[1..];
            if (CommandOf(kind, entryField) is { } entryRecord) return Value(entryRecord, entryField, value);
        }
        return Value(CommandOf(kind, member), member, value);
    }

    private static Type? CommandOf(CommandKind kind, string field) => CommandCatalog.All.FirstOrDefault(c => c.Kind == kind && c.Fields.ContainsKey(field))?.Command;

    /// <summary>A field's value as a reader reads it: a code by its Dutch label, a province or municipality by its name; other values as they are.</summary>
    public static string Value(string field, string value) => Value(null, field, value);

    /// <summary>A field's value as <see cref="Value(string, string)"/> reads it, by the codes of the record (event or command) that holds it.</summary>
    public static string Value(Type? record, string field, string value)
    {
        if ((CodesOf(record, field) ?? CodesWithin(field)) is { } codes && codes.Has(value)) return codes.Of(value);
        if (field.Contains("rovince", StringComparison.Ordinal) && ReferenceData.FindProvince(value) is { } province) return province.NameNl;
        if (field.StartsWith("municipalit", StringComparison.Ordinal) && ReferenceData.FindMunicipality(value) is { } municipality) return municipality.NameNl;
        return value;
    }

    /// <summary>The value at a path (<c>grants.KC-01.funder</c>, <c>municipalities[0]</c>) as <see cref="Value(string, string)"/> reads it, by the path's last member.</summary>
    public static string ValueAt(string path, string value) => Value(Member(path), value);

    /// <summary>The last member of a path without its indexes: <c>funder</c> of <c>grants.KC-01.funder</c>, <c>municipalities</c> of <c>municipalities[0]</c>.</summary>
    private static string Member(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }

    /// <summary>
    /// A path with its members in Dutch and its indexes counted from 1: <c>grants.KC-01.amount</c> as
    /// <c>Subsidies › KC-01 › Bedrag</c>, <c>municipalities[0]</c> as <c>Gemeenten nr. 1</c>.
    /// </summary>
    public static string Path(string path) =>
        string.Join(" › ", path.Split('.').Select(part =>
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0) return Of(part);
            var label = Of(part[..bracket]);
            foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                label += int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
                    ? $" nr. {i + 1}" : $"[{index}]";
            return label;
        }));
}
