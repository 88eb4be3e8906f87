using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddKeyServices(IServiceCollection services)
    {
        // No silent defaults for where keys live: resolving without a registration says what to call.
        services.TryAddSingleton<IKeyEncryptionKey>(_ => throw Error.NoKeyEncryptionKey());
        services.TryAddSingleton<IDataKeyStore>(_ => throw Error.NoDataKeyStore());
        services.TryAddSingleton<DataKeyManager>();
        services.TryAddSingleton<IDataKeyManager>(sp => sp.GetRequiredService<DataKeyManager>());
    }
}
