namespace PrivacyKit.Samples.Crm.Operator;

/// <summary>Reports progress on the job's own thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
