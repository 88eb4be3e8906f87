using System.Collections.Concurrent;

namespace PrivacyKit.Internal;

/// <summary>
/// Runs at most one load per key at a time: concurrent callers for the same key share the one running
/// task. The shared load is not cancelled by any one caller; each caller's token only stops its wait.
/// </summary>
internal sealed class SingleFlight<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Task<TValue>> _running = new(comparer);

    public Task<TValue> RunAsync(TKey key, Func<TKey, Task<TValue>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_running.TryGetValue(key, out var running))
            {
                return running.WaitAsync(cancellationToken);
            }

            var completion = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running.TryAdd(key, completion.Task))
            {
                _ = RunAsync(key, load, completion);
                return completion.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private async Task RunAsync(TKey key, Func<TKey, Task<TValue>> load, TaskCompletionSource<TValue> completion)
    {
        try
        {
            completion.SetResult(await load(key).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            completion.SetException(e);
        }
        finally
        {
            _running.TryRemove(KeyValuePair.Create(key, completion.Task));
        }
    }
}
