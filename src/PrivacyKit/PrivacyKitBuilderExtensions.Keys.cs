using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Keys;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>
    /// Uses a key-encryption key ring in a local file (created with one new key and owner-only permissions
    /// when missing), for development and single-node deployments. Replaces any key-encryption key registered before.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="path">The key file. Back it up apart from the database: without it nothing can be decrypted.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IPrivacyKitBuilder AddLocalKeyEncryptionKey(this IPrivacyKitBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IKeyEncryptionKey>(sp => LocalKeyEncryptionKey.OpenOrCreate(path, sp.GetService<TimeProvider>())));
        return builder;
    }

    /// <summary>Uses the given key-encryption key (an <see cref="InMemoryKeyEncryptionKey"/> in tests, or a KMS client). Replaces any registered before.</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="keyEncryptionKey">The key-encryption key.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keyEncryptionKey"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddKeyEncryptionKey(this IPrivacyKitBuilder builder, IKeyEncryptionKey keyEncryptionKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keyEncryptionKey);
        builder.Services.Replace(ServiceDescriptor.Singleton(keyEncryptionKey));
        return builder;
    }

    /// <summary>Uses a key-encryption key type resolved from the container as a singleton (how KMS packages register theirs). Replaces any registered before.</summary>
    /// <typeparam name="T">The key-encryption key type.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddKeyEncryptionKey<T>(this IPrivacyKitBuilder builder)
        where T : class, IKeyEncryptionKey
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IKeyEncryptionKey, T>());
        return builder;
    }

    /// <summary>Keeps data keys in a JSON file (owner-only permissions), for development and single-node deployments. Replaces any data-key store registered before.</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="path">The file; created on the first key.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IPrivacyKitBuilder AddFileDataKeyStore(this IPrivacyKitBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IDataKeyStore>(_ => new FileDataKeyStore(path)));
        return builder;
    }

    /// <summary>Keeps data keys in process memory: for tests only, since the keys, and with them the data, are lost when the process ends.</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddInMemoryDataKeyStore(this IPrivacyKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IDataKeyStore, InMemoryDataKeyStore>());
        return builder;
    }

    /// <summary>Keeps data keys in a store type resolved from the container as a singleton. Replaces any data-key store registered before.</summary>
    /// <typeparam name="T">The store type.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddDataKeyStore<T>(this IPrivacyKitBuilder builder)
        where T : class, IDataKeyStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IDataKeyStore, T>());
        return builder;
    }
}
