using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

/// <summary>A source that passes every call to a <see cref="FakePersonalDataSource"/>; tests override the call they change.</summary>
internal abstract class DelegatingPersonalDataSource(FakePersonalDataSource inner) : IPersonalDataSource
{
    public string Name => inner.Name;

    public virtual ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) => inner.FindAsync(context, cancellationToken);

    public ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) => inner.ExportAsync(context, cancellationToken);

    public ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default) => inner.EraseAsync(context, entityTypes, cancellationToken);

    public ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default) => inner.RectifyAsync(context, corrections, cancellationToken);

    public ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) => inner.RestrictAsync(context, cancellationToken);
}
