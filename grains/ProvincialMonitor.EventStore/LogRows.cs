using System.Data.Common;
using System.Text.Json;

namespace ProvincialMonitor.EventStore;

/// <summary>How a row of the log (its columns in <c>RelationalEventStore.Columns</c>' order) is read back as an event, on either backend.</summary>
internal static class LogRows
{
    /// <summary>The events in the rows of a command that selects <c>RelationalEventStore.Columns</c>, in their order.</summary>
    public static async Task<List<RecordedEvent>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tags = new EventTags(
                actor: reader.GetString(13),
                source: reader.GetString(14),
                provinces: JsonSerializer.Deserialize<string[]>(reader.GetString(9)),
                domain: reader.IsDBNull(10) ? null : reader.GetString(10),
                clusters: JsonSerializer.Deserialize<string[]>(reader.GetString(11)),
                campaign: reader.IsDBNull(12) ? null : reader.GetString(12));
            events.Add(new RecordedEvent(
                Position: reader.GetInt64(0),
                StreamId: reader.GetString(1),
                StreamVersion: reader.GetInt64(2),
                EventId: EventIdOf(reader, 3),
                EventType: reader.GetString(4),
                Data: reader.GetString(5),
                Metadata: reader.GetString(6),
                EffectiveDate: reader.GetFieldValue<DateOnly>(7),
                RecordedAt: EventHashing.FromMicroseconds(reader.GetInt64(8)),
                Tags: tags,
                PrevHash: Convert.ToHexStringLower((byte[])reader[15]),
                Hash: Convert.ToHexStringLower((byte[])reader[16])));
        }
        return events;
    }

    /// <summary>An event id column: a uuid, its text, or its 16 bytes in big-endian (RFC) order.</summary>
    public static Guid EventIdOf(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is byte[] bytes ? new Guid(bytes, bigEndian: true) : reader.GetGuid(ordinal);
}
