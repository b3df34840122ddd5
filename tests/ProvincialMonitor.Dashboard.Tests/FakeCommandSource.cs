using System.Security.Claims;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Forms;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>
/// A command source that validates as the dispatcher does (the command's own Validate()), records every call with
/// its user and idempotency key, and answers the outcomes the test queues (else: stored at the next position).
/// </summary>
internal sealed class FakeCommandSource : ICommandSource
{
    public List<(ClaimsPrincipal User, FormAction Action, string Key)> Sent { get; } = [];

    public Queue<FormOutcome> Outcomes { get; } = new();

    public long NextPosition { get; set; } = 101;

    public Dictionary<string, IReadOnlyList<CorrectableEvent>> Events { get; } = new(StringComparer.Ordinal);

    public Task<FormOutcome> SendAsync(ClaimsPrincipal user, FormAction action, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Sent.Add((user, action, idempotencyKey));
        var errors = action.Command.Validate();
        if (errors.Count > 0)
            return Task.FromResult(FormOutcome.Refusing(Refusal.Fields(errors)));
        if (Outcomes.TryDequeue(out var queued)) return Task.FromResult(queued);
        var stream = action.Kind == "project" && action.Command is RegisterProject ? "project-new-1" : $"{action.Kind}-{action.Key}";
        return Task.FromResult(FormOutcome.Stored(stream, 4, NextPosition++, false));
    }

    public Task<IReadOnlyList<CorrectableEvent>> CorrectableEventsAsync(string kind, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Events.GetValueOrDefault($"{kind}:{key}") ?? []);
}
