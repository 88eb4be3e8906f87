using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.BlindIndexes;
using PrivacyKit.Encryption;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddEncryptionServices(IServiceCollection services)
    {
        services.AddOptions<FieldEncryptionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FieldEncryptionOptions>, FieldEncryptionOptionsValidator>());
        services.TryAddSingleton<IFieldEncryptor, FieldEncryptor>();
        services.TryAddSingleton<IBlindIndexer, BlindIndexer>();
    }
}
