using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Forms;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The dashboard's forms on a real silo: the same dispatcher as the API, the circuit's user as actor, the source form, idempotency.</summary>
public sealed class FormCommandTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();

    private static readonly Actor Officer = new("u-form-officer", Roles.Officer, ["antwerpen"], []);

    public Task InitializeAsync()
    {
        _ = _silo.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private ICommandSource Commands => _silo.Services.GetRequiredService<ICommandSource>();

    private static System.Security.Claims.ClaimsPrincipal User(Actor actor) => ActorClaims.ToPrincipal(actor, "Cookies", "Test user");

    private async Task<string> RegisterAsync()
    {
        var outcome = await Commands.SendAsync(User(Officer),
            new FormAction("project", "ignored", new RegisterProject("Kamp C formulier", null, "antwerpen", [], "circular-economy", [], [], null, null, null, null)),
            "form-register-1");
        Assert.True(outcome.Accepted, outcome.Message);
        Assert.StartsWith("project-", outcome.StreamId, StringComparison.Ordinal);
        return outcome.Key;
    }

    [Fact]
    public async Task A_form_action_is_stored_once_as_the_users_actor_with_source_form()
    {
        var project = await RegisterAsync();
        var grant = new FormAction("project", project, new GrantSubsidy("FORM-G1", 1234.56m, "pom"));

        var first = await Commands.SendAsync(User(Officer), grant, "form-key-1");
        var again = await Commands.SendAsync(User(Officer), grant, "form-key-1");

        Assert.True(first.Accepted, first.Message);
        Assert.True(again.Replayed);
        Assert.Equal(first.Position, again.Position);
        var events = await _silo.Store.ReadStreamAsync("project-" + project);
        var granted = Assert.Single(events, e => e.EventType == "SubsidyGranted.v2");
        Assert.Equal(first.Position, granted.Position);
        var metadata = JsonDocument.Parse(granted.Metadata).RootElement;
        Assert.Equal("u-form-officer", metadata.GetProperty("actor").GetString());
        Assert.Equal("officer", metadata.GetProperty("role").GetString());
        Assert.Equal("form", metadata.GetProperty("source").GetString());
        Assert.Equal("form-key-1", metadata.GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task The_same_key_with_other_fields_is_refused_and_refusals_carry_field_errors_and_kinds()
    {
        var project = await RegisterAsync();
        Assert.True((await Commands.SendAsync(User(Officer), new FormAction("project", project, new GrantSubsidy("FORM-G2", 10m, "pom")), "form-key-2")).Accepted);

        var reused = await Commands.SendAsync(User(Officer), new FormAction("project", project, new GrantSubsidy("FORM-G2", 20m, "pom")), "form-key-2");
        Assert.Equal(RefusalKind.IdempotencyKeyReused, reused.Refused);

        var invalid = await Commands.SendAsync(User(Officer), new FormAction("project", project, new GrantSubsidy("FORM-G3", 1.234m, "pom")), "form-key-3");
        Assert.Equal(RefusalKind.Invalid, invalid.Refused);
        Assert.Equal("amount", Assert.Single(invalid.Errors).Field);

        var deputy = new Actor("u-form-deputy", Roles.Deputy, [], []);
        var forbidden = await Commands.SendAsync(User(deputy), new FormAction("project", project, new GrantSubsidy("FORM-G4", 10m, "pom")), "form-key-4");
        Assert.Equal(RefusalKind.Forbidden, forbidden.Refused);

        var limburg = new Actor("u-form-limburg", Roles.Officer, ["limburg"], []);
        var outOfScope = await Commands.SendAsync(User(limburg), new FormAction("project", project, new GrantSubsidy("FORM-G5", 10m, "pom")), "form-key-5");
        Assert.Equal(RefusalKind.Forbidden, outOfScope.Refused);

        var anonymous = await Commands.SendAsync(new System.Security.Claims.ClaimsPrincipal(), new FormAction("project", project, new GrantSubsidy("FORM-G6", 10m, "pom")), "form-key-6");
        Assert.Equal(RefusalKind.Forbidden, anonymous.Refused);
        Assert.Single(await _silo.Store.ReadStreamAsync("project-" + project), e => e.EventType == "SubsidyGranted.v2");
    }

    [Fact]
    public async Task Correctable_events_leave_out_retracted_events_and_show_corrected_values()
    {
        var project = await RegisterAsync();
        var grant = await Commands.SendAsync(User(Officer), new FormAction("project", project, new GrantSubsidy("FORM-C1", 100m, "pom")), "form-c-1");
        var partner = await Commands.SendAsync(User(Officer), new FormAction("project", project, new AddPartner("Wrong", null)), "form-c-2");
        var events = await Commands.CorrectableEventsAsync("project", project);
        var grantId = events.Single(e => e.EventType == "SubsidyGranted.v2").EventId;
        var partnerId = events.Single(e => e.EventType == "PartnerJoined.v1").EventId;

        Assert.True((await Commands.SendAsync(User(Officer), new FormAction("project", project,
            new CorrectProject(grantId, [new CorrectionChange { Field = "amount", NewValueJson = "90" }], "Tikfout")), "form-c-3")).Accepted);
        Assert.True((await Commands.SendAsync(User(Officer), new FormAction("project", project, new RetractProjectEvent(partnerId, "Vergissing")), "form-c-4")).Accepted);

        var after = await Commands.CorrectableEventsAsync("project", project);
        Assert.DoesNotContain(after, e => e.EventId == partnerId);
        Assert.DoesNotContain(after, e => e.EventType is "ProjectCorrected.v1" or "ProjectRetracted.v1");
        Assert.Equal("90", after.Single(e => e.EventId == grantId).Fields.Single(f => f.Name == "amount").ValueJson);
        Assert.True(grant.Position < partner.Position);
    }
}
