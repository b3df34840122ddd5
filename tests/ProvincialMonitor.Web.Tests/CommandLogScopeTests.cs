using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProvincialMonitor.Web.Tests;

/// <summary>What the dispatcher logs about a command carries the command's correlation id and idempotency key as structured fields.</summary>
public sealed class CommandLogScopeTests
{
    [Fact]
    public async Task A_refused_command_is_logged_in_a_scope_with_its_correlation_id_and_idempotency_key()
    {
        var logs = new ScopeCapture();
        await using var silo = SiloFactory.Embedded();
        await using var factory = silo.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        var correlation = Guid.NewGuid();

        var response = await client.PostJsonAsync("/api/projects/no-such-project/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""",
            ("X-Correlation-Id", correlation.ToString()), ("Idempotency-Key", "log-scope-1"));
        Assert.False(response.IsSuccessStatusCode);

        var entry = Assert.Single(logs.Entries, e => e.Message.Contains("no-such-project refused", StringComparison.Ordinal));
        Assert.Equal(correlation, entry.Scope["CorrelationId"]);
        Assert.Equal("log-scope-1", entry.Scope["IdempotencyKey"]);
        Assert.Equal("ReportOutput", entry.Scope["Command"]);
    }

    private sealed record Entry(string Message, Dictionary<string, object?> Scope);

    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentBag<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(ScopeCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => category.StartsWith("ProvincialMonitor.Grains.Commands", StringComparison.Ordinal);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                var scope = new Dictionary<string, object?>();
                owner._scopes.ForEachScope((s, fields) =>
                {
                    if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs) fields[key] = value;
                }, scope);
                owner.Entries.Add(new Entry(formatter(state, exception), scope));
            }
        }
    }
}
