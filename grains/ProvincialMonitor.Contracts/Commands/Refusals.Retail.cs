namespace ProvincialMonitor.Contracts.Commands;

/// <summary>The refusals of the decree on integral commercial establishment policy: categories, application kinds, who decides.</summary>
public static partial class Refusals
{
    public static readonly RefusalText RetailCategoryUnknown = new("retail.category-unknown", RefusalKind.Invalid,
        "is no category of retail activity (known: {options})",
        "Is geen categorie van kleinhandelsactiviteiten.");

    public static readonly RefusalText RetailCategoryTwice = new("retail.category-twice", RefusalKind.Invalid,
        "names a category a second time",
        "Deze categorie staat er al.");

    public static readonly RefusalText RetailCategoriesSum = new("retail.categories-sum", RefusalKind.Invalid,
        "the categories add up to {sum:decimal} m², not the net retail area of {area:decimal} m²",
        "De categorieën tellen op tot {sum:decimal} m², niet tot de netto handelsoppervlakte van {area:decimal} m².");

    public static readonly RefusalText RetailCategoryNotInList = new("retail.category-not-in-list", RefusalKind.Invalid,
        "'{category}' is not in the category list in force on {date} ({list})",
        "‘{category}’ staat niet in de lijst van categorieën die op {date} gold ({list}).");

    public static readonly RefusalText RetailKindUnknown = new("retail.kind-unknown", RefusalKind.Invalid,
        "is no kind of application of the decree (known: {options})",
        "Is geen soort aanvraag van het decreet integraal handelsvestigingsbeleid.");

    public static readonly RefusalText RetailKindNotYet = new("retail.kind-not-yet", RefusalKind.Invalid,
        "'{kind}' needs a permit only from {from}; the record is dated {date}",
        "Voor ‘{kind}’ is pas vanaf {from} een vergunning nodig; de registratie is gedateerd op {date}.");

    public static readonly RefusalText RetailPermitCentreCity = new("retail.permit-centre-city", RefusalKind.Conflict,
        "The deputation does not decide permit {permitRef} in first instance: {name} is a centre city, where the municipality decides whatever the area.",
        "De deputatie beslist niet in eerste aanleg over vergunning {permitRef}: {name} is een centrumstad, daar beslist de gemeente ongeacht de oppervlakte.");

    public static readonly RefusalText RetailPermitBelowThreshold = new("retail.permit-below-threshold", RefusalKind.Conflict,
        "The deputation does not decide permit {permitRef} in first instance: with {area:decimal} m² net, not above {threshold:decimal} m², the municipality decides.",
        "De deputatie beslist niet in eerste aanleg over vergunning {permitRef}: bij {area:decimal} m² netto, niet meer dan {threshold:decimal} m², beslist de gemeente.");

    public static readonly RefusalText RetailPermitDecided = new("retail.permit-decided", RefusalKind.Conflict,
        "Permit {permitRef} has a decision of the deputation already; correct it instead.",
        "Over vergunning {permitRef} besliste de deputatie al; corrigeer die beslissing.");

    public static readonly RefusalText RetailPermitDecidedTwice = new("retail.permit-decided-twice", RefusalKind.Conflict,
        "Permit {permitRef} would have two decisions of the deputation.",
        "Over vergunning {permitRef} zou de deputatie twee keer beslissen.");

    public static readonly RefusalText RetailAppealAgainstDeputation = new("retail.appeal-against-deputation", RefusalKind.Conflict,
        "An appeal about permit {permitRef} goes to the Flemish government: the deputation decided it in first instance.",
        "Een beroep over vergunning {permitRef} gaat naar de Vlaamse Regering: de deputatie besliste er zelf over in eerste aanleg.");

    public static readonly RefusalText RetailAppealDeputationCompetent = new("retail.appeal-deputation-competent", RefusalKind.Conflict,
        "An appeal about {area:decimal} m² net in {name} goes to the Flemish government: above {threshold:decimal} m² outside a centre city the deputation decides in first instance.",
        "Een beroep over {area:decimal} m² netto in {name} gaat naar de Vlaamse Regering: boven {threshold:decimal} m² buiten een centrumstad beslist de deputatie in eerste aanleg.");

    public static readonly RefusalText RetailDecisionNotDeputation = new("retail.decision-not-deputation", RefusalKind.Invalid,
        "a first-instance retail decision of the province is the deputation's",
        "Een beslissing in eerste aanleg over een kleinhandelsvergunning is die van de deputatie.");

    public static readonly RefusalText ImportNotRetailCategories = new("import.not-retail-categories", RefusalKind.Invalid,
        "is a list of category:m², such as food:1200|other-bulky:800",
        "Is een lijst categorie:m², zoals food:1200|other-bulky:800.");

    public static readonly RefusalText RetailCategoriesWouldNotAddUp = new("retail.categories-would-not-add-up", RefusalKind.Conflict,
        "The categories of permit {permitRef} would not be known categories with positive areas adding up to its {area:decimal} m² net.",
        "De categorieën van vergunning {permitRef} zouden geen gekende categorieën met positieve oppervlakten zijn die samen {area:decimal} m² netto geven.");
}
