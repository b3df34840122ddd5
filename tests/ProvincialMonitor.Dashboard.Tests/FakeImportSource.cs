using System.Security.Claims;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Import;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>
/// An import source that reads the uploaded file whole (as the silo does), records it with its user and options, and
/// answers the start with <see cref="Problem"/> or the first queued status, and each poll with the next one (the last
/// one again when the queue is empty).
/// </summary>
internal sealed class FakeImportSource : IImportSource
{
    public List<(ClaimsPrincipal User, string Text, ImportRequest Options)> Started { get; } = [];

    public List<Guid> Polled { get; } = [];

    public Queue<ImportStatus> Statuses { get; } = new();

    public Refusal? Problem { get; set; }

    private ImportStatus? _last;

    public async Task<ImportStart> StartAsync(ClaimsPrincipal user, Stream csv, ImportRequest options, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(csv);
        Started.Add((user, await reader.ReadToEndAsync(cancellationToken), options));
        if (Problem is not null) return new ImportStart(null, Problem);
        return new ImportStart(_last = Statuses.Dequeue(), null);
    }

    public Task<ImportStatus?> StatusAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        Polled.Add(id);
        if (Statuses.TryDequeue(out var next)) _last = next;
        return Task.FromResult(_last?.Id == id ? _last : null);
    }

    public static ImportStatus Status(string status, int total = 0, int @checked = 0, int applied = 0, int stored = 0, int replayed = 0, int refused = 0,
        int invalid = 0, int skipped = 0, int accepted = 0, bool dryRun = false, bool? succeeded = null, string? error = null, IReadOnlyList<ImportBadRow>? badRows = null) =>
        new(JobId, status, dryRun, false, total, @checked, applied, stored, replayed, refused, invalid, skipped, accepted, error, succeeded, badRows ?? []);

    public static readonly Guid JobId = Guid.Parse("019b0000-0000-7000-8000-000000000042");
}
