using ProvincialMonitor.Silo.Cli;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Runs a CLI verb against a silo as a person would type it, capturing what it prints (tests in <see cref="ConsoleCapture"/>).</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Task<(int Exit, string Out, string Error)> RunAsync(string url, params string[] args) => RunOfflineAsync([.. args, "--url", url]);

    /// <summary>A verb that opens a store itself (<c>verify --data</c>/<c>--connection</c>, <c>store-head</c>): no silo URL.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunOfflineAsync(params string[] args)
    {
        // The console is the process's: two runs at once (test classes run in parallel) would print into each other's capture.
        await Gate.WaitAsync();
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CliVerbs.RunAsync(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Gate.Release();
        }
    }
}
