namespace PrivacyKit.Consent;

/// <summary>Keeps the append-only consent history. The in-memory store is the default; the EF Core adapter stores it in the application's database.</summary>
/// <remarks>
/// Implementations must be thread-safe and never change or delete a record. They throw
/// <see cref="InvalidOperationException"/> when a record id is reused, and pass on storage failures.
/// </remarks>
public interface IConsentStore
{
    /// <summary>Appends a record.</summary>
    /// <param name="record">The record; its id must be new.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A record with the same id exists.</exception>
    ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Gets a subject's history in the order it was appended.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records, oldest append first; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default);
}
