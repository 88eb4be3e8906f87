using Microsoft.EntityFrameworkCore;
using PrivacyKit.Classification;
using PrivacyKit.Context;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Demo;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Operator;

/// <summary>
/// What an operator runs against an installation (here: the state a demo run leaves). Results go to standard
/// output, progress and errors to standard error, and the exit code says how it went (<see cref="ExitCodes"/>).
/// Requests are carried out as the data protection officer (u-dora).
/// </summary>
public static class OperatorCommands
{
    private const string OperatorId = "u-dora";

    public static async Task<int> VerifyAuditAsync(CrmPaths paths)
    {
        if (!paths.Exist)
        {
            return NotFound($"no CRM state next to {paths.Database}: run 'demo' first or pass --database");
        }

        await using var services = await BuildAsync(paths);
        var result = await Progress.RunAsync("verifying the audit trail", () =>
            AuditTrailCheck.VerifyAsync(services, paths.AuditCheckpoints));
        Console.WriteLine($"{result.RecordCount} records, {result.Heads.Count} chain(s): {(result.IsValid ? "valid" : "NOT VALID")}");
        foreach (var issue in result.Issues)
        {
            Console.WriteLine(AuditTrailCheck.Describe(issue));
        }

        return result.IsValid ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    public static Task<int> ExportAsync(CrmPaths paths, string subject) =>
        RunRequestAsync(paths, subject, SubjectRequestKind.Access, outcome => outcome.Package!.ToJson());

    public static Task<int> EraseAsync(CrmPaths paths, string subject) =>
        RunRequestAsync(paths, subject, SubjectRequestKind.Erasure, outcome => outcome.Certificate!.ToJson());

    public static async Task<int> RotateKekAsync(CrmPaths paths)
    {
        if (!paths.Exist)
        {
            return NotFound($"no CRM state next to {paths.Database}: run 'demo' first or pass --database");
        }

        await using var services = await BuildAsync(paths);
        var ring = (LocalKeyEncryptionKey)services.GetRequiredService<IKeyEncryptionKey>();
        var keys = services.GetRequiredService<IDataKeyManager>();
        var oldKek = ring.KeyId;
        var newKek = ring.Rotate();
        Console.Error.WriteLine($"new key-encryption key {newKek} (was {oldKek}); the old one stays in the ring to unwrap until re-wrapped");
        var result = await Progress.RunAsync("re-wrapping data keys", () => keys.RewrapAllAsync().AsTask());
        var inventory = await keys.GetInventoryAsync();
        Console.WriteLine($"kek {newKek}: {result.Examined} data keys examined, {result.Rewrapped} re-wrapped, " +
            $"{result.AlreadyCurrent} already current, {result.Shredded} shredded; {inventory.VersionsToRewrap} left to re-wrap");
        return inventory.VersionsToRewrap == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    public static async Task<int> EncryptExistingAsync(CrmPaths paths, bool dryRun)
    {
        if (!File.Exists(paths.Database))
        {
            return NotFound($"no database at {paths.Database}: run 'demo' first or pass --database");
        }

        await using var services = await BuildAsync(paths);
        var progress = new SynchronousProgress<PrivacyKitJobProgress>(p => Console.Error.WriteLine(
            $"encrypt-existing: {p.EntityType ?? "-"}: {p.Examined} examined, {p.Changed} {(dryRun ? "to encrypt" : "encrypted")}, {p.AlreadyDone} already encrypted"));
        var result = await Progress.RunAsync(dryRun ? "encrypt-existing (dry run)" : "encrypt-existing", () =>
            services.GetRequiredService<IPrivacyKitJobs>().EncryptExistingAsync(new PrivacyKitJobOptions { DryRun = dryRun }, progress));
        Console.WriteLine($"{(dryRun ? "dry run: " : "")}{result.Examined} rows examined, {result.Changed} {(dryRun ? "would be encrypted" : "encrypted")}, " +
            $"{result.AlreadyDone} already encrypted, {result.Skipped} skipped");
        return result.Skipped == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    public static async Task<int> DataMapAsync(CrmPaths paths, bool json)
    {
        await using var services = await BuildAsync(paths);
        var map = services.GetRequiredService<IDataMapProvider>().GetDataMap();
        Console.WriteLine(json ? map.ToJson() : map.ToMarkdown());
        return map.CheckPosture().Any(f => f.Severity == PostureSeverity.High) ? ExitCodes.CheckFailed : ExitCodes.Success;
    }

    private static async Task<int> RunRequestAsync(CrmPaths paths, string subject, SubjectRequestKind kind, Func<SubjectRequestOutcome, string> document)
    {
        if (!paths.Exist)
        {
            return NotFound($"no CRM state next to {paths.Database}: run 'demo' first or pass --database");
        }

        await using var services = await BuildAsync(paths);
        var subjectId = await FindSubjectAsync(services, subject);
        if (subjectId is null)
        {
            return NotFound($"no customer with id or e-mail '{subject}'");
        }

        var outcome = await Progress.RunAsync($"{kind} request for customer {subjectId}", () =>
            SubjectRequestRunner.RunAsync(services, subjectId, kind, DemoSession.Actor(OperatorId)));
        Console.WriteLine(document(outcome));
        return ExitCodes.Success;
    }

    // Operators name a customer by id or by e-mail (found through the e-mail's blind index), as the DPO whose row
    // scope reaches every customer.
    private static async Task<string?> FindSubjectAsync(IServiceProvider services, string subject)
    {
        using var dpo = services.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(DemoSession.Actor(OperatorId)));
        await using var scope = services.CreateAsyncScope();
        var customers = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Customers;
        var id = Guid.TryParse(subject, out var parsed) ? parsed
            : await customers.WhereEquals(c => c.Email, subject).Select(c => c.Id).FirstOrDefaultAsync();
        return id != Guid.Empty && await customers.AnyAsync(c => c.Id == id) ? id.ToString() : null;
    }

    // The CRM as an operator runs it: the database migrated, the roles granted on a new installation.
    private static async Task<ServiceProvider> BuildAsync(CrmPaths paths)
    {
        var services = new ServiceCollection().AddCrm(CrmPrivacy.LoadConfiguration(), paths).Services.BuildServiceProvider();
        await CrmDatabase.PrepareAsync(services);
        return services;
    }

    private static int NotFound(string message)
    {
        Console.Error.WriteLine(message);
        return ExitCodes.NotFound;
    }
}
