using Microsoft.EntityFrameworkCore;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Tests.Jobs;

/// <summary>
/// A retrofitted CRM model: encrypted CLR properties are not mapped; a string shadow property annotated
/// <see cref="PrivacyKitAnnotationNames.CiphertextFor"/> holds the column (as the encryption conventions will declare
/// it). Before the retrofit those columns held plaintext. Also holds PrivacyKit's stores.
/// </summary>
internal sealed class CrmJobContext(DbContextOptions<CrmJobContext> options) : DbContext(options)
{
    public const string EmailColumn = "EmailCiphertext";
    public const string BirthDateColumn = "BirthDateCiphertext";
    public const string TextColumn = "TextCiphertext";

    public DbSet<JobCustomer> Customers => Set<JobCustomer>();

    public DbSet<JobNote> Notes => Set<JobNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddPrivacyKitStores();
        modelBuilder.Entity<JobCustomer>(e =>
        {
            e.Ignore(c => c.Email);
            e.Ignore(c => c.BirthDate);
            e.Property<string?>(EmailColumn).HasColumnName("Email").HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, nameof(JobCustomer.Email));
            e.Property<string?>(BirthDateColumn).HasColumnName("BirthDate").HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, nameof(JobCustomer.BirthDate));
        });
        modelBuilder.Entity<JobNote>(e =>
        {
            e.Ignore(n => n.Text);
            e.Property<string?>(TextColumn).HasColumnName("Text").HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, nameof(JobNote.Text));
        });
    }
}

internal sealed class JobCustomer
{
    public int Id { get; set; }

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Contact), Encrypted]
    public string? Email { get; set; }

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public DateOnly? BirthDate { get; set; }

    public string Segment { get; set; } = "";
}

/// <summary>Notes without a data subject: encrypted under the entity's scope.</summary>
internal sealed class JobNote
{
    public long Id { get; set; }

    [PersonalData(PersonalDataCategory.FreeText), Encrypted]
    public string? Text { get; set; }
}
