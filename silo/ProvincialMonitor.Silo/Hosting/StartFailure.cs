using System.Net.Sockets;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>A setting the silo cannot use: the start stops with its message (which names the setting), not a stack trace.</summary>
public sealed class ConfigurationException(string message) : Exception(message);

/// <summary>What the person who started the silo is told when it cannot start for a reason they can mend.</summary>
public static class StartFailure
{
    /// <summary>Exit code of a start refused for a setting or a taken port (1 stays for the unexpected).</summary>
    public const int ExitCode = 2;

    /// <summary>The one-line reason, or null for a failure that is not the operator's to mend (it keeps its stack trace).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        ConfigurationException setting => setting.Message,
        ProvincialMonitor.EventStore.EventStoreMigrationRefusedException migration => migration.Message,
        AggregateException { InnerExceptions.Count: 1 } one => Describe(one.InnerException!),
        // The configuration binder's own message names the key, the value and the type it wanted.
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } =>
            $"{exception.Message} Another program (or another silo) listens there: stop it, or give this one another address with --urls http://localhost:5081.",
        _ => null,
    };
}
