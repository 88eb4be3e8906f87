namespace PrivacyKit.Retention;

/// <summary>
/// Decides what has expired: given a time and candidate records, lists the actions due (delete,
/// anonymise a field, shred the subject's key) and those suspended by legal holds. It changes
/// nothing; the storage adapter executes the plan.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. They throw <see cref="Classification.DataMapException"/> when
/// the annotations are inconsistent and pass on exceptions of the <see cref="ILegalHoldStore"/>.
/// </remarks>
public interface IRetentionPlanner
{
    /// <summary>Gets every retention rule: from attributes, overridden by configuration for the same entity and field.</summary>
    IReadOnlyList<RetentionPolicy> Policies { get; }

    /// <summary>Gets the rules of one entity.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <returns>The rules; empty when the entity has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    IReadOnlyList<RetentionPolicy> GetPolicies(string entityType);

    /// <summary>Plans retention for candidate records.</summary>
    /// <param name="asOf">The instant to plan for; data whose expiry is at or before it has expired.</param>
    /// <param name="candidates">The records to consider, streamed (an EF Core query's <c>AsAsyncEnumerable()</c>, or <c>list.ToAsyncEnumerable()</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    ValueTask<RetentionPlan> PlanAsync(DateTimeOffset asOf, IAsyncEnumerable<RetentionCandidate> candidates, CancellationToken cancellationToken = default);
}
