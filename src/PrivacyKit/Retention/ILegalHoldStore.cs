namespace PrivacyKit.Retention;

/// <summary>Keeps legal holds. Retention and erasure consult it before deleting anything.</summary>
/// <remarks>Implementations must be thread-safe. Holds are never deleted, only released.</remarks>
public interface ILegalHoldStore
{
    /// <summary>Places a hold.</summary>
    /// <param name="hold">The hold; its <see cref="LegalHold.Id"/> must be new.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the hold is stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hold"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A hold with the same id exists.</exception>
    ValueTask PlaceAsync(LegalHold hold, CancellationToken cancellationToken = default);

    /// <summary>Releases an active hold.</summary>
    /// <param name="holdId">The hold's id.</param>
    /// <param name="releasedAt">When it was released.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if an active hold was released; <see langword="false"/> if none was active with that id.</returns>
    ValueTask<bool> ReleaseAsync(string holdId, DateTimeOffset releasedAt, CancellationToken cancellationToken = default);

    /// <summary>Gets the active holds on a subject's data.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The active holds; empty when there are none.</returns>
    ValueTask<IReadOnlyList<LegalHold>> GetActiveAsync(string subjectId, CancellationToken cancellationToken = default);
}
