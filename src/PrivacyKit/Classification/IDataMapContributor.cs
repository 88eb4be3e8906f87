namespace PrivacyKit.Classification;

/// <summary>
/// Adds to or refines the data map after the annotated types have been read: a storage adapter
/// (EF Core) supplies table and column names and its own entities; retention configuration adds
/// rules. Contributors run in registration order.
/// </summary>
/// <remarks>Implementations are called once per map build, on one thread; they must not throw except for a <see cref="DataMapException"/>.</remarks>
public interface IDataMapContributor
{
    /// <summary>Contributes to the map being built.</summary>
    /// <param name="builder">The builder holding the entities read so far.</param>
    /// <exception cref="DataMapException">The contribution is inconsistent with the map.</exception>
    void Contribute(DataMapBuilder builder);
}
