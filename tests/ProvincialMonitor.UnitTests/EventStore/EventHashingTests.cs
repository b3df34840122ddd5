using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.UnitTests.EventStore;

/// <summary>
/// The canonical bytes and hash of one known event, pinned. The expected text and hash were computed
/// outside this code base (Python: json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False)
/// and hashlib.sha256), as an outside auditor would, following docs/event-store.md.
/// </summary>
public sealed class EventHashingTests
{
    private static readonly RecordedEvent Known = new(
        Position: 42,
        StreamId: "project-019a1b2c",
        StreamVersion: 3,
        EventId: Guid.Parse("019a1b2c-3d4e-7f00-8a00-0123456789ab"),
        EventType: "SubsidyGranted.v1",
        Data: CanonicalJson.Canonicalize("""{"grantRef":"KC-2026-001","amount":250000.50,"funder":"province","note":"Kamp C – één \"fase\"\n"}"""),
        Metadata: CanonicalJson.Canonicalize("""{"source":"api","actor":"u-7f3a","role":"officer"}"""),
        EffectiveDate: new DateOnly(2026, 3, 15),
        RecordedAt: DateTimeOffset.Parse("2026-03-20T09:46:40.123456Z", System.Globalization.CultureInfo.InvariantCulture),
        Tags: new EventTags("u-7f3a", "api", ["antwerpen"], "circular-economy", ["flux50", "catalisti"]),
        PrevHash: string.Concat(Enumerable.Repeat("ab", 32)),
        Hash: "");

    private const string ExpectedCanonical =
        """{"actor":"u-7f3a","campaign":null,"clusters":["catalisti","flux50"],"data":{"amount":250000.5,"funder":"province","grantRef":"KC-2026-001","note":"Kamp C – één \"fase\"\n"},"domain":"circular-economy","effectiveDate":"2026-03-15","eventId":"019a1b2c-3d4e-7f00-8a00-0123456789ab","eventType":"SubsidyGranted.v1","metadata":{"actor":"u-7f3a","role":"officer","source":"api"},"position":42,"provinces":["antwerpen"],"recordedAt":1774000000123456,"source":"api","streamId":"project-019a1b2c","streamVersion":3}""";

    [Fact]
    public void The_canonical_bytes_of_a_known_event_are_pinned() =>
        Assert.Equal(ExpectedCanonical, EventHashing.CanonicalText(Known));

    [Fact]
    public void The_hash_of_a_known_event_is_pinned() =>
        Assert.Equal("d76ed8c93592602336acaddb042fc896ead7fb148d3f23c74be4afe33f17bf94", EventHashing.Hash(Known));

    [Fact]
    public void Hashing_straight_from_the_fields_gives_the_hash_of_the_canonical_text_even_when_the_builder_splits_a_surrogate_pair()
    {
        // Data far beyond the builder's first 1,024 characters, odd and even offsets of 4-byte characters, so that some
        // chunk boundary falls inside a surrogate pair: the hash must still be that of the whole text's UTF-8.
        RecordedEvent[] events =
        [
            Known,
            Known with { Data = "{\"note\":\"" + string.Concat(Enumerable.Repeat("😀é", 3000)) + "\"}" },
            Known with { Data = "{\"note\":\"x" + string.Concat(Enumerable.Repeat("😀", 5000)) + "\"}" },
        ];
        foreach (var e in events)
        {
            var expected = EventHashing.Hash(e.PrevHash, EventHashing.CanonicalText(e));
            // On a thread of its own: a fresh builder, whose first chunk ends where this event's text puts it.
            (string Hash, bool Matches, bool Mismatches) direct = default;
            var thread = new Thread(() => direct = (EventHashing.Hash(e), EventHashing.Matches(e with { Hash = expected }),
                EventHashing.Matches(e with { Hash = EventHashing.GenesisHash })));
            thread.Start();
            thread.Join();
            Assert.Equal((expected, true, false), direct);
        }
        Assert.Equal("d76ed8c93592602336acaddb042fc896ead7fb148d3f23c74be4afe33f17bf94", EventHashing.Hash(Known.PrevHash, EventHashing.CanonicalText(Known)));
    }

    [Fact]
    public void The_envelope_is_itself_in_canonical_form() =>
        Assert.Equal(CanonicalJson.Canonicalize(EventHashing.CanonicalText(Known)), EventHashing.CanonicalText(Known));

    [Fact]
    public void Every_column_is_covered_by_the_hash()
    {
        var original = EventHashing.Hash(Known);
        RecordedEvent[] changed =
        [
            Known with { Position = 43 },
            Known with { StreamId = "project-other" },
            Known with { StreamVersion = 4 },
            Known with { EventId = Guid.CreateVersion7() },
            Known with { EventType = "SubsidyPaid.v1" },
            Known with { Data = Known.Data.Replace("250000.5", "250001", StringComparison.Ordinal) },
            Known with { Metadata = Known.Metadata.Replace("officer", "admin", StringComparison.Ordinal) },
            Known with { EffectiveDate = new DateOnly(2026, 3, 16) },
            Known with { RecordedAt = Known.RecordedAt.AddTicks(10) },
            Known with { Tags = new EventTags("u-other", "api", ["antwerpen"], "circular-economy", ["flux50", "catalisti"]) },
            Known with { Tags = new EventTags("u-7f3a", "import", ["antwerpen"], "circular-economy", ["flux50", "catalisti"]) },
            Known with { Tags = new EventTags("u-7f3a", "api", ["limburg"], "circular-economy", ["flux50", "catalisti"]) },
            Known with { Tags = new EventTags("u-7f3a", "api", ["antwerpen"], "labour-market", ["flux50", "catalisti"]) },
            Known with { Tags = new EventTags("u-7f3a", "api", ["antwerpen"], "circular-economy", ["flux50"]) },
            Known with { Tags = new EventTags("u-7f3a", "api", ["antwerpen"], "circular-economy", ["flux50", "catalisti"], "maand-van-de-markt-2027") },
            Known with { PrevHash = EventHashing.GenesisHash },
        ];

        Assert.All(changed, e => Assert.NotEqual(original, EventHashing.Hash(e)));
    }

    [Fact]
    public void Tags_are_sorted_and_distinct_so_that_equal_tags_hash_equally()
    {
        var tags = new EventTags("u-1", "api", ["limburg", "antwerpen", "limburg"], clusters: ["vil", "", "catalisti"]);

        Assert.Equal(["antwerpen", "limburg"], tags.Provinces);
        Assert.Equal(["catalisti", "vil"], tags.Clusters);
    }

    [Fact]
    public void Recorded_times_are_hashed_in_whole_microseconds()
    {
        var time = DateTimeOffset.Parse("2026-03-20T09:46:40.123456Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1774000000123456, EventHashing.ToMicroseconds(time));
        Assert.Equal(time, EventHashing.FromMicroseconds(1774000000123456));
    }
}
