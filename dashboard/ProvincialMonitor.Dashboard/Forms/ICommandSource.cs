using System.Security.Claims;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>
/// One action a form records: the aggregate it goes to (<see cref="Kind"/>: <c>project</c>, <c>province</c>,
/// <c>cluster</c>, <c>campaign</c>, <c>market</c> with key <c>{campaign}/{id}</c>, <c>flanders</c>), its key, and
/// the command. A new project (<see cref="RegisterProject"/>) or cluster or campaign takes its key from the silo or
/// the command; <see cref="Key"/> is then ignored.
/// </summary>
public sealed record FormAction(string Kind, string Key, Command Command);

/// <summary>
/// What the silo did with a form's action: stored (the stream, its new version and the global position of the
/// stored event; <see cref="Replayed"/> when the same idempotency key had stored it before) or refused (the refusal:
/// its kind, its code and arguments, and the field errors by their JSON names).
/// </summary>
public sealed record FormOutcome(
    string StreamId,
    long Version,
    long Position,
    bool Replayed,
    Refusal? Refusal)
{
    public bool Accepted => Refusal is null;

    public RefusalKind? Refused => Refusal?.Kind;

    public IReadOnlyList<FieldError> Errors => Refusal?.Errors ?? [];

    /// <summary>The refusal in English (the API's <c>detail</c>).</summary>
    public string? Message => Refusal?.Message;

    /// <summary>The key of the aggregate in the stream id (<c>project-{id}</c> gives the id).</summary>
    public string Key => StreamIds.KeyPart(StreamId);

    public static FormOutcome Stored(string streamId, long version, long position, bool replayed) =>
        new(streamId, version, position, replayed, null);

    public static FormOutcome Refusing(Refusal refusal) => new("", 0, 0, false, refusal);
}

/// <summary>One field of a stored event that a correction may change: its JSON name and its value now (JSON, after earlier corrections).</summary>
public sealed record CorrectableField(string Name, string ValueJson);

/// <summary>An event of a stream that a correction or retraction may name: not retracted, not itself a correction or retraction.</summary>
public sealed record CorrectableEvent(long Position, Guid EventId, string EventType, DateOnly EffectiveDate, string Summary, IReadOnlyList<CorrectableField> Fields);

/// <summary>
/// Where the dashboard's forms record actions. The silo implements it in-process over the same command dispatcher
/// as the HTTP API (validation, role policy, idempotency), with the circuit's authenticated user as the actor and
/// the source <c>form</c>; nothing in the form names the actor.
/// </summary>
public interface ICommandSource
{
    /// <summary>
    /// Sends <paramref name="action"/> as <paramref name="user"/> under <paramref name="idempotencyKey"/>: a retry
    /// with the same key and the same action answers the first outcome and stores nothing twice.
    /// </summary>
    Task<FormOutcome> SendAsync(ClaimsPrincipal user, FormAction action, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The events of one aggregate (kinds as in <see cref="FormAction"/>) that may be corrected or retracted, oldest first.</summary>
    Task<IReadOnlyList<CorrectableEvent>> CorrectableEventsAsync(string kind, string key, CancellationToken cancellationToken = default);
}
