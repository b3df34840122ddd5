using System.Globalization;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// The Dutch wording of every event, in one place: its name (the type column, the filters, the replay) and its one-line
/// summary (the ticker, the log, the export), with amounts and numbers as in Belgium (€ 1.234,56). Every event type has
/// an entry (a unit test checks it), so that no stored type name reaches a Dutch page.
/// </summary>
public static class EventWording
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    /// <summary>The wording of one event type; <see cref="InFilter"/>: offered as a filter on the events and audit pages.</summary>
    private sealed record Entry(Type Type, string Name, Func<IDomainEvent, string> Summary, bool InFilter);

    private static readonly Entry[] Entries =
    [
        Of<ProjectRegistered>("Project geregistreerd", r => $"Project geregistreerd: {r.Title}"),
        Of<SubsidyGranted>("Subsidie toegekend", g => $"Subsidie toegekend: {Euro(g.Amount)} ({DutchLabels.Funders.Of(g.Funder)})"),
        Of<SubsidyPaid>("Subsidie uitbetaald", p => $"Subsidie uitbetaald: {Euro(p.Amount)}{(p.Kind == PaymentKinds.Balance ? " (saldo)" : "")}"),
        Of<SubsidyRecovered>("Subsidie teruggevorderd", r => $"Subsidie teruggevorderd: {Euro(r.Amount)}"),
        Of<OutputReported>("Resultaat gemeld", o => $"Resultaat gemeld: {DutchLabels.OutputMetrics.Of(o.Metric)} {o.Value.ToString("#,##0.##", Belgian)}"),
        Of<ProjectStatusChanged>("Projectstatus gewijzigd", s => $"Projectstatus: {DutchLabels.Statuses.Of(s.Status)}"),
        Of<PartnerJoined>("Partner toegetreden", j => $"Partner toegetreden: {j.Name}"),
        Of<MilestoneReached>("Mijlpaal bereikt", m => $"Mijlpaal bereikt: {m.Milestone}"),
        Of<ProjectLocated>("Ligging vastgelegd", l => $"Ligging: {string.Join(", ", l.Municipalities.Select(n => ReferenceData.FindMunicipality(n)?.NameNl ?? n))}"),
        Of<ProjectCorrected>("Correctie (project)", Corrected),
        Of<ProjectRetracted>("Schrapping (project)", Retracted),
        Of<DecisionTaken>("Beslissing", d => $"Beslissing {DutchLabels.Bodies.Of(d.DecidingBody)}: {d.Title}"),
        Of<BudgetAllocated>("Krediet vastgesteld", b => $"Krediet {b.Year}: {Euro(b.Amount)} ({DutchLabels.Domains.Of(b.Domain)})"),
        Of<CreditAdjusted>("Krediet aangepast", c => $"Krediet {c.Year} aangepast tot {Euro(c.Amount)} ({DutchLabels.Domains.Of(c.Domain)})"),
        Of<PopulationRecorded>("Bevolking vastgelegd"),
        Of<RetailPermitAdviceGiven>("Advies detailhandel", RetailWording.Advice),
        Of<RetailAppealFiled>("Beroep detailhandel ingediend", RetailWording.Filed),
        Of<RetailAppealDecided>("Beroep detailhandel beslist", d => $"Beroep detailhandel beslist: {DutchLabels.AppealOutcomes.Of(d.Outcome)}"),
        Of<RetailPermitDecided>("Beslissing deputatie kleinhandelsvergunning", RetailWording.Permit),
        Of<ProvinceCorrected>("Correctie (provincie)", Corrected),
        Of<ProvinceRetracted>("Schrapping (provincie)", Retracted),
        Of<IndicatorMeasured>("Indicator gemeten", i => $"Gemeten: {DutchLabels.Indicators.Of(i.IndicatorCode)} {Value(i.Value, i.Unit)} ({i.Period})"),
        Of<TargetSet>("Doelstelling vastgelegd", t => $"Doelstelling: {DutchLabels.Indicators.Of(t.IndicatorCode)} {t.TargetValue.ToString("#,##0.##", Belgian)} tegen {t.Year}"),
        Of<RegionCorrected>("Correctie (Vlaanderen)", Corrected),
        Of<RegionRetracted>("Schrapping (Vlaanderen)", Retracted),
        Of<ClusterRegistered>("Cluster geregistreerd"),
        Of<ClusterMemberJoined>("Lid toegetreden"),
        Of<ClusterMemberLeft>("Lid vertrokken"),
        Of<ClusterFundingGranted>("Clusterfinanciering", f => $"Clusterfinanciering: {Euro(f.Amount)} ({ReferenceData.FindProvince(f.Province)?.NameNl ?? f.Province})"),
        Of<ClusterCorrected>("Correctie (cluster)", Corrected),
        Of<ClusterRetracted>("Schrapping (cluster)", Retracted),
        Of<BusinessParkRegistered>("Bedrijventerrein geregistreerd", r => $"Bedrijventerrein geregistreerd: {r.Name} ({Hectares(r.NetHectares)} netto)"),
        Of<BusinessParkPhaseChanged>("Fase bedrijventerrein", p => $"Fase bedrijventerrein: {DutchLabels.ParkPhases.Of(p.Phase)}"),
        Of<PlotIssued>("Perceel uitgegeven", p => $"Perceel uitgegeven: {Hectares(p.Hectares)} aan {p.Buyer}"),
        Of<BusinessParkVacancyMeasured>("Leegstand gemeten", v => $"Leegstand {Hectares(v.VacantHectares)}, reserve {Hectares(v.ReserveHectares)}"),
        Of<BusinessParkCorrected>("Correctie (bedrijventerrein)", Corrected),
        Of<BusinessParkRetracted>("Schrapping (bedrijventerrein)", Retracted),

        Of<BorderConsultationHeld>("Grensoverleg gehouden", c => $"Grensoverschrijdend streekoverleg: {c.Subject} ({string.Join(", ", c.Partners)})"),
        Of<BorderObstacleRecorded>("Grensobstakel geregistreerd", r => $"Grensobstakel op de GROS-lijst: {r.Title}"),
        Of<BorderObstacleStatusChanged>("Status grensobstakel", s => $"Grensobstakel {s.ObstacleRef}: {DutchLabels.ObstacleStatuses.Of(s.Status)}"),
        Of<BorderObstacleSolved>("Grensobstakel weggewerkt", s => $"Grensobstakel {s.ObstacleRef} weggewerkt"),
        Of<BorderCorrected>("Correctie (grensoverleg)", Corrected),
        Of<BorderRetracted>("Schrapping (grensoverleg)", Retracted),

        Of<CampaignLaunched>("Campagne gestart", c => $"Campagne gestart: {c.Name} ({c.PeriodStart.ToString("d MMMM", Belgian)} – {c.PeriodEnd.ToString("d MMMM yyyy", Belgian)})", inFilter: false),
        Of<MunicipalityJoined>("Gemeente neemt deel", m => $"Gemeente neemt deel: {ReferenceData.FindMunicipality(m.Municipality)?.NameNl ?? m.Municipality}", inFilter: false),
        Of<MarketJoined>("Markt neemt deel", m => $"Markt neemt deel: {m.Name} ({m.Traders.ToString("N0", Belgian)} marktkramers)", inFilter: false),
        Of<CampaignActionHeld>("Campagneactie", a => $"Campagneactie: {a.Title}", inFilter: false),
        Of<CampaignClosed>("Campagne afgesloten", inFilter: false),
        Of<CampaignCorrected>("Correctie (campagne)", Corrected, inFilter: false),
        Of<CampaignRetracted>("Schrapping (campagne)", Retracted, inFilter: false),
        Of<MarketRegistered>("Markt ingeschreven voor de campagne", inFilter: false),
        Of<MarketDayHeld>("Marktdag", d => $"Marktdag {d.Date.ToString("d MMMM", Belgian)}: {d.TradersPresent.ToString("N0", Belgian)} marktkramers aanwezig", inFilter: false),
        Of<EntriesRegistered>("Deelnames geregistreerd", n => $"Deelnames: {n.Count.ToString("N0", Belgian)}", inFilter: false),
        Of<MarketClosed>("Markt afgesloten (einde campagne)", inFilter: false),
        Of<MarketCorrected>("Correctie (markt)", Corrected, inFilter: false),
        Of<MarketRetracted>("Schrapping (markt)", Retracted, inFilter: false),

        Of<ProvinceRegistered>("Provincie geregistreerd", inFilter: false),
        Of<MunicipalitiesLoaded>("Gemeenten geladen (referentiegegevens)", inFilter: false),
        Of<ChainVerified>("Keten gecontroleerd", inFilter: false),
        Of<ChainBreakAcknowledged>("Ketenbreuk erkend", inFilter: false),
        Of<RecordExported>("Register geëxporteerd", inFilter: false),
        Of<UserRegistered>("Gebruiker geregistreerd", inFilter: false),
        Of<UserRoleChanged>("Rol van gebruiker gewijzigd", inFilter: false),
        Of<UserDisabled>("Gebruiker uitgeschakeld", inFilter: false),
        Of<UserEnabled>("Gebruiker ingeschakeld", inFilter: false),
        Of<UserPasswordChanged>("Wachtwoord gewijzigd", inFilter: false),
        Of<UserNameErased>("Naam van gebruiker gewist", inFilter: false),
        Of<BeneficiaryNameErased>("Naam van begunstigde gewist", inFilter: false),
        Of<ApiKeyCreated>("API-sleutel aangemaakt", inFilter: false),
        Of<ApiKeyRevoked>("API-sleutel ingetrokken", inFilter: false),
    ];

    private static readonly Dictionary<Type, Entry> ByType = Entries.ToDictionary(e => e.Type);

    /// <summary>The event types that have a wording (every event type, when the table is complete).</summary>
    public static IEnumerable<Type> Worded => ByType.Keys;

    /// <summary>The Dutch name of an event type by any stored name of it (an older version reads as its current one); the stored name for an unknown type.</summary>
    public static string NameOf(string storedType) =>
        EventTypes.TypeOf(storedType) is { } type && ByType.TryGetValue(type, out var entry) ? entry.Name : storedType;

    /// <summary>The event's one line in Dutch.</summary>
    public static string Summary(IDomainEvent e) => ByType.TryGetValue(e.GetType(), out var entry) ? entry.Summary(e) : EventTypes.NameOf(e);

    /// <summary>The event types offered as a filter, current stored name and Dutch name, in a reader's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FilterOptions { get; } =
        [.. Entries.Where(e => e.InFilter).Select(e => new KeyValuePair<string, string>(EventTypes.NameOf(e.Type), e.Name))];

    private static Entry Of<T>(string name, Func<T, string>? summary = null, bool inFilter = true) where T : IDomainEvent =>
        new(typeof(T), name, summary is null ? _ => name : e => summary((T)e), inFilter);

    private static string Corrected(IDomainEvent _) => "Correctie van een eerdere registratie";

    private static string Retracted(IDomainEvent _) => "Schrapping van een eerdere registratie";

    /// <summary>An area: <c>12,5 ha</c>.</summary>
    public static string Hectares(decimal hectares) => hectares.ToString("#,##0.##", Belgian) + " ha";

    private static string Euro(decimal amount) => "€ " + amount.ToString("N2", Belgian);

    /// <summary>A measured value in its unit: 76,1 %, € 1.234,00 or a number.</summary>
    private static string Value(decimal value, string unit) => unit switch
    {
        IndicatorUnits.Percent => value.ToString("0.0##", Belgian) + " %",
        IndicatorUnits.Euro => Euro(value),
        _ => value.ToString("#,##0.##", Belgian),
    };
}
