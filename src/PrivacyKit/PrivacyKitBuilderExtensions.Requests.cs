using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Requests;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>Configures the data subject request workflow (time zone, PIPL periods, holidays, operator role).</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Sets the options; they are validated at start-up.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureSubjectRequests(this IPrivacyKitBuilder builder, Action<SubjectRequestOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers a personal data source that data subject requests are executed against. Sources are
    /// resolved in a new scope per execution, so a source may depend on a scoped DbContext.
    /// Registering the same type twice is harmless.
    /// </summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="lifetime">The source's lifetime; scoped by default.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddPersonalDataSource<TSource>(this IPrivacyKitBuilder builder, ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where TSource : class, IPersonalDataSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Describe(typeof(IPersonalDataSource), typeof(TSource), lifetime));
        return builder;
    }

    /// <summary>Replaces the business-day calendar (weekends and <see cref="SubjectRequestOptions.Holidays"/> by default).</summary>
    /// <typeparam name="TCalendar">The calendar type; registered as a singleton.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder UseHolidayCalendar<TCalendar>(this IPrivacyKitBuilder builder)
        where TCalendar : class, IHolidayCalendar
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IHolidayCalendar, TCalendar>());
        return builder;
    }

    /// <summary>Replaces the identity verification step of data subject requests.</summary>
    /// <typeparam name="TVerifier">The verifier type; registered as a singleton.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder UseIdentityVerifier<TVerifier>(this IPrivacyKitBuilder builder)
        where TVerifier : class, ISubjectIdentityVerifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISubjectIdentityVerifier, TVerifier>());
        return builder;
    }
}
