using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

public sealed class ProjectActionTests
{
    [Fact]
    public void A_partner_joins_once()
    {
        var spec = Registered();
        spec.Then(new AddPartner("UHasselt", "university"), [new PartnerJoined("UHasselt", "university")]);
        spec.ThenRefused(new AddPartner("UHasselt", null), RefusalKind.Conflict);
    }

    [Fact]
    public void A_milestone_is_reached_once()
    {
        var spec = Registered();
        spec.Then(new ReachMilestone("Bouwvergunning", null), [new MilestoneReached("Bouwvergunning", null)]);
        spec.ThenRefused(new ReachMilestone("Bouwvergunning", "again"), RefusalKind.Conflict);
    }

    [Fact]
    public void Outputs_are_reported_per_metric_and_period()
    {
        var spec = Registered();
        spec.Then(new ReportOutput("jobs-created", 12, "2026-Q2"), [new OutputReported("jobs-created", 12, "2026-Q2")]);
        spec.Then(new ReportOutput("jobs-created", 3, "2026-Q3"), [new OutputReported("jobs-created", 3, "2026-Q3")]);

        Assert.Equal(15, spec.History.State.Outputs.Where(o => o.Metric == "jobs-created").Sum(o => o.Value));
    }

    [Theory]
    [InlineData("metric", "visitors", 1, "2026")]
    [InlineData("value", "jobs-created", -1, "2026")]
    [InlineData("period", "jobs-created", 1, "Q2 2026")]
    [InlineData("period", "jobs-created", 1, "2026-13")]
    public void An_output_has_a_known_metric_a_value_not_below_zero_and_a_period(string field, string metric, int value, string period) =>
        Specs.ThenInvalid(new ReportOutput(metric, value, period), field);

    [Fact]
    public void The_status_moves_forward_from_planned_to_running_to_completed()
    {
        var spec = Registered();
        spec.Then(new ChangeProjectStatus("running"), [new ProjectStatusChanged("running")]);
        spec.Then(new ChangeProjectStatus("completed"), [new ProjectStatusChanged("completed")]);
        Assert.Equal("completed", spec.History.State.Status);
    }

    [Theory]
    [InlineData("planned")]
    [InlineData("running")]
    public void The_status_never_moves_back_or_stays(string status) =>
        Registered(new ProjectStatusChanged("running")).ThenRefused(new ChangeProjectStatus(status), RefusalKind.Conflict);

    [Fact]
    public void A_stopped_project_is_not_completed_afterwards() =>
        Registered(new ProjectStatusChanged("stopped")).ThenRefused(new ChangeProjectStatus("completed"), RefusalKind.Conflict);

    [Fact]
    public void An_unknown_status_is_invalid() =>
        Specs.ThenInvalid(new ChangeProjectStatus("paused"), "status");
}
