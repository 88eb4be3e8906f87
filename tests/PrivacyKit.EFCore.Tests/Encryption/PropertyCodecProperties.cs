using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Encryption;

public sealed class PropertyCodecProperties : IDisposable
{
    private static readonly PropertyCodec Text = PropertyCodec.Create(typeof(TypeSample).GetProperty(nameof(TypeSample.NullableText))!);
    private static readonly PropertyCodec Number = PropertyCodec.Create(typeof(TypeSample).GetProperty(nameof(TypeSample.NullableLong))!);
    private readonly ServiceProvider _services;
    private readonly IFieldEncryptor _encryptor;
    private readonly EncryptionContext _context = EncryptionContext.ForSubject("TypeSample", "NullableText", "subject-1");

    public PropertyCodecProperties()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPrivacyKit().AddKeyEncryptionKey(new InMemoryKeyEncryptionKey()).AddInMemoryDataKeyStore();
        _services = services.BuildServiceProvider();
        _encryptor = _services.GetRequiredService<IFieldEncryptor>();
    }

    public void Dispose() => _services.Dispose();

    [Property]
    public Property EncryptThenDecrypt_AnyStringEitherStorage_GivesItBack(string? value, bool binary)
    {
        // The core refuses strings that are not well-formed UTF-16 (a lone surrogate) with an ArgumentException.
        if (HasLoneSurrogate(value))
        {
            return true.ToProperty();
        }

        var stored = Text.Encrypt(_encryptor, value, _context, binary);
        var entity = new TypeSample();
        Text.DecryptInto(_encryptor, entity, stored, _context, out var erased);
        return (!erased && entity.NullableText == value && (binary ? stored is byte[] : FieldCiphertext.IsEncrypted((string)stored))).ToProperty();
    }

    [Property]
    public bool EncryptThenDecrypt_AnyNullableLong_GivesItBack(long? value, bool binary)
    {
        var stored = Number.Encrypt(_encryptor, value, _context, binary);
        var entity = new TypeSample();
        Number.DecryptInto(_encryptor, entity, stored, _context, out _);
        return entity.NullableLong == value && PropertyCodec.SameValue(Number.Get(entity), value);
    }

    [Property]
    public Property StoredFingerprint_SameCiphertextMatches_AnotherEncryptionOfTheSameValueDoesNot(string? value, bool binary)
    {
        if (HasLoneSurrogate(value))
        {
            return true.ToProperty();
        }

        var first = Text.Encrypt(_encryptor, value, _context, binary);
        var second = Text.Encrypt(_encryptor, value, _context, binary);
        var copy = first is byte[] bytes ? bytes.ToArray() : (object)new string(((string)first).AsSpan());

        return (StoredFingerprint.Of(first) == StoredFingerprint.Of(copy)).Label("a copy of the ciphertext matches")
            .And((StoredFingerprint.Of(first) != StoredFingerprint.Of(second)).Label("a fresh encryption (same length) does not"))
            .And((StoredFingerprint.Of(first) != default).Label("a value differs from no value"));
    }

    [Fact]
    public void StoredFingerprint_NoValueTextAndBytesAreDistinct()
    {
        var text = (string)Text.Encrypt(_encryptor, "canary", _context, binary: false);
        var bytes = FieldCiphertext.FromText(text);

        Assert.Equal(default, StoredFingerprint.Of(null));
        Assert.NotEqual(StoredFingerprint.Of(text), StoredFingerprint.Of(bytes));
        Assert.NotEqual(StoredFingerprint.Of(text), StoredFingerprint.Of(text[..^1] + (text[^1] == 'A' ? 'B' : 'A')));
        Assert.NotEqual(StoredFingerprint.Of("ab"), StoredFingerprint.Of("abc"));
        Assert.Throws<ArgumentException>(() => StoredFingerprint.Of(42));
    }

    private static bool HasLoneSurrogate(string? value)
    {
        if (value is null)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
