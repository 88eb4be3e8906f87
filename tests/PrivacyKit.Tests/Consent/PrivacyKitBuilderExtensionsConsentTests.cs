using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Consent;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Consent;

public sealed class PrivacyKitBuilderExtensionsConsentTests
{
    [Fact]
    public void ConfigureConsentAndRetention_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddPrivacyKit();
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureConsent(null!));
        Assert.Throws<ArgumentNullException>(() => PrivacyKitBuilderExtensions.ConfigureConsent(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureRetention(null!));
    }

    [Fact]
    public void AddPrivacyKit_Twice_RegistersConsentAndRetentionOnce()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit();
        services.AddPrivacyKit();
        Assert.Single(services, d => d.ServiceType == typeof(IConsentService));
        Assert.Single(services, d => d.ServiceType == typeof(IConsentStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ConsentOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(ILegalHoldStore));
        Assert.Single(services, d => d.ServiceType == typeof(IRetentionPlanner));
        Assert.Single(services, d => d.ServiceType == typeof(PrivacyKit.Classification.IDataMapContributor));
    }

    private sealed class OwnStore : IConsentStore
    {
        public ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<ConsentRecord>>([]);
    }

    [Fact]
    public void AddPrivacyKit_ApplicationStoreRegisteredFirst_Wins()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConsentStore, OwnStore>();
        services.AddPrivacyKit();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<OwnStore>(provider.GetRequiredService<IConsentStore>());
    }
}
