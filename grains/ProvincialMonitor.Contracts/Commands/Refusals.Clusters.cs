namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText ClusterAlreadyRegistered = new("cluster.already-registered", RefusalKind.Conflict,
        "Cluster {slug} is already registered.",
        "Cluster {slug} is al geregistreerd.");

    public static readonly RefusalText ClusterBadProvincial = new("cluster.bad-provincial", RefusalKind.Conflict,
        "A provincial cluster names a known province and no spearhead slug; {slug} would not.",
        "Een provinciale cluster noemt een gekende provincie en geen speerpuntsleutel; {slug} zou dat niet doen.");

    public static readonly RefusalText ClusterBadSpearhead = new("cluster.bad-spearhead", RefusalKind.Conflict,
        "A spearhead cluster is one of the seven and names no province; {slug} would not be.",
        "Een speerpuntcluster is een van de zeven en noemt geen provincie; {slug} zou dat niet zijn.");

    public static readonly RefusalText ClusterFundingAmount = new("cluster.funding-amount", RefusalKind.Conflict,
        "Funding would have an amount of {amount}: euro, more than zero, at most two decimals.",
        "Financiering zou een bedrag van {amount} hebben: euro, meer dan nul, hoogstens twee decimalen.");

    public static readonly RefusalText ClusterFundingProvince = new("cluster.funding-province", RefusalKind.Conflict,
        "Funding would come from an unknown province '{province}'.",
        "Financiering zou komen van een onbekende provincie ‘{province}’.");

    public static readonly RefusalText ClusterFundingPurpose = new("cluster.funding-purpose", RefusalKind.Conflict,
        "Funding would have an unknown purpose '{purpose}'.",
        "Financiering zou een onbekend doel ‘{purpose}’ hebben.");

    public static readonly RefusalText ClusterMemberAlready = new("cluster.member-already", RefusalKind.Conflict,
        "{member} is a member of {slug} already.",
        "{member} is al lid van {slug}.");

    public static readonly RefusalText ClusterMemberJoinsTwice = new("cluster.member-joins-twice", RefusalKind.Conflict,
        "{member} would join while a member already.",
        "{member} zou toetreden terwijl het al lid is.");

    public static readonly RefusalText ClusterMemberLeavesUnjoined = new("cluster.member-leaves-unjoined", RefusalKind.Conflict,
        "{member} would leave without having joined.",
        "{member} zou vertrekken zonder toegetreden te zijn.");

    public static readonly RefusalText ClusterMemberNoName = new("cluster.member-no-name", RefusalKind.Conflict,
        "A member would have no name.",
        "Een lid zou geen naam hebben.");

    public static readonly RefusalText ClusterMemberUnknownKind = new("cluster.member-unknown-kind", RefusalKind.Conflict,
        "Member {name} would have an unknown kind '{kind}'.",
        "Lid {name} zou een onbekende soort ‘{kind}’ hebben.");

    public static readonly RefusalText ClusterNotAMember = new("cluster.not-a-member", RefusalKind.Conflict,
        "{member} is not a member of {slug}.",
        "{member} is geen lid van {slug}.");

    public static readonly RefusalText ClusterNotRegistered = new("cluster.not-registered", RefusalKind.NotFound,
        "Cluster {slug} is not registered.",
        "Cluster {slug} is niet geregistreerd.");

    public static readonly RefusalText ClusterUnknownKind = new("cluster.unknown-kind", RefusalKind.Conflict,
        "The cluster would have an unknown kind '{kind}'.",
        "De cluster zou een onbekende soort ‘{kind}’ hebben.");

    public static readonly RefusalText ClusterWouldHaveNoName = new("cluster.would-have-no-name", RefusalKind.Conflict,
        "The cluster would have no name or no sector.",
        "De cluster zou geen naam of geen sector hebben.");
}
