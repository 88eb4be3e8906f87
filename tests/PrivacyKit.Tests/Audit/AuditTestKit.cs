using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

/// <summary>Builds a real PrivacyKit service provider with the audit pipeline and test sinks.</summary>
internal sealed class AuditTestKit : IAsyncDisposable
{
    public const string InstanceId = "node-1";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private AuditTestKit(ServiceProvider provider, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        Provider = provider;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IAuditTrail Trail => Provider.GetRequiredService<IAuditTrail>();

    public AuditPipeline Pipeline => Provider.GetRequiredService<AuditPipeline>();

    public static AuditTestKit Create(Action<IPrivacyKitBuilder>? configure = null, Action<AuditOptions>? options = null, FakeTimeProvider? time = null, string instanceId = InstanceId)
    {
        time ??= new FakeTimeProvider(Start);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        var builder = services.AddPrivacyKit(o => o.InstanceId = instanceId);
        builder.ConfigureAudit(o =>
        {
            o.SinkRetryDelay = TimeSpan.Zero;
            options?.Invoke(o);
        });
        configure?.Invoke(builder);
        return new AuditTestKit(services.BuildServiceProvider(validateScopes: true), time, logs);
    }

    public static AuditEvent Event(int i, string? subject = null) => new()
    {
        Kind = (AuditEventKind)((i % 15) + 1),
        Action = $"customers:action{i % 7}",
        ActorId = $"user-{i % 5}",
        ActorRoles = ["agent"],
        SubjectId = subject ?? $"cust-{i % 11}",
        ResourceType = "Customer",
        ResourceId = $"c{i}",
        Fields = ["Email", "Phone"],
        Purpose = "support",
        Timestamp = Start.AddSeconds(i),
        CorrelationId = $"corr-{i}",
        Properties = new Dictionary<string, string> { ["requestId"] = $"r{i}" },
    };

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}

/// <summary>Keeps every log entry, formatted, for assertions about what reaches logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, EventId Id, LogLevel Level, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(string Category, EventId Id, LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._entries)
            {
                owner._entries.Add((category, eventId, logLevel, formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>An <see cref="IAuditReader"/> over a list of entries that a test may tamper with.</summary>
internal sealed class ListAuditReader(IReadOnlyList<AuditStoredRecord> entries) : IAuditReader
{
    public static ListAuditReader Of(IEnumerable<AuditRecord> records) =>
        new([.. records.Select((r, i) => new AuditStoredRecord(r, $"row:{i}"))]);

    public async IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var e in entries)
        {
            if (e.Record is not null && query.Matches(e.Record))
            {
                yield return e.Record;
            }
        }
    }

    public async IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var e in entries)
        {
            yield return e;
        }
    }

    public ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<AuditCheckpoint?>(null);
}

/// <summary>A batched sink whose failures and delays a test controls.</summary>
internal sealed class ControlledSink : IBatchedAuditSink
{
    private readonly List<AuditRecord> _records = [];

    public int FailuresLeft { get; set; }

    public bool AlwaysFail { get; set; }

    public TaskCompletionSource? Gate { get; set; }

    public List<bool> DurableFlags { get; } = [];

    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public async ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (AlwaysFail || FailuresLeft-- > 0)
        {
            throw new IOException("storage unavailable");
        }

        lock (_records)
        {
            DurableFlags.Add(durable);
            _records.AddRange(records);
        }
    }
}

/// <summary>Builds a valid chain without a pipeline, for verifier tests.</summary>
internal static class TestChain
{
    public static readonly OptionsAuditKeyProvider Keys = new(
        Options.Create(new AuditOptions()), Options.Create(new PrivacyKitOptions { ApplicationName = "tests" }));

    public static List<AuditRecord> Build(int count, string instanceId = AuditTestKit.InstanceId, int seed = 0)
    {
        var records = new List<AuditRecord>(count);
        using var signer = new AuditChainSigner(Keys.CurrentChainKeyId, Keys.GetChainKey(Keys.CurrentChainKeyId).Span);
        var previous = new byte[32];
        Span<byte> hash = stackalloc byte[32];
        for (var i = 1; i <= count; i++)
        {
            var e = AuditTestKit.Event(i + seed);
            signer.Sign(instanceId, i, previous, e, hash);
            records.Add(new AuditRecord
            {
                InstanceId = instanceId,
                Sequence = i,
                KeyId = signer.KeyId,
                PreviousHash = Convert.ToHexStringLower(previous),
                Hash = Convert.ToHexStringLower(hash),
                Event = e,
            });
            hash.CopyTo(previous);
        }

        return records;
    }

    public static AuditChainVerifier Verifier() => new(Keys);
}

/// <summary>A fresh temporary directory, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pk-audit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
