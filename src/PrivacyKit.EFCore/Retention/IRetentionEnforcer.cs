using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.EFCore.Retention;

/// <summary>
/// Enforces retention on the rows of a DbContext: asks the core's <see cref="PrivacyKit.Retention.IRetentionPlanner"/> what
/// has expired (from <see cref="PrivacyKit.Retention.RetentionAttribute"/>s and configured rules), then deletes or
/// anonymises those rows (or shreds their subject's data keys) in batches, each committed on its own and audited.
/// Rows under an active legal hold are kept. Run it on a schedule; a run cut short resumes on the next one.
/// </summary>
/// <typeparam name="TContext">The DbContext whose rows are enforced.</typeparam>
/// <remarks>
/// Thread-safe (a singleton that opens a service scope per run); run one at a time per database. Throws
/// <see cref="OperationCanceledException"/> when cancelled (batches already committed stay done),
/// <see cref="InvalidOperationException"/> when a rule names a timestamp the model does not map, and passes on the
/// exceptions of the database, the legal-hold store, the key manager and the audit trail.
/// </remarks>
public interface IRetentionEnforcer<TContext>
    where TContext : DbContext
{
    /// <summary>Plans and applies retention as of now.</summary>
    /// <param name="dryRun"><see langword="true"/> to plan only: nothing is changed or audited, and the result lists what would be done.</param>
    /// <param name="cancellationToken">Cancels the run between batches.</param>
    /// <returns>What was done (or would be done, in a dry run).</returns>
    ValueTask<RetentionRunResult> RunAsync(bool dryRun = false, CancellationToken cancellationToken = default);
}
