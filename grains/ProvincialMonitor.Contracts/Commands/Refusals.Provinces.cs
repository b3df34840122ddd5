namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText ProvinceAdviceArea = new("province.advice-area", RefusalKind.Conflict,
        "The advice on permit {permitRef} would have a net retail area of {netRetailAreaM2} m².",
        "Het advies over vergunning {permitRef} zou een netto handelsoppervlakte van {netRetailAreaM2} m² hebben.");

    public static readonly RefusalText ProvinceAdviceIncomplete = new("province.advice-incomplete", RefusalKind.Conflict,
        "A retail advice would have no permit reference or goods category.",
        "Een advies detailhandel zou geen referentie van de vergunning of geen goederencategorie hebben.");

    public static readonly RefusalText ProvinceAdviceValue = new("province.advice-value", RefusalKind.Conflict,
        "The advice on permit {permitRef} would be '{advice}'.",
        "Het advies over vergunning {permitRef} zou ‘{advice}’ zijn.");

    public static readonly RefusalText ProvinceAlreadyRegistered = new("province.already-registered", RefusalKind.Conflict,
        "Province {slug} is already registered.",
        "Provincie {slug} is al geregistreerd.");

    public static readonly RefusalText ProvinceAppealDecided = new("province.appeal-decided", RefusalKind.Conflict,
        "Appeal {appealRef} is decided already.",
        "Over beroep {appealRef} werd al beslist.");

    public static readonly RefusalText ProvinceAppealDecidedTwice = new("province.appeal-decided-twice", RefusalKind.Conflict,
        "Appeal {appealRef} would be decided twice.",
        "Over beroep {appealRef} zou twee keer beslist worden.");

    public static readonly RefusalText ProvinceAppealDecidedUnfiled = new("province.appeal-decided-unfiled", RefusalKind.Conflict,
        "Appeal {appealRef} would be decided without being filed.",
        "Over beroep {appealRef} zou beslist worden zonder dat het ingediend is.");

    public static readonly RefusalText ProvinceAppealFiled = new("province.appeal-filed", RefusalKind.Conflict,
        "Appeal {appealRef} is filed already.",
        "Beroep {appealRef} werd al ingediend.");

    public static readonly RefusalText ProvinceAppealFiledTwice = new("province.appeal-filed-twice", RefusalKind.Conflict,
        "Appeal {appealRef} would be filed twice.",
        "Beroep {appealRef} zou twee keer ingediend worden.");

    public static readonly RefusalText ProvinceAppealNoReference = new("province.appeal-no-reference", RefusalKind.Conflict,
        "An appeal would have no reference.",
        "Een beroep zou geen referentie hebben.");

    public static readonly RefusalText ProvinceAppealNotFiled = new("province.appeal-not-filed", RefusalKind.Conflict,
        "Appeal {appealRef} was not filed.",
        "Beroep {appealRef} werd niet ingediend.");

    public static readonly RefusalText ProvinceAppealOutcome = new("province.appeal-outcome", RefusalKind.Conflict,
        "Appeal {appealRef} would have the outcome '{outcome}'.",
        "Beroep {appealRef} zou de uitkomst ‘{outcome}’ hebben.");

    public static readonly RefusalText ProvinceBudgetAmount = new("province.budget-amount", RefusalKind.Conflict,
        "A budget of {amount} for {domain} would not be euro, more than zero, with at most two decimals.",
        "Een budget van {amount} voor {domain} zou geen euro zijn, meer dan nul, met hoogstens twee decimalen.");

    public static readonly RefusalText ProvinceBudgetDomain = new("province.budget-domain", RefusalKind.Conflict,
        "A budget would be allocated to an unknown domain '{domain}'.",
        "Een budget zou toegewezen worden aan een onbekend domein ‘{domain}’.");

    public static readonly RefusalText ProvinceBudgetYear = new("province.budget-year", RefusalKind.Conflict,
        "A budget would be allocated for the year {year}.",
        "Een budget zou toegewezen worden voor het jaar {year}.");

    public static readonly RefusalText ProvinceCreditAdjustedUnallocated = new("province.credit-adjusted-unallocated", RefusalKind.Conflict,
        "The credit for {domain} in {year} would be adjusted without being allocated.",
        "Het krediet voor {domain} in {year} zou aangepast worden zonder dat het vastgesteld is.");

    public static readonly RefusalText ProvinceCreditAllocated = new("province.credit-allocated", RefusalKind.Conflict,
        "The credit for {domain} in {year} is allocated already ({amount}); record the council's adjustment instead (POST {route}).",
        "Het krediet voor {domain} in {year} is al vastgesteld ({amount}); leg de aanpassing van de provincieraad vast (POST {route}).");

    public static readonly RefusalText ProvinceCreditNegative = new("province.credit-negative", RefusalKind.Conflict,
        "The credit for {domain} in {year} would be {amount}, below zero.",
        "Het krediet voor {domain} in {year} zou {amount} zijn, minder dan nul.");

    public static readonly RefusalText ProvinceCreditNotAllocated = new("province.credit-not-allocated", RefusalKind.Conflict,
        "No credit for {domain} in {year} is allocated; allocate it first (POST {route}).",
        "Er is geen krediet voor {domain} in {year} vastgesteld; stel het eerst vast (POST {route}).");

    public static readonly RefusalText ProvinceDecisionAmount = new("province.decision-amount", RefusalKind.Conflict,
        "Decision {reference} would have an amount of {amount}: euro, not negative, at most two decimals.",
        "Beslissing {reference} zou een bedrag van {amount} hebben: euro, niet negatief, hoogstens twee decimalen.");

    public static readonly RefusalText ProvinceDecisionBody = new("province.decision-body", RefusalKind.Conflict,
        "Decision {reference} would be taken by '{decidingBody}'.",
        "Beslissing {reference} zou genomen worden door ‘{decidingBody}’.");

    public static readonly RefusalText ProvinceDecisionDomain = new("province.decision-domain", RefusalKind.Conflict,
        "Decision {reference} would have an unknown domain '{domain}'.",
        "Beslissing {reference} zou een onbekend domein ‘{domain}’ hebben.");

    public static readonly RefusalText ProvinceDecisionIncomplete = new("province.decision-incomplete", RefusalKind.Conflict,
        "A decision would have no reference, title or summary.",
        "Een beslissing zou geen referentie, titel of samenvatting hebben.");

    public static readonly RefusalText ProvinceDecisionTaken = new("province.decision-taken", RefusalKind.Conflict,
        "Decision {reference} is taken already.",
        "Beslissing {reference} werd al genomen.");

    public static readonly RefusalText ProvinceDecisionTwice = new("province.decision-twice", RefusalKind.Conflict,
        "Decision {reference} would be taken twice.",
        "Beslissing {reference} zou twee keer genomen worden.");

    public static readonly RefusalText ProvinceDecisionVotes = new("province.decision-votes", RefusalKind.Conflict,
        "Decision {reference} would have negative votes.",
        "Beslissing {reference} zou negatieve stemmen hebben.");

    public static readonly RefusalText ProvinceMunicipalityElsewhere = new("province.municipality-elsewhere", RefusalKind.Conflict,
        "{name} ({nisCode}) lies in {other}, not in {slug}.",
        "{name} ({nisCode}) ligt in {other}, niet in {slug}.");

    public static readonly RefusalText ProvinceNotFlemish = new("province.not-flemish", RefusalKind.NotFound,
        "{slug} is not a Flemish province.",
        "{slug} is geen Vlaamse provincie.");

    public static readonly RefusalText ProvinceNotRegistered = new("province.not-registered", RefusalKind.NotFound,
        "Province {slug} is not registered.",
        "Provincie {slug} is niet geregistreerd.");

    public static readonly RefusalText ProvincePermitAdvised = new("province.permit-advised", RefusalKind.Conflict,
        "Permit {permitRef} has an advice already; correct it instead.",
        "Vergunning {permitRef} heeft al een advies; corrigeer het.");

    public static readonly RefusalText ProvincePermitTwice = new("province.permit-twice", RefusalKind.Conflict,
        "Permit {permitRef} would have two advices.",
        "Vergunning {permitRef} zou twee adviezen hebben.");

    public static readonly RefusalText ProvincePopulationFigures = new("province.population-figures", RefusalKind.Conflict,
        "The population of {referenceYear} would have {inhabitants} inhabitants in {municipalities} municipalities.",
        "Het bevolkingscijfer van {referenceYear} zou {inhabitants} inwoners in {municipalities} gemeenten hebben.");

    public static readonly RefusalText ProvincePopulationRecorded = new("province.population-recorded", RefusalKind.Conflict,
        "The population of {referenceYear} is recorded already; correct it instead.",
        "Het bevolkingscijfer van {referenceYear} is al geregistreerd; corrigeer het.");

    public static readonly RefusalText ProvincePopulationTwice = new("province.population-twice", RefusalKind.Conflict,
        "The population of {referenceYear} would be recorded twice.",
        "Het bevolkingscijfer van {referenceYear} zou twee keer geregistreerd worden.");

    public static readonly RefusalText ProvincePopulationYear = new("province.population-year", RefusalKind.Conflict,
        "A population would be for the year {referenceYear}.",
        "Een bevolkingscijfer zou voor het jaar {referenceYear} zijn.");

    public static readonly RefusalText ProvinceRetailNoMunicipality = new("province.retail-no-municipality", RefusalKind.Conflict,
        "A retail event would name no municipality.",
        "Een gebeurtenis detailhandel zou geen gemeente noemen.");

    public static readonly RefusalText ProvinceWouldHaveNoName = new("province.would-have-no-name", RefusalKind.Conflict,
        "The province would have no name or no POM.",
        "De provincie zou geen naam of geen POM hebben.");

    public static readonly RefusalText ProvinceWouldHaveWrongNis = new("province.would-have-wrong-nis", RefusalKind.Conflict,
        "{nisCode} is not the NIS code of province {slug}.",
        "{nisCode} is niet de NIS-code van provincie {slug}.");

    public static readonly RefusalText ProvinceWouldNotBeMunicipality = new("province.would-not-be-municipality", RefusalKind.Conflict,
        "{nisCode} would not be a municipality.",
        "{nisCode} zou geen gemeente zijn.");

    public static readonly RefusalText ProvinceWrongNisCode = new("province.wrong-nis-code", RefusalKind.Conflict,
        "The NIS code of {name} is {nisCode}, not {given}.",
        "De NIS-code van {name} is {nisCode}, niet {given}.");
}
