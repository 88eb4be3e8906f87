using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>Reads, writes, encrypts and decrypts one CLR property with its own type, without boxing through reflection. Thread-safe.</summary>
internal abstract class PropertyCodec
{
    public static PropertyCodec Create(PropertyInfo property) =>
        (PropertyCodec)Activator.CreateInstance(typeof(PropertyCodec<>).MakeGenericType(property.PropertyType), property)!;

    public abstract object? Get(object entity);

    public abstract void Set(object entity, object? value);

    /// <summary>Encrypts the value into text or bytes.</summary>
    public abstract object Encrypt(IFieldEncryptor encryptor, object? value, in EncryptionContext context, bool binary);

    /// <summary>Decrypts a stored value into the property; a crypto-shredded value gives the default and <paramref name="erased"/>.</summary>
    public abstract void DecryptInto(IFieldEncryptor encryptor, object entity, object stored, in EncryptionContext context, out bool erased);

    /// <summary>Whether two plaintexts are the same (byte arrays by content).</summary>
    public static bool SameValue(object? left, object? right) =>
        left is byte[] a && right is byte[] b ? a.AsSpan().SequenceEqual(b) : Equals(left, right);

    /// <summary>The text a blind index is computed over: strings as they are, other values in invariant form.</summary>
    public static string? IndexInput(object? value) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <inheritdoc/>
internal sealed class PropertyCodec<T> : PropertyCodec
{
    private readonly Func<object, T> _get;
    private readonly Action<object, T> _set;

    public PropertyCodec(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var value = Expression.Parameter(typeof(T), "value");
        var typed = Expression.Convert(entity, property.DeclaringType!);
        _get = Expression.Lambda<Func<object, T>>(Expression.Property(typed, property), entity).Compile();
        _set = Expression.Lambda<Action<object, T>>(Expression.Assign(Expression.Property(typed, property), value), entity, value).Compile();
    }

    public override object? Get(object entity) => _get(entity);

    public override void Set(object entity, object? value) => _set(entity, value is null ? default! : (T)value);

    public override object Encrypt(IFieldEncryptor encryptor, object? value, in EncryptionContext context, bool binary)
    {
        var typed = value is null ? default! : (T)value;
        return binary ? encryptor.Encrypt(typed, context) : encryptor.EncryptToText(typed, context);
    }

    public override void DecryptInto(IFieldEncryptor encryptor, object entity, object stored, in EncryptionContext context, out bool erased)
    {
        var status = stored is byte[] bytes
            ? encryptor.TryDecrypt<T>(bytes, context, out var value)
            : encryptor.TryDecryptText<T>((string)stored, context, out value);
        erased = status == DecryptionStatus.Erased;
        _set(entity, erased ? default! : value!);
    }
}
