using Bunit;
using ProvincialMonitor.Dashboard.Layout;
using ProvincialMonitor.Dashboard.Audit;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The alarm of a broken chain on every page: seen by every role, acknowledged by an administrator with a reason.</summary>
public sealed class ChainBannerTests : DashboardContext
{
    [Theory]
    [InlineData("deputy")]
    [InlineData("officer")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public void Every_role_sees_the_alarm_with_the_position_and_only_an_administrator_can_acknowledge_it(string role)
    {
        Authorization.SetRoles(role);
        Audits.Alarm = new ChainAlarm(163, "changed");

        var layout = Render<MainLayout>();

        var alarm = layout.WaitForElement("[data-testid=chain-alarm]");
        Assert.Contains("Integriteit van het register niet bevestigd: keten gebroken op positie 163", alarm.TextContent, StringComparison.Ordinal);
        Assert.Equal(role == "admin", layout.FindAll("[data-testid=chain-ack]").Count == 1);
    }

    [Fact]
    public void An_administrators_acknowledgement_with_a_reason_hides_the_alarm()
    {
        Authorization.SetRoles("admin");
        Audits.Alarm = new ChainAlarm(163, "changed");
        var layout = Render<MainLayout>();

        layout.WaitForElement("[data-testid=chain-ack-reason]").Change("herstel uit de back-up loopt");
        layout.Find("[data-testid=chain-ack]").Closest("form")!.Submit();

        layout.WaitForAssertion(() => Assert.Empty(layout.FindAll("[data-testid=chain-alarm]")));
        var acknowledged = Assert.Single(Audits.Acknowledgements);
        Assert.Equal((163L, "herstel uit de back-up loopt"), (acknowledged.Position, acknowledged.Reason));
    }

    [Fact]
    public void Without_a_break_there_is_no_alarm()
    {
        Assert.Empty(Render<MainLayout>().FindAll("[data-testid=chain-alarm]"));
    }
}
