using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// Opens the event store (creating or migrating its schema) before anything else starts,
/// and closes it last, after the writer has flushed what was queued.
/// </summary>
public sealed class EventStoreConnector(StoreSettings settings, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<EventStoreConnector>();
    private RelationalEventStore? _store;

    public IEventStore Store => _store ?? throw new InvalidOperationException("The event store is not open yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storeLogger = loggers.CreateLogger("ProvincialMonitor.EventStore");
        _store = settings.Kind switch
        {
            StoreKind.Sqlite => await SqliteEventStore.OpenAsync(settings.SqlitePath, logger: storeLogger, cancellationToken: cancellationToken),
            _ => await PostgresEventStore.OpenAsync(settings.ConnectionString!, logger: storeLogger, cancellationToken: cancellationToken),
        };
        var head = await _store.GetHeadAsync(cancellationToken);
        _logger.LogInformation("Event store open ({Store}): {Count} events, head hash {Hash}", settings.Describe(), head.Position, head.Hash);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
