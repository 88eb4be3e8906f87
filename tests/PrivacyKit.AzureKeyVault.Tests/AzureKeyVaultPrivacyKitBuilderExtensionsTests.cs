using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Tests;

public sealed class AzureKeyVaultPrivacyKitBuilderExtensionsTests
{
    [Fact]
    public async Task AddAzureKeyVault_RegisteredKek_WrapsAndUnwrapsThroughTheVault()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(KeyVaultTestContext.KeyName);
        var services = new ServiceCollection();
        services.AddPrivacyKit().AddAzureKeyVault(context.KeyUri(), context.Credential, o =>
        {
            o.Transport = context.Server.CreateTransport();
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        IKeyEncryptionKey kek = provider.GetRequiredService<IKeyEncryptionKey>();
        byte[] dataKey = RandomNumberGenerator.GetBytes(32);

        WrappedKey wrapped = await kek.WrapKeyAsync(dataKey);

        Assert.IsType<AzureKeyVaultKeyEncryptionKey>(kek);
        Assert.Same(kek, provider.GetRequiredService<IKeyEncryptionKey>());
        Assert.Equal(context.Server.KeyId(KeyVaultTestContext.KeyName, version), wrapped.KeyEncryptionKeyId);
        Assert.Equal(dataKey, await kek.UnwrapKeyAsync(wrapped));
    }

    [Fact]
    public void AddAzureKeyVault_AfterAnotherKek_ReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IKeyEncryptionKey, OtherKek>();

        services.AddPrivacyKit().AddAzureKeyVault(new Uri("https://contoso.vault.azure.net/keys/kek1"), new TestTokenCredential("t"));

        ServiceDescriptor descriptor = Assert.Single(services, d => d.ServiceType == typeof(IKeyEncryptionKey));
        Assert.NotNull(descriptor.ImplementationFactory);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void AddAzureKeyVault_InvalidOptions_FailsAtStartUpWithWhatToFix()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().AddAzureKeyVault(
            new Uri("https://contoso.vault.azure.net/secrets/kek1"), new TestTokenCredential("t"), o => o.KeyRefreshInterval = TimeSpan.Zero);
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("https://{vault}/keys/{name}[/{version}]", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("KeyRefreshInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAzureKeyVault_NullArguments_Throw()
    {
        IPrivacyKitBuilder builder = new ServiceCollection().AddPrivacyKit();
        var keyId = new Uri("https://contoso.vault.azure.net/keys/kek1");
        var credential = new TestTokenCredential("t");

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => AzureKeyVaultPrivacyKitBuilderExtensions.AddAzureKeyVault(null!, keyId, credential)).ParamName);
        Assert.Equal("keyId", Assert.Throws<ArgumentNullException>(() => builder.AddAzureKeyVault(null!, credential)).ParamName);
        Assert.Equal("credential", Assert.Throws<ArgumentNullException>(() => builder.AddAzureKeyVault(keyId, null!)).ParamName);
    }

    private sealed class OtherKek : IKeyEncryptionKey
    {
        public string KeyId => "other";

        public ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
