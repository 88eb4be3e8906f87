namespace PrivacyKit.Classification;

/// <summary>Options of the data map: which entity types it is read from.</summary>
public sealed class DataMapOptions
{
    /// <summary>Gets the entity types read into the data map, in order. Add them with <c>AddDataMapEntities</c>.</summary>
    /// <value>Empty by default.</value>
    public IList<Type> EntityTypes { get; } = [];
}
