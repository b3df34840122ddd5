namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText FieldCompanyNumber = new("field.company-number", RefusalKind.Invalid,
        "is not a valid company number: ten digits, the first 0 or 1, the last two 97 minus the first eight mod 97 (0123.456.749).",
        "is geen geldig ondernemingsnummer: tien cijfers, het eerste 0 of 1, de laatste twee 97 min de eerste acht mod 97 (0123.456.749).");

    public static readonly RefusalText FieldBeneficiaryNeedsBoth = new("field.beneficiary-needs-both", RefusalKind.Invalid,
        "is required: a beneficiary is given by its name and its company number together.",
        "is verplicht: een begunstigde wordt met naam en ondernemingsnummer samen opgegeven.");

    public static readonly RefusalText FieldNotABeneficiaryId = new("field.not-a-beneficiary-id", RefusalKind.Invalid,
        "is not a beneficiary id (ben_ and 32 hexadecimal digits).",
        "is geen id van een begunstigde (ben_ en 32 hexadecimale cijfers).");

    public static readonly RefusalText GrantBeneficiaryUnknown = new("grant.beneficiary-unknown", RefusalKind.NotFound,
        "Beneficiary {beneficiaryId} is not known (or its name was erased): give its name and company number.",
        "Begunstigde {beneficiaryId} is niet gekend (of de naam werd gewist): geef naam en ondernemingsnummer op.");

    public static readonly RefusalText GrantClosed = new("grant.closed", RefusalKind.Conflict,
        "Grant {grantRef} is closed: its balance was paid ({balanceRef}); nothing is paid on it after the balance.",
        "Toekenning {grantRef} is afgesloten: het saldo werd uitbetaald ({balanceRef}); na het saldo wordt er niets meer op betaald.");

    public static readonly RefusalText GrantOverRecovered = new("grant.over-recovered", RefusalKind.Conflict,
        "Recovering {amount} on grant {grantRef} would recover more than is paid on it ({paid}, net of earlier recoveries).",
        "{amount:euro} terugvorderen op toekenning {grantRef} zou meer terugvorderen dan erop betaald is ({paid:euro}, na eerdere terugvorderingen).");

    public static readonly RefusalText GrantWouldBeOverRecovered = new("grant.would-be-over-recovered", RefusalKind.Conflict,
        "Grant {grantRef} would have {recovered} recovered of {paid} paid.",
        "Toekenning {grantRef} zou {recovered:euro} teruggevorderd hebben van {paid:euro} betaald.");

    public static readonly RefusalText GrantWouldBePaidAfterBalance = new("grant.would-be-paid-after-balance", RefusalKind.Conflict,
        "Grant {grantRef} would have a payment after its balance.",
        "Toekenning {grantRef} zou een betaling na het saldo hebben.");
}
