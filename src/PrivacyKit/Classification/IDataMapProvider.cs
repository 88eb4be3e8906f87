namespace PrivacyKit.Classification;

/// <summary>Gives the application's data map, built once from the registered entity types and contributors.</summary>
/// <remarks>Implementations must be thread-safe. The map is built on first use and then cached.</remarks>
public interface IDataMapProvider
{
    /// <summary>Gets the data map.</summary>
    /// <returns>The data map.</returns>
    /// <exception cref="DataMapException">The annotations or contributions are inconsistent; the message names the type and property.</exception>
    DataMap GetDataMap();
}
