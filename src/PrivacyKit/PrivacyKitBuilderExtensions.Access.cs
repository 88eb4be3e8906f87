using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>
    /// Configures access control in code: roles, conflicting roles, row scope bindings and caching.
    /// The options are validated at start-up; every problem names its key.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Configures <see cref="AccessControlOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddAccessControl(this IPrivacyKitBuilder builder, Action<AccessControlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Binds access control from configuration, typically <c>configuration.GetSection("PrivacyKit:Access")</c>
    /// (see <see cref="AccessControlOptions.SectionName"/>). When the configuration reloads, the role
    /// definitions are validated and swapped atomically; invalid changes are rejected and logged, and the
    /// previous definitions stay in force. Combine with <see cref="AddAccessControl(IPrivacyKitBuilder, Action{AccessControlOptions})"/>
    /// for what configuration cannot hold (row scope bindings, a team resolver).
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configuration">The access control section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddAccessControl(this IPrivacyKitBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<AccessControlOptions>>(
            new ConfigurationChangeTokenSource<AccessControlOptions>(Options.DefaultName, configuration));
        builder.Services.AddSingleton<IConfigureOptions<AccessControlOptions>>(
            new ConfigureNamedOptions<AccessControlOptions>(Options.DefaultName, options => AccessConfigurationReader.Read(configuration, options)));
        return builder;
    }
}
