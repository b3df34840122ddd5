using System.Diagnostics;

namespace ProvincialMonitor.Faults;

/// <summary>
/// A network namespace joined to the host by a veth pair (host side <see cref="HostAddress"/>, inner side
/// <see cref="InnerAddress"/>, a /24). Cutting sets the host side down: the silo inside can reach neither
/// the other silos nor PostgreSQL, and nobody reaches it. Needs root and iproute2.
/// </summary>
public sealed record NetworkNamespace(string Namespace, string HostLink, string InnerLink, string HostAddress, string InnerAddress)
{
    public async Task<bool> CreateAsync(Action<string> log, CancellationToken cancellationToken)
    {
        await DeleteAsync(cancellationToken);
        string[][] steps =
        [
            ["netns", "add", Namespace],
            ["link", "add", HostLink, "type", "veth", "peer", "name", InnerLink],
            ["link", "set", InnerLink, "netns", Namespace],
            ["addr", "add", HostAddress + "/24", "dev", HostLink],
            ["link", "set", HostLink, "up"],
            ["-n", Namespace, "addr", "add", InnerAddress + "/24", "dev", InnerLink],
            ["-n", Namespace, "link", "set", InnerLink, "up"],
            ["-n", Namespace, "link", "set", "lo", "up"],
        ];
        foreach (var step in steps)
        {
            var (code, output) = await IpAsync(step, cancellationToken);
            if (code != 0)
            {
                log($"  ip {string.Join(' ', step)}: {output.Trim()}");
                await DeleteAsync(cancellationToken);
                return false;
            }
        }
        return true;
    }

    public Task CutAsync(CancellationToken cancellationToken) => IpAsync(["link", "set", HostLink, "down"], cancellationToken);

    public Task HealAsync(CancellationToken cancellationToken) => IpAsync(["link", "set", HostLink, "up"], cancellationToken);

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await IpAsync(["link", "del", HostLink], cancellationToken);
        await IpAsync(["netns", "del", Namespace], cancellationToken);
    }

    private static async Task<(int Code, string Output)> IpAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardError.ReadToEndAsync(cancellationToken) + await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, ex.Message);
        }
    }
}
