namespace ProvincialMonitor.Contracts.Events;

/// <summary>Money paid on a grant taken back (<i>terugvordering</i>): "paid" counts net of it, "recovered" shows it apart.</summary>
public sealed record SubsidyRecovered(string GrantRef, decimal Amount, string RecoveryRef, string? Reason) : IDomainEvent;

/// <summary>A payment is an advance or the balance (<i>saldo</i>), which closes the grant; a payment stored without a kind is an advance.</summary>
public static class PaymentKinds
{
    public const string Advance = "advance";
    public const string Balance = "balance";

    public static readonly string[] All = [Advance, Balance];
}

/// <summary>A grant's beneficiary in the events: a pseudonymous id; its name and company number are kept outside the hash chain.</summary>
public static class Beneficiaries
{
    public const string Prefix = "ben_";

    /// <summary>A new id: <c>ben_</c> and 32 hex digits, told by nothing about the beneficiary.</summary>
    public static string NewId() => Prefix + Guid.CreateVersion7().ToString("N");

    public static bool IsId(string? id) =>
        id is { Length: 36 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);
}
