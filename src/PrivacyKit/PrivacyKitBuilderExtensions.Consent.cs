using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Consent;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>
    /// Configures consent: registers purposes and tunes the decision cache. The purposes registry is
    /// validated at start-up (unique ids, a policy version for consent-based purposes, …).
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Configures the options, e.g. <c>o =&gt; o.AddPurpose(new ConsentPurpose { ... })</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureConsent(this IPrivacyKitBuilder builder, Action<ConsentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
