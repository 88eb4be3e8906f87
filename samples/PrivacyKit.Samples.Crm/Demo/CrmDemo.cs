using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

/// <summary>
/// The demo: the CRM's privacy mission, step by step, each step checking its own result. It starts from
/// nothing (it deletes the files it owns) and leaves the state the operator commands work on.
/// </summary>
public sealed partial class CrmDemo(DemoSession session)
{
    // Customers the steps talk about, from SeedData.
    private static readonly Guid Jane = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    private static readonly Guid Omar = Guid.Parse("00000000-0000-0000-0000-00000000c002");

    private IServiceProvider Services => session.Services;

    private RawSql Raw => new(session.Paths.ConnectionString);

    public IReadOnlyList<DemoStep> Steps() =>
    [
        new("Seed the CRM",
            "Migrations/ applied to a fresh SQLite database (the CRM's tables and PrivacyKit's), then employees, customers, contacts, deals and notes saved through the CRM's own DbContext; roles granted through PrivacyKit.",
            SeedAsync),
        new("Read a customer row raw and through the DbContext",
            "The same row twice: as the database file holds it (ciphertext under the customer's own data key, a blind index) and as the CRM's code reads it (plaintext).",
            RawRowAsync),
        new("Search by e-mail through the blind index",
            "WhereEquals finds a customer by e-mail without decrypting a single row; a plain Where on the encrypted column is refused instead of silently finding nothing.",
            SearchAsync),
        new("Query customers as each role",
            "The CRM's unchanged LINQ query, run as each employee: row scope (own, team, all) filters the rows, field access masks or hides fields.",
            AccessAsync),
        new("Check consent before a marketing send",
            "Blocked without consent, sent after the customer grants it, blocked again after they withdraw it.",
            ConsentAsync),
        new("Publish a new marketing policy",
            "After a policy-version change earlier consent no longer counts: the send is blocked until the customer consents again.",
            PolicyChangeAsync),
        new("Answer an access request",
            "The customer asks for their data: the request workflow verifies, collects from every personal data source and builds the JSON export.",
            ExportAsync),
        new("Answer an erasure request",
            "The customer's related rows are deleted, their customer row emptied and their data key shredded: the raw database shows nothing readable, and every encrypted copy, backups included, is unreadable.",
            EraseAsync),
        new("Rotate the key-encryption key",
            "A new KEK in the key ring, every live data key re-wrapped under it (no data touched), and a fresh instance still reads everything.",
            RotateKekAsync),
        new("Encrypt rows written before the retrofit",
            "Two customers inserted with plain SQL, as a legacy import left them: the encrypt-existing job (IPrivacyKitJobs) counts them, encrypts them in place in batches, and the CRM reads them.",
            EncryptExistingAsync),
        new("Call the web API",
            "The CRM's web host on 127.0.0.1: a customer downloads her data, a rep is refused another rep's customer, Sec-GPC: 1 records an opt-out, the development sign-in is refused outside Development.",
            WebAsync),
        new("Verify the audit trail",
            "Every step above left audit records in hash chains in the CRM's database (changes in the same transaction as the change); the verifier checks each link and the checkpoints.",
            VerifyAuditAsync),
        new("Tamper with one audit record",
            "One record changed in the database with plain SQL (a withdrawal turned into a grant): the verifier names that record; put back, the trail verifies again.",
            TamperAuditAsync),
        new("Print the data map and posture findings",
            "The record of processing built from the attributes on the entities and the EF Core model, and what in it needs attention.",
            DataMapAsync),
    ];

    private async Task SeedAsync(StepContext step)
    {
        session.Paths.DeleteAll();
        await session.StartAsync();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var customer in SeedData.Customers(now))
        {
            session.Seeded[customer.Id] = customer;
        }

        await CrmDatabase.PrepareAsync(Services);
        var (customers, users) = await AsDpoAsync(async db => (await db.Customers.CountAsync(), await db.Users.CountAsync()));
        var granted = (await Services.GetRequiredService<IRoleStore>().GetAllAssignmentsAsync()).Count;
        var migrations = await Raw.QueryAsync("SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId", r => r.GetString(0));
        step.Show($"database {Path.GetFullPath(session.Paths.Database)}: migrations {string.Join(", ", migrations)}");
        step.Show($"{customers} customers, {users} employees, {granted} role assignments");
        step.Expect("migrations applied", migrations.Count > 0, "none");
        step.Expect("customers in the database", session.Seeded.Count, customers);
        step.Expect("employees in the database", SeedData.Users.Count, users);
    }

    private static EncryptionContext FieldContext(Guid customer, string property) =>
        EncryptionContext.ForSubject("Customer", property, customer.ToString());
}
