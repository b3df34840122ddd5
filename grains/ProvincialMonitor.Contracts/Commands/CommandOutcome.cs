namespace ProvincialMonitor.Contracts.Commands;

/// <summary>Why a command was refused; each kind has its HTTP status and problem type (docs/http-api.md "Errors").</summary>
public enum RefusalKind
{
    /// <summary>400: malformed or invalid input.</summary>
    Invalid,
    /// <summary>403: the actor's role or scope does not allow it.</summary>
    Forbidden,
    /// <summary>404: the aggregate is not registered.</summary>
    NotFound,
    /// <summary>409: a rule of the aggregate refuses it, or a concurrent change won twice.</summary>
    Conflict,
    /// <summary>412: If-Match named another version.</summary>
    PreconditionFailed,
    /// <summary>422: the idempotency key was used for another request.</summary>
    IdempotencyKeyReused,
    /// <summary>503: the store cannot be reached; nothing was stored.</summary>
    Unavailable,
}

/// <summary>
/// Why a command was refused: a code of <see cref="Refusals"/> with its arguments (invariant text), or the field
/// errors of a request that is not valid (code <c>request.invalid</c>). <see cref="Message"/> is the English (the
/// API's <c>detail</c>), <see cref="Dutch"/> the dashboard's; both come from the table.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Refusal(
    [property: Id(0)] RefusalKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] IReadOnlyDictionary<string, string> Arguments,
    [property: Id(3)] FieldError[] Errors)
{
    public string Message => Errors.Length > 0 ? string.Join("; ", Errors.Select(e => e.Describe(e.Message))) : Refusals.Get(Code).InEnglish(Arguments);

    /// <summary>The Dutch of a refusal: its text, or each field error as <c>Veld: text</c> with the field's Dutch label.</summary>
    public string Dutch => Errors.Length > 0 ? string.Join(" ", Errors.Select(e => e.Field.Length == 0 ? e.Dutch : $"{FieldLabels.Path(e.Field)}: {e.Dutch}")) : Refusals.Get(Code).InDutch(Arguments);

    /// <summary>A refusal of <paramref name="text"/> with exactly its arguments; refused as the text's kind.</summary>
    public static Refusal Of(RefusalText text, params (string Name, object? Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text.Kind, text.Code, text.Bind(arguments), []);
    }

    /// <summary>One field is not valid.</summary>
    public static Refusal Invalid(string field, RefusalText text, params (string Name, object? Value)[] arguments) =>
        Fields([FieldError.Of(field, text, arguments)]);

    /// <summary>The request is not valid: these fields.</summary>
    public static Refusal Fields(IEnumerable<FieldError> errors) =>
        new(RefusalKind.Invalid, Refusals.RequestInvalid.Code, Refusals.RequestInvalid.Bind(), [.. errors]);
}

/// <summary>
/// What a command did: the stream's new version and the global position of its last event, or why it
/// was refused. <see cref="Replayed"/> marks the first result returned again for a repeated idempotency key.
/// <see cref="Notices"/>: what the command's normalisation read otherwise than written (a former municipality code), as
/// field errors of notice codes; empty when nothing was.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandOutcome(
    [property: Id(0)] string StreamId,
    [property: Id(1)] long Version,
    [property: Id(2)] long Position,
    [property: Id(3)] Guid[] EventIds,
    [property: Id(4)] bool Replayed,
    [property: Id(5)] Refusal? Refusal,
    [property: Id(6)] FieldError[]? Notices = null)
{
    public bool Accepted => Refusal is null;

    public static CommandOutcome Refused(string streamId, long version, Refusal refusal) => new(streamId, version, 0, [], false, refusal);
}

/// <summary>
/// How a command arrives at a grain: who sends it, from where, under which idempotency key, and the
/// time of the request (so that Decide stays a pure function of its inputs).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandContext(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Source,
    [property: Id(2)] DateTimeOffset Now,
    [property: Id(3)] Guid CorrelationId,
    [property: Id(4)] string? IdempotencyKey = null,
    [property: Id(5)] string? RequestHash = null,
    [property: Id(6)] long? ExpectedVersion = null,
    [property: Id(7)] Guid? CausationId = null)
{
    /// <summary>Today in Brussels: the default effective date, and the reference for "not in the future".</summary>
    public DateOnly Today => MonitorClock.DateOf(Now);
}
