using Microsoft.AspNetCore.Builder;

namespace PrivacyKit.AspNetCore;

/// <summary>PrivacyKit requirements on minimal API endpoints and route groups, through ASP.NET Core authorization.</summary>
public static class PrivacyKitEndpointConventionBuilderExtensions
{
    /// <summary>Requires an actor whom PrivacyKit's access control grants <paramref name="permission"/>.</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="permission">The permission, <c>resource:action</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="permission"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="permission"/> is not <c>resource:action</c>.</exception>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(new RequirePermissionAttribute(permission));
    }

    /// <summary>Requires the data subject's valid consent to <paramref name="purposeId"/> (see <see cref="RequireConsentAttribute"/>).</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="purposeId">The consent purpose id.</param>
    /// <param name="subjectRouteValue">The route value holding the subject id, or <see langword="null"/> for the signed-in subject.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="purposeId"/> is null or empty, or a value contains '@'.</exception>
    public static TBuilder RequireConsent<TBuilder>(this TBuilder builder, string purposeId, string? subjectRouteValue = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(new RequireConsentAttribute(purposeId, subjectRouteValue));
    }

    /// <summary>Requires a multi-factor sign-in (see <see cref="RequireStepUpAttribute"/>).</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static TBuilder RequireStepUp<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(new RequireStepUpAttribute());
    }
}
