using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Tests.Requests.Crm;

/// <summary>Keeps every formatted log line (with its state values), so tests can assert that no personal value is logged.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => p.Value)) : "";
            owner.Lines.Enqueue($"{category} {eventId.Id} {formatter(state, exception)} {values} {exception}");
        }
    }
}
