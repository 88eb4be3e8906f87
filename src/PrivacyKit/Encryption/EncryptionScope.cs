using PrivacyKit.Internal;

namespace PrivacyKit.Encryption;

/// <summary>
/// Builds data-key scopes. A scope names the data key a value is encrypted under; crypto-shredding a
/// scope makes every value under it unreadable. The default is one scope per data subject.
/// </summary>
public static class EncryptionScope
{
    /// <summary>The prefix of scopes PrivacyKit reserves for its own keys (the blind-index root key).</summary>
    internal const string ReservedPrefix = "privacykit:";

    /// <summary>Gets the scope of a data subject: <c>subject:{subjectId}</c>, or <c>tenant:{tenantId}/subject:{subjectId}</c>.</summary>
    /// <param name="subjectId">The stable identifier of the data subject (never a name or e-mail address).</param>
    /// <param name="tenantId">The tenant the subject belongs to, when subject ids are only unique per tenant.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> or <paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    public static string ForSubject(string subjectId, string? tenantId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        return Qualify("subject:" + subjectId, tenantId);
    }

    /// <summary>Gets the scope shared by every row of an entity that has no data subject: <c>entity:{entity}</c>.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="tenantId">The tenant, to keep one key per tenant and entity.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="entity"/> or <paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is <see langword="null"/>.</exception>
    public static string ForEntity(string entity, string? tenantId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        return Qualify("entity:" + entity, tenantId);
    }

    /// <summary>Gets the scope of a whole tenant: <c>tenant:{tenantId}</c>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    public static string ForTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return "tenant:" + tenantId;
    }

    /// <summary>Throws when a scope given by a caller is empty, too long or reserved.</summary>
    internal static void Validate(string scope, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope, paramName);
        if (scope.Length > EncryptionContext.MaxNameLength)
        {
            throw Error.NameTooLong(paramName, scope.Length);
        }

        if (scope.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            throw Error.ReservedScope(paramName);
        }
    }

    private static string Qualify(string scope, string? tenantId)
    {
        if (tenantId is null)
        {
            return scope;
        }

        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return "tenant:" + tenantId + "/" + scope;
    }
}
