namespace ProvincialMonitor.EventStore;

public sealed record EventStoreOptions
{
    /// <summary>How many appends one transaction gathers at most.</summary>
    public int MaxAppendsPerBatch { get; init; } = 500;

    /// <summary>How many events one transaction holds at most (a single larger append still goes alone).</summary>
    public int MaxEventsPerBatch { get; init; } = 2000;

    /// <summary>How often a subscription reads the log when no wake-up arrived (the fallback for a lost notification).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The PostgreSQL pool size when the connection string sets none; it is kept below the server's max_connections.</summary>
    public int PostgresPoolSize { get; init; } = 20;

    /// <summary>
    /// How SQLite makes a commit durable. <see cref="SqliteSynchronous.Full"/> (the default) syncs the log after every
    /// commit, before the appends are answered: a commit that was answered survives a power cut (the store syncs the
    /// log itself while the writer goes on with the next batch). <see cref="SqliteSynchronous.Normal"/>
    /// syncs only at checkpoints: still safe when the process dies, but a power cut may lose the last commits.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>
    /// The clock of the store's own bookkeeping (when a credential or a checkpoint changed); the log's recorded_at is the
    /// database's clock. A host passes the monitor's one clock (<c>MonitorClock.Time</c>, in Contracts, which the store
    /// does not reference); the system's clock is the default for tools that open a store alone.
    /// </summary>
#pragma warning disable RS0030 // the store sits below the monitor's clock; a host passes that clock here
    public TimeProvider Time { get; init; } = TimeProvider.System;
#pragma warning restore RS0030

    /// <summary>The free bytes of the disk that holds a folder, as the SQLite store's migration checks them (tests replace it).</summary>
    internal Func<string, long>? FreeDiskBytes { get; init; }
}

public enum SqliteSynchronous { Full, Normal }
