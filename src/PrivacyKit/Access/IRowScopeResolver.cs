using PrivacyKit.Context;

namespace PrivacyKit.Access;

/// <summary>
/// Says what "own", "team" and "tenant" mean: which properties of an entity type hold its owner,
/// team and tenant, and which teams an actor belongs to. The default resolver uses
/// <see cref="AccessControlOptions.MapRowScope{TEntity}"/> and <see cref="AccessControlOptions.TeamResolver"/>;
/// register your own to read teams from a directory.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and fast: <see cref="GetTeamIds"/> runs when a team-scoped
/// decision is not cached. They should not throw; an actor without teams gets an empty list.
/// </remarks>
public interface IRowScopeResolver
{
    /// <summary>Gets the row scope binding of an entity type (or of its nearest base type that has one).</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The binding, or <see langword="null"/> when the type has none.</returns>
    RowScopeBinding? GetBinding(Type entityType);

    /// <summary>Gets the ids of the teams <paramref name="actor"/> belongs to.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>The team ids; empty when none.</returns>
    IReadOnlyList<string> GetTeamIds(PrivacyActor actor);
}
