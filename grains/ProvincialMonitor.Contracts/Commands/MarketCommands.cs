using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>The commands of one market in one campaign (grain key <c>{campaign}/{marketId}</c>).</summary>
[GenerateSerializer]
public abstract record MarketCommand : Command;

/// <summary>
/// Sent right after the campaign accepted the market's <see cref="MarketJoined"/>, with what the market needs
/// to decide its own facts: its municipality and province, its weekday, and the campaign's period.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegisterMarketInCampaign(
    string? Campaign,
    string? MarketId,
    string? Municipality,
    string? Province,
    string? Weekday,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd) : MarketCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Slug("campaign", Campaign);
        check.Slug("marketId", MarketId);
        check.NisCode("municipality", Municipality);
        check.Province("province", Province);
        check.OneOf("weekday", Weekday, Weekdays.All);
        check.Period(PeriodStart, PeriodEnd);
    }
}

[GenerateSerializer, Immutable]
public sealed record HoldMarketDay(DateOnly? Date, int? TradersPresent) : MarketCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Required("date", Date);
        check.AtLeast("tradersPresent", TradersPresent, 0);
    }
}

[GenerateSerializer, Immutable]
public sealed record RegisterEntries(int? Count, DateTimeOffset? At) : MarketCommand
{
    /// <summary>More cards than this in one registration is a typing error, not a market morning.</summary>
    public const int MaxCount = 100_000;

    protected override void ValidateFields(Checks check)
    {
        check.AtLeast("count", Count, 1);
        if (Count > MaxCount) check.Add("count", Refusals.FieldTooManyEntries);
        check.Required("at", At);
    }
}

/// <summary>Sent to each market after its campaign closed.</summary>
[GenerateSerializer, Immutable]
public sealed record CloseMarket(string? Reason) : MarketCommand
{
    protected override void ValidateFields(Checks check) => check.Text("reason", Reason, required: false, max: 1000);
}

[GenerateSerializer, Immutable]
public sealed record CorrectMarket(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : MarketCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractMarketEvent(Guid? EventId, string? Reason) : MarketCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}
