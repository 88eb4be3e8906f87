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

    public IReadOnlyList<DemoStep> Steps() =>
    [
        new("Seed the CRM",
            "A fresh SQLite database through the CRM's own EF Core model (PrivacyKit's tables in it): employees, customers, contacts, deals, notes; roles granted through PrivacyKit.",
            SeedAsync),
        new("Encrypt personal fields under each customer's own data key",
            "Envelope encryption: one data key per customer, wrapped by the key-encryption key in the local key ring file.",
            EncryptAsync),

        // EF Core adapter (PrivacyKit.EFCore), when it lands, adds here:
        //   - the raw SQLite row (ciphertext) next to the same row read through the DbContext (plaintext);
        //   - search by e-mail through the blind index, without decrypting any row.
        new("Decide access per role",
            "IAccessEvaluator: which customers each role reaches (own, team, all) and how it sees their fields (clear, masked, hidden).",
            AccessAsync),

        // EF Core adapter: the same decisions as a query filter, so that each role's own LINQ query returns only its rows.
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
            "The customer's rows are deleted and their data key shredded: every encrypted copy, backups included, becomes unreadable.",
            EraseAsync),
        new("Rotate the key-encryption key",
            "A new KEK in the key ring, every live data key re-wrapped under it (no data touched), and a fresh instance still reads everything.",
            RotateKekAsync),
        new("Call the web API",
            "The CRM's web host on 127.0.0.1: a customer downloads her data, a rep is refused another rep's customer, Sec-GPC: 1 records an opt-out, the development sign-in is refused outside Development.",
            WebAsync),
        new("Verify the audit trail",
            "Every step above left audit records in a hash chain in the CRM's database; the verifier checks each link and the checkpoints.",
            VerifyAuditAsync),
        new("Tamper with one audit record",
            "One record changed in the database with plain SQL (a withdrawal turned into a grant): the verifier names that record; put back, the trail verifies again.",
            TamperAuditAsync),
        new("Print the data map and posture findings",
            "The record of processing built from the attributes on the entities, and what in it needs attention.",
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

        var (customers, users) = await CrmDatabase.PrepareAsync(Services);
        var granted = (await Services.GetRequiredService<IRoleStore>().GetAllAssignmentsAsync()).Count;

        step.Show($"database {Path.GetFullPath(session.Paths.Database)}: {customers} customers, {users} employees, {granted} role assignments");
        step.Expect("customers in the database", session.Seeded.Count, customers);
        step.Expect("employees in the database", SeedData.Users.Count, users);
    }

    private async Task EncryptAsync(StepContext step)
    {
        var encryptor = Services.GetRequiredService<IFieldEncryptor>();

        // Warm the data-key cache for these customers first (creates their keys), so no call below blocks on the key store.
        await encryptor.PreloadScopesAsync(session.Seeded.Keys.Select(id => EncryptionScope.ForSubject(id.ToString())));
        foreach (var customer in session.Seeded.Values)
        {
            foreach (var (property, value) in new[] { ("Email", customer.Email), ("Phone", customer.Phone ?? "") })
            {
                session.Ciphertexts[(customer.Id, property)] = encryptor.EncryptToText(value, FieldContext(customer.Id, property));
            }
        }

        var jane = session.Seeded[Jane];
        var ciphertext = session.Ciphertexts[(Jane, "Email")];
        step.Show($"Jane's e-mail {jane.Email} is stored as {ciphertext[..Math.Min(48, ciphertext.Length)]}... ({ciphertext.Length} characters)");
        var inventory = await Services.GetRequiredService<IDataKeyManager>().GetInventoryAsync();
        step.Show($"data keys: {inventory.Scopes} scopes, wrapped by {inventory.CurrentKeyEncryptionKeyId}, in the CRM's database (privacykit_data_keys)");
        step.Expect("one data key per customer", session.Seeded.Count, inventory.Scopes);
        step.Expect(
            "no ciphertext contains its plaintext",
            session.Ciphertexts.All(c => !c.Value.Contains(Plaintext(c.Key.Customer, c.Key.Property), StringComparison.OrdinalIgnoreCase)),
            "a ciphertext that contains its plaintext");
        step.Expect("Jane's e-mail decrypted", jane.Email, encryptor.DecryptText<string>(ciphertext, FieldContext(Jane, "Email")));
    }

    private static EncryptionContext FieldContext(Guid customer, string property) =>
        EncryptionContext.ForSubject("Customer", property, customer.ToString());

    private string Plaintext(Guid customer, string property) =>
        property == "Email" ? session.Seeded[customer].Email : session.Seeded[customer].Phone ?? "";
}
