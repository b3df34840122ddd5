namespace ProvincialMonitor.Silo.Hosting;

public enum StoreKind { Sqlite, Postgres }

/// <summary>Where the events live: <c>Store</c>, <c>DataDirectory</c> (SQLite) and <c>ConnectionStrings:EventStore</c> (PostgreSQL).</summary>
public sealed record StoreSettings(StoreKind Kind, string DataDirectory, string? ConnectionString)
{
    public string SqlitePath => Path.Combine(DataDirectory, "events.db");

    public string Describe() => Kind == StoreKind.Sqlite
        ? $"SQLite, {Path.GetFullPath(SqlitePath)}"
        : "PostgreSQL";

    public static StoreSettings From(IConfiguration configuration)
    {
        var kindText = configuration["Store"] ?? nameof(StoreKind.Sqlite);
        if (!Enum.TryParse<StoreKind>(kindText, ignoreCase: true, out var kind))
            throw new InvalidOperationException($"Store must be 'Sqlite' or 'Postgres', not '{kindText}'.");
        var connectionString = configuration.GetConnectionString("EventStore");
        if (kind == StoreKind.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Store=Postgres needs ConnectionStrings:EventStore (environment variable ConnectionStrings__EventStore).");
        var dataDirectory = configuration["DataDirectory"];
        return new StoreSettings(kind, string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory, connectionString);
    }
}
