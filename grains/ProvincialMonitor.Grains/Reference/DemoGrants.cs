using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// The demo's grant facts beside the plain grants (docs/domain.md "Grants"): a grant of the province to a named
/// beneficiary under a regulation, paid in two advances and a balance; a recovery on another grant; and the Interreg
/// programme of a cross-border project, chosen by its planned dates. Names and numbers are invented.
/// </summary>
public static class DemoGrants
{
    /// <summary>The project that gets the grant with a beneficiary, and the one with a recovery on its first grant.</summary>
    public const string BeneficiaryProject = "KC-01";

    public const string RecoveryProject = "DP-01";

    /// <summary>The demo beneficiary: an invented name with a valid company number (its last two digits check the first eight).</summary>
    public const string BeneficiaryName = "Demo Circulaire Bouwstoffen bv";

    public const string CompanyNumber = "0765432146";

    public const string Regulation = "Provinciaal reglement voor subsidies aan circulaire economie";

    /// <summary>The rate the demo asks of a programme, or the programme's maximum when that is lower.</summary>
    private const decimal Rate = 40m;

    /// <summary>
    /// The steps of a demo project beyond its plain grants: (key step, command), dated from its registration. Each step
    /// lies at least 100 days before today for a project registered 450 days ago or earlier, as the demo's are.
    /// </summary>
    public static IEnumerable<(string Step, ProjectCommand Command)> For(string projectRef, DateOnly registered)
    {
        if (projectRef == BeneficiaryProject)
        {
            const string grantRef = "KC-01-B1";
            var granted = registered.AddDays(60);
            yield return ($"grant/{grantRef}", new GrantSubsidy(grantRef, 200_000m, "province", "antwerpen", Regulation, BeneficiaryName, CompanyNumber)
                { EffectiveDate = granted, DecisionRef = $"DEP-{granted.Year}-{grantRef}", Body = "deputatie" });
            yield return ($"payment/{grantRef}/1", new PaySubsidy(grantRef, 80_000m, $"PAY-{grantRef}-1", PaymentKinds.Advance) { EffectiveDate = granted.AddDays(30) });
            yield return ($"payment/{grantRef}/2", new PaySubsidy(grantRef, 60_000m, $"PAY-{grantRef}-2", PaymentKinds.Advance) { EffectiveDate = granted.AddDays(150) });
            // The balance pays what the final account justifies, less than the rest of the grant, and closes it.
            yield return ($"payment/{grantRef}/balance", new PaySubsidy(grantRef, 45_000m, $"PAY-{grantRef}-S", PaymentKinds.Balance) { EffectiveDate = granted.AddDays(330) });
        }
        else if (projectRef == RecoveryProject)
        {
            // The first grant's two payments come 100 and 340 days after registration (DemoData); the recovery after both.
            const string grantRef = "DP-01-G1";
            yield return ($"recovery/{grantRef}/1", new RecoverSubsidy(grantRef, 20_000m, $"TV-{grantRef}-1", "Kosten niet aanvaard bij de controle van de eindafrekening")
                { EffectiveDate = registered.AddDays(360) });
        }
    }

    /// <summary>
    /// The programme of a family (a code prefix such as <c>interreg-vl-nl-</c>) whose period covers the planned start, the
    /// newest such; the planned end kept within its last eligible day; and a rate within its maximum. None when no
    /// programme of the family covers the start (then the project is recorded without one).
    /// </summary>
    public static (string? Code, decimal? Rate, DateOnly End) Programme(string? family, DateOnly start, DateOnly end)
    {
        var programme = family is null ? null : CrossBorderReference.Programmes
            .Where(p => p.Code.StartsWith(family, StringComparison.Ordinal) && p.Covers(start)).MaxBy(p => p.Starts);
        return programme is null
            ? (null, null, end)
            : (programme.Code, decimal.Min(Rate, programme.MaxErdfRate ?? Rate), end > programme.EligibleUntil ? programme.EligibleUntil : end);
    }
}
