using System.Data.Common;
using System.Globalization;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// Read models and their checkpoints, in the event store's database. A batch of changed models and the
/// new checkpoint are written in one transaction, and only if the checkpoint is still the one the writer
/// started from (compare-and-set), so that two activations of one projector cannot count an event twice.
/// </summary>
public sealed class ProjectionStore
{
    private readonly Func<CancellationToken, ValueTask<DbConnection>> _open;
    private readonly TimeProvider _time;

    internal ProjectionStore(Func<CancellationToken, ValueTask<DbConnection>> open, TimeProvider time) => (_open, _time) = (open, time);

    public async Task<long> GetCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var command = Command(connection, null, "SELECT position FROM projection_checkpoints WHERE projection = @p", ("@p", projection));
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Every model of the projection (key → JSON) and the checkpoint they reflect, read in one transaction.</summary>
    public async Task<(long Checkpoint, IReadOnlyDictionary<string, string> Models)> LoadAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long checkpoint;
        await using (var command = Command(connection, transaction, "SELECT position FROM projection_checkpoints WHERE projection = @p", ("@p", projection)))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            checkpoint = value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, "SELECT model_key, value FROM read_models WHERE projection = @p", ("@p", projection)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) models[reader.GetString(0)] = reader.GetString(1);
        await transaction.CommitAsync(cancellationToken);
        return (checkpoint, models);
    }

    /// <summary>
    /// Writes the changed models and moves the checkpoint from <paramref name="expected"/> to
    /// <paramref name="position"/>; false, and nothing written, when another writer moved it first.
    /// </summary>
    public async Task<bool> SaveAsync(string projection, long expected, long position, IReadOnlyDictionary<string, string> changed,
        CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int moved;
        await using (var update = Command(connection, transaction,
                         "UPDATE projection_checkpoints SET position = @new, updated_at = @now WHERE projection = @p AND position = @old",
                         ("@new", position), ("@now", now), ("@p", projection), ("@old", expected)))
            moved = await update.ExecuteNonQueryAsync(cancellationToken);
        if (moved == 0)
        {
            if (expected != 0) return false;
            await using var insert = Command(connection, transaction,
                "INSERT INTO projection_checkpoints (projection, position, updated_at) VALUES (@p, @new, @now) ON CONFLICT (projection) DO NOTHING",
                ("@p", projection), ("@new", position), ("@now", now));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }

        foreach (var (key, value) in changed)
        {
            await using var upsert = Command(connection, transaction,
                "INSERT INTO read_models (projection, model_key, value, position) VALUES (@p, @k, @v, @pos) " +
                "ON CONFLICT (projection, model_key) DO UPDATE SET value = excluded.value, position = excluded.position",
                ("@p", projection), ("@k", key), ("@v", value), ("@pos", position));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        Telemetry.MonitorTelemetry.ProjectionSaves.Add(1, new KeyValuePair<string, object?>("projection", projection));
        return true;
    }

    /// <summary>The checkpoint of a projection, or null when the store has none (never saved, or reset).</summary>
    public async Task<long?> FindCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var command = Command(connection, null, "SELECT position FROM projection_checkpoints WHERE projection = @p", ("@p", projection));
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Sets a checkpoint row whatever it held (a version number, or 0 to start a projection being built).</summary>
    public async Task SetCheckpointAsync(string projection, long position, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = Command(connection, transaction, "DELETE FROM projection_checkpoints WHERE projection = @p", ("@p", projection)))
            await delete.ExecuteNonQueryAsync(cancellationToken);
        await using (var insert = Command(connection, transaction, "INSERT INTO projection_checkpoints (projection, position, updated_at) VALUES (@p, @pos, @now)",
                         ("@p", projection), ("@pos", position), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Puts projections built beside the serving ones in their place, in one transaction: the serving models
    /// and checkpoints are dropped and the new ones renamed (<c>from</c> → <c>to</c>); readers of the store see
    /// either the old set or the new one.
    /// </summary>
    public async Task PromoteAsync(IReadOnlyList<(string From, string To)> renames, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (from, to) in renames)
        {
            foreach (var sql in new[]
                     {
                         "DELETE FROM read_models WHERE projection = @to",
                         "DELETE FROM projection_checkpoints WHERE projection = @to",
                         "UPDATE read_models SET projection = @to WHERE projection = @from",
                         "UPDATE projection_checkpoints SET projection = @to WHERE projection = @from",
                     })
            {
                await using var command = Command(connection, transaction, sql, ("@to", to), ("@from", from));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets a projection's models and checkpoint, so that it is built again from position 0.</summary>
    public async Task ResetAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var models = Command(connection, transaction, "DELETE FROM read_models WHERE projection = @p", ("@p", projection)))
            await models.ExecuteNonQueryAsync(cancellationToken);
        await using (var checkpoint = Command(connection, transaction, "DELETE FROM projection_checkpoints WHERE projection = @p", ("@p", projection)))
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) RelationalEventStore.AddParameter(command, name, value);
        return command;
    }
}
