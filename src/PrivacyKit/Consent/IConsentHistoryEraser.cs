namespace PrivacyKit.Consent;

/// <summary>
/// Removes a data subject's whole consent history. An optional capability of an <see cref="IConsentStore"/>,
/// used only by erasure requests when <see cref="ConsentOptions.ErasureEvidence"/> is
/// <see cref="ConsentErasureEvidence.Remove"/>; the in-memory store has it.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and idempotent (removing a history that is already gone removes
/// nothing). They pass on storage failures; messages never contain personal values.
/// </remarks>
public interface IConsentHistoryEraser
{
    /// <summary>Removes every consent record of a subject.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many records were removed; 0 when the subject had none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    ValueTask<int> RemoveHistoryAsync(string subjectId, CancellationToken cancellationToken = default);
}
