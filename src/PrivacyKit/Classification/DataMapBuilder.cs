using PrivacyKit.Internal;
using PrivacyKit.Retention;

namespace PrivacyKit.Classification;

/// <summary>
/// Builds a <see cref="DataMap"/>: reads annotated types by reflection, then lets storage adapters
/// and configuration add entities or refine them (table and column names, retention rules).
/// </summary>
/// <remarks>Not thread-safe: build on one thread, then share the immutable <see cref="DataMap"/>.</remarks>
public sealed class DataMapBuilder
{
    private readonly List<DataMapEntity> _entities = [];

    /// <summary>Gets the entities added so far, in the order they were added.</summary>
    public IReadOnlyList<DataMapEntity> Entities => _entities;

    /// <summary>Reads an annotated type into the map. Adding the same type twice is harmless.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="DataMapException">The type's annotations are inconsistent; the message names the type and property.</exception>
    public DataMapBuilder Add<T>() => Add(typeof(T));

    /// <summary>Reads an annotated type into the map. Adding the same type twice is harmless.</summary>
    /// <param name="type">The entity type.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is <see langword="null"/>.</exception>
    /// <exception cref="DataMapException">The type's annotations are inconsistent, or another type of the same name was added; the message names the type and property.</exception>
    public DataMapBuilder Add(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_entities.Any(e => e.ClrType == type))
        {
            return this;
        }

        return Add(DataMapReader.Read(type));
    }

    /// <summary>Adds an entity described by a storage adapter or by hand.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is <see langword="null"/>.</exception>
    /// <exception cref="DataMapException">An entity of the same name exists (use <see cref="Update"/>), or the entity is inconsistent.</exception>
    public DataMapBuilder Add(DataMapEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (Find(entity.Name) is not null)
        {
            throw Error.DuplicateEntityName(entity.Name);
        }

        Validate(entity);
        _entities.Add(entity);
        return this;
    }

    /// <summary>Returns the entity with the given name.</summary>
    /// <param name="name">The entity name.</param>
    /// <returns>The entity, or <see langword="null"/> when none of that name was added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public DataMapEntity? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _entities.Find(e => string.Equals(e.Name, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Replaces an entity with a refined copy, e.g. <c>b.Update("Customer", e =&gt; e with { Table = "customers" })</c>.
    /// </summary>
    /// <param name="name">The entity name.</param>
    /// <param name="update">Returns the refined entity; it may rename it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="update"/> is <see langword="null"/>.</exception>
    /// <exception cref="DataMapException">No entity has that name, or the refined entity is inconsistent.</exception>
    public DataMapBuilder Update(string name, Func<DataMapEntity, DataMapEntity> update)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(update);
        var index = _entities.FindIndex(e => string.Equals(e.Name, name, StringComparison.Ordinal));
        if (index < 0)
        {
            throw Error.EntityNotInDataMap(name);
        }

        var updated = update(_entities[index]) ?? throw new ArgumentException("The update returned null.", nameof(update));
        if (!string.Equals(updated.Name, name, StringComparison.Ordinal) && Find(updated.Name) is not null)
        {
            throw Error.DuplicateEntityName(updated.Name);
        }

        Validate(updated);
        _entities[index] = updated;
        return this;
    }

    /// <summary>
    /// Sets a retention rule on the entity (when <see cref="RetentionPolicy.Property"/> is
    /// <see langword="null"/>) or on one of its fields, replacing any rule there.
    /// </summary>
    /// <param name="policy">The rule; its <see cref="RetentionPolicy.EntityType"/> names the entity.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="DataMapException">The entity or field is not in the map.</exception>
    public DataMapBuilder SetRetention(RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Update(policy.EntityType, entity =>
        {
            if (policy.Property is null)
            {
                return entity with { Retention = policy };
            }

            var field = entity.FindField(policy.Property) ?? throw Error.FieldNotInDataMap(entity.Name, policy.Property);
            return entity with { Fields = [.. entity.Fields.Select(f => ReferenceEquals(f, field) ? f with { Retention = policy } : f)] };
        });
    }

    /// <summary>Builds the immutable map, entities ordered by name.</summary>
    /// <returns>The data map.</returns>
    public DataMap Build() => new([.. _entities.OrderBy(e => e.Name, StringComparer.Ordinal)]);

    private static void Validate(DataMapEntity entity)
    {
        if (string.IsNullOrWhiteSpace(entity.Name))
        {
            throw Error.EntityNameMissing();
        }

        var subjectIds = entity.Fields.Where(f => f.IsSubjectId).Select(f => f.Name).ToList();
        if (subjectIds.Count > 1)
        {
            throw Error.DuplicateSubjectId(entity.Name, subjectIds);
        }

        var declared = subjectIds.Count == 1 ? subjectIds[0] : null;
        if (!string.Equals(declared, entity.SubjectIdProperty, StringComparison.Ordinal))
        {
            throw Error.SubjectIdMismatch(entity.Name, entity.SubjectIdProperty);
        }

        var duplicate = entity.Fields.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error.DuplicateField(entity.Name, duplicate.Key);
        }
    }
}
