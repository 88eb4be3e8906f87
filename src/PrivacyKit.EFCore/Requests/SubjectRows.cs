using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Requests;

/// <summary>The rows of one entity type that belong to a data subject, by primary key. No values.</summary>
internal sealed class SubjectRows(IEntityType entityType, PrivacyEntityMetadata metadata, int depth)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IEntityType EntityType { get; } = entityType;

    public PrivacyEntityMetadata Metadata { get; } = metadata;

    public string Name => Metadata.Name;

    /// <summary>How far the type is from an entity holding the subject id (0 for such an entity); dependents are erased first.</summary>
    public int Depth { get; set; } = depth;

    public List<object?[]> Keys { get; } = [];

    public IReadOnlyList<IProperty> KeyProperties => EntityType.FindPrimaryKey()!.Properties;

    /// <summary>Adds keys not seen yet and returns them.</summary>
    public List<object?[]> AddNew(IEnumerable<object?[]> keys)
    {
        var added = new List<object?[]>();
        foreach (var key in keys)
        {
            if (_seen.Add(ValueText.Key(key)))
            {
                Keys.Add(key);
                added.Add(key);
            }
        }

        return added;
    }

    public bool Contains(object?[] key) => _seen.Contains(ValueText.Key(key));
}
