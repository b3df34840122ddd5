using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.UnitTests.Events;

/// <summary>The registry that reads older versions of an event as its current record (docs/event-evolution.md).</summary>
public sealed class EventUpcastersTests
{
    /// <summary>Version 3 of a made-up event: v1 had a name, v2 added a count (1 for old events), v3 a colour (grey).</summary>
    private sealed record Lamp(string Name, int Count, string Colour) : IDomainEvent;

    private static readonly Dictionary<string, Type> Current = new() { ["Lamp.v3"] = typeof(Lamp) };

    private static JsonObject V1ToV2(JsonObject o)
    {
        o["count"] = 1;
        return o;
    }

    private static JsonObject V2ToV3(JsonObject o)
    {
        o["colour"] = "grey";
        return o;
    }

    private static readonly EventUpcasters Lamps = new(Current, [new("Lamp.v1", V1ToV2), new("Lamp.v2", V2ToV3)]);

    [Fact]
    public void A_chain_of_two_upcasters_reads_the_oldest_version_as_the_current_record()
    {
        Assert.Equal(new Lamp("hal", 1, "grey"), Lamps.Read("Lamp.v1", """{"name":"hal"}""", EventJson.Options));
        Assert.Equal(new Lamp("hal", 4, "grey"), Lamps.Read("Lamp.v2", """{"name":"hal","count":4}""", EventJson.Options));
        Assert.Equal(new Lamp("hal", 4, "red"), Lamps.Read("Lamp.v3", """{"name":"hal","count":4,"colour":"red"}""", EventJson.Options));
        Assert.Equal(["Lamp.v1", "Lamp.v2", "Lamp.v3"], Lamps.NamesOf("Lamp.v3"));
        Assert.Equal(typeof(Lamp), Lamps.TypeOf("Lamp.v1"));
    }

    [Fact]
    public void An_unknown_version_of_a_known_event_is_an_error_that_names_it()
    {
        var error = Assert.Throws<UnknownEventVersionException>(() => Lamps.Read("Lamp.v4", """{"name":"hal"}""", EventJson.Options));

        Assert.Equal("Lamp.v4", error.EventType);
        Assert.Contains("Lamp.v4", error.Message, StringComparison.Ordinal);
        Assert.Contains("Lamp.v3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_this_silo_does_not_know_at_all_is_read_as_nothing() =>
        Assert.Null(Lamps.Read("Switch.v1", "{}", EventJson.Options));

    [Fact]
    public void A_missing_step_or_a_step_that_leads_nowhere_is_refused_when_the_registry_is_made()
    {
        var gap = Assert.Throws<ArgumentException>(() => new EventUpcasters(Current, [new("Lamp.v2", V2ToV3)]));
        var nowhere = Assert.Throws<ArgumentException>(() => new EventUpcasters(Current, [new("Lamp.v1", V1ToV2), new("Lamp.v2", V2ToV3), new("Lamp.v3", V2ToV3)]));
        var twice = Assert.Throws<ArgumentException>(() => new EventUpcasters(Current, [new("Lamp.v1", V1ToV2), new("Lamp.v1", V1ToV2), new("Lamp.v2", V2ToV3)]));

        Assert.Contains("Lamp.v1 has no upcaster", gap.Message, StringComparison.Ordinal);
        Assert.Contains("Lamp.v3", nowhere.Message, StringComparison.Ordinal);
        Assert.Contains("Lamp.v1 has two", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_are_written_as_v2_and_read_from_v1_and_a_filter_for_grants_asks_for_both()
    {
        Assert.Equal("SubsidyGranted.v2", EventTypes.NameOf(typeof(SubsidyGranted)));
        Assert.Equal(["SubsidyGranted.v1", "SubsidyGranted.v2"], EventTypes.NamesOf(typeof(SubsidyGranted)));
        Assert.Equal(["SubsidyGranted.v1", "SubsidyGranted.v2"], EventTypes.VersionsOf("SubsidyGranted.v1"));
        Assert.Equal(["SubsidyGranted.v1", "SubsidyGranted.v2"], EventTypes.VersionsOf("SubsidyGranted"));
        Assert.Equal(["SubsidyPaid.v1"], EventTypes.VersionsOf("SubsidyPaid"));
        Assert.Equal(["Subsidy"], EventTypes.VersionsOf("Subsidy"));
        Assert.Equal(["SubsidyPaid.v1"], EventTypes.NamesOf(typeof(SubsidyPaid)));
        Assert.Contains("SubsidyGranted.v1", EventTypes.All);
        Assert.Null(EventTypes.TypeOf("SubsidyGranted.v3"));
        Assert.Throws<UnknownEventVersionException>(() => EventJson.Deserialize("SubsidyGranted.v3", "{}"));
    }

    [Fact]
    public void The_upcaster_of_a_grant_keeps_what_a_correction_patched_into_the_old_data() =>
        Assert.Equal(new SubsidyGranted("G-1", 5m, "pom", "limburg"),
            EventJson.Deserialize("SubsidyGranted.v1", """{"amount":5,"funder":"pom","grantRef":"G-1","grantingProvince":"limburg"}"""));
}
