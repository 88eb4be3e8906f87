namespace PrivacyKit.Requests;

/// <summary>
/// A place that holds personal data (a DbContext, a file store, a consent store, a key store) and can
/// find, export, erase, rectify and restrict one subject's data there. The executor calls every
/// registered source for each request.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe or registered scoped (the executor resolves sources in a new
/// scope per execution). Each operation must be idempotent for a given
/// <see cref="PersonalDataSourceContext.RequestId"/>: after a crash the executor may call it again
/// for a request it already did. Sources throw on faults; the executor records the failure and
/// resumes with that source on the next run. Exception messages must not contain personal values.
/// Sources whose records are consent history return them with category
/// <see cref="PersonalDataRecord.ConsentCategory"/>.
/// </remarks>
public interface IPersonalDataSource
{
    /// <summary>Gets the source's stable, unique name, e.g. <c>crm.customers</c>. It keys the execution records, so never change it.</summary>
    string Name { get; }

    /// <summary>Finds where the subject's data is held, without values.</summary>
    /// <param name="context">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One location per entity type holding the subject's data; empty when none.</returns>
    ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default);

    /// <summary>Exports the subject's data with its purposes and recipients.</summary>
    /// <param name="context">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The export; empty when the source holds nothing on the subject.</returns>
    ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases (deletes, anonymises or crypto-shreds) the subject's data of the given entity types. Entity
    /// types under a legal hold are never passed. A source that must keep some data for its own reason
    /// (a statutory retention period) reports it as <see cref="PersonalDataAction.Retained"/> with the reason.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="entityTypes">The entity types to erase, taken from <see cref="FindAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was done, per entity type.</returns>
    ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default);

    /// <summary>Applies the corrections that concern this source's entity types and ignores the others.</summary>
    /// <param name="context">The request.</param>
    /// <param name="corrections">The corrections asked for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was corrected, per entity type; empty when nothing concerned this source.</returns>
    ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restricts processing of the subject's data: for a restriction the data categories in
    /// <see cref="PersonalDataSourceContext.Scope"/> (all when empty); for an objection or an opt-out of
    /// sale/sharing the purposes in the scope. <see cref="PersonalDataSourceContext.Kind"/> says which.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was restricted, per entity type.</returns>
    ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default);
}
