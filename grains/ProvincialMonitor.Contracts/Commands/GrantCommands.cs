using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// GrantingProvince: whose money a grant of the province or the pom is, the lead or a participating province the
/// author acts for (default: the author's province when they act for exactly one, else the lead of a project without
/// participants; required when the choice is open); not given for the other funders. Regulation: the subsidy
/// regulation it is granted under (optional). The beneficiary: its name and company number together (kept outside the
/// hash chain; the event holds a pseudonymous id), or the id of a beneficiary already known (<c>ben_…</c>); or none.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrantSubsidy(
    string? GrantRef,
    [property: Money] decimal? Amount,
    string? Funder,
    string? GrantingProvince = null,
    string? Regulation = null,
    string? BeneficiaryName = null,
    string? CompanyNumber = null,
    string? BeneficiaryId = null) : ProjectCommand
{
    /// <summary>A company number in any usual written form (0123.456.749, BE0123456749) is sent as its ten digits.</summary>
    public override Command Normalized(List<FieldError> notices) =>
        CompanyNumbers.Normalize(CompanyNumber) is { } digits ? this with { CompanyNumber = digits } : this;

    protected override void ValidateFields(Checks check)
    {
        check.Text("grantRef", GrantRef, max: 60);
        check.Money("amount", Amount);
        check.OneOf("funder", Funder, Funders.All);
        check.Text("regulation", Regulation, required: false, max: 200);
        check.Text("beneficiaryName", BeneficiaryName, required: false, max: 200);
        if (CompanyNumber is not null && CompanyNumbers.Normalize(CompanyNumber) is null)
            // The number is not echoed: a sole trader's number is personal data, and refusals are logged.
            check.Add("companyNumber", Refusals.FieldCompanyNumber);
        if (string.IsNullOrWhiteSpace(BeneficiaryName) != string.IsNullOrWhiteSpace(CompanyNumber))
            check.Add(string.IsNullOrWhiteSpace(BeneficiaryName) ? "beneficiaryName" : "companyNumber", Refusals.FieldBeneficiaryNeedsBoth);
        if (BeneficiaryId is not null && !Beneficiaries.IsId(BeneficiaryId))
            check.Add("beneficiaryId", Refusals.FieldNotABeneficiaryId);
        if (GrantingProvince is null) return;
        if (Funder is not null && Funders.All.Contains(Funder) && !Funders.NamesAProvince(Funder))
            check.Add("grantingProvince", Refusals.FieldGrantingProvinceNotForFunder);
        else check.Province("grantingProvince", GrantingProvince);
    }
}

/// <summary>Kind: advance (the default) or balance; a balance closes the grant.</summary>
[GenerateSerializer, Immutable]
public sealed record PaySubsidy(string? GrantRef, [property: Money] decimal? Amount, string? PaymentRef, string? Kind = null) : ProjectCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("grantRef", GrantRef, max: 60);
        check.Money("amount", Amount);
        check.Text("paymentRef", PaymentRef, max: 60);
        check.OneOf("kind", Kind, PaymentKinds.All, required: false);
    }
}

/// <summary>A recovery (<i>terugvordering</i>) of money paid on a grant: never more than is paid on it, net of earlier recoveries.</summary>
[GenerateSerializer, Immutable]
public sealed record RecoverSubsidy(string? GrantRef, [property: Money] decimal? Amount, string? RecoveryRef, string? Reason = null) : ProjectCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("grantRef", GrantRef, max: 60);
        check.Money("amount", Amount);
        check.Text("recoveryRef", RecoveryRef, max: 60);
        check.Text("reason", Reason, required: false, max: 2000);
    }
}

/// <summary>
/// The Belgian company number (<i>ondernemingsnummer</i>, KBO): ten digits, the first 0 or 1, the last two
/// 97 − (the first eight mod 97). Read with or without dots, spaces or dashes and a leading BE; the old nine-digit
/// form is read with a leading 0. Stored as the ten digits.
/// </summary>
public static class CompanyNumbers
{
    /// <summary>The ten digits of a valid company number; null for anything else.</summary>
    public static string? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written)) return null;
        var text = written.Trim();
        if (text.StartsWith("BE", StringComparison.OrdinalIgnoreCase)) text = text[2..];
        var digits = new System.Text.StringBuilder(10);
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (c is not ('.' or ' ' or '-')) return null;
        }
        if (digits.Length == 9) digits.Insert(0, '0');
        var number = digits.ToString();
        return number.Length == 10 && IsValid(number) ? number : null;
    }

    private static bool IsValid(string tenDigits)
    {
        if (tenDigits[0] is not ('0' or '1')) return false;
        var body = long.Parse(tenDigits[..8], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(tenDigits[8..], System.Globalization.CultureInfo.InvariantCulture);
        return check == 97 - (int)(body % 97);
    }

    /// <summary>The usual written form of ten digits: 0123.456.749.</summary>
    public static string Written(string tenDigits) => tenDigits.Length == 10 ? $"{tenDigits[..4]}.{tenDigits[4..7]}.{tenDigits[7..]}" : tenDigits;
}
