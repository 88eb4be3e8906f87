using PrivacyKit.Access;
using PrivacyKit.BlindIndexes;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// Configures PrivacyKit on one DbContext: how ciphertext is stored, extra blind-index normalisers and which
/// entities get field access (masking) from the ambient <see cref="Context.PrivacyContext"/>. Passed to the
/// <c>configure</c> callback of <see cref="PrivacyKitDbContextOptionsBuilderExtensions.UsePrivacyKit(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder, IServiceProvider, Action{PrivacyKitDbContextOptionsBuilder}?)"/>.
/// </summary>
public sealed class PrivacyKitDbContextOptionsBuilder
{
    private readonly Dictionary<string, IBlindIndexNormalizer> _normalizers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Type, Permission> _fieldAccess = [];
    private CiphertextStorage _storage = CiphertextStorage.Text;

    internal PrivacyKitDbContextOptionsBuilder()
    {
    }

    /// <summary>Chooses how ciphertext is stored (<see cref="CiphertextStorage.Text"/> by default). Changing it for an existing database needs a data migration.</summary>
    /// <param name="storage">The storage.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="storage"/> is not a defined value.</exception>
    public PrivacyKitDbContextOptionsBuilder StoreCiphertextAs(CiphertextStorage storage)
    {
        if (!Enum.IsDefined(storage))
        {
            throw new ArgumentOutOfRangeException(nameof(storage), storage, "Use CiphertextStorage.Text or CiphertextStorage.Binary.");
        }

        _storage = storage;
        return this;
    }

    /// <summary>
    /// Registers a blind-index normaliser under a name that <see cref="Classification.BlindIndexAttribute.Normaliser"/> can use,
    /// beside the built-in <c>none</c>, <c>email</c>, <c>phone</c> and <c>casefold</c>. Changing a normaliser makes existing indexes unsearchable.
    /// </summary>
    /// <param name="name">The name used in the attribute (case-insensitive).</param>
    /// <param name="normalizer">The normaliser.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="normalizer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public PrivacyKitDbContextOptionsBuilder AddBlindIndexNormalizer(string name, IBlindIndexNormalizer normalizer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(normalizer);
        _normalizers[name] = normalizer;
        return this;
    }

    /// <summary>
    /// Applies field access to <typeparamref name="TEntity"/> (and the types it owns): while an ambient
    /// <see cref="Context.PrivacyContext"/> is set, the access decision for <paramref name="readPermission"/> says which
    /// classified properties of loaded entities come back in clear, masked or empty; saving such an entity never
    /// overwrites the stored value of a masked or hidden property. Without an ambient context nothing is masked.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="readPermission">The permission whose field obligations apply, e.g. <c>customers:read</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="readPermission"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="readPermission"/> is not of the form <c>resource:action</c>.</exception>
    public PrivacyKitDbContextOptionsBuilder EnforceFieldAccess<TEntity>(string readPermission)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(readPermission);
        _fieldAccess[typeof(TEntity)] = Permission.Parse(readPermission);
        return this;
    }

    internal PrivacyKitSettings Build() =>
        new(_storage, new Dictionary<string, IBlindIndexNormalizer>(_normalizers, StringComparer.OrdinalIgnoreCase), new Dictionary<Type, Permission>(_fieldAccess));
}
