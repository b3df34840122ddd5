namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText GrantAlreadyGranted = new("grant.already-granted", RefusalKind.Conflict,
        "Grant {grantRef} was already granted.",
        "Toekenning {grantRef} werd al toegekend.");

    public static readonly RefusalText GrantNotGranted = new("grant.not-granted", RefusalKind.Conflict,
        "Grant {grantRef} was not granted.",
        "Toekenning {grantRef} werd niet toegekend.");

    public static readonly RefusalText GrantOverpaid = new("grant.overpaid", RefusalKind.Conflict,
        "Paying {amount} on grant {grantRef} would pay {paid} of {granted} granted.",
        "{amount:euro} betalen op toekenning {grantRef} zou {paid:euro} uitbetalen van {granted:euro} toegekend.");

    public static readonly RefusalText GrantUnknownFunder = new("grant.unknown-funder", RefusalKind.Conflict,
        "Grant {grantRef} would have an unknown funder '{funder}'.",
        "Toekenning {grantRef} zou een onbekende financier ‘{funder}’ hebben.");

    public static readonly RefusalText GrantWouldBeOverpaid = new("grant.would-be-overpaid", RefusalKind.Conflict,
        "Grant {grantRef} would be paid {paid} of {amount}.",
        "Toekenning {grantRef} zou {paid:euro} uitbetaald hebben van {amount:euro}.");

    public static readonly RefusalText GrantWouldHaveBadAmount = new("grant.would-have-bad-amount", RefusalKind.Conflict,
        "Grant {grantRef} would have an amount of {amount}: euro, more than zero, at most two decimals.",
        "Toekenning {grantRef} zou een bedrag van {amount} hebben: euro, meer dan nul, hoogstens twee decimalen.");

    public static readonly RefusalText ProjectAlreadyRegistered = new("project.already-registered", RefusalKind.Conflict,
        "Project {projectId} is already registered.",
        "Project {projectId} is al geregistreerd.");

    public static readonly RefusalText ProjectBudgetNegative = new("project.budget-negative", RefusalKind.Conflict,
        "The total budget would be negative.",
        "Het totale budget zou negatief zijn.");

    public static readonly RefusalText ProjectExternalRefTaken = new("project.external-ref-taken", RefusalKind.Conflict,
        "{lead} already has a project with externalRef '{externalRef}': {owner}.",
        "{lead} heeft al een project met externalRef ‘{externalRef}’: {owner}.");

    public static readonly RefusalText ProjectMilestoneReached = new("project.milestone-reached", RefusalKind.Conflict,
        "Milestone {milestone} was reached already.",
        "Mijlpaal {milestone} werd al bereikt.");

    public static readonly RefusalText ProjectNotRegistered = new("project.not-registered", RefusalKind.NotFound,
        "Project {projectId} is not registered.",
        "Project {projectId} is niet geregistreerd.");

    public static readonly RefusalText ProjectOutputNegative = new("project.output-negative", RefusalKind.Conflict,
        "An output would be negative.",
        "Een output zou negatief zijn.");

    public static readonly RefusalText ProjectPartnerAlready = new("project.partner-already", RefusalKind.Conflict,
        "{name} is a partner already.",
        "{name} is al partner.");

    public static readonly RefusalText ProjectStatusBackwards = new("project.status-backwards", RefusalKind.Conflict,
        "The status moves only forward (planned → running → completed or stopped); it is {status}.",
        "De status gaat alleen vooruit (gepland → lopend → afgerond of stopgezet); ze is {status}.");

    public static readonly RefusalText ProjectUnknownLeadOrDomain = new("project.unknown-lead-or-domain", RefusalKind.Conflict,
        "The project would have an unknown lead province or domain.",
        "Het project zou een onbekende trekkende provincie of een onbekend domein hebben.");
}
