using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>A personal data source whose back end is down: every call fails with a message holding a canary value.</summary>
internal sealed class FailingDataSource : IPersonalDataSource
{
    public string Name => "crm.broken";

    public ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) => throw Fail();

    public ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) => throw Fail();

    public ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default) => throw Fail();

    public ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default) => throw Fail();

    public ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) => throw Fail();

    private static InvalidOperationException Fail() => new("connection refused while reading " + Canary.AliceEmail);
}
