using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// The hash chain: hash = SHA-256(prev_hash ‖ canonical bytes), where the canonical bytes are the
/// UTF-8 of the RFC 8785 form of the event's envelope (docs/event-store.md "Canonical bytes and the hash chain"). The first event's
/// prev_hash is 32 zero bytes.
/// </summary>
public static class EventHashing
{
    public const int HashLength = 32;

    public static readonly string GenesisHash = new('0', HashLength * 2);

    /// <summary>
    /// The event's envelope in canonical form: its members in RFC 8785 order; data and metadata are already
    /// canonical, so embedding their text keeps the whole canonical.
    /// </summary>
    public static string CanonicalText(RecordedEvent e)
    {
        var b = Build(e);
        var text = b.ToString();
        Done(b);
        return text;
    }

    /// <summary>
    /// The hash the event's fields give after its prev_hash, as lower-case hex: the canonical bytes are encoded
    /// straight from the builder into one pooled buffer, without the canonical text as a string in between (this runs
    /// for every event appended and verified).
    /// </summary>
    public static string Hash(RecordedEvent e)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        HashInto(e.PrevHash, Build(e), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether the event's stored hash is the one its fields give (<see cref="Hash(RecordedEvent)"/>), without making a hex string.</summary>
    public static bool Matches(RecordedEvent e)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        HashInto(e.PrevHash, Build(e), hash);
        Span<char> hex = stackalloc char[HashLength * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return e.Hash.AsSpan().SequenceEqual(hex);
    }

    /// <summary>SHA-256 of the previous hash's 32 bytes followed by the UTF-8 canonical bytes, as lower-case hex.</summary>
    public static string Hash(string prevHashHex, string canonicalText)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(HashLength + Encoding.UTF8.GetMaxByteCount(canonicalText.Length));
        try
        {
            ReadPrevious(prevHashHex, buffer);
            var length = HashLength + Encoding.UTF8.GetBytes(canonicalText, buffer.AsSpan(HashLength));
            Span<byte> hash = stackalloc byte[HashLength];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void HashInto(string prevHashHex, StringBuilder canonical, Span<byte> hash)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(HashLength + Encoding.UTF8.GetMaxByteCount(canonical.Length));
        try
        {
            ReadPrevious(prevHashHex, buffer);
            // One encoder across the builder's chunks, so that a surrogate pair split between two chunks stays one character.
            var encoder = t_encoder ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
            encoder.Reset();
            var length = HashLength;
            foreach (var chunk in canonical.GetChunks())
                length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
            SHA256.HashData(buffer.AsSpan(0, length), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Done(canonical);
        }
    }

    private static void ReadPrevious(string prevHashHex, byte[] buffer)
    {
        if (prevHashHex.Length != HashLength * 2
            || Convert.FromHexString(prevHashHex, buffer.AsSpan(0, HashLength), out _, out var written) != OperationStatus.Done
            || written != HashLength)
            throw new ArgumentException("A hash has 32 bytes.", nameof(prevHashHex));
    }

    [ThreadStatic] private static StringBuilder? t_builder;
    [ThreadStatic] private static Encoder? t_encoder;

    /// <summary>The canonical envelope in this thread's builder (valid until the next call on this thread).</summary>
    private static StringBuilder Build(RecordedEvent e)
    {
        var tags = e.Tags;
        var b = t_builder ??= new StringBuilder(1024);
        b.Clear();
        b.Append("{\"actor\":");
        CanonicalJson.WriteString(b, tags.Actor);
        b.Append(",\"campaign\":");
        WriteNullable(b, tags.Campaign);
        b.Append(",\"clusters\":");
        WriteArray(b, tags.Clusters);
        b.Append(",\"data\":").Append(e.Data);
        b.Append(",\"domain\":");
        WriteNullable(b, tags.Domain);
        b.Append(",\"effectiveDate\":");
        CanonicalJson.WriteString(b, e.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        b.Append(",\"eventId\":");
        CanonicalJson.WriteString(b, e.EventId.ToString("D"));
        b.Append(",\"eventType\":");
        CanonicalJson.WriteString(b, e.EventType);
        b.Append(",\"metadata\":").Append(e.Metadata);
        b.Append(",\"position\":").Append(e.Position.ToString(CultureInfo.InvariantCulture));
        b.Append(",\"provinces\":");
        WriteArray(b, tags.Provinces);
        b.Append(",\"recordedAt\":").Append(ToMicroseconds(e.RecordedAt).ToString(CultureInfo.InvariantCulture));
        b.Append(",\"source\":");
        CanonicalJson.WriteString(b, tags.Source);
        b.Append(",\"streamId\":");
        CanonicalJson.WriteString(b, e.StreamId);
        b.Append(",\"streamVersion\":").Append(e.StreamVersion.ToString(CultureInfo.InvariantCulture));
        b.Append('}');
        return b;
    }

    // An unusually large event does not keep its builder in memory.
    private static void Done(StringBuilder b)
    {
        if (b.Capacity > 64 * 1024) t_builder = null;
    }

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
