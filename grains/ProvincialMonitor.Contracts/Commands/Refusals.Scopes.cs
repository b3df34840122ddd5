namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText ScopeAdminOnly = new("scope.admin-only", RefusalKind.Forbidden,
        "Only an administrator may do this.",
        "Alleen een beheerder mag dit.");

    public static readonly RefusalText ScopeAdminRecordsFlanders = new("scope.admin-records-flanders", RefusalKind.Forbidden,
        "Only an administrator records Flemish targets and values.",
        "Alleen een beheerder registreert Vlaamse doelstellingen en waarden.");

    public static readonly RefusalText ScopeAdminRecordsSecurity = new("scope.admin-records-security", RefusalKind.Forbidden,
        "Only an administrator records who may do what.",
        "Alleen een beheerder registreert wie wat mag doen.");

    public static readonly RefusalText ScopeAdminRegistersProvince = new("scope.admin-registers-province", RefusalKind.Forbidden,
        "Only an administrator registers a province and corrects its registration.",
        "Alleen een beheerder registreert een provincie en corrigeert haar registratie.");

    public static readonly RefusalText ScopeAdminRegistersSpearhead = new("scope.admin-registers-spearhead", RefusalKind.Forbidden,
        "Only an administrator registers a spearhead cluster.",
        "Alleen een beheerder registreert een speerpuntcluster.");

    public static readonly RefusalText ScopeNotActingFor = new("scope.not-acting-for", RefusalKind.Forbidden,
        "You do not act for {province}.",
        "U handelt niet voor {province}.");

    public static readonly RefusalText ScopeNotClusterProvince = new("scope.not-cluster-province", RefusalKind.Forbidden,
        "You do not act for {province}, the province of cluster {slug}.",
        "U handelt niet voor {province}, de provincie van cluster {slug}.");

    public static readonly RefusalText ScopeNotFundingProvince = new("scope.not-funding-province", RefusalKind.Forbidden,
        "You do not act for {province}, the funding province.",
        "U handelt niet voor {province}, de financierende provincie.");

    public static readonly RefusalText ScopeNotLeadProvince = new("scope.not-lead-province", RefusalKind.Forbidden,
        "You do not act for {lead}, the lead province of the project.",
        "U handelt niet voor {lead}, de trekkende provincie van het project.");

    public static readonly RefusalText ScopeNotLoggedIn = new("scope.not-logged-in", RefusalKind.Forbidden,
        "You are not logged in.",
        "U bent niet aangemeld.");

    public static readonly RefusalText ScopeNotProjectProvinces = new("scope.not-project-provinces", RefusalKind.Forbidden,
        "You do not act for the provinces of project {projectId} ({provinces}).",
        "U handelt niet voor de provincies van project {projectId} ({provinces}).");

    public static readonly RefusalText ScopeNotYourCampaign = new("scope.not-your-campaign", RefusalKind.Forbidden,
        "You do not act for campaign {campaign}.",
        "U handelt niet voor campagne {campaign}.");

    public static readonly RefusalText ScopeNotYourProvince = new("scope.not-your-province", RefusalKind.Forbidden,
        "You do not act for province {province}.",
        "U handelt niet voor provincie {province}.");

    public static readonly RefusalText ScopeOfficerChangesMembers = new("scope.officer-changes-members", RefusalKind.Forbidden,
        "Only an officer or an administrator changes the members of {slug}.",
        "Alleen een ambtenaar of een beheerder wijzigt de leden van {slug}.");

    public static readonly RefusalText ScopeParticipatingProvince = new("scope.participating-province", RefusalKind.Forbidden,
        "You do not act for {lead}, the lead province of project {projectId}; a participating province records partners, milestones and its own grants only.",
        "U handelt niet voor {lead}, de trekkende provincie van project {projectId}; een deelnemende provincie registreert alleen partners, mijlpalen en haar eigen subsidies.");

    public static readonly RefusalText ScopeRoleMayNotSend = new("scope.role-may-not-send", RefusalKind.Forbidden,
        "The role {role} may not send {command}.",
        "De rol {role} mag deze actie ({command}) niet registreren.");
}
