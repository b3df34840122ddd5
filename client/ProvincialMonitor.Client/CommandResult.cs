using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Client;

/// <summary>A stored (or replayed) command: the answer, and the new aggregate's id when the command made one (201 Created).</summary>
public sealed record CommandResult(ActionResponse Answer, string? CreatedId)
{
    /// <summary>True when the silo had stored this idempotency key's command before and answered the same again.</summary>
    public bool Replayed => Answer.Replayed;

    public long Position => Answer.Position;
}
