using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Grains.Commands;
using static ProvincialMonitor.UnitTests.Domain.Security.SecuritySpecs;

namespace ProvincialMonitor.UnitTests.Domain.Security;

public sealed class SecurityAuthorizationTests
{
    public static TheoryData<int> CommandIndexes() => [.. Enumerable.Range(0, EveryCommand.Length)];

    [Theory]
    [MemberData(nameof(CommandIndexes))]
    public void Only_an_admin_sends_a_security_command(int index)
    {
        var command = EveryCommand[index];
        foreach (var actor in NotAdmins)
        {
            // Refused before any rule of the state, so an actor learns nothing about which users exist.
            Given(AnRegistered, ImportKeyCreated).ThenRefused(command, RefusalKind.Forbidden, actor);
            New().ThenRefused(command, RefusalKind.Forbidden, actor);
        }
    }

    [Fact]
    public void The_dispatcher_lets_only_an_admin_send_security_commands()
    {
        foreach (var command in EveryCommand)
        {
            Assert.True(RolePolicy.MayWrite(Actors.Admin, command.GetType()));
            Assert.True(RolePolicy.MayWrite(Actor.System, command.GetType()));
            foreach (var actor in NotAdmins) Assert.False(RolePolicy.MayWrite(actor, command.GetType()));
        }
    }
}
