namespace ProvincialMonitor.EventStore;

/// <summary>
/// A wake-up for subscribers: <see cref="Next"/> completes the next time new events are committed.
/// Take the task before reading, so that a commit during the read is not missed.
/// </summary>
internal sealed class HeadSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
