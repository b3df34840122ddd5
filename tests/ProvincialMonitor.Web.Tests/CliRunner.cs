using ProvincialMonitor.Silo.Cli;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Runs a CLI verb against a silo as a person would type it, capturing what it prints (tests in <see cref="ConsoleCapture"/>).</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(string url, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CliVerbs.RunAsync([.. args, "--url", url]);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
