namespace ProvincialMonitor.EventStore;

public class EventStoreException : Exception
{
    public EventStoreException() { }
    public EventStoreException(string message) : base(message) { }
    public EventStoreException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The stream is not at the expected version: someone else appended first.</summary>
public sealed class WrongExpectedVersionException : EventStoreException
{
    public WrongExpectedVersionException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, not at the expected version {expectedVersion}.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public WrongExpectedVersionException() { }
    public WrongExpectedVersionException(string message) : base(message) { }
    public WrongExpectedVersionException(string message, Exception inner) : base(message, inner) { }

    public string StreamId { get; } = "";
    public long ExpectedVersion { get; }
    public long ActualVersion { get; }
}

/// <summary>The idempotency key was already used by the same principal for a different request.</summary>
public sealed class IdempotencyKeyReusedException : EventStoreException
{
    public IdempotencyKeyReusedException(string principal, string key)
        : base($"Idempotency key '{key}' was already used for a different request.")
    {
        Principal = principal;
        Key = key;
    }

    public IdempotencyKeyReusedException() { }
    public IdempotencyKeyReusedException(string message) : base(message) { }
    public IdempotencyKeyReusedException(string message, Exception inner) : base(message, inner) { }

    public string Principal { get; } = "";
    public string Key { get; } = "";
}

/// <summary>The database could not be reached or refused the write; nothing of the request was stored.</summary>
public sealed class EventStoreUnavailableException : EventStoreException
{
    public EventStoreUnavailableException() { }
    public EventStoreUnavailableException(string message) : base(message) { }
    public EventStoreUnavailableException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The store cannot be brought to today's schema for a reason its operator can mend (too little free disk); it was left as it was.</summary>
public sealed class EventStoreMigrationRefusedException : EventStoreException
{
    public EventStoreMigrationRefusedException() { }
    public EventStoreMigrationRefusedException(string message) : base(message) { }
    public EventStoreMigrationRefusedException(string message, Exception inner) : base(message, inner) { }
}
