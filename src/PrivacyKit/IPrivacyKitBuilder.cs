using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit;

/// <summary>
/// Configures PrivacyKit services. Returned by
/// <see cref="PrivacyKitServiceCollectionExtensions.AddPrivacyKit(IServiceCollection, Action{PrivacyKitOptions}?)"/>;
/// every further step is an extension method on this interface.
/// </summary>
public interface IPrivacyKitBuilder
{
    /// <summary>Gets the service collection PrivacyKit registers into.</summary>
    IServiceCollection Services { get; }
}
