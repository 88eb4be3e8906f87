using System.Globalization;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Internal;

/// <summary>Exceptions of field encryption, data keys, key-encryption keys and blind indexes.</summary>
internal static partial class Error
{
    public static ArgumentException NameTooLong(string paramName, int length) =>
        new($"The name is {length} characters long; at most {EncryptionContext.MaxNameLength} are allowed.", paramName);

    public static ArgumentException ReservedScope(string paramName) =>
        new($"Scopes starting with '{EncryptionScope.ReservedPrefix}' are reserved for PrivacyKit's own keys; use EncryptionScope to build a scope.", paramName);

    public static ArgumentException DefaultEncryptionContext(string paramName) =>
        new("The encryption context is the default value; create it with EncryptionContext.ForSubject, ForEntity or its constructor.", paramName);

    public static ArgumentException InvalidUtf16(string paramName) =>
        new("The string is not well-formed UTF-16 (it contains a lone surrogate) and cannot be encrypted exactly.", paramName);

    public static ArgumentException DestinationTooSmall(string paramName, int needed) =>
        new($"The destination is too small: {needed} bytes are needed.", paramName);

    public static ArgumentException OverlappingBuffers(string paramName) =>
        new("The destination overlaps the source; use separate buffers.", paramName);

    public static NotSupportedException UnsupportedFieldType(Type type) =>
        new($"Values of type {type} cannot be encrypted. Supported: string, byte[], bool, the integer types, decimal, double, Guid, DateTime, DateTimeOffset, DateOnly and their nullable forms.");

    public static TruncatedCiphertextException CiphertextTruncated(in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the value is shorter than a PrivacyKit ciphertext. Check that the column is wide enough (plaintext length + {CiphertextLayout.Overhead} bytes) and that the value was not cut off.", where);

    public static UnsupportedCiphertextVersionException CiphertextVersion(byte version, in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: ciphertext format version {version} is not supported (this PrivacyKit reads version {CiphertextLayout.FormatVersion}). The value was written by a newer PrivacyKit or is not a PrivacyKit ciphertext.", where);

    public static UnsupportedAlgorithmException CiphertextAlgorithm(byte algorithm, in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: algorithm id {algorithm} is not supported (this PrivacyKit implements {CiphertextLayout.AlgorithmAes256Gcm} = AES-256-GCM).", where);

    public static TamperedCiphertextException CiphertextTampered(in FieldDecryptionDetails where, Exception inner) =>
        new($"Cannot decrypt {Where(where)}: the value failed authentication, so it was altered or corrupted after encryption. Restore it from a backup; nothing of it is returned.", where, inner);

    public static EncryptionContextMismatchException ContextMismatch(in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the value was encrypted for another entity, property, scope or tenant (for example copied from another row or column). Decrypt it with the context it was written with.", where);

    public static DataKeyNotFoundException DataKeyNotFound(in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the data-key store holds no such key. Check that the application uses the data-key store the value was written with.", where);

    public static DataKeyErasedException DataKeyErased(in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the data key was crypto-shredded, so the value is erased for good. Use TryDecrypt to receive DecryptionStatus.Erased instead of this exception.", where);

    public static InvalidCiphertextException WrongValueType(string stored, Type requested, in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the value holds a {stored}, which cannot be read as {requested.Name}. Check the property type mapped to this column.", where);

    public static InvalidCiphertextException MalformedPayload(in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the value authenticates but its content is not a valid encoding of its type; it was written by an incompatible writer.", where);

    public static InvalidCiphertextException NotTextCiphertext(in FieldDecryptionDetails where) =>
        new($"Cannot decrypt {Where(where)}: the text is not a PrivacyKit ciphertext (it must be '{FieldCiphertext.TextPrefix}' followed by base64). Was the value stored before encryption was enabled?", where);

    public static FieldEncryptionException ScopeErased(string keyId) =>
        new($"Cannot encrypt under data key {keyId}: its scope was crypto-shredded, so new values for it are refused. Call IDataKeyManager.RotateDataKeyAsync for the scope to start a new data key deliberately.");

    public static KeyManagementException KeyCreationContention(string? keyId) =>
        new("A data key could not be created or read after several attempts because other writers kept changing it; retry the operation.", keyId) { IsTransient = true };

    public static InvalidOperationException NoKeyEncryptionKey() =>
        new("No key-encryption key is registered. Call AddLocalKeyEncryptionKey(path), AddKeyEncryptionKey(...) or a KMS package's registration (e.g. AddAzureKeyVault) on the PrivacyKit builder.");

    public static InvalidOperationException NoDataKeyStore() =>
        new("No data-key store is registered. Call AddFileDataKeyStore(path), AddDataKeyStore<T>() or AddEntityFrameworkStores<T>() on the PrivacyKit builder (AddInMemoryDataKeyStore() is for tests: its keys are lost when the process ends, and with them the data).");

    public static KeyManagementException KeyEncryptionKeyVersionNotHeld(string keyId) =>
        new($"The key-encryption key '{keyId}' is not held by this key ring. Restore the key file that contained it, or re-wrap the data keys before retiring it.", keyId);

    public static KeyManagementException WrappedKeyInvalid(string keyId, Exception? inner) =>
        new($"A data key wrapped by key-encryption key '{keyId}' failed authentication or has the wrong algorithm or size: the stored wrapped key is corrupt or belongs to another key.", keyId, inner);

    public static KeyManagementException KeyEncryptionKeyFailed(string keyId, string operation, Exception inner) =>
        new($"The key-encryption key '{keyId}' failed to {operation} a data key ({inner.GetType().Name}). Nothing was stored; retry when the key management system is available.", keyId, inner) { IsTransient = true };

    public static KeyManagementException KeyFileUnreadable(string path, Exception? inner) =>
        new($"The key file '{path}' cannot be read or is not a PrivacyKit key ring. Restore it from its backup; without it no data key can be unwrapped.", null, inner);

    public static KeyManagementException KeyFilePermissions(string path) =>
        new($"The key file '{path}' is readable or writable by users other than its owner. Run 'chmod 600' on it.");

    public static InvalidOperationException DataKeyStoreFileCorrupt(string path, Exception? inner) =>
        new($"The data-key store file '{path}' cannot be read. Restore it from its backup; without it no value can be decrypted.", inner);

    public static ArgumentException BlindIndexBits(string paramName, int bits) =>
        new($"A blind index of {bits} bits is not possible; use a multiple of 8 from 16 to 256.", paramName);

    private static string Where(in FieldDecryptionDetails where)
    {
        var place = where.Entity is null ? "the value" : where.Entity + "." + where.Property;
        return where.KeyId is null
            ? place
            : string.Create(CultureInfo.InvariantCulture, $"{place} (data key {where.KeyId} version {where.KeyVersion})");
    }
}
