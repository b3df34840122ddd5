namespace ProvincialMonitor.Contracts;

/// <summary>The seven policy domains (deeldomeinen) of the provinces' economic policy.</summary>
public static class PolicyDomains
{
    public const string InnovationClusters = "innovation-clusters";
    public const string SpatialEconomy = "spatial-economy";
    public const string LocalEconomyRetail = "local-economy-retail";
    public const string CrossBorder = "cross-border";
    public const string CircularEconomy = "circular-economy";
    public const string SocialEconomy = "social-economy";
    public const string LabourMarket = "labour-market";

    public static readonly IReadOnlyDictionary<string, string> DutchNames = new Dictionary<string, string>
    {
        [InnovationClusters] = "Economische innovatie en clusterbeleid",
        [SpatialEconomy] = "Ruimtelijk economisch beleid",
        [LocalEconomyRetail] = "Lokaal economisch beleid en bovenlokale detailhandel",
        [CrossBorder] = "Grensoverschrijdend beleid en internationalisering",
        [CircularEconomy] = "Circulaire economie",
        [SocialEconomy] = "Sociale economie – arbeidszorg",
        [LabourMarket] = "Flankerend arbeidsmarktbeleid",
    };

    public static bool IsKnown(string? code) => code is not null && DutchNames.ContainsKey(code);
}

/// <summary>The five provinces; their reference data is in <see cref="Reference.ReferenceData"/>.</summary>
public static class ProvinceSlugs
{
    public static readonly IReadOnlyList<string> All = ["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"];

    public static bool IsKnown(string? slug) => slug is not null && All.Contains(slug);
}

/// <summary>The seven Flemish spearhead clusters (speerpuntclusters).</summary>
public static class SpearheadClusters
{
    public static readonly IReadOnlyList<(string Slug, string Name, string Sector)> All =
    [
        ("catalisti", "Catalisti", "chemie en kunststoffen"),
        ("sim", "SIM", "materialen"),
        ("flux50", "Flux50", "slimme energie"),
        ("vil", "VIL", "logistiek"),
        ("flanders-food", "Flanders' FOOD", "agrovoeding"),
        ("blauwe-cluster", "De Blauwe Cluster", "blauwe economie"),
        ("medvia", "MedVia", "gezondheidstechnologie"),
    ];
}

/// <summary>The deciding bodies an event can name.</summary>
public static class Bodies
{
    public const string Deputatie = "deputatie";
    public const string Provincieraad = "provincieraad";
    public const string Pom = "pom";

    public static IReadOnlyList<string> All { get; } = [Deputatie, Provincieraad, Pom];

    public static bool IsKnown(string? body) => body is not null && All.Contains(body);
}

/// <summary>Where an event came from.</summary>
public static class Sources
{
    public const string Api = "api";
    public const string Form = "form";
    public const string Import = "import";
    public const string Simulator = "simulator";
    public const string Demo = "demo";
    public const string Reference = "reference";
}
