using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Grains.Aggregates;

public static class EffectiveDates
{
    /// <summary>The command's business date, today in Brussels when it gives none; facts may be at most one day ahead.</summary>
    public static Refusal? Resolve(Command command, CommandContext context, out DateOnly effectiveDate)
    {
        effectiveDate = command.EffectiveDate ?? context.Today;
        return effectiveDate > context.Today.AddDays(1)
            ? Refusal.Invalid("effectiveDate", Refusals.FieldInTheFuture)
            : null;
    }
}
