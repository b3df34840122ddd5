// Made from the command catalog by ClientActionsSource (tests/ProvincialMonitor.Web.Tests); do not edit by hand.
// PROVMON_UPDATE_OPENAPI=1 dotnet test tests/ProvincialMonitor.Web.Tests --filter ClientActionsTests writes it again.
using System.Text.Json;
using System.Text.Json.Serialization;
using ProvincialMonitor.Client.Actions;

namespace ProvincialMonitor.Client
{
    /// <summary>One method per action of the command catalog: the route's values, then the action's body.</summary>
    public static class ActionMethods
    {
        /// <summary>een project registreren: <c>POST /api/projects</c> (<c>register-project</c>).</summary>
        public static Task<CommandResult> RegisterProjectAsync(this ProvincialMonitorClient client, RegisterProject action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/projects", action, idempotencyKey, cancellationToken);

        /// <summary>een subsidie toekennen: <c>POST /api/projects/{id}/subsidies</c> (<c>grant-subsidy</c>).</summary>
        public static Task<CommandResult> GrantSubsidyAsync(this ProvincialMonitorClient client, string id, GrantSubsidy action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/subsidies", action, idempotencyKey, cancellationToken);

        /// <summary>een subsidie uitbetalen: <c>POST /api/projects/{id}/payments</c> (<c>pay-subsidy</c>).</summary>
        public static Task<CommandResult> PaySubsidyAsync(this ProvincialMonitorClient client, string id, PaySubsidy action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/payments", action, idempotencyKey, cancellationToken);

        /// <summary>een subsidie terugvorderen: <c>POST /api/projects/{id}/recoveries</c> (<c>recover-subsidy</c>).</summary>
        public static Task<CommandResult> RecoverSubsidyAsync(this ProvincialMonitorClient client, string id, RecoverSubsidy action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/recoveries", action, idempotencyKey, cancellationToken);

        /// <summary>een resultaat melden: <c>POST /api/projects/{id}/outputs</c> (<c>report-output</c>).</summary>
        public static Task<CommandResult> ReportOutputAsync(this ProvincialMonitorClient client, string id, ReportOutput action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/outputs", action, idempotencyKey, cancellationToken);

        /// <summary>een partner toevoegen: <c>POST /api/projects/{id}/partners</c> (<c>add-partner</c>).</summary>
        public static Task<CommandResult> AddPartnerAsync(this ProvincialMonitorClient client, string id, AddPartner action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/partners", action, idempotencyKey, cancellationToken);

        /// <summary>een mijlpaal bereiken: <c>POST /api/projects/{id}/milestones</c> (<c>reach-milestone</c>).</summary>
        public static Task<CommandResult> ReachMilestoneAsync(this ProvincialMonitorClient client, string id, ReachMilestone action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/milestones", action, idempotencyKey, cancellationToken);

        /// <summary>de status wijzigen: <c>POST /api/projects/{id}/status</c> (<c>change-status</c>).</summary>
        public static Task<CommandResult> ChangeProjectStatusAsync(this ProvincialMonitorClient client, string id, ChangeProjectStatus action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/status", action, idempotencyKey, cancellationToken);

        /// <summary>de ligging van een project vastleggen (gemeenten): <c>POST /api/projects/{id}/location</c> (<c>locate-project</c>).</summary>
        public static Task<CommandResult> LocateProjectAsync(this ProvincialMonitorClient client, string id, LocateProject action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/location", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van een project corrigeren: <c>POST /api/projects/{id}/corrections</c> (<c>correct-project</c>).</summary>
        public static Task<CommandResult> CorrectProjectAsync(this ProvincialMonitorClient client, string id, CorrectProject action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van een project schrappen: <c>POST /api/projects/{id}/retractions</c> (<c>retract-project-event</c>).</summary>
        public static Task<CommandResult> RetractProjectEventAsync(this ProvincialMonitorClient client, string id, RetractProjectEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/projects/{Value("id", id)}/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een beslissing nemen: <c>POST /api/provinces/{slug}/decisions</c> (<c>take-decision</c>).</summary>
        public static Task<CommandResult> TakeDecisionAsync(this ProvincialMonitorClient client, string slug, TakeDecision action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/decisions", action, idempotencyKey, cancellationToken);

        /// <summary>een krediet vaststellen (meerjarenplan, provincieraad): <c>POST /api/provinces/{slug}/budgets</c> (<c>allocate-budget</c>).</summary>
        public static Task<CommandResult> AllocateBudgetAsync(this ProvincialMonitorClient client, string slug, AllocateBudget action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/budgets", action, idempotencyKey, cancellationToken);

        /// <summary>een krediet aanpassen (aanpassing meerjarenplan, provincieraad): <c>POST /api/provinces/{slug}/credit-adjustments</c> (<c>adjust-credit</c>).</summary>
        public static Task<CommandResult> AdjustCreditAsync(this ProvincialMonitorClient client, string slug, AdjustCredit action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/credit-adjustments", action, idempotencyKey, cancellationToken);

        /// <summary>een streefwaarde vastleggen: <c>POST /api/provinces/{slug}/targets</c> (<c>set-target</c>).</summary>
        public static Task<CommandResult> SetTargetAsync(this ProvincialMonitorClient client, string slug, SetTarget action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/targets", action, idempotencyKey, cancellationToken);

        /// <summary>een indicator meten: <c>POST /api/provinces/{slug}/indicators</c> (<c>measure-indicator</c>).</summary>
        public static Task<CommandResult> MeasureIndicatorAsync(this ProvincialMonitorClient client, string slug, MeasureIndicator action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/indicators", action, idempotencyKey, cancellationToken);

        /// <summary>het bevolkingscijfer vastleggen (beheerder): <c>POST /api/provinces/{slug}/population</c> (<c>record-population</c>).</summary>
        public static Task<CommandResult> RecordPopulationAsync(this ProvincialMonitorClient client, string slug, RecordPopulation action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/population", action, idempotencyKey, cancellationToken);

        /// <summary>een handelsadvies geven: <c>POST /api/provinces/{slug}/retail-advice</c> (<c>give-retail-advice</c>).</summary>
        public static Task<CommandResult> GiveRetailPermitAdviceAsync(this ProvincialMonitorClient client, string slug, GiveRetailPermitAdvice action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/retail-advice", action, idempotencyKey, cancellationToken);

        /// <summary>een beroep (handel) indienen: <c>POST /api/provinces/{slug}/retail-appeals</c> (<c>file-retail-appeal</c>).</summary>
        public static Task<CommandResult> FileRetailAppealAsync(this ProvincialMonitorClient client, string slug, FileRetailAppeal action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/retail-appeals", action, idempotencyKey, cancellationToken);

        /// <summary>over een beroep (handel) beslissen: <c>POST /api/provinces/{slug}/retail-appeals/{appealRef}/decision</c> (<c>decide-retail-appeal</c>).</summary>
        public static Task<CommandResult> DecideRetailAppealAsync(this ProvincialMonitorClient client, string slug, string appealRef, DecideRetailAppeal action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/retail-appeals/{Value("appealRef", appealRef)}/decision", action, idempotencyKey, cancellationToken);

        /// <summary>een beslissing van de deputatie over een kleinhandelsvergunning registreren: <c>POST /api/provinces/{slug}/retail-permits</c> (<c>decide-retail-permit</c>).</summary>
        public static Task<CommandResult> DecideRetailPermitAsync(this ProvincialMonitorClient client, string slug, DecideRetailPermit action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/retail-permits", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van een provincie corrigeren: <c>POST /api/provinces/{slug}/corrections</c> (<c>correct-province</c>).</summary>
        public static Task<CommandResult> CorrectProvinceAsync(this ProvincialMonitorClient client, string slug, CorrectProvince action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van een provincie schrappen: <c>POST /api/provinces/{slug}/retractions</c> (<c>retract-province-event</c>).</summary>
        public static Task<CommandResult> RetractProvinceEventAsync(this ProvincialMonitorClient client, string slug, RetractProvinceEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een provinciale cluster registreren: <c>POST /api/clusters</c> (<c>register-cluster</c>).</summary>
        public static Task<CommandResult> RegisterClusterAsync(this ProvincialMonitorClient client, RegisterCluster action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/clusters", action, idempotencyKey, cancellationToken);

        /// <summary>een clusterlid toevoegen: <c>POST /api/clusters/{slug}/members</c> (<c>add-cluster-member</c>).</summary>
        public static Task<CommandResult> AddClusterMemberAsync(this ProvincialMonitorClient client, string slug, AddClusterMember action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/clusters/{Value("slug", slug)}/members", action, idempotencyKey, cancellationToken);

        /// <summary>een clusterlid verwijderen: <c>POST /api/clusters/{slug}/members/{member}/leave</c> (<c>remove-cluster-member</c>).</summary>
        public static Task<CommandResult> RemoveClusterMemberAsync(this ProvincialMonitorClient client, string slug, string member, RemoveClusterMember action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/clusters/{Value("slug", slug)}/members/{Value("member", member)}/leave", action, idempotencyKey, cancellationToken);

        /// <summary>een cluster financieren: <c>POST /api/clusters/{slug}/funding</c> (<c>grant-cluster-funding</c>).</summary>
        public static Task<CommandResult> GrantClusterFundingAsync(this ProvincialMonitorClient client, string slug, GrantClusterFunding action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/clusters/{Value("slug", slug)}/funding", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van een cluster corrigeren: <c>POST /api/clusters/{slug}/corrections</c> (<c>correct-cluster</c>).</summary>
        public static Task<CommandResult> CorrectClusterAsync(this ProvincialMonitorClient client, string slug, CorrectCluster action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/clusters/{Value("slug", slug)}/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van een cluster schrappen: <c>POST /api/clusters/{slug}/retractions</c> (<c>retract-cluster-event</c>).</summary>
        public static Task<CommandResult> RetractClusterEventAsync(this ProvincialMonitorClient client, string slug, RetractClusterEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/clusters/{Value("slug", slug)}/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een streefwaarde voor Vlaanderen vastleggen (beheerder): <c>POST /api/flanders/targets</c> (<c>set-flanders-target</c>).</summary>
        public static Task<CommandResult> SetRegionTargetAsync(this ProvincialMonitorClient client, SetRegionTarget action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/flanders/targets", action, idempotencyKey, cancellationToken);

        /// <summary>een indicator voor Vlaanderen meten (beheerder): <c>POST /api/flanders/indicators</c> (<c>measure-flanders-indicator</c>).</summary>
        public static Task<CommandResult> MeasureRegionIndicatorAsync(this ProvincialMonitorClient client, MeasureRegionIndicator action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/flanders/indicators", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van Vlaanderen corrigeren (beheerder): <c>POST /api/flanders/corrections</c> (<c>correct-flanders</c>).</summary>
        public static Task<CommandResult> CorrectRegionAsync(this ProvincialMonitorClient client, CorrectRegion action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/flanders/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van Vlaanderen schrappen (beheerder): <c>POST /api/flanders/retractions</c> (<c>retract-flanders-event</c>).</summary>
        public static Task<CommandResult> RetractRegionEventAsync(this ProvincialMonitorClient client, RetractRegionEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/flanders/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een campagne lanceren: <c>POST /api/campaigns</c> (<c>launch-campaign</c>).</summary>
        public static Task<CommandResult> LaunchCampaignAsync(this ProvincialMonitorClient client, LaunchCampaign action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/campaigns", action, idempotencyKey, cancellationToken);

        /// <summary>een gemeente neemt deel aan een campagne: <c>POST /api/campaigns/{slug}/municipalities</c> (<c>join-municipality</c>).</summary>
        public static Task<CommandResult> JoinMunicipalityAsync(this ProvincialMonitorClient client, string slug, JoinMunicipality action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/municipalities", action, idempotencyKey, cancellationToken);

        /// <summary>een markt neemt deel aan een campagne: <c>POST /api/campaigns/{slug}/markets</c> (<c>join-market</c>).</summary>
        public static Task<CommandResult> JoinMarketAsync(this ProvincialMonitorClient client, string slug, JoinMarket action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/markets", action, idempotencyKey, cancellationToken);

        /// <summary>een campagneactie: <c>POST /api/campaigns/{slug}/actions</c> (<c>hold-campaign-action</c>).</summary>
        public static Task<CommandResult> HoldCampaignActionAsync(this ProvincialMonitorClient client, string slug, HoldCampaignAction action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/actions", action, idempotencyKey, cancellationToken);

        /// <summary>een campagne afsluiten: <c>POST /api/campaigns/{slug}/close</c> (<c>close-campaign</c>).</summary>
        public static Task<CommandResult> CloseCampaignAsync(this ProvincialMonitorClient client, string slug, CloseCampaign action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/close", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van een campagne corrigeren: <c>POST /api/campaigns/{slug}/corrections</c> (<c>correct-campaign</c>).</summary>
        public static Task<CommandResult> CorrectCampaignAsync(this ProvincialMonitorClient client, string slug, CorrectCampaign action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van een campagne schrappen: <c>POST /api/campaigns/{slug}/retractions</c> (<c>retract-campaign-event</c>).</summary>
        public static Task<CommandResult> RetractCampaignEventAsync(this ProvincialMonitorClient client, string slug, RetractCampaignEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een marktdag: <c>POST /api/campaigns/{slug}/markets/{id}/days</c> (<c>hold-market-day</c>).</summary>
        public static Task<CommandResult> HoldMarketDayAsync(this ProvincialMonitorClient client, string slug, string id, HoldMarketDay action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/markets/{Value("id", id)}/days", action, idempotencyKey, cancellationToken);

        /// <summary>deelnames op een markt: <c>POST /api/campaigns/{slug}/markets/{id}/entries</c> (<c>register-entries</c>).</summary>
        public static Task<CommandResult> RegisterEntriesAsync(this ProvincialMonitorClient client, string slug, string id, RegisterEntries action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/markets/{Value("id", id)}/entries", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van een markt corrigeren: <c>POST /api/campaigns/{slug}/markets/{id}/corrections</c> (<c>correct-market</c>).</summary>
        public static Task<CommandResult> CorrectMarketAsync(this ProvincialMonitorClient client, string slug, string id, CorrectMarket action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/markets/{Value("id", id)}/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van een markt schrappen: <c>POST /api/campaigns/{slug}/markets/{id}/retractions</c> (<c>retract-market-event</c>).</summary>
        public static Task<CommandResult> RetractMarketEventAsync(this ProvincialMonitorClient client, string slug, string id, RetractMarketEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/campaigns/{Value("slug", slug)}/markets/{Value("id", id)}/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een bedrijventerrein registreren: <c>POST /api/business-parks</c> (<c>register-business-park</c>).</summary>
        public static Task<CommandResult> RegisterBusinessParkAsync(this ProvincialMonitorClient client, RegisterBusinessPark action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync("/api/business-parks", action, idempotencyKey, cancellationToken);

        /// <summary>de fase van een bedrijventerrein wijzigen: <c>POST /api/business-parks/{slug}/phase</c> (<c>change-business-park-phase</c>).</summary>
        public static Task<CommandResult> ChangeBusinessParkPhaseAsync(this ProvincialMonitorClient client, string slug, ChangeBusinessParkPhase action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/business-parks/{Value("slug", slug)}/phase", action, idempotencyKey, cancellationToken);

        /// <summary>een perceel uitgeven: <c>POST /api/business-parks/{slug}/plots</c> (<c>issue-plot</c>).</summary>
        public static Task<CommandResult> IssuePlotAsync(this ProvincialMonitorClient client, string slug, IssuePlot action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/business-parks/{Value("slug", slug)}/plots", action, idempotencyKey, cancellationToken);

        /// <summary>leegstand en reserve van een bedrijventerrein meten: <c>POST /api/business-parks/{slug}/vacancy</c> (<c>record-park-vacancy</c>).</summary>
        public static Task<CommandResult> RecordParkVacancyAsync(this ProvincialMonitorClient client, string slug, RecordParkVacancy action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/business-parks/{Value("slug", slug)}/vacancy", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van een bedrijventerrein corrigeren: <c>POST /api/business-parks/{slug}/corrections</c> (<c>correct-business-park</c>).</summary>
        public static Task<CommandResult> CorrectBusinessParkAsync(this ProvincialMonitorClient client, string slug, CorrectBusinessPark action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/business-parks/{Value("slug", slug)}/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van een bedrijventerrein schrappen: <c>POST /api/business-parks/{slug}/retractions</c> (<c>retract-business-park-event</c>).</summary>
        public static Task<CommandResult> RetractBusinessParkEventAsync(this ProvincialMonitorClient client, string slug, RetractBusinessParkEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/business-parks/{Value("slug", slug)}/retractions", action, idempotencyKey, cancellationToken);

        /// <summary>een grensoverschrijdend streekoverleg registreren: <c>POST /api/provinces/{slug}/border/consultations</c> (<c>hold-border-consultation</c>).</summary>
        public static Task<CommandResult> HoldBorderConsultationAsync(this ProvincialMonitorClient client, string slug, HoldBorderConsultation action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/border/consultations", action, idempotencyKey, cancellationToken);

        /// <summary>een grensobstakel op de GROS-lijst zetten: <c>POST /api/provinces/{slug}/border/obstacles</c> (<c>record-border-obstacle</c>).</summary>
        public static Task<CommandResult> RecordBorderObstacleAsync(this ProvincialMonitorClient client, string slug, RecordBorderObstacle action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/border/obstacles", action, idempotencyKey, cancellationToken);

        /// <summary>de status van een grensobstakel wijzigen: <c>POST /api/provinces/{slug}/border/obstacles/{obstacleRef}/status</c> (<c>change-border-obstacle-status</c>).</summary>
        public static Task<CommandResult> ChangeBorderObstacleStatusAsync(this ProvincialMonitorClient client, string slug, string obstacleRef, ChangeBorderObstacleStatus action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/border/obstacles/{Value("obstacleRef", obstacleRef)}/status", action, idempotencyKey, cancellationToken);

        /// <summary>een grensobstakel als weggewerkt registreren: <c>POST /api/provinces/{slug}/border/obstacles/{obstacleRef}/solution</c> (<c>solve-border-obstacle</c>).</summary>
        public static Task<CommandResult> SolveBorderObstacleAsync(this ProvincialMonitorClient client, string slug, string obstacleRef, SolveBorderObstacle action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/border/obstacles/{Value("obstacleRef", obstacleRef)}/solution", action, idempotencyKey, cancellationToken);

        /// <summary>een veld van een gebeurtenis van het grensoverleg corrigeren: <c>POST /api/provinces/{slug}/border/corrections</c> (<c>correct-border</c>).</summary>
        public static Task<CommandResult> CorrectBorderAsync(this ProvincialMonitorClient client, string slug, CorrectBorder action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/border/corrections", action, idempotencyKey, cancellationToken);

        /// <summary>een gebeurtenis van het grensoverleg schrappen: <c>POST /api/provinces/{slug}/border/retractions</c> (<c>retract-border-event</c>).</summary>
        public static Task<CommandResult> RetractBorderEventAsync(this ProvincialMonitorClient client, string slug, RetractBorderEvent action,
            string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
            client.SendAsync($"/api/provinces/{Value("slug", slug)}/border/retractions", action, idempotencyKey, cancellationToken);

        private static string Value(string name, string value)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
            return Uri.EscapeDataString(value);
        }
    }
}

namespace ProvincialMonitor.Client.Actions
{
    /// <summary>The body of <c>register-project</c> (een project registreren).</summary>
    public sealed record RegisterProject
    {
        public required string Title { get; init; }
        public string? ExternalRef { get; init; }
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public required string LeadProvince { get; init; }
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public string[]? ParticipatingProvinces { get; init; }
        /// <summary>One of: innovation-clusters, spatial-economy, local-economy-retail, cross-border, circular-economy, social-economy, labour-market.</summary>
        public required string Domain { get; init; }
        public string[]? Clusters { get; init; }
        public string[]? Partners { get; init; }
        public DateOnly? PlannedStart { get; init; }
        public DateOnly? PlannedEnd { get; init; }
        public decimal? TotalBudget { get; init; }
        /// <summary>One of: interreg-vl-nl-2014, interreg-vl-nl-2021, interreg-fwvl-2014, interreg-fwvl-2021, interreg-emr-2014, interreg-emr-2021, interreg-nwe-2014, interreg-nwe-2021, interreg-north-sea-2014, interreg-north-sea-2021, interreg-europe-2014, interreg-europe-2021, interreg-2-seas-2014.</summary>
        public string? CrossBorderProgramme { get; init; }
        public string[]? Municipalities { get; init; }
        public decimal? CoFinancingRate { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>grant-subsidy</c> (een subsidie toekennen).</summary>
    public sealed record GrantSubsidy
    {
        public required string GrantRef { get; init; }
        public required decimal Amount { get; init; }
        /// <summary>One of: province, pom, flanders, eu.</summary>
        public required string Funder { get; init; }
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public string? GrantingProvince { get; init; }
        public string? Regulation { get; init; }
        public string? BeneficiaryName { get; init; }
        public string? CompanyNumber { get; init; }
        public string? BeneficiaryId { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>pay-subsidy</c> (een subsidie uitbetalen).</summary>
    public sealed record PaySubsidy
    {
        public required string GrantRef { get; init; }
        public required decimal Amount { get; init; }
        public required string PaymentRef { get; init; }
        /// <summary>One of: advance, balance.</summary>
        public string? Kind { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>recover-subsidy</c> (een subsidie terugvorderen).</summary>
    public sealed record RecoverSubsidy
    {
        public required string GrantRef { get; init; }
        public required decimal Amount { get; init; }
        public required string RecoveryRef { get; init; }
        public string? Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>report-output</c> (een resultaat melden).</summary>
    public sealed record ReportOutput
    {
        /// <summary>One of: jobs-created, companies-supported, hectares-activated, learners-reached, tonnes-recycled, startups-supported.</summary>
        public required string Metric { get; init; }
        public required decimal Value { get; init; }
        public required string Period { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>add-partner</c> (een partner toevoegen).</summary>
    public sealed record AddPartner
    {
        public required string Name { get; init; }
        public string? Kind { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>reach-milestone</c> (een mijlpaal bereiken).</summary>
    public sealed record ReachMilestone
    {
        public required string Milestone { get; init; }
        public string? Description { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>change-status</c> (de status wijzigen).</summary>
    public sealed record ChangeProjectStatus
    {
        /// <summary>One of: planned, running, completed, stopped.</summary>
        public required string Status { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>locate-project</c> (de ligging van een project vastleggen (gemeenten)).</summary>
    public sealed record LocateProject
    {
        public required string[] Municipalities { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-project</c> (een veld van een gebeurtenis van een project corrigeren).</summary>
    public sealed record CorrectProject
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-project-event</c> (een gebeurtenis van een project schrappen).</summary>
    public sealed record RetractProjectEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>take-decision</c> (een beslissing nemen).</summary>
    public sealed record TakeDecision
    {
        public required string Reference { get; init; }
        /// <summary>One of: deputatie, provincieraad.</summary>
        public required string DecidingBody { get; init; }
        public required string Title { get; init; }
        /// <summary>One of: innovation-clusters, spatial-economy, local-economy-retail, cross-border, circular-economy, social-economy, labour-market.</summary>
        public required string Domain { get; init; }
        public required string Summary { get; init; }
        public string? LegalBasis { get; init; }
        public int? VotesFor { get; init; }
        public int? VotesAgainst { get; init; }
        public int? VotesAbstaining { get; init; }
        public decimal? Amount { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>allocate-budget</c> (een krediet vaststellen (meerjarenplan, provincieraad)).</summary>
    public sealed record AllocateBudget
    {
        /// <summary>One of: innovation-clusters, spatial-economy, local-economy-retail, cross-border, circular-economy, social-economy, labour-market.</summary>
        public required string Domain { get; init; }
        public required int Year { get; init; }
        public required decimal Amount { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public required string DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>adjust-credit</c> (een krediet aanpassen (aanpassing meerjarenplan, provincieraad)).</summary>
    public sealed record AdjustCredit
    {
        /// <summary>One of: innovation-clusters, spatial-economy, local-economy-retail, cross-border, circular-economy, social-economy, labour-market.</summary>
        public required string Domain { get; init; }
        public required int Year { get; init; }
        public required decimal Amount { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public required string DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>set-target</c> (een streefwaarde vastleggen).</summary>
    public sealed record SetTarget
    {
        public required string IndicatorCode { get; init; }
        public required decimal TargetValue { get; init; }
        public required int Year { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>measure-indicator</c> (een indicator meten).</summary>
    public sealed record MeasureIndicator
    {
        public required string IndicatorCode { get; init; }
        public required decimal Value { get; init; }
        public required string Unit { get; init; }
        public required string Period { get; init; }
        public required string Source { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>record-population</c> (het bevolkingscijfer vastleggen (beheerder)).</summary>
    public sealed record RecordPopulation
    {
        public required int ReferenceYear { get; init; }
        public required int Inhabitants { get; init; }
        public required int Municipalities { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>give-retail-advice</c> (een handelsadvies geven).</summary>
    public sealed record GiveRetailPermitAdvice
    {
        public required string Municipality { get; init; }
        public required string PermitRef { get; init; }
        public required decimal NetRetailAreaM2 { get; init; }
        public required string GoodsCategory { get; init; }
        /// <summary>One of: favourable, conditional, unfavourable.</summary>
        public required string Advice { get; init; }
        /// <summary>One of: new-establishment, extension, merger, category-change, split.</summary>
        public string? ApplicationKind { get; init; }
        public RetailCategoryArea[]? Categories { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>file-retail-appeal</c> (een beroep (handel) indienen).</summary>
    public sealed record FileRetailAppeal
    {
        public required string AppealRef { get; init; }
        public required string Municipality { get; init; }
        public string? PermitRef { get; init; }
        public string? Appellant { get; init; }
        /// <summary>One of: new-establishment, extension, merger, category-change, split.</summary>
        public string? ApplicationKind { get; init; }
        public decimal? NetRetailAreaM2 { get; init; }
        public RetailCategoryArea[]? Categories { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>decide-retail-appeal</c> (over een beroep (handel) beslissen).</summary>
    public sealed record DecideRetailAppeal
    {
        /// <summary>One of: granted, rejected, partially-granted, inadmissible, permit-granted, permit-refused, permit-partially-granted, deemed-refused.</summary>
        public required string Outcome { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>decide-retail-permit</c> (een beslissing van de deputatie over een kleinhandelsvergunning registreren).</summary>
    public sealed record DecideRetailPermit
    {
        public required string Municipality { get; init; }
        public required string PermitRef { get; init; }
        /// <summary>One of: new-establishment, extension, merger, category-change, split.</summary>
        public required string ApplicationKind { get; init; }
        public required decimal NetRetailAreaM2 { get; init; }
        public required RetailCategoryArea[] Categories { get; init; }
        /// <summary>One of: granted, partially-granted, refused, deemed-refused.</summary>
        public required string Decision { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-province</c> (een veld van een gebeurtenis van een provincie corrigeren).</summary>
    public sealed record CorrectProvince
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-province-event</c> (een gebeurtenis van een provincie schrappen).</summary>
    public sealed record RetractProvinceEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>register-cluster</c> (een provinciale cluster registreren).</summary>
    public sealed record RegisterCluster
    {
        public required string Slug { get; init; }
        public required string Name { get; init; }
        public required string Sector { get; init; }
        /// <summary>One of: spearhead, provincial.</summary>
        public required string Kind { get; init; }
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public string? Province { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>add-cluster-member</c> (een clusterlid toevoegen).</summary>
    public sealed record AddClusterMember
    {
        public required string Member { get; init; }
        /// <summary>One of: company, knowledge-institution, government, other.</summary>
        public string? MemberKind { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>remove-cluster-member</c> (een clusterlid verwijderen).</summary>
    public sealed record RemoveClusterMember
    {
        public string? Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>grant-cluster-funding</c> (een cluster financieren).</summary>
    public sealed record GrantClusterFunding
    {
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public required string Province { get; init; }
        public required decimal Amount { get; init; }
        /// <summary>One of: project-work, structural-investment, branding.</summary>
        public required string Purpose { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-cluster</c> (een veld van een gebeurtenis van een cluster corrigeren).</summary>
    public sealed record CorrectCluster
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-cluster-event</c> (een gebeurtenis van een cluster schrappen).</summary>
    public sealed record RetractClusterEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>set-flanders-target</c> (een streefwaarde voor Vlaanderen vastleggen (beheerder)).</summary>
    public sealed record SetRegionTarget
    {
        public required string IndicatorCode { get; init; }
        public required decimal TargetValue { get; init; }
        public required int Year { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>measure-flanders-indicator</c> (een indicator voor Vlaanderen meten (beheerder)).</summary>
    public sealed record MeasureRegionIndicator
    {
        public required string IndicatorCode { get; init; }
        public required decimal Value { get; init; }
        public required string Unit { get; init; }
        public required string Period { get; init; }
        public required string Source { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-flanders</c> (een veld van een gebeurtenis van Vlaanderen corrigeren (beheerder)).</summary>
    public sealed record CorrectRegion
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-flanders-event</c> (een gebeurtenis van Vlaanderen schrappen (beheerder)).</summary>
    public sealed record RetractRegionEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>launch-campaign</c> (een campagne lanceren).</summary>
    public sealed record LaunchCampaign
    {
        public required string Slug { get; init; }
        public required string Name { get; init; }
        public required DateOnly PeriodStart { get; init; }
        public required DateOnly PeriodEnd { get; init; }
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public required string[] Provinces { get; init; }
        public CampaignTargetRequest[]? Targets { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>join-municipality</c> (een gemeente neemt deel aan een campagne).</summary>
    public sealed record JoinMunicipality
    {
        public required string Municipality { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>join-market</c> (een markt neemt deel aan een campagne).</summary>
    public sealed record JoinMarket
    {
        public required string MarketId { get; init; }
        public required string Name { get; init; }
        public required string Municipality { get; init; }
        /// <summary>One of: monday, tuesday, wednesday, thursday, friday, saturday, sunday.</summary>
        public required string Weekday { get; init; }
        public required int Traders { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>hold-campaign-action</c> (een campagneactie).</summary>
    public sealed record HoldCampaignAction
    {
        public required string Title { get; init; }
        public string? Description { get; init; }
        /// <summary>One of: antwerpen, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen.</summary>
        public string[]? Provinces { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>close-campaign</c> (een campagne afsluiten).</summary>
    public sealed record CloseCampaign
    {
        public string? Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-campaign</c> (een veld van een gebeurtenis van een campagne corrigeren).</summary>
    public sealed record CorrectCampaign
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-campaign-event</c> (een gebeurtenis van een campagne schrappen).</summary>
    public sealed record RetractCampaignEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>hold-market-day</c> (een marktdag).</summary>
    public sealed record HoldMarketDay
    {
        public required DateOnly Date { get; init; }
        public required int TradersPresent { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>register-entries</c> (deelnames op een markt).</summary>
    public sealed record RegisterEntries
    {
        public required int Count { get; init; }
        public required DateTimeOffset At { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-market</c> (een veld van een gebeurtenis van een markt corrigeren).</summary>
    public sealed record CorrectMarket
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-market-event</c> (een gebeurtenis van een markt schrappen).</summary>
    public sealed record RetractMarketEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>register-business-park</c> (een bedrijventerrein registreren).</summary>
    public sealed record RegisterBusinessPark
    {
        public required string Slug { get; init; }
        public required string Name { get; init; }
        public required string Municipality { get; init; }
        public required decimal GrossHectares { get; init; }
        public required decimal NetHectares { get; init; }
        /// <summary>One of: regional, local, logistics, science-park, port.</summary>
        public required string Kind { get; init; }
        public required string ManagingBody { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>change-business-park-phase</c> (de fase van een bedrijventerrein wijzigen).</summary>
    public sealed record ChangeBusinessParkPhase
    {
        /// <summary>One of: planned, in-development, ready, fully-issued.</summary>
        public required string Phase { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>issue-plot</c> (een perceel uitgeven).</summary>
    public sealed record IssuePlot
    {
        public required string Buyer { get; init; }
        public required decimal Hectares { get; init; }
        public required string Sector { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>record-park-vacancy</c> (leegstand en reserve van een bedrijventerrein meten).</summary>
    public sealed record RecordParkVacancy
    {
        public required decimal VacantHectares { get; init; }
        public required decimal ReserveHectares { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-business-park</c> (een veld van een gebeurtenis van een bedrijventerrein corrigeren).</summary>
    public sealed record CorrectBusinessPark
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-business-park-event</c> (een gebeurtenis van een bedrijventerrein schrappen).</summary>
    public sealed record RetractBusinessParkEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>hold-border-consultation</c> (een grensoverschrijdend streekoverleg registreren).</summary>
    public sealed record HoldBorderConsultation
    {
        public required string ConsultationRef { get; init; }
        public required string Subject { get; init; }
        public required string[] Partners { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>record-border-obstacle</c> (een grensobstakel op de GROS-lijst zetten).</summary>
    public sealed record RecordBorderObstacle
    {
        public required string ObstacleRef { get; init; }
        public required string Title { get; init; }
        public string? Description { get; init; }
        /// <summary>One of: labour, tax-social-security, mobility, spatial-planning, health, education, business, other.</summary>
        public string? Theme { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>change-border-obstacle-status</c> (de status van een grensobstakel wijzigen).</summary>
    public sealed record ChangeBorderObstacleStatus
    {
        /// <summary>One of: in-progress, escalated, on-hold.</summary>
        public required string Status { get; init; }
        public string? Note { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>solve-border-obstacle</c> (een grensobstakel als weggewerkt registreren).</summary>
    public sealed record SolveBorderObstacle
    {
        public required string Solution { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>correct-border</c> (een veld van een gebeurtenis van het grensoverleg corrigeren).</summary>
    public sealed record CorrectBorder
    {
        public required Guid EventId { get; init; }
        public required CorrectionChange[] Changes { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>The body of <c>retract-border-event</c> (een gebeurtenis van het grensoverleg schrappen).</summary>
    public sealed record RetractBorderEvent
    {
        public required Guid EventId { get; init; }
        public required string Reason { get; init; }
        public DateOnly? EffectiveDate { get; init; }
        public string? DecisionRef { get; init; }
        /// <summary>One of: deputatie, provincieraad, pom.</summary>
        public string? Body { get; init; }
    }

    /// <summary>An item of a list in an action's body.</summary>
    public sealed record CampaignTargetRequest
    {
        public required string Province { get; init; }
        public required int Municipalities { get; init; }
        public required int Markets { get; init; }
        public required int Entries { get; init; }
    }

    /// <summary>An item of a list in an action's body.</summary>
    public sealed record CorrectionChange
    {
        public required string Field { get; init; }
        public required JsonElement NewValue { get; init; }
    }

    /// <summary>An item of a list in an action's body.</summary>
    public sealed record RetailCategoryArea
    {
        public required string Category { get; init; }
        public required decimal AreaM2 { get; init; }
    }

    /// <summary>The JSON contracts of the action bodies, made at build time (see <see cref="ClientJson"/>).</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(RegisterProject))]
    [JsonSerializable(typeof(GrantSubsidy))]
    [JsonSerializable(typeof(PaySubsidy))]
    [JsonSerializable(typeof(RecoverSubsidy))]
    [JsonSerializable(typeof(ReportOutput))]
    [JsonSerializable(typeof(AddPartner))]
    [JsonSerializable(typeof(ReachMilestone))]
    [JsonSerializable(typeof(ChangeProjectStatus))]
    [JsonSerializable(typeof(LocateProject))]
    [JsonSerializable(typeof(CorrectProject))]
    [JsonSerializable(typeof(RetractProjectEvent))]
    [JsonSerializable(typeof(TakeDecision))]
    [JsonSerializable(typeof(AllocateBudget))]
    [JsonSerializable(typeof(AdjustCredit))]
    [JsonSerializable(typeof(SetTarget))]
    [JsonSerializable(typeof(MeasureIndicator))]
    [JsonSerializable(typeof(RecordPopulation))]
    [JsonSerializable(typeof(GiveRetailPermitAdvice))]
    [JsonSerializable(typeof(FileRetailAppeal))]
    [JsonSerializable(typeof(DecideRetailAppeal))]
    [JsonSerializable(typeof(DecideRetailPermit))]
    [JsonSerializable(typeof(CorrectProvince))]
    [JsonSerializable(typeof(RetractProvinceEvent))]
    [JsonSerializable(typeof(RegisterCluster))]
    [JsonSerializable(typeof(AddClusterMember))]
    [JsonSerializable(typeof(RemoveClusterMember))]
    [JsonSerializable(typeof(GrantClusterFunding))]
    [JsonSerializable(typeof(CorrectCluster))]
    [JsonSerializable(typeof(RetractClusterEvent))]
    [JsonSerializable(typeof(SetRegionTarget))]
    [JsonSerializable(typeof(MeasureRegionIndicator))]
    [JsonSerializable(typeof(CorrectRegion))]
    [JsonSerializable(typeof(RetractRegionEvent))]
    [JsonSerializable(typeof(LaunchCampaign))]
    [JsonSerializable(typeof(JoinMunicipality))]
    [JsonSerializable(typeof(JoinMarket))]
    [JsonSerializable(typeof(HoldCampaignAction))]
    [JsonSerializable(typeof(CloseCampaign))]
    [JsonSerializable(typeof(CorrectCampaign))]
    [JsonSerializable(typeof(RetractCampaignEvent))]
    [JsonSerializable(typeof(HoldMarketDay))]
    [JsonSerializable(typeof(RegisterEntries))]
    [JsonSerializable(typeof(CorrectMarket))]
    [JsonSerializable(typeof(RetractMarketEvent))]
    [JsonSerializable(typeof(RegisterBusinessPark))]
    [JsonSerializable(typeof(ChangeBusinessParkPhase))]
    [JsonSerializable(typeof(IssuePlot))]
    [JsonSerializable(typeof(RecordParkVacancy))]
    [JsonSerializable(typeof(CorrectBusinessPark))]
    [JsonSerializable(typeof(RetractBusinessParkEvent))]
    [JsonSerializable(typeof(HoldBorderConsultation))]
    [JsonSerializable(typeof(RecordBorderObstacle))]
    [JsonSerializable(typeof(ChangeBorderObstacleStatus))]
    [JsonSerializable(typeof(SolveBorderObstacle))]
    [JsonSerializable(typeof(CorrectBorder))]
    [JsonSerializable(typeof(RetractBorderEvent))]
    [JsonSerializable(typeof(CampaignTargetRequest))]
    [JsonSerializable(typeof(CorrectionChange))]
    [JsonSerializable(typeof(RetailCategoryArea))]
    internal sealed partial class ActionsJson : JsonSerializerContext;
}
