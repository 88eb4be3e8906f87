using Microsoft.Extensions.DependencyInjection;
using PrivacyKit;

// The sample CRM. Commands grow with the library; see --help.
var command = args.Length > 0 ? args[0] : "--help";
switch (command)
{
    case "demo":
        var services = new ServiceCollection();
        services.AddPrivacyKit(o => o.ApplicationName = "sample-crm");
        await using (services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            Console.WriteLine("PrivacyKit registered.");
        }

        return 0;
    default:
        Console.WriteLine("usage: PrivacyKit.Samples.Crm demo");
        return command is "--help" or "-h" ? 0 : 2;
}
