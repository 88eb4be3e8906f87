using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyKit.Access;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.RowScope;

namespace PrivacyKit.EFCore.Tests.RowScope;

/// <summary>A CRM model with row-scoped customers and notes, and an unscoped product list.</summary>
internal sealed class RowScopeCrmContext(DbContextOptions<RowScopeCrmContext> options, IRowScopeResolver? resolver) : DbContext(options)
{
    public DbSet<ScopedCustomer> Customers => Set<ScopedCustomer>();

    public DbSet<ScopedNote> Notes => Set<ScopedNote>();

    public DbSet<Product> Products => Set<Product>();

    public bool HasRowScope => resolver is not null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // What PrivacyKit's convention-set plugin does for UsePrivacyKit(serviceProvider).
        if (resolver is not null)
        {
            configurationBuilder.Conventions.Add(_ => new RowScopeConvention(resolver));
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ScopedNote>().HasQueryFilter("app:not-archived", n => !n.Archived);
}

public sealed class ScopedCustomer
{
    [DataSubjectId]
    public int Id { get; set; }

    public string OwnerId { get; set; } = "";

    public string? TeamId { get; set; }

    public string? TenantId { get; set; }

    [PersonalData(PersonalDataCategory.Contact)]
    public string Name { get; set; } = "";
}

public sealed class ScopedNote
{
    public int Id { get; set; }

    public Guid OwnerId { get; set; }

    public bool Archived { get; set; }

    [PersonalData(PersonalDataCategory.FreeText)]
    public string Text { get; set; } = "";
}

public sealed class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>Keeps the text of every command, to show that actor ids travel as parameters, never as SQL literals.</summary>
internal sealed class CommandTextRecorder : DbCommandInterceptor
{
    public List<string> Texts { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        lock (Texts)
        {
            Texts.Add(command.CommandText);
        }

        return ValueTask.FromResult(result);
    }
}
