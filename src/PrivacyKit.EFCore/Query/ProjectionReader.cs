using System.Reflection;

namespace PrivacyKit.EFCore.Query;

/// <summary>
/// Client-side reads of encrypted properties in a query's final projection. The projection passes the entity itself,
/// which EF loads whole and PrivacyKit decrypts (and masks) while materializing it; the getter then reads the plaintext.
/// </summary>
internal static class ProjectionReader
{
    public static readonly MethodInfo ReadMethod = typeof(ProjectionReader).GetMethod(nameof(Read), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>Reads a value from a loaded entity, or the default when the entity (e.g. an optional navigation) is absent.</summary>
    public static TValue? Read<TEntity, TValue>(TEntity? entity, Func<TEntity, TValue> getter)
        where TEntity : class =>
        entity is null ? default : getter(entity);
}
