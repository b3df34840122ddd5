using System.Data.Common;
using System.Globalization;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// The plain statements of the tables kept beside the log, outside the hash chain (principal names, API keys, sessions,
/// beneficiaries): each opens its own connection; parameters are named <c>@x</c>; moments are stored as ISO 8601 text.
/// </summary>
internal sealed class SideTable(Func<CancellationToken, ValueTask<DbConnection>> open, TimeProvider time)
{
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    public string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) RelationalEventStore.AddParameter(command, name, value);
        return command;
    }
}
