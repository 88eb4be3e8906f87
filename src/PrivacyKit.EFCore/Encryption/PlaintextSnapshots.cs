using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// What PrivacyKit last read or wrote for each encrypted property of an entity instance: the plaintext, a fingerprint
/// of the stored ciphertext it corresponds to and the subject it was encrypted for, and whether the property was loaded
/// masked.
/// The CLR property is not mapped, so EF cannot detect its changes: SaveChanges compares with this instead. Kept per
/// instance (not per context), so an entity loaded in one context and attached to another keeps its mask. Entries die
/// with their entity. An instance belongs to one context at a time, as EF requires; the table itself is thread-safe.
/// </summary>
internal static class PlaintextSnapshots
{
    private static readonly ConditionalWeakTable<object, SnapshotSet> Table = [];

    public static PropertySnapshot? Find(object entity, string property) =>
        Table.TryGetValue(entity, out var properties) ? properties.Find(property) : null;

    public static void Record(object entity, string property, PropertySnapshot snapshot) => Of(entity).Record(property, snapshot);

    public static void MarkMasked(object entity, string property)
    {
        var properties = Of(entity);
        properties.Record(property, properties.Find(property) is { } existing ? existing with { Masked = true } : new PropertySnapshot(null, default, null, Masked: true));
    }

    /// <summary>The snapshots of one instance (created on first use), to record several properties with one table lookup.</summary>
    public static SnapshotSet Of(object entity) => Table.GetValue(entity, static _ => new SnapshotSet());
}

/// <summary>
/// The snapshots of one entity instance by property name: a few entries, so two small arrays searched in order (cheaper
/// to create and to read than a dictionary, on every materialized row; three allocations per instance with the set). Not thread-safe, like the entity it belongs to.
/// </summary>
internal sealed class SnapshotSet
{
    private string[] _names = new string[4];
    private PropertySnapshot[] _snapshots = new PropertySnapshot[4];
    private int _count;

    public PropertySnapshot? Find(string property)
    {
        var index = IndexOf(property);
        return index < 0 ? null : _snapshots[index];
    }

    public void Record(string property, PropertySnapshot snapshot)
    {
        var index = IndexOf(property);
        if (index < 0)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _count * 2);
                Array.Resize(ref _snapshots, _count * 2);
            }

            index = _count++;
            _names[index] = property;
        }

        _snapshots[index] = snapshot;
    }

    private int IndexOf(string property)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], property, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One property's snapshot (a value: a set holds its snapshots inline, with no object per property). Immutable.</summary>
/// <param name="Plaintext">The plaintext the stored value holds.</param>
/// <param name="Stored">The fingerprint of the stored ciphertext as last read or written.</param>
/// <param name="Subject">The formatted subject id it was encrypted for.</param>
/// <param name="Masked">Whether the CLR property was loaded masked or hidden: its changes are never saved.</param>
internal readonly record struct PropertySnapshot(object? Plaintext, StoredFingerprint Stored, string? Subject, bool Masked = false);

/// <summary>
/// Tells whether a ciphertext column still holds the value PrivacyKit read or wrote, without keeping that value alive
/// (a snapshot lives as long as its entity: keeping every loaded ciphertext doubled what a read retained). It is the
/// value's form, length and last 16 bytes (binary) or 16 characters (text): a PrivacyKit ciphertext ends with its
/// 128-bit GCM tag, which differs between any two encryptions, so two ciphertexts of the same length and ending are the
/// same ciphertext. Shadow ciphertext properties hold nothing else (or null). Equality by value.
/// </summary>
internal readonly record struct StoredFingerprint
{
    private const int TailBytes = 32;

    private readonly int _length;
    private readonly byte _form; // 0: no value, 1: text, 2: binary
    private readonly ulong _tail0;
    private readonly ulong _tail1;
    private readonly ulong _tail2;
    private readonly ulong _tail3;

    private StoredFingerprint(byte form, int length, ReadOnlySpan<byte> tail)
    {
        Span<byte> padded = stackalloc byte[TailBytes];
        padded.Clear();
        tail.CopyTo(padded);
        _form = form;
        _length = length;
        _tail0 = BinaryPrimitives.ReadUInt64LittleEndian(padded);
        _tail1 = BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]);
        _tail2 = BinaryPrimitives.ReadUInt64LittleEndian(padded[16..]);
        _tail3 = BinaryPrimitives.ReadUInt64LittleEndian(padded[24..]);
    }

    /// <summary>Gets the fingerprint of a stored value: a <c>pk1:</c> text, bytes, or <see langword="null"/> (no value).</summary>
    public static StoredFingerprint Of(object? stored) => stored switch
    {
        null => default,
        string text => new(1, text.Length, MemoryMarshal.AsBytes(text.AsSpan(Math.Max(0, text.Length - (TailBytes / sizeof(char)))))),
        byte[] bytes => new(2, bytes.Length, bytes.AsSpan(Math.Max(0, bytes.Length - (TailBytes / 2)))),
        _ => throw new ArgumentException($"A ciphertext property holds text or bytes, not {stored.GetType().Name}.", nameof(stored)),
    };
}
