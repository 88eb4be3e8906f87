using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Context;
using PrivacyKit.Requests;
using PrivacyKit.Retention;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Requests;

/// <summary>A real PrivacyKit container with a fake clock, a recording audit trail and test sources.</summary>
internal sealed class RequestTestHost : IDisposable
{
    public const string Canary = "canary-ZX81-alice@example.org-4111111111111111";

    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero); // a Monday

    private readonly ServiceProvider _provider;

    public RequestTestHost(
        Action<IServiceCollection>? services = null,
        Action<SubjectRequestOptions>? options = null,
        bool legalHolds = true,
        bool consentSource = false,
        params IPersonalDataSource[] sources)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<IAuditTrail>(Audit);
        if (legalHolds)
        {
            collection.AddSingleton<ILegalHoldStore>(Holds);
        }

        foreach (var source in sources)
        {
            collection.AddSingleton(source);
        }

        services?.Invoke(collection);
        var builder = collection.AddPrivacyKit(o => o.InstanceId = "test-1");
        if (!legalHolds)
        {
            // AddPrivacyKit registers an in-memory hold store by default; take it away to test its absence.
            collection.RemoveAll<ILegalHoldStore>();
            collection.RemoveAll<IRetentionPlanner>();
            collection.RemoveAll<ILegalHoldService>();
        }

        if (!consentSource)
        {
            // The consent feature adds its own source by default; the executor tests count only their fake sources.
            var consent = collection.Single(d => d.ImplementationType == typeof(ConsentPersonalDataSource));
            collection.Remove(consent);
        }

        if (options is not null)
        {
            builder.ConfigureSubjectRequests(options);
        }

        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingAuditTrail Audit { get; } = new();

    public TestLegalHoldStore Holds { get; } = new();

    public IServiceProvider Services => _provider;

    public ISubjectRequestService Workflow => _provider.GetRequiredService<ISubjectRequestService>();

    public ISubjectRequestExecutor Executor => _provider.GetRequiredService<ISubjectRequestExecutor>();

    public ISubjectRequestReports Reports => _provider.GetRequiredService<ISubjectRequestReports>();

    public ISubjectRequestStore Store => _provider.GetRequiredService<ISubjectRequestStore>();

    public SubjectRequestOptions Options => _provider.GetRequiredService<IOptions<SubjectRequestOptions>>().Value;

    public static PrivacyActor Subject(string subjectId = "cust-42") => new($"user-{subjectId}") { SubjectId = subjectId };

    public static PrivacyActor Operator { get; } = new("op-7", ["privacy-operator"]);

    public static SubjectRequestSubmission Submission(
        SubjectRequestKind kind = SubjectRequestKind.Access,
        PrivacyRegime regime = PrivacyRegime.Gdpr,
        string subjectId = "cust-42",
        RequestChannel channel = RequestChannel.SelfService) => new()
        {
            Kind = kind,
            Regime = regime,
            SubjectId = subjectId,
            Channel = channel,
            Corrections = kind == SubjectRequestKind.Rectification ? [new FieldCorrection("Customer", "Email", Canary)] : [],
        };

    /// <summary>Submits a request and moves it to in progress through the subject's own verification.</summary>
    public async Task<SubjectRequest> InProgressAsync(SubjectRequestKind kind = SubjectRequestKind.Access, PrivacyRegime regime = PrivacyRegime.Gdpr)
    {
        var request = await Workflow.SubmitAsync(Submission(kind, regime), Subject());
        await Workflow.BeginVerificationAsync(request.Id, Subject());
        var result = await Workflow.VerifyIdentityAsync(request.Id, Subject());
        Assert.True(result.IsVerified);
        return await Workflow.GetAsync(request.Id);
    }

    /// <summary>Everything an audit record could leak, as one text.</summary>
    public string AuditText() => string.Join('\n', Audit.Events.Select(e =>
        string.Join('|', e.ToString(), e.Reason, e.Action, e.ResourceId, string.Join(',', e.Fields),
            string.Join(',', e.Properties.Select(p => $"{p.Key}={p.Value}")))));

    public void Dispose() => _provider.Dispose();
}
