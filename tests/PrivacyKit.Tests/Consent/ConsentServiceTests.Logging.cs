using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Consent;

public sealed partial class ConsentServiceTests
{
    private sealed class CapturingProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(EventId Id, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((eventId, formatter(state, exception)));

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task ConsentChanges_LogStableEventIdsAndNoPersonalValues()
    {
        var capture = new CapturingProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ConsentTestHost.Start));
        services.AddSingleton<IAuditTrail>(new RecordingAuditTrail());
        services.AddPrivacyKit().ConfigureConsent(ConsentTestHost.DefaultPurposes);
        using var provider = services.BuildServiceProvider();
        var consent = provider.GetRequiredService<IConsentService>();

        await consent.GrantAsync(ConsentTestHost.Canary, "marketing", ConsentSource.Form, ConsentTestHost.Canary);
        await consent.OptOutOfSaleOrSharingAsync(ConsentTestHost.Canary, ConsentSource.GlobalPrivacyControl, ConsentTestHost.Canary);
        await consent.OptOutOfSaleOrSharingAsync(ConsentTestHost.Canary, ConsentSource.GlobalPrivacyControl, ConsentTestHost.Canary);

        Assert.Equal([3101, 3101, 3102], capture.Entries.Select(e => e.Id.Id));
        Assert.Contains("marketing", capture.Entries.First().Message, StringComparison.Ordinal);
        Assert.DoesNotContain(capture.Entries, e => e.Message.Contains(ConsentTestHost.Canary, StringComparison.Ordinal));
    }
}
