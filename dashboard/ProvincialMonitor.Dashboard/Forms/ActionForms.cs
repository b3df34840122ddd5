using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>One form of the Registreren page: its address under <c>/registreren/</c>, its Dutch title, what it records, whether it acts on a project, and the heading it is listed under.</summary>
public sealed record ActionFormInfo(string Slug, string Title, string Description, bool OnProject, string Group = ActionForms.Projects);

/// <summary>The forms the dashboard offers, in the order the Registreren page lists them.</summary>
public static class ActionForms
{
    public static readonly IReadOnlyList<ActionFormInfo> All =
    [
        new("project", "Project registreren", "Een nieuw project met leidende provincie, domein, clusters en partners.", false),
        new("subsidie", "Subsidie toekennen", "Een toekenning aan een project: referentie, bedrag, financier, reglement en begunstigde.", true),
        new("betaling", "Subsidie uitbetalen", "Een voorschot of het saldo op een toekenning; nooit meer dan toegekend, niets meer na het saldo.", true),
        new("terugvordering", "Subsidie terugvorderen", "Een terugvordering op een toekenning; nooit meer dan erop betaald is.", true),
        new("resultaat", "Resultaat melden", "Jobs, bedrijven, hectaren … voor een periode.", true),
        new("status", "Projectstatus wijzigen", "Gepland → lopend → afgerond of stopgezet.", true),
        new("partner", "Partner toevoegen", "Een partner die aan een project deelneemt.", true),
        new("mijlpaal", "Mijlpaal melden", "Een bereikte mijlpaal van een project.", true),
        new("correctie", "Correctie", "Een veld van een geregistreerde gebeurtenis verbeteren.", true),
        new("intrekking", "Schrapping", "Een gebeurtenis schrappen die per vergissing werd geregistreerd.", true),
        new("beslissing", "Beslissing registreren", "Een beslissing van de deputatie of de provincieraad, met stemming.", false, Province),
        new("budget", "Krediet vaststellen", "Het krediet van een provincie voor een beleidsdomein in een jaar, zoals de provincieraad het in het meerjarenplan vaststelt.", false, Province),
        new("krediet-aanpassing", "Krediet aanpassen", "Het nieuwe krediet na een aanpassing van het meerjarenplan door de provincieraad.", false, Province),
        new("meting", "Indicator meten", "Een gemeten waarde van een indicator voor een periode, met eenheid en bron.", false, Province),
        new("doelstelling", "Doelstelling vastleggen", "De streefwaarde van een indicator voor een jaar.", false, Province),
        new("advies-detailhandel", "Advies detailhandel", "Het advies van de provincie over een vergunning voor detailhandel in een gemeente.", false, Province),
        new("beroep-detailhandel", "Beroep detailhandel indienen", "Een beroep tegen een vergunning voor detailhandel.", false, Province),
        new("uitspraak-beroep", "Uitspraak over een beroep", "De uitspraak over een ingediend beroep detailhandel.", false, Province),
        new("beslissing-kleinhandelsvergunning", "Beslissing deputatie over een kleinhandelsvergunning",
            "De beslissing van de deputatie in eerste aanleg, boven 20.000 m² netto buiten de centrumsteden.", false, Province),
        new("clusterlid", "Lid van een cluster", "Een bedrijf, kennisinstelling of overheid treedt toe tot een cluster.", false, Clusters),
        new("clusterlid-vertrek", "Vertrek uit een cluster", "Een lid verlaat een cluster.", false, Clusters),
        new("clusterfinanciering", "Clusterfinanciering", "Financiering van een cluster door een provincie.", false, Clusters),
        new("campagne-actie", "Campagneactie", "Een actie van een campagne, in enkele of alle deelnemende provincies.", false, Campaigns),
        new("campagne-gemeente", "Gemeente neemt deel", "Een gemeente van een deelnemende provincie neemt deel aan een campagne.", false, Campaigns),
        new("campagne-markt", "Markt neemt deel", "Een markt in een deelnemende gemeente neemt deel aan een campagne.", false, Campaigns),
        new("marktdag", "Marktdag", "Een gehouden marktdag met het aantal aanwezige marktkramers.", false, Campaigns),
        new("inschrijvingen", "Deelnames", "Het aantal deelnames (kaarten) op een markt.", false, Campaigns),
        new("campagne-correctie", "Correctie campagne of markt", "Een veld van een gebeurtenis van een campagne of van een markt verbeteren.", false, Campaigns),
        new("bedrijventerrein", "Bedrijventerrein registreren", "Een bedrijventerrein met gemeente, bruto en netto oppervlakte, soort en beheerder.", false, BusinessParks),
        new("perceel", "Perceel uitgeven", "Een uitgegeven perceel: koper (bedrijf), oppervlakte en sector; nooit meer dan de netto oppervlakte.", false, BusinessParks),
        new("leegstand", "Leegstand meten", "Gemeten leegstand en reserve op een bedrijventerrein.", false, BusinessParks),
        new("fase-terrein", "Fase van een bedrijventerrein", "Gepland → in ontwikkeling → bouwrijp → volledig uitgegeven.", false, BusinessParks),
        new("campagne-intrekking", "Schrapping campagne of markt", "Een gebeurtenis van een campagne of van een markt schrappen die per vergissing werd geregistreerd.", false, Campaigns),
        new("grensoverleg", "Grensoverschrijdend streekoverleg", "Een overleg met de partners over de grens: datum, onderwerp en partners.", false, Border),
        new("grensobstakel", "Grensobstakel (GROS-lijst)", "Een grensobstakel op de GROS-lijst van de provincie zetten.", false, Border),
        new("status-grensobstakel", "Status van een grensobstakel", "In behandeling, doorverwezen of opgeschort, met toelichting.", false, Border),
        new("grensobstakel-weggewerkt", "Grensobstakel weggewerkt", "Een grensobstakel is weggewerkt; daarna verandert het niet meer.", false, Border),
    ];

    public const string Projects = "Projecten";
    public const string Province = "Provincie";
    public const string Clusters = "Clusters";
    public const string Campaigns = "Campagnes";
    public const string BusinessParks = "Bedrijventerreinen";
    public const string Border = "Grensoverschrijdend beleid";

    /// <summary>The headings of the Registreren page, each with its forms.</summary>
    public static IEnumerable<IGrouping<string, ActionFormInfo>> Grouped => All.GroupBy(f => f.Group);

    public static ActionFormInfo? Find(string slug) => All.FirstOrDefault(f => f.Slug == slug);

    /// <summary>The roles that record actions (the command catalog's), as an AuthorizeView takes them; deputies and auditors only read.</summary>
    public static readonly string WriterRoles = string.Join(',', CommandCatalog.WriterRoles);
}
