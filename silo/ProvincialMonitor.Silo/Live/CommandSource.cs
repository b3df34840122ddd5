using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Dashboard.Live;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Live;

/// <summary>
/// The dashboard's forms on this silo: every action goes through the <see cref="CommandDispatcher"/> the HTTP API
/// uses, as the circuit's authenticated user, with the source <c>form</c> and the form's idempotency key.
/// </summary>
public sealed class CommandSource(CommandDispatcher dispatcher, IGrainFactory grains, IEventStore store) : ICommandSource
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    public async Task<FormOutcome> SendAsync(ClaimsPrincipal user, FormAction action, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (ActorClaims.ToActor(user) is not { } actor)
            return FormOutcome.Refusing(Refusal.Of(Refusals.ScopeNotLoggedIn));
        var request = new CommandRequest(actor, Sources.Form, idempotencyKey, RequestHash(action));

        var outcome = action.Command switch
        {
            // A new project gets a new id; a retry with the same key answers with the first one (as the API does).
            RegisterProject c => await dispatcher.SendAsync<IProjectGrain, ProjectCommand>(Guid.CreateVersion7().ToString(), c, request),
            ProjectCommand c when action.Kind == "project" => await dispatcher.SendAsync<IProjectGrain, ProjectCommand>(action.Key, c, request),
            ProvinceCommand c when action.Kind == "province" => await dispatcher.SendAsync<IProvinceGrain, ProvinceCommand>(action.Key, c, request),
            RegisterCluster c => await dispatcher.SendAsync<IClusterGrain, ClusterCommand>(c.Slug ?? "", c, request),
            ClusterCommand c when action.Kind == "cluster" => await dispatcher.SendAsync<IClusterGrain, ClusterCommand>(action.Key, c, request),
            RegionCommand c when action.Kind == "flanders" => await dispatcher.SendAsync<IRegionGrain, RegionCommand>(RegionDecider.Key, c, request),
            LaunchCampaign c => await dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(c.Slug ?? "", c, request),
            CampaignCommand c when action.Kind == "campaign" => await dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(action.Key, c, request),
            MarketCommand c when action.Kind == "market" => await dispatcher.SendAsync<IMarketGrain, MarketCommand>(action.Key, c, request),
            _ => CommandOutcome.Refused("", 0, Refusal.Invalid("kind", Refusals.FieldWrongKind, ("command", action.Command.GetType().Name), ("kind", action.Kind))),
        };
        if (outcome.Refusal is { } refused) return FormOutcome.Refusing(refused);

        // The two campaign actions that also touch the markets' streams, as the API does them.
        var next = action.Command switch
        {
            JoinMarket joined => await CampaignSteps.OpenMarketAsync(dispatcher, grains, action.Key, joined, actor, Sources.Form, idempotencyKey),
            CloseCampaign => await CampaignSteps.CloseMarketsAsync(dispatcher, grains, action.Key, actor, Sources.Form),
            _ => null,
        };
        if (next is not null) return FormOutcome.Refusing(next);
        return FormOutcome.Stored(outcome.StreamId, outcome.Version, outcome.Position, outcome.Replayed);
    }

    public async Task<IReadOnlyList<CorrectableEvent>> CorrectableEventsAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        if (!AggregateKind.All.TryGetValue(kind, out var aggregate)) return [];
        var events = await store.ReadStreamAsync(aggregate.StreamIdOf(key), cancellationToken: cancellationToken);
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
        var key = action.Command is RegisterProject or RegisterCluster or LaunchCampaign ? "" : action.Key;
        var text = $"form {action.Kind} {key} {action.Command.GetType().Name}\n{JsonSerializer.Serialize(action.Command, action.Command.GetType(), HashJson)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
