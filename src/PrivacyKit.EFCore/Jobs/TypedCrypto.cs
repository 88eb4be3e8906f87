using System.Collections.Concurrent;
using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>
/// Calls the generic field-encryptor methods for a property type known only at run time, and reads a plaintext
/// column value as that type (the column may hold the type natively or as text after the retrofit migration).
/// </summary>
internal abstract class TypedCrypto
{
    private static readonly ConcurrentDictionary<Type, TypedCrypto> Cache = new();

    public static TypedCrypto For(Type propertyType) =>
        Cache.GetOrAdd(propertyType, static t => (TypedCrypto)Activator.CreateInstance(typeof(TypedCrypto<>).MakeGenericType(t))!);

    public abstract ValueTask<byte[]> EncryptAsync(IFieldEncryptor encryptor, object? value, EncryptionContext context, CancellationToken cancellationToken);

    public abstract ValueTask<object?> DecryptAsync(IFieldEncryptor encryptor, ReadOnlyMemory<byte> ciphertext, EncryptionContext context, CancellationToken cancellationToken);

    /// <summary>Reads a non-null plaintext column value as the property type.</summary>
    public abstract object? ReadPlaintext(DbDataReader reader, int ordinal);
}

/// <summary>The typed calls for one property type.</summary>
internal sealed class TypedCrypto<T> : TypedCrypto
{
    private static readonly Type Target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);

    public override ValueTask<byte[]> EncryptAsync(IFieldEncryptor encryptor, object? value, EncryptionContext context, CancellationToken cancellationToken) =>
        encryptor.EncryptAsync((T)value!, context, cancellationToken);

    public override async ValueTask<object?> DecryptAsync(IFieldEncryptor encryptor, ReadOnlyMemory<byte> ciphertext, EncryptionContext context, CancellationToken cancellationToken) =>
        await encryptor.DecryptAsync<T>(ciphertext, context, cancellationToken).ConfigureAwait(false);

    public override object? ReadPlaintext(DbDataReader reader, int ordinal)
    {
        var raw = reader.GetValue(ordinal);
        if (Target.IsInstanceOfType(raw))
        {
            return raw;
        }

        if (raw is string text)
        {
            return TypeDescriptor.GetConverter(Target).ConvertFromInvariantString(text);
        }

        return Convert.ChangeType(raw, Target, CultureInfo.InvariantCulture);
    }
}
