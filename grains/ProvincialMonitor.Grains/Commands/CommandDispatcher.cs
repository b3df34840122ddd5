using ProvincialMonitor.Grains.Telemetry;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;

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
/// The one way in for every write, for the HTTP API, the dashboard's forms and the import alike: stateless validation (400),
/// the role check (403), then the aggregate's grain, which checks scope and rules in Decide; then what the aggregate's policy
/// asks of other aggregates (<see cref="CampaignPolicy"/>).
/// </summary>
public sealed class CommandDispatcher(IGrainFactory grains, MonitorClock clock, ILogger<CommandDispatcher> logger) : ICommandSender<CommandRequest>
{
    /// <summary>More grain references than this are not kept: the cache starts again empty.</summary>
    private const int MaxReferences = 20_000;

    // Grain references, once made, are kept: making one resolves the interface's grain type by reflection and builds a
    // proxy, too dear for every command (docs/performance.md). A reference is bound to this silo's
    // runtime, so the cache belongs to this dispatcher.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Grain, string Key), IGrainWithStringKey> _references = new();

    /// <summary>Sends a command of the <see cref="CommandCatalog"/> to the grain <paramref name="key"/> of its kind.</summary>
    public Task<CommandOutcome> SendAsync(string key, Command command, CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(command);
        var entry = CommandCatalog.Of(command.GetType()) ?? throw new ArgumentException($"{command.GetType().Name} is not in the command catalog.", nameof(command));
        return entry.Kind.SendAsync(this, key, command, request);
    }

    public async Task<CommandOutcome> SendAsync<TGrain, TCommand>(string key, TCommand command, CommandRequest request)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.GetType().Name;
        // The lines logged while the command is dispatched carry its correlation id; the grain's own lines
        // carry the same trace id (Orleans' activity propagation), which this scope names too.
        var correlationId = request.CorrelationId ?? Guid.CreateVersion7();
        request = request with { CorrelationId = correlationId };
        using var scope = logger.BeginScope(new CommandScope(name, key, correlationId, request.IdempotencyKey,
            Activity.Current?.TraceId.ToString(), request.Source));
        var outcome = await DispatchAsync<TGrain, TCommand>(key, command, request);
        if (outcome.Refusal is { } refusal)
        {
            DomainTelemetry.RecordRefusal(KindTag(refusal.Kind));
            logger.LogInformation("{Command} on {Key} refused ({Kind}): {Reason}", name, key, refusal.Kind, refusal.Message);
        }
        else if (outcome.Replayed)
        {
            DomainTelemetry.IdempotentReplays.Add(1);
            logger.LogInformation("{Command} on {Key} replayed for its Idempotency-Key (position {Position})", name, key, outcome.Position);
        }
        else
        {
            logger.LogDebug("{Command} on {Key} stored at position {Position}", name, key, outcome.Position);
        }
        return outcome.Refusal is null && CampaignPolicy.HasSteps(command) ? await CampaignStepsAsync(key, command, request, outcome) : outcome;
    }

    /// <summary>
    /// The steps the campaign's policy asks of its markets after it accepted the command (also after a replay, so that a retry
    /// completes steps an earlier attempt did not reach); the first refusal that stops it is the outcome.
    /// </summary>
    private async Task<CommandOutcome> CampaignStepsAsync(string campaign, Command command, CommandRequest request, CommandOutcome accepted)
    {
        var view = await Reference<ICampaignGrain>(campaign).View();
        var state = JsonSerializer.Deserialize<CampaignState>(view.StateJson, StateFold.StateJson)!;
        foreach (var step in CampaignPolicy.After(campaign, state, command, request.IdempotencyKey))
        {
            var done = await SendAsync<IMarketGrain, MarketCommand>(step.MarketKey, step.Command,
                new CommandRequest(request.Actor, request.Source, step.IdempotencyKey, step.RequestHash, CorrelationId: request.CorrelationId));
            if (done.Refusal is { } refusal && CampaignPolicy.Stops(refusal)) return CommandOutcome.Refused(accepted.StreamId, accepted.Version, refusal);
        }
        return accepted;
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
        var notices = new List<FieldError>();
        command = (TCommand)command.Normalized(notices);
        var errors = command.Validate();
        if (errors.Count > 0)
            return CommandOutcome.Refused("", 0, Refusal.Fields(errors));
        if (request.IdempotencyKey is { } idempotencyKey
            && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl)))
            return CommandOutcome.Refused("", 0, Refusal.Invalid("Idempotency-Key", Refusals.FieldIdempotencyKey));
        if (!RolePolicy.MayWrite(request.Actor, command.GetType()))
            return CommandOutcome.Refused("", 0, Refusal.Of(Refusals.ScopeRoleMayNotSend, ("role", request.Actor.Role), ("command", command.GetType().Name)));

        var context = new CommandContext(request.Actor, request.Source, clock.Now, request.CorrelationId!.Value,
            request.IdempotencyKey, request.RequestHash, request.ExpectedVersion);
        try
        {
            var outcome = await Reference<TGrain>(key).Execute(command, context);
            return outcome.Accepted && notices.Count > 0 ? outcome with { Notices = [.. notices] } : outcome;
        }
        catch (Exception ex) when (ex is ProvincialMonitor.EventStore.EventStoreException or System.Data.Common.DbException)
        {
            // The grain could not even load its events (activation reads the store).
            logger.LogWarning(ex, "{Command} on {Key}: the store is unavailable", command.GetType().Name, key);
            return CommandOutcome.Refused("", 0, Refusal.Of(Refusals.StoreUnavailable));
        }
        catch (TimeoutException ex)
        {
            // The outcome is unknown: a retry with the same Idempotency-Key answers it without writing twice.
            logger.LogWarning(ex, "{Command} on {Key} timed out", command.GetType().Name, key);
            return CommandOutcome.Refused("", 0, Refusal.Of(Refusals.CommandTimedOut));
        }
    }
}

/// <summary>
/// Which roles may send which commands (docs/architecture.md "Security"): an admin any, another role those whose entry in the
/// <see cref="CommandCatalog"/> names it; a command outside the catalog only an admin.
/// </summary>
public static class RolePolicy
{
    public static bool MayWrite(Actor actor, Type commandType) =>
        actor.Role == Roles.Admin || (CommandCatalog.Of(commandType)?.Roles.Contains(actor.Role) ?? false);
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
