using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Context;
using PrivacyKit.Requests;
using PrivacyKit.Tests.Requests;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Consent;

/// <summary>A real PrivacyKit container (consent, requests, retention) with a fake clock and captured logs and audit.</summary>
internal sealed class ConsentSourceTestHost : IDisposable
{
    /// <summary>A personal value planted as a proof reference; it may reach the export package, never logs or audit.</summary>
    public const string Canary = "canary-jane.roe@example.org-4111111111111111";

    public const string SubjectId = "cust-42";
    public const string OtherSubjectId = "cust-99";

    private readonly ServiceProvider _provider;

    public ConsentSourceTestHost(ConsentErasureEvidence evidence = ConsentErasureEvidence.Retain, IConsentStore? store = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IAuditTrail>(Audit);
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        services.AddPrivacyKit(o => o.InstanceId = "test").ConfigureConsent(o =>
        {
            ConsentTestHost.DefaultPurposes(o);
            o.ErasureEvidence = evidence;
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(ConsentTestHost.Start);

    public RecordingAuditTrail Audit { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public IConsentService Consent => _provider.GetRequiredService<IConsentService>();

    public IPersonalDataSource Source =>
        _provider.GetServices<IPersonalDataSource>().Single(s => s.Name == ConsentPersonalDataSource.SourceName);

    public static PrivacyActor Subject { get; } = new("user-42") { SubjectId = SubjectId };

    public static PersonalDataSourceContext RequestContext(SubjectRequestKind kind, string subjectId = SubjectId, params string[] scope) =>
        new() { RequestId = "req-1", SubjectId = subjectId, Kind = kind, Scope = scope };

    /// <summary>Submits, verifies and executes a request of the subject through the real workflow and executor.</summary>
    public async Task<SubjectRequestOutcome> ExecuteAsync(SubjectRequestKind kind)
    {
        var workflow = _provider.GetRequiredService<ISubjectRequestService>();
        var request = await workflow.SubmitAsync(
            new SubjectRequestSubmission { Kind = kind, Regime = PrivacyRegime.Gdpr, SubjectId = SubjectId, Channel = RequestChannel.SelfService },
            Subject);
        await workflow.BeginVerificationAsync(request.Id, Subject);
        Assert.True((await workflow.VerifyIdentityAsync(request.Id, Subject)).IsVerified);
        return await _provider.GetRequiredService<ISubjectRequestExecutor>().ExecuteAsync(request.Id, Subject);
    }

    /// <summary>Everything an audit record or a log line could leak, as one text.</summary>
    public string LeakableText() => string.Join('\n', Audit.Events.Select(e =>
            string.Join('|', e.ToString(), e.Reason, e.Action, e.ResourceId, string.Join(',', e.Fields),
                string.Join(',', e.Properties.Select(p => $"{p.Key}={p.Value}")))).Concat(Logs.Messages));

    public void Dispose() => _provider.Dispose();
}
