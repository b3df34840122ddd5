using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Projects;

/// <summary>
/// A grant's money: payments (advances, then at most one balance, which closes the grant) never pay more than granted,
/// net of recoveries; a recovery never takes back more than is paid, net of earlier recoveries.
/// </summary>
internal static class GrantRules
{
    public static Refusal? Pay(ProjectState state, PaySubsidy pay)
    {
        if (!state.Grants.TryGetValue(pay.GrantRef!, out var grant)) return Refusal.Of(Refusals.GrantNotGranted, ("grantRef", pay.GrantRef));
        if (grant.BalanceRef is { } balance) return Refusal.Of(Refusals.GrantClosed, ("grantRef", pay.GrantRef), ("balanceRef", balance));
        return grant.Net + pay.Amount > grant.Amount
            ? Refusal.Of(Refusals.GrantOverpaid, ("amount", RefusalText.Money(pay.Amount)), ("grantRef", pay.GrantRef),
                ("paid", RefusalText.Money(grant.Net + pay.Amount)), ("granted", RefusalText.Money(grant.Amount)))
            : null;
    }

    public static Refusal? Recover(ProjectState state, RecoverSubsidy recover)
    {
        if (!state.Grants.TryGetValue(recover.GrantRef!, out var grant)) return Refusal.Of(Refusals.GrantNotGranted, ("grantRef", recover.GrantRef));
        return recover.Amount > grant.Net
            ? Refusal.Of(Refusals.GrantOverRecovered, ("amount", RefusalText.Money(recover.Amount)), ("grantRef", recover.GrantRef), ("paid", RefusalText.Money(grant.Net)))
            : null;
    }

    /// <summary>The grant a payment or a recovery is on; null for other events.</summary>
    public static string? GrantOf(IDomainEvent e) => e switch
    {
        SubsidyPaid p => p.GrantRef,
        SubsidyRecovered r => r.GrantRef,
        _ => null,
    };

    public static ProjectState Apply(ProjectState state, IDomainEvent e)
    {
        var grants = state.Grants;
        return e switch
        {
            SubsidyGranted g => state with { Grants = grants.SetItem(g.GrantRef, (grants.GetValueOrDefault(g.GrantRef) ?? Orphan) with
            {
                Amount = g.Amount,
                Funder = g.Funder,
                GrantingProvince = Funders.NamesAProvince(g.Funder) ? g.GrantingProvince ?? state.LeadProvince : null,
                Regulation = g.Regulation,
                BeneficiaryId = g.BeneficiaryId,
            }) },
            // A payment whose grant was retracted keeps a grant of zero, so that the invariants see the overpayment.
            SubsidyPaid p => state with { Grants = grants.SetItem(p.GrantRef, Paid(grants.GetValueOrDefault(p.GrantRef) ?? Orphan, p)) },
            SubsidyRecovered r => state with { Grants = grants.SetItem(r.GrantRef, Recovered(grants.GetValueOrDefault(r.GrantRef) ?? Orphan, r.Amount)) },
            _ => state,
        };
    }

    private static readonly Grant Orphan = new(0, "", 0, null);

    private static Grant Recovered(Grant grant, decimal amount) => grant with { Recovered = grant.Recovered + amount };

    private static Grant Paid(Grant grant, SubsidyPaid p) => grant with
    {
        Paid = grant.Paid + p.Amount,
        PaidAfterBalance = grant.PaidAfterBalance || grant.BalanceRef is not null,
        BalanceRef = grant.BalanceRef ?? (p.Kind == PaymentKinds.Balance ? p.PaymentRef : null),
    };

    /// <summary>What must hold for each grant, checked again after a correction or retraction.</summary>
    public static Refusal? Invariants(string grantRef, Grant grant)
    {
        if (grant.Net > grant.Amount)
            return Refusal.Of(Refusals.GrantWouldBeOverpaid, ("grantRef", grantRef), ("paid", RefusalText.Money(grant.Net)), ("amount", RefusalText.Money(grant.Amount)));
        if (grant.Recovered > grant.Paid)
            return Refusal.Of(Refusals.GrantWouldBeOverRecovered, ("grantRef", grantRef), ("recovered", RefusalText.Money(grant.Recovered)), ("paid", RefusalText.Money(grant.Paid)));
        return grant.PaidAfterBalance ? Refusal.Of(Refusals.GrantWouldBePaidAfterBalance, ("grantRef", grantRef)) : null;
    }
}
