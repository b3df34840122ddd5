using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.UnitTests.Texts;

public sealed class EventWordingTests
{
    [Fact]
    public void Every_event_type_has_a_Dutch_name_so_that_no_stored_type_name_reaches_a_page()
    {
        var unworded = EventTypes.Current.Values.Except(EventWording.Worded).Select(t => t.Name).Order().ToList();

        Assert.Empty(unworded);
        Assert.All(EventTypes.Current.Keys, name => Assert.NotEqual(name, EventWording.NameOf(name)));
    }

    [Fact]
    public void An_older_version_is_named_as_its_current_one_and_an_unknown_type_keeps_its_stored_name()
    {
        Assert.Equal("Subsidie toegekend", EventWording.NameOf("SubsidyGranted.v1"));
        Assert.Equal(EventWording.NameOf(EventTypes.NameOf(typeof(SubsidyGranted))), EventWording.NameOf("SubsidyGranted.v1"));
        Assert.Equal("Nonexistent.v1", EventWording.NameOf("Nonexistent.v1"));
    }

    [Fact]
    public void The_filter_offers_current_names_each_once()
    {
        var names = EventWording.FilterOptions.Select(o => o.Key).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.All(names, n => Assert.True(EventTypes.Current.ContainsKey(n), n));
    }
}
