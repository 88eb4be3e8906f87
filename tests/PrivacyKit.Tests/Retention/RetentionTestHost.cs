using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Retention;
using PrivacyKit.Tests.Classification;

namespace PrivacyKit.Tests.Retention;

/// <summary>A real service provider with the sample CRM model, an in-memory legal hold store and the retention planner.</summary>
internal sealed class RetentionTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public RetentionTestHost(Action<RetentionOptions>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddPrivacyKit().AddDataMapEntities(typeof(Customer), typeof(Invoice));
        if (configure is not null)
        {
            builder.ConfigureRetention(configure);
        }

        _provider = services.BuildServiceProvider();
        Planner = _provider.GetRequiredService<IRetentionPlanner>();
        Holds = _provider.GetRequiredService<ILegalHoldStore>();
    }

    public IRetentionPlanner Planner { get; }

    public ILegalHoldStore Holds { get; }

    public static RetentionCandidate Invoice(string key, string? subject, DateTimeOffset? issuedAt) =>
        new("Invoice", key, subject, new Dictionary<string, DateTimeOffset?> { ["IssuedAt"] = issuedAt });

    public static RetentionCandidate Customer(string key, DateTimeOffset? closedAt) =>
        new("Customer", key, key, new Dictionary<string, DateTimeOffset?> { ["ClosedAt"] = closedAt });

    public static LegalHold Hold(string id, string subject, params string[] entityTypes) => new()
    {
        Id = id,
        SubjectId = subject,
        Reason = "case-2026-17",
        EntityTypes = entityTypes,
        PlacedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        PlacedBy = "legal-1",
    };

    public ValueTask<RetentionPlan> PlanAsync(DateTimeOffset asOf, params RetentionCandidate[] candidates) =>
        Planner.PlanAsync(asOf, candidates.ToAsyncEnumerable());

    public void Dispose() => _provider.Dispose();
}
