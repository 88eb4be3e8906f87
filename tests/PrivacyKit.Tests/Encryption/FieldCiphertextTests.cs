using System.Text.RegularExpressions;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Encryption;

public sealed partial class FieldCiphertextTests : IDisposable
{
    /// <summary>The data key of the worked example in docs/ciphertext-format.md: bytes 0x00..0x1f.</summary>
    internal static readonly byte[] ExampleKey = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    internal const string ExampleKeyId = "0123456789abcdef";
    internal static readonly EncryptionContext ExampleContext = EncryptionContext.ForSubject("Customer", "Email", "42");

    private readonly EncryptionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void IsEncrypted_TellsCiphertextsFromPlainValues()
    {
        var ciphertext = _host.Encryptor.Encrypt("ann@example.org", EncryptionTestHost.Context());
        var text = _host.Encryptor.EncryptToText("ann@example.org", EncryptionTestHost.Context());

        Assert.True(FieldCiphertext.IsEncrypted(ciphertext));
        Assert.True(FieldCiphertext.IsEncrypted(text));
        Assert.StartsWith(FieldCiphertext.TextPrefix, text, StringComparison.Ordinal);
        Assert.False(FieldCiphertext.IsEncrypted("ann@example.org"));
        Assert.False(FieldCiphertext.IsEncrypted("pk1:not base64!"));
        Assert.False(FieldCiphertext.IsEncrypted("pk1:" + Convert.ToBase64String(new byte[60])));
        Assert.False(FieldCiphertext.IsEncrypted((string?)null));
        Assert.False(FieldCiphertext.IsEncrypted(ciphertext.AsSpan(0, 44)));
    }

    [Fact]
    public void TryGetKeyReference_ReadsTheKeyOfBinaryAndTextForms()
    {
        var ciphertext = _host.Encryptor.Encrypt(7, EncryptionTestHost.Context());

        Assert.True(FieldCiphertext.TryGetKeyReference(ciphertext, out var key));
        Assert.True(FieldCiphertext.TryGetKeyReference(FieldCiphertext.ToText(ciphertext), out var fromText));
        Assert.Equal(key, fromText);
        Assert.Equal(1, key.Version);
        Assert.Matches("^[0-9a-f]{16}$", key.KeyId);
        Assert.False(FieldCiphertext.TryGetKeyReference("plain", out _));
        Assert.False(FieldCiphertext.TryGetKeyReference([1, 1, 0], out _));
    }

    [Fact]
    public void FromText_RoundTripsToTextAndRejectsOtherText()
    {
        var ciphertext = _host.Encryptor.Encrypt(7, EncryptionTestHost.Context());

        Assert.Equal(ciphertext, FieldCiphertext.FromText(FieldCiphertext.ToText(ciphertext)));
        Assert.Throws<InvalidCiphertextException>(() => FieldCiphertext.FromText("7"));
        Assert.Throws<ArgumentNullException>(() => FieldCiphertext.FromText(null!));
    }

    [FsCheck.Xunit.Property]
    public bool ToText_IsThePrefixAndStandardBase64_AndFromTextReversesIt(byte[] bytes) =>
        FieldCiphertext.ToText(bytes) == FieldCiphertext.TextPrefix + Convert.ToBase64String(bytes)
        && FieldCiphertext.FromText(FieldCiphertext.ToText(bytes)).AsSpan().SequenceEqual(bytes);

    [Fact]
    public void EncryptToText_IsTheTextFormOfAnEncryptionAtEveryLength()
    {
        foreach (var length in new[] { 0, 1, 2, 3, 466, 467, 5_000 })
        {
            var value = new string('x', length);
            var text = _host.Encryptor.EncryptToText(value, EncryptionTestHost.Context());

            Assert.StartsWith(FieldCiphertext.TextPrefix, text, StringComparison.Ordinal);
            Assert.Equal(length + FieldCiphertext.Overhead, FieldCiphertext.FromText(text).Length);
            Assert.Equal(value, _host.Encryptor.DecryptText<string>(text, EncryptionTestHost.Context()));
        }
    }

    [Fact]
    public async Task WorkedExampleInTheDocs_ParsesAndDecryptsToItsPlaintext()
    {
        var doc = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "ciphertext-format.md"));
        var hex = ExampleHex().Match(doc).Groups["hex"].Value.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var text = ExampleText().Match(doc).Groups["text"].Value;
        var ciphertext = Convert.FromHexString(hex);
        await AddExampleKeyAsync(_host);

        Assert.True(FieldCiphertext.TryGetKeyReference(ciphertext, out var key));
        Assert.Equal(new DataKeyReference(ExampleKeyId, 1), key);
        Assert.Equal(ciphertext, FieldCiphertext.FromText(text));
        Assert.Equal("ann@example.org", _host.Encryptor.Decrypt<string>(ciphertext, ExampleContext));
        Assert.Equal("ann@example.org", _host.Encryptor.DecryptText<string>(text, ExampleContext));
        Assert.Equal(ContextEncoding.Check(ExampleContext), Convert.ToUInt16(hex.Substring(30, 4), 16));
    }

    internal static async Task AddExampleKeyAsync(EncryptionTestHost host)
    {
        var wrapped = await host.Kek.WrapKeyAsync(ExampleKey);
        Assert.True(await host.Store.TryAddAsync(new DataKeyRecord(ExampleContext.Scope, ExampleKeyId, 1, wrapped, host.Time.GetUtcNow())));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "PrivacyKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    [GeneratedRegex(@"<!-- example-hex -->\s*```text\s*(?<hex>[0-9a-f \n]+?)\s*```")]
    private static partial Regex ExampleHex();

    [GeneratedRegex(@"<!-- example-text -->\s*```text\s*(?<text>pk1:[A-Za-z0-9+/=]+)\s*```")]
    private static partial Regex ExampleText();
}
