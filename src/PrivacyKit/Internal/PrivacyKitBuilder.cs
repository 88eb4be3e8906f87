using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit.Internal;

internal sealed class PrivacyKitBuilder(IServiceCollection services) : IPrivacyKitBuilder
{
    public IServiceCollection Services { get; } = services;
}
