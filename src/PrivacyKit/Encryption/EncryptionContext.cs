using System.Text;
using PrivacyKit.Internal;

namespace PrivacyKit.Encryption;

/// <summary>
/// Where an encrypted value belongs: entity, property, data-key scope and optional tenant. It is bound
/// into the associated data of the ciphertext, so a value copied into another row or column fails to
/// decrypt. Creating one validates the names and allocates nothing; each encryption or decryption encodes
/// it into the associated data on the stack.
/// </summary>
public readonly struct EncryptionContext : IEquatable<EncryptionContext>
{
    /// <summary>The largest number of characters of an entity, property, scope or tenant name.</summary>
    internal const int MaxNameLength = 512;

    /// <summary>Initializes a new context.</summary>
    /// <param name="entity">The entity (type or table) name, e.g. <c>Customer</c>.</param>
    /// <param name="property">The property (column) name, e.g. <c>Email</c>.</param>
    /// <param name="scope">The data-key scope, usually from <see cref="EncryptionScope"/>.</param>
    /// <param name="tenantId">The tenant, when the application is multi-tenant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/>, <paramref name="property"/> or <paramref name="scope"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A name is empty or longer than 512 characters, <paramref name="tenantId"/> is empty, or
    /// <paramref name="scope"/> starts with the reserved prefix <c>privacykit:</c>.
    /// </exception>
    public EncryptionContext(string entity, string property, string scope, string? tenantId = null)
    {
        CheckName(entity, nameof(entity));
        CheckName(property, nameof(property));
        EncryptionScope.Validate(scope, nameof(scope));
        if (tenantId is not null)
        {
            CheckName(tenantId, nameof(tenantId));
        }

        Entity = entity;
        Property = property;
        Scope = scope;
        TenantId = tenantId;
    }

    /// <summary>Gets the entity name.</summary>
    public string Entity { get; }

    /// <summary>Gets the property name.</summary>
    public string Property { get; }

    /// <summary>Gets the data-key scope.</summary>
    public string Scope { get; }

    /// <summary>Gets the tenant, or <see langword="null"/>.</summary>
    public string? TenantId { get; }

    /// <summary>Gets a value indicating whether this is the default (empty) value, which cannot be used.</summary>
    internal bool IsDefault => Entity is null;

    /// <summary>Gets the most bytes <see cref="Encode"/> writes: four 2-byte lengths and at most 3 UTF-8 bytes per character.</summary>
    internal int MaxEncodedLength => 8 + (3 * (Entity.Length + Property.Length + Scope.Length + (TenantId?.Length ?? 0)));

    /// <summary>Creates a context whose scope is a data subject (the default).</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="property">The property name.</param>
    /// <param name="subjectId">The data subject's stable identifier.</param>
    /// <param name="tenantId">The tenant, when subject ids are only unique per tenant.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is empty or too long.</exception>
    public static EncryptionContext ForSubject(string entity, string property, string subjectId, string? tenantId = null) =>
        new(entity, property, EncryptionScope.ForSubject(subjectId, tenantId), tenantId);

    /// <summary>Creates a context for a row with no data subject, scoped to its entity (and tenant).</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="property">The property name.</param>
    /// <param name="tenantId">The tenant, to keep one key per tenant and entity.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is empty or too long.</exception>
    public static EncryptionContext ForEntity(string entity, string property, string? tenantId = null) =>
        new(entity, property, EncryptionScope.ForEntity(entity, tenantId), tenantId);

    /// <summary>Compares two contexts.</summary>
    /// <param name="left">The first context.</param>
    /// <param name="right">The second context.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(EncryptionContext left, EncryptionContext right) => left.Equals(right);

    /// <summary>Compares two contexts.</summary>
    /// <param name="left">The first context.</param>
    /// <param name="right">The second context.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(EncryptionContext left, EncryptionContext right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(EncryptionContext other) =>
        string.Equals(Entity, other.Entity, StringComparison.Ordinal) &&
        string.Equals(Property, other.Property, StringComparison.Ordinal) &&
        string.Equals(Scope, other.Scope, StringComparison.Ordinal) &&
        string.Equals(TenantId, other.TenantId, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EncryptionContext other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Entity, Property, Scope, TenantId);

    /// <summary>Returns <c>Entity.Property</c>: the scope and tenant are left out so the text is safe to log.</summary>
    /// <returns>The entity and property names.</returns>
    public override string ToString() => Entity + "." + Property;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="context"/> is the default value.</summary>
    internal static void ThrowIfDefault(in EncryptionContext context, string paramName)
    {
        if (context.IsDefault)
        {
            throw Error.DefaultEncryptionContext(paramName);
        }
    }

    private static void CheckName(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value.Length > MaxNameLength)
        {
            throw Error.NameTooLong(paramName, value.Length);
        }
    }

    /// <summary>
    /// Writes the canonical encoding bound into the associated data: each part a 2-byte big-endian UTF-8 length, then
    /// the bytes; an absent tenant is 0xFFFF.
    /// </summary>
    /// <param name="destination">At least <see cref="MaxEncodedLength"/> bytes.</param>
    /// <returns>The bytes written.</returns>
    internal int Encode(Span<byte> destination)
    {
        var offset = Write(destination, 0, Entity);
        offset = Write(destination, offset, Property);
        offset = Write(destination, offset, Scope);
        if (TenantId is null)
        {
            destination[offset] = 0xFF;
            destination[offset + 1] = 0xFF;
            return offset + 2;
        }

        return Write(destination, offset, TenantId);
    }

    /// <summary>FNV-1a (32-bit) of an encoded context, folded to 16 bits: a diagnostic check, not a security mechanism.</summary>
    /// <param name="encoded">What <see cref="Encode"/> wrote.</param>
    /// <returns>The check.</returns>
    internal static ushort ComputeCheck(ReadOnlySpan<byte> encoded)
    {
        var hash = 2166136261u;
        foreach (var b in encoded)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (ushort)(hash ^ (hash >> 16));
    }

    private static int Write(Span<byte> destination, int offset, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, destination[(offset + 2)..]);
        destination[offset] = (byte)(length >> 8);
        destination[offset + 1] = (byte)length;
        return offset + 2 + length;
    }
}
