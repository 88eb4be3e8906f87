namespace PrivacyKit.Context;

/// <summary>Who is acting: an employee, a data subject, or a system job.</summary>
public sealed class PrivacyActor
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">A stable identifier of the actor (a user id, not a name or e-mail).</param>
    /// <param name="roles">The roles the actor claims; the access-control core decides which it actually holds.</param>
    /// <param name="tenantId">The tenant the actor works in, if the application is multi-tenant.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public PrivacyActor(string id, IEnumerable<string>? roles = null, string? tenantId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Roles = roles is null ? [] : [.. roles.Distinct(StringComparer.Ordinal)];
        TenantId = tenantId;
    }

    /// <summary>Gets the actor that background jobs run as when no other actor is set.</summary>
    public static PrivacyActor System { get; } = new("system", ["system"]);

    /// <summary>Gets the actor's stable identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the roles the actor claims, without duplicates.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Gets the actor's tenant, if any.</summary>
    public string? TenantId { get; }

    /// <summary>Gets the data subject this actor is, when the actor is a customer acting for themselves.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the actor on whose behalf this actor works (an operator acting for a customer), if any.</summary>
    public string? OnBehalfOf { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
