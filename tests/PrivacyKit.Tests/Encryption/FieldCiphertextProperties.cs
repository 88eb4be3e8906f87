using FsCheck.Xunit;
using PrivacyKit.Encryption;

namespace PrivacyKit.Tests.Encryption;

public sealed class FieldCiphertextProperties : IDisposable
{
    private readonly EncryptionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Property]
    public bool EveryCiphertext_IsRecognisedInBothFormsAndNamesItsKey(byte[] value, string subject)
    {
        var context = EncryptionContext.ForSubject("Customer", "Notes", "s" + subject?.Length);
        var ciphertext = _host.Encryptor.Encrypt(value, context);
        var text = FieldCiphertext.ToText(ciphertext);

        return FieldCiphertext.IsEncrypted(ciphertext) && FieldCiphertext.IsEncrypted(text) &&
            FieldCiphertext.TryGetKeyReference(text, out var key) && key.Version == 1 &&
            FieldCiphertext.FromText(text).AsSpan().SequenceEqual(ciphertext);
    }

    [Property]
    public bool BytesOfAnotherFormatVersion_AreNeverTakenForACiphertext(byte[] value, byte version)
    {
        if (value is null || value.Length == 0 || version == 1)
        {
            return true;
        }

        value[0] = version;
        return !FieldCiphertext.IsEncrypted(value) && !FieldCiphertext.IsEncrypted(FieldCiphertext.ToText(value)) &&
            !FieldCiphertext.TryGetKeyReference(value, out _);
    }
}
