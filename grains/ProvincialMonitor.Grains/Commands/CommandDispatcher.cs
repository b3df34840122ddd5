using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore.Telemetry;

namespace ProvincialMonitor.Grains.Commands;

/// <summary>Who sends a command and how: the same for the API, the forms and the import.</summary>
public sealed record CommandRequest(
    Actor Actor,
    string Source,
    string? IdempotencyKey = null,
    string? RequestHash = null,
    long? ExpectedVersion = null,
    Guid? CorrelationId = null);

/// <summary>
/// The one way in for every write: stateless validation (400), the role check (403), then the
/// aggregate's grain, which checks scope and rules in Decide.
/// </summary>
public sealed class CommandDispatcher(IGrainFactory grains, MonitorClock clock, ILogger<CommandDispatcher> logger)
{
    /// <summary>More grain references than this are not kept: the cache starts again empty.</summary>
    private const int MaxReferences = 20_000;

    // Grain references, once made, are kept: making one resolves the interface's grain type by reflection and builds a
    // proxy, which the ingest profile charged with about 5 % of the silo's CPU. A reference is bound to this silo's
    // runtime, so the cache belongs to this dispatcher.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Grain, string Key), IGrainWithStringKey> _references = new();

    public async Task<CommandOutcome> SendAsync<TGrain, TCommand>(string key, TCommand command, CommandRequest request)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        // The lines logged while the command is dispatched carry its correlation id; the grain's own lines
        // carry the same trace id (Orleans' activity propagation), which this scope names too.
        var correlationId = request.CorrelationId ?? Guid.CreateVersion7();
        request = request with { CorrelationId = correlationId };
        using var scope = logger.BeginScope(new CommandScope(typeof(TCommand).Name, key, correlationId, request.IdempotencyKey,
            Activity.Current?.TraceId.ToString(), request.Source));
        var outcome = await DispatchAsync<TGrain, TCommand>(key, command, request);
        if (outcome.Refusal is { } refusal)
        {
            MonitorTelemetry.RecordRefusal(KindTag(refusal.Kind));
            logger.LogInformation("{Command} on {Key} refused ({Kind}): {Reason}", typeof(TCommand).Name, key, refusal.Kind, refusal.Message);
        }
        else if (outcome.Replayed)
        {
            MonitorTelemetry.IdempotentReplays.Add(1);
            logger.LogInformation("{Command} on {Key} replayed for its Idempotency-Key (position {Position})", typeof(TCommand).Name, key, outcome.Position);
        }
        else
        {
            logger.LogDebug("{Command} on {Key} stored at position {Position}", typeof(TCommand).Name, key, outcome.Position);
        }
        return outcome;
    }

    private TGrain Reference<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        if (_references.TryGetValue((typeof(TGrain), key), out var known)) return (TGrain)known;
        if (_references.Count >= MaxReferences) _references.Clear();
        var made = grains.GetGrain<TGrain>(key);
        _references.TryAdd((typeof(TGrain), key), made);
        return made;
    }

    /// <summary>The tag value of a refusal kind, as in the problem types (constant strings: no allocation per refusal).</summary>
    public static string KindTag(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => "invalid",
        RefusalKind.Forbidden => "forbidden",
        RefusalKind.NotFound => "not-found",
        RefusalKind.Conflict => "conflict",
        RefusalKind.PreconditionFailed => "precondition-failed",
        RefusalKind.IdempotencyKeyReused => "idempotency-key-reused",
        RefusalKind.Unavailable => "unavailable",
        _ => "other",
    };

    private async Task<CommandOutcome> DispatchAsync<TGrain, TCommand>(string key, TCommand command, CommandRequest request)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        var errors = command.Validate();
        if (errors.Count > 0)
            return CommandOutcome.Refused("", 0, Refusal.Fields(errors));
        if (request.IdempotencyKey is { } idempotencyKey
            && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl)))
            return CommandOutcome.Refused("", 0, Refusal.Invalid("Idempotency-Key", Refusals.FieldIdempotencyKey));
        if (!RolePolicy.MayWrite(request.Actor, typeof(TCommand)))
            return CommandOutcome.Refused("", 0, Refusal.Of(Refusals.ScopeRoleMayNotSend, ("role", request.Actor.Role), ("command", typeof(TCommand).Name)));

        var context = new CommandContext(request.Actor, request.Source, clock.Now, request.CorrelationId!.Value,
            request.IdempotencyKey, request.RequestHash, request.ExpectedVersion);
        try
        {
            return await Reference<TGrain>(key).Execute(command, context);
        }
        catch (Exception ex) when (ex is ProvincialMonitor.EventStore.EventStoreException or System.Data.Common.DbException)
        {
            // The grain could not even load its events (activation reads the store).
            logger.LogWarning(ex, "{Command} on {Key}: the store is unavailable", typeof(TCommand).Name, key);
            return CommandOutcome.Refused("", 0, Refusal.Of(Refusals.StoreUnavailable));
        }
        catch (TimeoutException ex)
        {
            // The outcome is unknown: a retry with the same Idempotency-Key answers it without writing twice.
            logger.LogWarning(ex, "{Command} on {Key} timed out", typeof(TCommand).Name, key);
            return CommandOutcome.Refused("", 0, Refusal.Of(Refusals.CommandTimedOut));
        }
    }
}

/// <summary>Which roles may send which commands (ARCHITECTURE.md "Security"): read from <see cref="WrittenByAttribute"/>, in one place.</summary>
public static class RolePolicy
{
    // Read once per command type: reading attributes by reflection on every command showed in the ingest profile.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<string>> Writers = new();

    public static bool MayWrite(Actor actor, Type commandType) =>
        actor.Role == Roles.Admin || Writers.GetOrAdd(commandType, WritersOf).Contains(actor.Role);

    private static IReadOnlyList<string> WritersOf(Type commandType) =>
        commandType.GetCustomAttributes(typeof(WrittenByAttribute), inherit: true).Cast<WrittenByAttribute>().FirstOrDefault()?.Roles ?? [];
}

/// <summary>The logging scope of one command: structured fields for every log line written while it is dispatched.</summary>
internal sealed class CommandScope(string command, string key, Guid correlationId, string? idempotencyKey, string? traceId, string source)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields =
    [
        new("Command", command),
        new("AggregateKey", key),
        new("CorrelationId", correlationId),
        new("IdempotencyKey", idempotencyKey),
        new("TraceId", traceId),
        new("Source", source),
    ];

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public int Count => _fields.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _fields.GetEnumerator();

    public override string ToString() => $"{_fields[0].Value} {_fields[1].Value} correlation {_fields[2].Value}";
}
