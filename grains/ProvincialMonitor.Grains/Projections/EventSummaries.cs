using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>One line in Dutch for the live ticker, with amounts as in Belgium (€ 1.234,56).</summary>
public static class EventSummaries
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    public static EventSummary Of(RecordedEvent e) =>
        new(e.Position, e.StreamId, e.EventType, e.EffectiveDate, e.RecordedAt, [.. e.Tags.Provinces], Describe(e));

    private static string Describe(RecordedEvent recorded)
    {
        IDomainEvent? e;
        try { e = EventJson.Deserialize(recorded.EventType, recorded.Data); }
        catch (JsonException) { e = null; }
        return e switch
        {
            ProjectRegistered r => $"Project geregistreerd: {r.Title}",
            SubsidyGranted g => $"Subsidie toegekend: {Euro(g.Amount)} ({g.Funder})",
            SubsidyPaid p => $"Subsidie uitbetaald: {Euro(p.Amount)}",
            OutputReported o => $"Resultaat gemeld: {o.Value.ToString("N0", Belgian)} {o.Metric}",
            ProjectStatusChanged s => $"Projectstatus: {s.Status}",
            PartnerJoined j => $"Partner toegetreden: {j.Name}",
            MilestoneReached m => $"Mijlpaal bereikt: {m.Milestone}",
            DecisionTaken d => $"Beslissing {d.DecidingBody}: {d.Title}",
            BudgetAllocated b => $"Budget {b.Year}: {Euro(b.Amount)} ({b.Domain})",
            IndicatorMeasured i => $"Gemeten: {i.IndicatorCode} {i.Value.ToString(Belgian)} {i.Unit} ({i.Period})",
            TargetSet t => $"Doelstelling: {t.IndicatorCode} {t.TargetValue.ToString(Belgian)} tegen {t.Year}",
            ClusterFundingGranted f => $"Clusterfinanciering: {Euro(f.Amount)} ({f.Province})",
            RetailPermitAdviceGiven a => $"Advies detailhandel: {a.Advice}",
            CampaignLaunched c => $"Campagne gestart: {c.Name} ({c.PeriodStart.ToString("d MMMM", Belgian)} – {c.PeriodEnd.ToString("d MMMM yyyy", Belgian)})",
            MunicipalityJoined m => $"Gemeente neemt deel: {ProvincialMonitor.Contracts.Reference.ReferenceData.FindMunicipality(m.Municipality)?.NameNl ?? m.Municipality}",
            MarketJoined m => $"Markt neemt deel: {m.Name} ({m.Traders.ToString("N0", Belgian)} marktkramers)",
            CampaignActionHeld a => $"Campagneactie: {a.Title}",
            CampaignClosed => "Campagne afgesloten",
            MarketRegistered => "Markt ingeschreven voor de campagne",
            MarketDayHeld d => $"Marktdag {d.Date.ToString("d MMMM", Belgian)}: {d.TradersPresent.ToString("N0", Belgian)} marktkramers aanwezig",
            EntriesRegistered n => $"Deelnames: {n.Count.ToString("N0", Belgian)}",
            MarketClosed => "Markt afgesloten (einde campagne)",
            ICorrection => "Correctie van een eerdere registratie",
            IRetraction => "Intrekking van een eerdere registratie",
            _ => recorded.EventType,
        };
    }

    private static string Euro(decimal amount) => "€ " + amount.ToString("N2", Belgian);
}
