namespace ProvincialMonitor.Silo.Hosting;

public enum StoreKind { Sqlite, Postgres }

/// <summary>
/// Where the events live: <c>Store</c>, <c>DataDirectory</c> and <c>Sqlite:Synchronous</c> (SQLite), and
/// <c>ConnectionStrings:EventStore</c> (PostgreSQL); and <c>History:SnapshotEvery</c>, for the historical reads.
/// </summary>
public sealed record StoreSettings(StoreKind Kind, string DataDirectory, string? ConnectionString)
{
    /// <summary><c>Sqlite:Synchronous</c>: <c>Full</c> (default) or <c>Normal</c>; see <see cref="ProvincialMonitor.EventStore.EventStoreOptions.SqliteSynchronous"/>.</summary>
    public ProvincialMonitor.EventStore.SqliteSynchronous SqliteSynchronous { get; init; }

    /// <summary><c>History:SnapshotEvery</c>: a historical read keeps a snapshot after every this many events of a stream (default 1000).</summary>
    public int SnapshotEvery { get; init; } = ProvincialMonitor.Grains.Aggregates.AggregateSnapshots.DefaultEvery;

    public string SqlitePath => Path.Combine(DataDirectory, "events.db");

    public string Describe() => Kind == StoreKind.Sqlite
        ? $"SQLite, {Path.GetFullPath(SqlitePath)}" + (SqliteSynchronous == ProvincialMonitor.EventStore.SqliteSynchronous.Normal ? ", synchronous NORMAL" : "")
        : "PostgreSQL";

    public static StoreSettings From(IConfiguration configuration)
    {
        var kindText = configuration["Store"] ?? nameof(StoreKind.Sqlite);
        if (!Enum.TryParse<StoreKind>(kindText, ignoreCase: true, out var kind))
            throw new ConfigurationException($"Store must be 'Sqlite' or 'Postgres', not '{kindText}'.");
        var connectionString = configuration.GetConnectionString("EventStore");
        if (kind == StoreKind.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException("Store=Postgres needs ConnectionStrings:EventStore (environment variable ConnectionStrings__EventStore).");
        var dataDirectory = configuration["DataDirectory"];
        var synchronousText = configuration["Sqlite:Synchronous"] ?? nameof(ProvincialMonitor.EventStore.SqliteSynchronous.Full);
        if (!Enum.TryParse<ProvincialMonitor.EventStore.SqliteSynchronous>(synchronousText, ignoreCase: true, out var synchronous)
            || !Enum.IsDefined(synchronous))
            throw new ConfigurationException($"Sqlite:Synchronous must be 'Full' or 'Normal', not '{synchronousText}'.");
        var everyText = configuration["History:SnapshotEvery"];
        var every = ProvincialMonitor.Grains.Aggregates.AggregateSnapshots.DefaultEvery;
        if (everyText is not null && (!int.TryParse(everyText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out every) || every < 1))
            throw new ConfigurationException($"History:SnapshotEvery must be a whole number of at least 1, not '{everyText}'.");
        return new StoreSettings(kind, string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory, connectionString)
        {
            SqliteSynchronous = synchronous,
            SnapshotEvery = every,
        };
    }
}
