using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Retention;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>
    /// Configures retention rules in code, in addition to (and overriding) <see cref="RetentionAttribute"/>s.
    /// The rules are validated at start-up.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Adds rules, e.g. <c>o =&gt; o.AddRule("Invoice", "P10Y", "IssuedAt")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureRetention(this IPrivacyKitBuilder builder, Action<RetentionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
