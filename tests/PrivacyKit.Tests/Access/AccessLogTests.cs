using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.Access;
using PrivacyKit.Context;

namespace PrivacyKit.Tests.Access;

public sealed class AccessLogTests
{
    private const string CanaryEmail = "canary.person@example.invalid";
    private const string CanaryName = "Zebedee Canary-Person";

    [Fact]
    public async Task AccessLogs_DenialsGrantsAndReviews_NeverContainPersonalValues()
    {
        var sink = new CollectingLoggerProvider();
        using var host = new AccessTestHost(
            o =>
            {
                CrmRoles.Configure(o);
                o.MapRowScope<Customer>(nameof(Customer.OwnerId));
            },
            s => s.AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace)));
        var assignment = await host.GrantAsync("u-1", CrmRoles.SalesRep);
        var customer = new Customer { OwnerId = "u-2", Email = CanaryEmail, TeamId = CanaryName };

        var denied = await host.Evaluator.EvaluateInstanceAsync(new PrivacyActor("u-1"), Permission.Parse("customers:update"), customer);
        await host.EvaluateAsync("u-1", "customers:erase");
        await host.Review.RecertifyAsync(assignment.Id, "reviewer-1", AccessReviewDecision.Revoke);

        Assert.False(denied.IsAllowed);
        Assert.Contains(sink.Messages, m => m.Contains("Access denied", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("revoked", StringComparison.Ordinal));
        Assert.All(sink.Messages, m => Assert.DoesNotContain(CanaryEmail, m, StringComparison.Ordinal));
        Assert.All(sink.Messages, m => Assert.DoesNotContain(CanaryName, m, StringComparison.Ordinal));
        Assert.All(host.Audit.Events, e => Assert.DoesNotContain(CanaryEmail, e.ToString(), StringComparison.Ordinal));
        Assert.All(host.Audit.Events, e => Assert.DoesNotContain(CanaryName, string.Join(" ", e.Properties.Values), StringComparison.Ordinal));
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(Messages);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{eventId.Id} {formatter(state, exception)} {exception}");
        }
    }
}
