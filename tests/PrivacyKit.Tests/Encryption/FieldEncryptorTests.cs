using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Encryption;

public sealed class FieldEncryptorTests : IDisposable
{
    private const string Canary = "canary-Ann.Smith-4711@example.org";
    private static readonly EncryptionContext Context = EncryptionTestHost.Context();
    private readonly EncryptionTestHost _host = new();

    private IFieldEncryptor Encryptor => _host.Encryptor;

    public void Dispose() => _host.Dispose();

    [Fact]
    public void TryEncrypt_DestinationTooSmall_ReturnsFalseAndWritesNothing()
    {
        var destination = new byte[Encryptor.GetEncryptedLength(10) - 1];

        var ok = Encryptor.TryEncrypt(new byte[10], Context, destination, out var written);

        Assert.False(ok);
        Assert.Equal(0, written);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryEncrypt_ThenDecrypt_RoundTripsIntoCallerBuffers()
    {
        var plaintext = "personal data"u8.ToArray();
        var ciphertext = new byte[Encryptor.GetEncryptedLength(plaintext.Length)];

        Assert.True(Encryptor.TryEncrypt(plaintext, Context, ciphertext, out var written));
        var output = new byte[plaintext.Length];
        var length = Encryptor.Decrypt(ciphertext, Context, output);

        Assert.Equal(plaintext.Length + FieldCiphertext.Overhead, written);
        Assert.Equal(plaintext, output[..length]);
    }

    [Fact]
    public void TryEncrypt_WarmCache_AllocatesNothing()
    {
        var plaintext = new byte[64];
        var ciphertext = new byte[Encryptor.GetEncryptedLength(64)];
        var output = new byte[64];
        Encryptor.TryEncrypt(plaintext, Context, ciphertext, out _);
        Encryptor.Decrypt(ciphertext, Context, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Encryptor.TryEncrypt(plaintext, Context, ciphertext, out _);
            Encryptor.Decrypt(ciphertext, Context, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TryEncrypt_OverlappingBuffers_ThrowsArgumentException()
    {
        var buffer = new byte[200];

        Assert.Throws<ArgumentException>(() => Encryptor.TryEncrypt(buffer.AsSpan(0, 10), Context, buffer, out _));
    }

    [Fact]
    public void Decrypt_DestinationTooSmall_ThrowsArgumentException()
    {
        var ciphertext = Encryptor.Encrypt(new byte[10], Context);

        var e = Assert.Throws<ArgumentException>(() => Encryptor.Decrypt(ciphertext, Context, new byte[9]));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void Decrypt_TypedCiphertextAsRawBytes_ThrowsInvalidCiphertext()
    {
        var ciphertext = Encryptor.Encrypt(Canary, Context);
        var output = new byte[ciphertext.Length];

        Assert.Throws<InvalidCiphertextException>(() => Encryptor.Decrypt(ciphertext, Context, output));
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Encrypt_DefaultContext_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Encryptor.Encrypt("x", default));
        Assert.Equal("context", e.ParamName);
    }

    [Fact]
    public void Encrypt_UnsupportedType_ThrowsNotSupported()
    {
        var e = Assert.Throws<NotSupportedException>(() => Encryptor.Encrypt(1.5f, Context));
        Assert.Contains("System.Single", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_LoneSurrogate_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Encryptor.Encrypt("a\uD800b", Context));
    }

    [Fact]
    public void Decrypt_AsAnotherType_ThrowsInvalidCiphertextNamingTheTypes()
    {
        var ciphertext = Encryptor.Encrypt(42, Context);

        var e = Assert.Throws<InvalidCiphertextException>(() => Encryptor.Decrypt<long>(ciphertext, Context));
        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
        Assert.Contains("Int64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_NullIntoNonNullable_ThrowsInvalidCiphertext()
    {
        var ciphertext = Encryptor.Encrypt<int?>(null, Context);

        Assert.Throws<InvalidCiphertextException>(() => Encryptor.Decrypt<int>(ciphertext, Context));
        Assert.Null(Encryptor.Decrypt<int?>(ciphertext, Context));
    }

    [Fact]
    public async Task DecryptAsync_KeyFromAnotherStore_ThrowsDataKeyNotFound()
    {
        var ciphertext = Encryptor.Encrypt(Canary, Context);
        using var other = new EncryptionTestHost(kek: _host.Kek);

        var e = await Assert.ThrowsAsync<DataKeyNotFoundException>(async () => await other.Encryptor.DecryptAsync<string>(ciphertext, Context));
        Assert.Equal("Customer", e.Entity);
        Assert.Equal(1, other.Keys.CacheStatistics.Misses);
    }

    [Fact]
    public void Decrypt_KeyFromAnotherStore_ThrowsDataKeyNotFound()
    {
        var ciphertext = Encryptor.Encrypt(Canary, Context);
        using var other = new EncryptionTestHost(kek: _host.Kek);

        var e = Assert.Throws<DataKeyNotFoundException>(() => other.Encryptor.Decrypt<string>(ciphertext, Context));
        Assert.True(FieldCiphertext.TryGetKeyReference(ciphertext, out var key));
        Assert.Equal(key.KeyId, e.KeyId);
        Assert.Equal(1, e.KeyVersion);
    }

    [Fact]
    public async Task Decrypt_ShreddedScope_ThrowsErasedAndTryDecryptReportsErased()
    {
        var ciphertext = Encryptor.Encrypt(Canary, Context);
        await _host.Keys.ShredAsync(Context.Scope);

        Assert.Throws<DataKeyErasedException>(() => Encryptor.Decrypt<string>(ciphertext, Context));
        Assert.Equal(DecryptionStatus.Erased, Encryptor.TryDecrypt(ciphertext, Context, out string? value));
        Assert.Null(value);
        Assert.Equal(DecryptionStatus.Erased, Encryptor.TryDecryptText(FieldCiphertext.ToText(ciphertext), Context, out string? text));
        Assert.Null(text);
        await Assert.ThrowsAsync<DataKeyErasedException>(async () => await Encryptor.DecryptAsync<string>(ciphertext, Context));
    }

    [Fact]
    public void TryDecrypt_LiveKey_ReportsSuccessWithTheValue()
    {
        var ciphertext = Encryptor.Encrypt(Canary, Context);

        Assert.Equal(DecryptionStatus.Success, Encryptor.TryDecrypt(ciphertext, Context, out string? value));
        Assert.Equal(Canary, value);
    }

    [Fact]
    public async Task Encrypt_ShreddedScope_ThrowsUntilANewKeyIsStartedDeliberately()
    {
        Encryptor.Encrypt("before", Context);
        await _host.Keys.ShredAsync(Context.Scope);

        Assert.Throws<FieldEncryptionException>(() => Encryptor.Encrypt("after", Context));
        await Assert.ThrowsAsync<FieldEncryptionException>(async () => await Encryptor.EncryptAsync("after", Context));

        var key = await _host.Keys.RotateDataKeyAsync(Context.Scope);
        var ciphertext = Encryptor.Encrypt("after", Context);
        Assert.Equal("after", Encryptor.Decrypt<string>(ciphertext, Context));
        Assert.True(FieldCiphertext.TryGetKeyReference(ciphertext, out var used));
        Assert.Equal(key, used);
        Assert.Equal(2, used.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(465)] // the longest value whose text form decodes on the stack (at most 512 bytes)
    [InlineData(466)]
    [InlineData(20_000)]
    public void DecryptText_ShortAndLongValues_RoundTripAndDetectTampering(int length)
    {
        var value = string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        var text = Encryptor.EncryptToText(value, Context);
        var bytes = FieldCiphertext.FromText(text);
        bytes[^1] ^= 1;

        Assert.Equal(value, Encryptor.DecryptText<string>(text, Context));
        Assert.Throws<TamperedCiphertextException>(() => Encryptor.DecryptText<string>(FieldCiphertext.ToText(bytes), Context));
        Assert.Throws<EncryptionContextMismatchException>(() => Encryptor.DecryptText<string>(text, EncryptionContext.ForSubject("Customer", "Phone", "other")));
    }

    [Fact]
    public void DecryptText_NotACiphertext_ThrowsInvalidCiphertext()
    {
        Assert.Throws<InvalidCiphertextException>(() => Encryptor.DecryptText<string>(Canary, Context));
        Assert.Throws<InvalidCiphertextException>(() => Encryptor.DecryptText<string>("pk1:%%%", Context));
        Assert.Throws<ArgumentNullException>(() => Encryptor.DecryptText<string>(null!, Context));
    }

    [Fact]
    public void DecryptionFailures_NameEntityPropertyAndKeyButNeverThePlaintext()
    {
        var ciphertext = Encryptor.Encrypt(Canary, Context);
        var tampered = (byte[])ciphertext.Clone();
        tampered[^1] ^= 1;
        var elsewhere = EncryptionContext.ForSubject("Customer", "Phone", "42");

        var failures = new Exception[]
        {
            Assert.Throws<TamperedCiphertextException>(() => Encryptor.Decrypt<string>(tampered, Context)),
            Assert.Throws<EncryptionContextMismatchException>(() => Encryptor.Decrypt<string>(ciphertext, elsewhere)),
            Assert.Throws<TruncatedCiphertextException>(() => Encryptor.Decrypt<string>(ciphertext.AsSpan(0, 20), Context)),
            Assert.Throws<InvalidCiphertextException>(() => Encryptor.Decrypt<int>(ciphertext, Context)),
        };

        FieldCiphertext.TryGetKeyReference(ciphertext, out var key);
        foreach (var failure in failures)
        {
            Assert.IsAssignableFrom<FieldDecryptionException>(failure);
            Assert.IsAssignableFrom<PrivacyKitException>(failure);
            Assert.DoesNotContain(Canary, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Ann.Smith", failure.ToString(), StringComparison.Ordinal);
            Assert.Contains("Customer.", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("byte ", failure.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(key.KeyId, failures[0].Message, StringComparison.Ordinal);
        Assert.Equal("Email", ((FieldDecryptionException)failures[0]).Property);
        Assert.Equal("Phone", ((FieldDecryptionException)failures[1]).Property);
    }

    [Fact]
    public async Task AsyncApis_RoundTripAndAgreeWithSyncOnes()
    {
        var ciphertext = await Encryptor.EncryptAsync(Canary, Context);

        Assert.Equal(Canary, await Encryptor.DecryptAsync<string>(ciphertext, Context));
        Assert.Equal(Canary, Encryptor.Decrypt<string>(ciphertext, Context));
    }

    [Fact]
    public async Task PreloadScopes_ThenSyncEncrypt_TouchesNoStoreOrKms()
    {
        var scopes = Enumerable.Range(0, 20).Select(i => EncryptionScope.ForSubject(i.ToString())).ToList();
        await Encryptor.PreloadScopesAsync(scopes);
        var misses = _host.Keys.CacheStatistics.Misses;

        foreach (var scope in scopes)
        {
            Encryptor.Encrypt("value", new EncryptionContext("Customer", "Email", scope));
        }

        Assert.Equal(misses, _host.Keys.CacheStatistics.Misses);
        Assert.Equal(20, _host.Keys.CacheStatistics.Count);
    }

    [Fact]
    public async Task PreloadScopes_CachedKeysCompleteAtOnce_MissingOnesAreCreatedOnceEach()
    {
        var cached = Enumerable.Range(0, 5).Select(i => EncryptionScope.ForSubject("cached-" + i)).ToList();
        await Encryptor.PreloadScopesAsync(cached);
        var misses = _host.Keys.CacheStatistics.Misses;

        var again = Encryptor.PreloadScopesAsync([.. cached, .. cached]);

        Assert.True(again.IsCompletedSuccessfully);
        Assert.Equal(misses, _host.Keys.CacheStatistics.Misses);

        string[] fresh = [EncryptionScope.ForSubject("fresh-1"), EncryptionScope.ForSubject("fresh-2"), EncryptionScope.ForSubject("fresh-1")];
        await Encryptor.PreloadScopesAsync([.. cached, .. fresh]);
        await Encryptor.PreloadScopesAsync([fresh[0]]);

        Assert.Equal(7, _host.Keys.CacheStatistics.Count);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Encryptor.PreloadScopesAsync(cached, cancelled.Token));
    }

    [Fact]
    public async Task PreloadKeys_FromCiphertextHeaders_LetsAnotherInstanceDecryptWithoutBlocking()
    {
        var ciphertexts = Enumerable.Range(0, 10).Select(i => Encryptor.Encrypt(i, EncryptionTestHost.Context(i.ToString()))).ToList();
        using var other = new EncryptionTestHost(_host.Store, _host.Kek);
        var references = ciphertexts.Select(c => FieldCiphertext.TryGetKeyReference(c, out var key) ? key : default).ToList();

        await other.Encryptor.PreloadKeysAsync(references.Append(new DataKeyReference("0000000000000000", 1)));
        var unwraps = _host.Kek.Unwraps;

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(i, other.Encryptor.Decrypt<int>(ciphertexts[i], EncryptionTestHost.Context(i.ToString())));
        }

        Assert.Equal(unwraps, _host.Kek.Unwraps);
    }

    [Fact]
    public async Task PreloadScopes_ReservedScope_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Encryptor.PreloadScopesAsync(["privacykit:blind-index-root"]));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Encryptor.PreloadScopesAsync(null!));
    }

    [Fact]
    public void GetEncryptedLength_Negative_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Encryptor.GetEncryptedLength(-1));
        Assert.Equal(45, Encryptor.GetEncryptedLength(0));
    }

    [Fact]
    public void Encrypt_DifferentSubjects_UseDifferentDataKeys()
    {
        var a = Encryptor.Encrypt("x", EncryptionTestHost.Context("a"));
        var b = Encryptor.Encrypt("x", EncryptionTestHost.Context("b"));
        var a2 = Encryptor.Encrypt("x", EncryptionTestHost.Context("a", property: "Phone"));

        FieldCiphertext.TryGetKeyReference(a, out var keyA);
        FieldCiphertext.TryGetKeyReference(b, out var keyB);
        FieldCiphertext.TryGetKeyReference(a2, out var keyA2);
        Assert.NotEqual(keyA, keyB);
        Assert.Equal(keyA, keyA2);
    }
}
