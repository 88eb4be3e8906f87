using System.Collections.Concurrent;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>An in-memory CRM table of customers, exposed to the core as a personal data source.</summary>
internal sealed class CustomerDataSource : IPersonalDataSource
{
    public ConcurrentDictionary<string, Customer> Customers { get; } = new(StringComparer.Ordinal)
    {
        ["cust-alice"] = new Customer("cust-alice", Canary.AliceName, Canary.AliceEmail, "rep-1"),
        ["cust-bob"] = new Customer("cust-bob", "Bob Other", Canary.BobEmail, "rep-2"),
    };

    public string Name => "crm.customers";

    public ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<PersonalDataLocation>>(Customers.ContainsKey(context.SubjectId)
            ? [new PersonalDataLocation { EntityType = "Customer", Category = "contact", RecordCount = 1, Fields = ["Name", "Email"] }]
            : []);

    public ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        var records = Customers.TryGetValue(context.SubjectId, out var c)
            ? new[] { new PersonalDataRecord { EntityType = "Customer", Category = "contact", RecordId = c.Id, Fields = new Dictionary<string, string?> { ["Name"] = c.Name, ["Email"] = c.Email } } }
            : [];
        return ValueTask.FromResult(new PersonalDataExport { Records = records, Purposes = ["service"], Recipients = [] });
    }

    public ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>(Customers.TryRemove(context.SubjectId, out _)
            ? [new PersonalDataChange { EntityType = "Customer", Action = PersonalDataAction.Deleted, RecordCount = 1 }]
            : []);

    public ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default)
    {
        if (!Customers.TryGetValue(context.SubjectId, out var c))
        {
            return ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([]);
        }

        foreach (var correction in corrections.Where(x => x.EntityType == "Customer" && x.Field == "Name"))
        {
            Customers[c.Id] = c = c with { Name = correction.NewValue ?? "" };
        }

        return ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([new PersonalDataChange { EntityType = "Customer", Action = PersonalDataAction.Rectified, RecordCount = 1, Fields = ["Name"] }]);
    }

    public ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([new PersonalDataChange { EntityType = "Customer", Action = PersonalDataAction.Restricted, RecordCount = 1 }]);
}

internal sealed record Customer(string Id, string Name, string Email, string OwnerId);
