using System.Runtime.InteropServices;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The days from a grant's decision (the effective date of its <c>SubsidyGranted</c>) to its first payment (the earliest
/// effective date of its payments not retracted), for the grants of a province or its POM: the granting province's (an
/// old grant that names none: the lead's at the grant), and Vlaanderen's. Kept as a sum of days and a count of paid grants
/// per scope, so that a view reads the mean without walking the grants; a retracted payment or grant is taken out.
/// </summary>
internal sealed class PaymentDelays
{
    private sealed class Grant
    {
        public string? Owner;
        public DateOnly? Decided;
        public Guid? Event;
        public readonly List<(Guid Id, DateOnly Day)> Payments = [];
    }

    private readonly Dictionary<(string Stream, string Grant), Grant> _grants = [];
    private readonly Dictionary<Guid, (string Stream, string Grant)> _events = [];
    private readonly Dictionary<string, (long Days, int Grants)> _totals = new(StringComparer.Ordinal);

    /// <summary>A grant or payment as stored, at its own effective date.</summary>
    public void Saw(IDomainEvent e, string stream, Guid id, DateOnly effective, Func<string, ProjectFacts?> project)
    {
        switch (e)
        {
            case SubsidyGranted granted:
                _events[id] = (stream, granted.GrantRef);
                Change((stream, granted.GrantRef), g =>
                {
                    (g.Decided, g.Event) = (effective, id);
                    g.Owner = Funders.NamesAProvince(granted.Funder) ? granted.GrantingProvince ?? project(stream)?.LeadProvince : null;
                });
                break;
            case SubsidyPaid paid:
                _events[id] = (stream, paid.GrantRef);
                Change((stream, paid.GrantRef), g => g.Payments.Add((id, effective)));
                break;
        }
    }

    /// <summary>A retracted grant or payment no longer counts (its grant's first payment may move to the next one).</summary>
    public void Retracted(Guid id)
    {
        if (!_events.Remove(id, out var key)) return;
        Change(key, g =>
        {
            if (g.Event == id) (g.Decided, g.Owner, g.Event) = (null, null, null);
            else g.Payments.RemoveAll(p => p.Id == id);
        });
    }

    /// <summary>The mean days from decision to first payment of a scope's paid grants, to one decimal; null without any.</summary>
    public decimal? Mean(string scope) =>
        _totals.TryGetValue(scope, out var t) && t.Grants > 0 ? decimal.Round((decimal)t.Days / t.Grants, 1) : null;

    private void Change((string, string) key, Action<Grant> change)
    {
        if (!_grants.TryGetValue(key, out var grant)) _grants[key] = grant = new Grant();
        Count(grant, -1);
        change(grant);
        Count(grant, +1);
    }

    private void Count(Grant grant, int sign)
    {
        if (grant is not { Owner: { } owner, Decided: { } decided } || grant.Payments.Count == 0) return;
        var days = (long)(grant.Payments.Min(p => p.Day).DayNumber - decided.DayNumber) * sign;
        foreach (var scope in (string[])[Contributions.Province(owner), Contributions.Flanders])
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_totals, scope, out _);
            total = (total.Days + days, total.Grants + sign);
        }
    }
}
