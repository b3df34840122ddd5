using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// The hash chain: hash = SHA-256(prev_hash ‖ canonical bytes), where the canonical bytes are the
/// UTF-8 of the RFC 8785 form of the event's envelope (README "Canonical bytes"). The first event's
/// prev_hash is 32 zero bytes.
/// </summary>
public static class EventHashing
{
    public const int HashLength = 32;

    public static readonly string GenesisHash = new('0', HashLength * 2);

    /// <summary>
    /// The envelope's members in RFC 8785 order; data and metadata are already canonical,
    /// so embedding their text keeps the whole canonical.
    /// </summary>
    public static string CanonicalText(
        long position,
        string streamId,
        long streamVersion,
        Guid eventId,
        string eventType,
        string data,
        string metadata,
        DateOnly effectiveDate,
        long recordedAtMicroseconds,
        EventTags tags)
    {
        var b = new StringBuilder(256 + data.Length + metadata.Length);
        b.Append("{\"actor\":");
        CanonicalJson.WriteString(b, tags.Actor);
        b.Append(",\"campaign\":");
        WriteNullable(b, tags.Campaign);
        b.Append(",\"clusters\":");
        WriteArray(b, tags.Clusters);
        b.Append(",\"data\":").Append(data);
        b.Append(",\"domain\":");
        WriteNullable(b, tags.Domain);
        b.Append(",\"effectiveDate\":");
        CanonicalJson.WriteString(b, effectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        b.Append(",\"eventId\":");
        CanonicalJson.WriteString(b, eventId.ToString("D"));
        b.Append(",\"eventType\":");
        CanonicalJson.WriteString(b, eventType);
        b.Append(",\"metadata\":").Append(metadata);
        b.Append(",\"position\":").Append(position.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"provinces\":");
        WriteArray(b, tags.Provinces);
        b.Append(",\"recordedAt\":").Append(recordedAtMicroseconds.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"source\":");
        CanonicalJson.WriteString(b, tags.Source);
        b.Append(",\"streamId\":");
        CanonicalJson.WriteString(b, streamId);
        b.Append(",\"streamVersion\":").Append(streamVersion.ToString(CultureInfo.InvariantCulture));
        b.Append('}');
        return b.ToString();
    }

    public static string CanonicalText(RecordedEvent e) =>
        CanonicalText(e.Position, e.StreamId, e.StreamVersion, e.EventId, e.EventType, e.Data, e.Metadata,
            e.EffectiveDate, ToMicroseconds(e.RecordedAt), e.Tags);

    /// <summary>SHA-256 of the previous hash's 32 bytes followed by the UTF-8 canonical bytes, as lower-case hex.</summary>
    public static string Hash(string prevHashHex, string canonicalText)
    {
        var prev = Convert.FromHexString(prevHashHex);
        if (prev.Length != HashLength) throw new ArgumentException("A hash has 32 bytes.", nameof(prevHashHex));
        var canonical = Encoding.UTF8.GetBytes(canonicalText);
        var input = new byte[HashLength + canonical.Length];
        prev.CopyTo(input, 0);
        canonical.CopyTo(input, HashLength);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static string Hash(RecordedEvent e) => Hash(e.PrevHash, CanonicalText(e));

    public static long ToMicroseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);

    private static void WriteNullable(StringBuilder b, string? value)
    {
        if (value is null) b.Append("null");
        else CanonicalJson.WriteString(b, value);
    }

    /// <summary>A list of strings as canonical JSON (how the provinces and clusters columns store tags).</summary>
    public static string ArrayText(IReadOnlyList<string> values)
    {
        var b = new StringBuilder();
        WriteArray(b, values);
        return b.ToString();
    }

    private static void WriteArray(StringBuilder b, IReadOnlyList<string> values)
    {
        b.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) b.Append(',');
            CanonicalJson.WriteString(b, values[i]);
        }
        b.Append(']');
    }
}
