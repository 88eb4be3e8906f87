using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Consent;

/// <summary>Builds a real PrivacyKit service provider with a fake clock and a recording audit trail.</summary>
internal sealed class ConsentTestHost : IDisposable
{
    public const string Canary = "jane.canary@example.com";

    public static readonly DateTimeOffset Start = new(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public ConsentTestHost(Action<ConsentOptions>? configure = null, IConsentStore? store = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IAuditTrail>(Audit);
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        services.AddPrivacyKit(o => o.InstanceId = "test").ConfigureConsent(configure ?? DefaultPurposes);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Consent = _provider.GetRequiredService<IConsentService>();
        Store = _provider.GetRequiredService<IConsentStore>();
    }

    public FakeTimeProvider Time { get; }

    public RecordingAuditTrail Audit { get; } = new();

    public IConsentService Consent { get; }

    public IConsentStore Store { get; }

    public IServiceProvider Services => _provider;

    public static ConsentPurpose Marketing(string version = "1", TimeSpan? lifetime = null) => new()
    {
        Id = "marketing",
        Description = "E-mail newsletters and offers",
        LawfulBasis = LawfulBasis.Consent,
        PolicyVersion = version,
        PolicyTextHash = ConsentPurpose.HashPolicyText("We send offers. Version " + version),
        ConsentLifetime = lifetime,
    };

    public static void DefaultPurposes(ConsentOptions o)
    {
        o.AddPurpose(Marketing());
        o.AddPurpose(new ConsentPurpose
        {
            Id = "billing",
            Description = "Invoices and payment",
            LawfulBasis = LawfulBasis.Contract,
        });
        o.AddPurpose(new ConsentPurpose
        {
            Id = "ad-partners",
            Description = "Sharing with advertising partners",
            LawfulBasis = LawfulBasis.LegitimateInterests,
            IsSaleOrSharing = true,
        });
        o.AddPurpose(new ConsentPurpose
        {
            Id = "data-broker",
            Description = "Selling contact lists",
            LawfulBasis = LawfulBasis.Consent,
            IsSaleOrSharing = true,
            PolicyVersion = "2",
        });
    }

    public void Dispose() => _provider.Dispose();
}
