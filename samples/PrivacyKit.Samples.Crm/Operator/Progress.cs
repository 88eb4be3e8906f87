namespace PrivacyKit.Samples.Crm.Operator;

/// <summary>Progress lines for long jobs, on standard error so that standard output stays machine-readable.</summary>
public static class Progress
{
    public static async Task<T> RunAsync<T>(string job, Func<Task<T>> work, TimeSpan? interval = null)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        Console.Error.WriteLine($"{job}...");
        var task = work();
        while (await Task.WhenAny(task, Task.Delay(interval ?? TimeSpan.FromSeconds(1), clock)) != task)
        {
            Console.Error.WriteLine($"{job}: still running ({clock.GetElapsedTime(started).TotalSeconds:F0} s)");
        }

        var result = await task;
        Console.Error.WriteLine($"{job}: done in {clock.GetElapsedTime(started).TotalMilliseconds:N0} ms");
        return result;
    }
}
