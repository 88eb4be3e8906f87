using PrivacyKit.Samples.Crm;
using PrivacyKit.Samples.Crm.Api;
using PrivacyKit.Samples.Crm.Demo;
using PrivacyKit.Samples.Crm.Operator;
using PrivacyKit.Samples.Crm.Privacy;

// The sample CRM: a small customer-relationship web API over EF Core and SQLite, retrofitted with PrivacyKit.
const string Usage = """
    usage: PrivacyKit.Samples.Crm COMMAND [ARGUMENT] [--database PATH]

    commands:
      demo               walk through PrivacyKit in numbered steps, each checking its result; starts from
                         nothing (deletes and recreates the database, key and audit files it owns)
      serve [--urls URL] [--environment NAME]
                         run the CRM's web API with PrivacyKit's privacy endpoints under /privacy; the development
                         sign-in (headers X-Crm-User: u-alice, X-Crm-Customer: ID, X-Crm-Mfa: 1) works only in the
                         Development environment, the default here
      verify-audit       verify the audit trail's hash chain and checkpoints; names the first bad record
      export SUBJECT     answer an access request for a customer (id or e-mail): the JSON export on stdout
      erase SUBJECT      answer an erasure request for a customer: the erasure certificate on stdout
      rotate-kek         add a new key-encryption key to the key ring and re-wrap every data key under it
      encrypt-existing [--dry-run]
                         encrypt the values of [Encrypted] properties still stored in plaintext (rows written before the
                         retrofit), in resumable batches with progress; --dry-run only counts them
      data-map [--json]  print the data map (Markdown, or JSON) with its posture findings

    options:
      --database PATH    the SQLite database (default ./crm-demo.db); PrivacyKit's files sit next to it:
                         NAME.kek.json, NAME.audit-checkpoints.txt, NAME.audit-keys.json

    exit codes:
      0  success
      1  a check failed: a demo step, the audit verification, a high-severity data-map finding, keys left on the
         old KEK after rotate-kek, or values encrypt-existing had to skip
      2  usage error
      4  not found: no demo state next to the database (run demo first), or no such customer
      5  error: the message on stderr says what failed

    Progress goes to stderr, results to stdout. Operator commands act as the data protection officer (u-dora).
    """;

var command = args.Length > 0 ? args[0] : "--help";
var paths = new CrmPaths(Option(args, "--database") ?? "crm-demo.db");
var argument = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != Option(args, "--database"));
try
{
    switch (command)
    {
        case "demo":
            await using (var session = new DemoSession(paths))
            {
                return await new DemoRunner(Console.Out).RunAsync(new CrmDemo(session).Steps());
            }

        case "serve":
            return await ServeAsync(paths, args.Skip(1).ToArray());
        case "verify-audit":
            return await OperatorCommands.VerifyAuditAsync(paths);
        case "export" or "erase" when argument is null:
            Console.Error.WriteLine($"{command} needs a SUBJECT (customer id or e-mail); see --help");
            return ExitCodes.Usage;
        case "export":
            return await OperatorCommands.ExportAsync(paths, argument);
        case "erase":
            return await OperatorCommands.EraseAsync(paths, argument);
        case "rotate-kek":
            return await OperatorCommands.RotateKekAsync(paths);
        case "encrypt-existing":
            return await OperatorCommands.EncryptExistingAsync(paths, dryRun: args.Contains("--dry-run"));
        case "data-map":
            return await OperatorCommands.DataMapAsync(paths, json: args.Contains("--json"));
        case "--help" or "-h" or "help":
            Console.WriteLine(Usage);
            return ExitCodes.Success;
        default:
            Console.Error.WriteLine($"unknown command '{command}'; see --help");
            return ExitCodes.Usage;
    }
}
catch (Exception ex)
{
    Console.Error.WriteLine($"{command} failed: {ex.GetType().Name}: {ex.Message}");
    return ExitCodes.Error;
}

static async Task<int> ServeAsync(CrmPaths paths, string[] args)
{
    // The sample is a development tool: it runs in Development unless told otherwise, and refuses its header
    // sign-in in any other environment (try: serve --environment Production).
    var environment = Option(args, "--environment")
        ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development";
    await using var app = await CrmWebApp.CreateAsync(paths, args, environment);
    await app.RunAsync();
    return ExitCodes.Success;
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
