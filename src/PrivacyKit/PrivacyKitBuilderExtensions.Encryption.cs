using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Encryption;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>Configures field encryption and blind indexes (<see cref="FieldEncryptionOptions"/>, validated at start-up).</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureFieldEncryption(this IPrivacyKitBuilder builder, Action<FieldEncryptionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
