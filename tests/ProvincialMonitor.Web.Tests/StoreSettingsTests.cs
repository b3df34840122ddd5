using Microsoft.Extensions.Configuration;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Web.Tests;

public sealed class StoreSettingsTests
{
    private static StoreSettings From(params (string Key, string Value)[] settings) =>
        StoreSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void SQLite_syncs_every_commit_by_default_and_normal_is_a_choice()
    {
        Assert.Equal(SqliteSynchronous.Full, From().SqliteSynchronous);
        Assert.Equal(SqliteSynchronous.Normal, From(("Sqlite:Synchronous", "normal")).SqliteSynchronous);
        Assert.EndsWith("synchronous NORMAL", From(("Sqlite:Synchronous", "Normal")).Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("2")]
    public void An_unknown_synchronous_mode_stops_the_start_with_its_name(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => From(("Sqlite:Synchronous", value)));
        Assert.Contains("Sqlite:Synchronous must be 'Full' or 'Normal'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Historical_reads_keep_a_snapshot_every_thousand_events_unless_told_otherwise()
    {
        Assert.Equal(1000, From().SnapshotEvery);
        Assert.Equal(50, From(("History:SnapshotEvery", "50")).SnapshotEvery);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("1.5")]
    public void A_snapshot_interval_that_is_not_a_positive_whole_number_stops_the_start_with_its_name(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => From(("History:SnapshotEvery", value)));
        Assert.Contains($"History:SnapshotEvery must be a whole number of at least 1, not '{value}'", error.Message, StringComparison.Ordinal);
    }
}
