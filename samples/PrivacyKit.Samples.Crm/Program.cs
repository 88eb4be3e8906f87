using Microsoft.EntityFrameworkCore;
using PrivacyKit.Samples.Crm.Api;
using PrivacyKit.Samples.Crm.Data;

// The sample CRM: a small customer-relationship web API over EF Core and SQLite.
//   serve [--urls URL] [--database PATH]   run the web API
var command = args.Length > 0 ? args[0] : "--help";
var database = Option(args, "--database") ?? "crm-demo.db";
switch (command)
{
    case "serve":
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<CrmDbContext>(o => o.UseSqlite($"Data Source={database}"));
        var app = builder.Build();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            if (await db.Database.EnsureCreatedAsync())
            {
                db.Users.AddRange(SeedData.Users);
                db.Customers.AddRange(SeedData.Customers(TimeProvider.System.GetUtcNow()));
                await db.SaveChangesAsync();
            }
        }

        app.MapCrm();
        await app.RunAsync();
        return 0;
    case "demo":
        Console.WriteLine("The demo walks through PrivacyKit once the CRM is retrofitted.");
        return 0;
    case "--help" or "-h" or "help":
        Console.WriteLine("usage: PrivacyKit.Samples.Crm serve [--urls URL] [--database PATH]");
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'; see --help");
        return 2;
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
