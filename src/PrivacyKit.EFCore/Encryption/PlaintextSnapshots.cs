using System.Runtime.CompilerServices;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// What PrivacyKit last read or wrote for each encrypted property of an entity instance: the plaintext, the stored
/// ciphertext it corresponds to and the subject it was encrypted for, and whether the property was loaded masked.
/// The CLR property is not mapped, so EF cannot detect its changes: SaveChanges compares with this instead. Kept per
/// instance (not per context), so an entity loaded in one context and attached to another keeps its mask. Entries die
/// with their entity. An instance belongs to one context at a time, as EF requires; the table itself is thread-safe.
/// </summary>
internal static class PlaintextSnapshots
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, PropertySnapshot>> Table = [];

    public static PropertySnapshot? Find(object entity, string property) =>
        Table.TryGetValue(entity, out var properties) && properties.TryGetValue(property, out var snapshot) ? snapshot : null;

    public static void Record(object entity, string property, PropertySnapshot snapshot)
    {
        var properties = Table.GetValue(entity, static _ => new Dictionary<string, PropertySnapshot>(StringComparer.Ordinal));
        properties[property] = snapshot;
    }

    public static void MarkMasked(object entity, string property)
    {
        var properties = Table.GetValue(entity, static _ => new Dictionary<string, PropertySnapshot>(StringComparer.Ordinal));
        properties[property] = properties.TryGetValue(property, out var existing) ? existing with { Masked = true } : new PropertySnapshot(null, null, null, Masked: true);
    }
}

/// <summary>One property's snapshot. Immutable.</summary>
/// <param name="Plaintext">The plaintext the stored value holds.</param>
/// <param name="Stored">The stored ciphertext (string or byte[]) as last read or written.</param>
/// <param name="Subject">The formatted subject id it was encrypted for.</param>
/// <param name="Masked">Whether the CLR property was loaded masked or hidden: its changes are never saved.</param>
internal sealed record PropertySnapshot(object? Plaintext, object? Stored, string? Subject, bool Masked = false);
