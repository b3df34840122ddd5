using ProvincialMonitor.Grains;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Dashboard.Forms;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Live;

/// <summary>
/// The dashboard's forms on this silo: every action goes through the <see cref="CommandDispatcher"/> the HTTP API
/// uses, as the circuit's authenticated user, with the source <c>form</c> and the form's idempotency key.
/// </summary>
public sealed class CommandSource(CommandDispatcher dispatcher, Api.AuditLog log) : ICommandSource
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    public async Task<FormOutcome> SendAsync(ClaimsPrincipal user, FormAction action, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (ActorClaims.ToActor(user) is not { } actor)
            return FormOutcome.Refusing(Refusal.Of(Refusals.ScopeNotLoggedIn));
        var request = new CommandRequest(actor, Sources.Form, idempotencyKey, RequestHash(action));

        // A command that names a new aggregate (a project, a cluster, a campaign) takes its key from the command, whatever the form's kind.
        var entry = CommandCatalog.Of(action.Command.GetType());
        if (entry is null || (entry.NewKey is null && entry.Kind.Name != action.Kind))
        {
            var wrongKind = Refusal.Invalid("kind", Refusals.FieldWrongKind, ("command", action.Command.GetType().Name), ("kind", action.Kind));
            return FormOutcome.Refusing(wrongKind);
        }
        var outcome = await dispatcher.SendAsync(entry.NewKey?.Invoke(action.Command) ?? action.Key, action.Command, request);
        if (outcome.Refusal is { } refused) return FormOutcome.Refusing(refused);
        return FormOutcome.Stored(outcome.StreamId, outcome.Version, outcome.Position, outcome.Replayed);
    }

    public async Task<IReadOnlyList<CorrectableEvent>> CorrectableEventsAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        if (!AggregateKinds.All.TryGetValue(kind, out var aggregate)) return [];
        var events = await log.StreamAsync(aggregate.StreamIdOf(key), cancellationToken);
        var retracted = new HashSet<Guid>();
        var corrections = new Dictionary<Guid, List<FieldCorrection>>();
        foreach (var e in events)
        {
            switch (Read(e))
            {
                case IRetraction r: retracted.Add(r.RetractedEventId); break;
                case ICorrection c:
                    if (!corrections.TryGetValue(c.CorrectedEventId, out var list)) corrections[c.CorrectedEventId] = list = [];
                    list.AddRange(c.Changes);
                    break;
            }
        }
        return [.. events
            .Where(e => !retracted.Contains(e.EventId) && Read(e) is not (ICorrection or IRetraction))
            .Select(e =>
            {
                var data = corrections.TryGetValue(e.EventId, out var changes) ? Evolution.Patch(e.Data, changes) : e.Data;
                var fields = JsonNode.Parse(data) is JsonObject o
                    ? o.Select(p => new CorrectableField(p.Key, p.Value?.ToJsonString() ?? "null")).ToArray()
                    : [];
                return new CorrectableEvent(e.Position, e.EventId, e.EventType, e.EffectiveDate, EventSummaries.Of(e).Summary, fields);
            })];
    }

    private static IDomainEvent? Read(RecordedEvent e)
    {
        try { return EventJson.Deserialize(e.EventType, e.Data); }
        catch (JsonException) { return null; }
    }

    /// <summary>What a retry under the same key must repeat: the aggregate and the command (not the new project's id).</summary>
    private static string RequestHash(FormAction action)
    {
        var key = CommandCatalog.Of(action.Command.GetType())?.NewKey is null ? action.Key : "";
        var text = $"form {action.Kind} {key} {action.Command.GetType().Name}\n{JsonSerializer.Serialize(action.Command, action.Command.GetType(), HashJson)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
