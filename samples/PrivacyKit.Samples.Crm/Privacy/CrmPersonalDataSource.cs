using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// Everything the CRM holds about one customer, for data subject requests: the customer row, their
/// contacts, deals, notes and activities (the core adds their consent history). Erasure deletes the rows and shreds the
/// customer's data key, so that encrypted copies (replicas, backups) become unreadable too.
/// </summary>
/// <remarks>
/// Written by hand over <see cref="CrmDbContext"/> because the CRM's tables are plain EF Core today.
/// The EF Core adapter provides a source that reads the data map instead; it replaces this class with
/// one registration line and no change to the request workflow.
/// </remarks>
public sealed class CrmPersonalDataSource(CrmDbContext db, IDataKeyManager keys) : IPersonalDataSource
{
    public string Name => "crm";

    public async ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        var id = CustomerId(context);
        var locations = new List<PersonalDataLocation>();
        void Add(string entity, string category, int count, params string[] fields)
        {
            if (count > 0)
            {
                locations.Add(new PersonalDataLocation { EntityType = entity, Category = category, RecordCount = count, Fields = fields });
            }
        }

        Add(nameof(Customer), "customer", await db.Customers.CountAsync(c => c.Id == id, cancellationToken), CustomerFields);
        Add(nameof(Contact), "contacts", await db.Contacts.CountAsync(c => c.CustomerId == id, cancellationToken), "Name", "Email", "Phone");
        Add(nameof(Note), "notes", await db.Notes.CountAsync(n => n.CustomerId == id, cancellationToken), "Text");
        Add(nameof(Activity), "activity", await db.Activities.CountAsync(a => a.CustomerId == id, cancellationToken), "Subject");
        Add(nameof(Deal), "deals", await db.Deals.CountAsync(d => d.CustomerId == id, cancellationToken), "Title", "Amount");
        return locations;
    }

    public async ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        var id = CustomerId(context);
        var records = new List<PersonalDataRecord>();
        var customer = await db.Customers.AsNoTracking()
            .Include(c => c.Contacts).Include(c => c.Notes).Include(c => c.Activities).Include(c => c.Deals)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is not null)
        {
            records.Add(Record(nameof(Customer), "customer", customer.Id, new()
            {
                ["FirstName"] = customer.FirstName,
                ["LastName"] = customer.LastName,
                ["Email"] = customer.Email,
                ["Phone"] = customer.Phone,
                ["DateOfBirth"] = customer.DateOfBirth?.ToString("O", CultureInfo.InvariantCulture),
                ["HealthNotes"] = customer.HealthNotes,
                ["AnnualIncome"] = customer.AnnualIncome?.ToString(CultureInfo.InvariantCulture),
            }));
            records.AddRange(customer.Contacts.Select(c => Record(nameof(Contact), "contacts", c.Id, new()
            {
                ["Name"] = c.Name, ["Email"] = c.Email, ["Phone"] = c.Phone, ["Relationship"] = c.Relationship,
            })));
            records.AddRange(customer.Notes.Select(n => Record(nameof(Note), "notes", n.Id, new() { ["Text"] = n.Text })));
            records.AddRange(customer.Activities.Select(a => Record(nameof(Activity), "activity", a.Id, new()
            {
                ["Kind"] = a.Kind, ["Subject"] = a.Subject, ["At"] = a.At.ToString("O", CultureInfo.InvariantCulture),
            })));
            records.AddRange(customer.Deals.Select(d => Record(nameof(Deal), "deals", d.Id, new()
            {
                ["Title"] = d.Title, ["Amount"] = d.Amount.ToString(CultureInfo.InvariantCulture), ["Stage"] = d.Stage.ToString(),
            })));
        }

        return new PersonalDataExport
        {
            Source = Name,
            Records = records,
            Purposes = [CrmPurposes.Service, CrmPurposes.Marketing],
            Recipients = [],
        };
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(
        PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default)
    {
        var id = CustomerId(context);
        var changes = new List<PersonalDataChange>();
        async Task Delete<T>(IQueryable<T> rows, params string[] fields)
        {
            if (entityTypes.Contains(typeof(T).Name))
            {
                var count = await rows.ExecuteDeleteAsync(cancellationToken);
                if (count > 0)
                {
                    changes.Add(Change(typeof(T).Name, PersonalDataAction.Deleted, count, fields));
                }
            }
        }

        // Dependent rows first: the customer row goes last.
        await Delete(db.Contacts.Where(c => c.CustomerId == id));
        await Delete(db.Notes.Where(n => n.CustomerId == id));
        await Delete(db.Activities.Where(a => a.CustomerId == id));
        await Delete(db.Deals.Where(d => d.CustomerId == id));
        if (entityTypes.Contains(nameof(Customer)))
        {
            await Delete(db.Customers.Where(c => c.Id == id));

            // Crypto-shredding: every value ever encrypted under this customer's data key, in any copy, is unreadable from now on.
            var shredded = await keys.ShredAsync(EncryptionScope.ForSubject(context.SubjectId), cancellationToken);
            if (shredded > 0)
            {
                changes.Add(Change(nameof(Customer), PersonalDataAction.Shredded, shredded, CustomerFields));
            }
        }

        return changes;
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(
        PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == CustomerId(context), cancellationToken);
        var fixedFields = new List<string>();
        foreach (var correction in corrections.Where(c => c.EntityType == nameof(Customer)))
        {
            switch (correction.Field)
            {
                case nameof(Customer.FirstName): customer!.FirstName = correction.NewValue ?? ""; break;
                case nameof(Customer.LastName): customer!.LastName = correction.NewValue ?? ""; break;
                case nameof(Customer.Email): customer!.Email = correction.NewValue ?? ""; break;
                case nameof(Customer.Phone): customer!.Phone = correction.NewValue; break;
                default: continue;
            }

            fixedFields.Add(correction.Field);
        }

        await db.SaveChangesAsync(cancellationToken);
        return fixedFields.Count == 0 ? [] : [Change(nameof(Customer), PersonalDataAction.Rectified, 1, [.. fixedFields])];
    }

    // The plain CRM has no "restricted" flag on its rows: it reports nothing restricted rather than pretend.
    public ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([]);

    private static readonly string[] CustomerFields = ["FirstName", "LastName", "Email", "Phone", "DateOfBirth", "HealthNotes", "AnnualIncome"];

    private static Guid CustomerId(PersonalDataSourceContext context) =>
        Guid.TryParse(context.SubjectId, out var id) ? id : Guid.Empty;

    private PersonalDataRecord Record(string entity, string category, Guid id, Dictionary<string, string?> fields) =>
        new() { EntityType = entity, Category = category, RecordId = id.ToString(), Fields = fields };

    private PersonalDataChange Change(string entity, PersonalDataAction action, int count, string[] fields) =>
        new() { Source = Name, EntityType = entity, Action = action, RecordCount = count, Fields = fields };
}
