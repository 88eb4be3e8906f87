using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

/// <summary>Round-trip laws over HTTP against the local vault; few cases, since each is a real call.</summary>
public sealed class AzureKeyVaultKeyEncryptionKeyProperties : IAsyncLifetime
{
    private KeyVaultTestContext? _context;

    private static Arbitrary<byte[]> DataKeys => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32).ToArbitrary();

    public async Task InitializeAsync()
    {
        _context = await KeyVaultTestContext.StartAsync();
        _context.Server.CreateRsaKey(KeyVaultTestContext.KeyName);
    }

    public async Task DisposeAsync() => await _context!.DisposeAsync();

    [Property(MaxTest = 12)]
    public Property UnwrapKeyAsync_OfWrapInVault_ReturnsTheDataKey() => RoundTrips(_context!.CreateKek());

    [Property(MaxTest = 12)]
    public Property UnwrapKeyAsync_OfLocalWrap_ReturnsTheDataKey() => RoundTrips(_context!.CreateKek(configure: o => o.WrapLocally = true));

    private static Property RoundTrips(AzureKeyVaultKeyEncryptionKey kek) =>
        Prop.ForAll(DataKeys, dataKey =>
        {
            WrappedKey wrapped = kek.WrapKeyAsync(dataKey).AsTask().GetAwaiter().GetResult();
            byte[] unwrapped = kek.UnwrapKeyAsync(wrapped).AsTask().GetAwaiter().GetResult();
            return unwrapped.AsSpan().SequenceEqual(dataKey) && !wrapped.Ciphertext.Span.SequenceEqual(dataKey);
        });
}
