using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projects;

/// <summary>
/// One external reference of one lead province. The log is the truth: on activation the owner is found
/// among the province's registrations; the grain's single thread keeps two concurrent claims apart.
/// </summary>
public sealed class ExternalRefGrain(IEventStore store) : Grain, IExternalRefGrain
{
    private string? _owner;

    public static string KeyOf(string province, string externalRef) => $"{province}/{externalRef}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (province, externalRef) = (key[..slash], key[(slash + 1)..]);
        var query = new LogQuery { EventTypes = [.. EventTypes.NamesOf(typeof(ProjectRegistered))], Province = province, Limit = 1000 };
        while (_owner is null)
        {
            var page = await store.QueryAsync(query, cancellationToken);
            foreach (var e in page.Events)
                if (EventJson.Deserialize(e.EventType, e.Data) is ProjectRegistered r && r.LeadProvince == province && r.ExternalRef == externalRef)
                    _owner = r.ProjectId;
            if (page.NextPosition is not { } next) break;
            query = query with { AfterPosition = next };
        }
    }

    public Task<string?> Claim(string projectId)
    {
        if (_owner is null || _owner == projectId)
        {
            _owner = projectId;
            return Task.FromResult<string?>(null);
        }
        return Task.FromResult<string?>(_owner);
    }

    public Task Release(string projectId)
    {
        if (_owner == projectId) _owner = null;
        return Task.CompletedTask;
    }

    public Task<string?> Owner() => Task.FromResult(_owner);
}
