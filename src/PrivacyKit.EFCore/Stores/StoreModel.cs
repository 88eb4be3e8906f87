using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// The entity configurations of PrivacyKit's stores. Table names are <c>privacykit_*</c> without a schema, or the bare
/// names inside the given schema. Every time is stored as a UTC date-time (timestamptz on PostgreSQL, sortable text on
/// SQLite), so deadlines and leases compare in SQL on every provider.
/// </summary>
internal static class StoreModel
{
    public const int NameLength = 200;
    public const int ScopeLength = 512;
    public const int KeyEncryptionKeyIdLength = 1024;
    public const int ReasonLength = 1000;

    private static readonly ValueConverter<DateTimeOffset, DateTime> UtcConverter = new(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    private static readonly ValueConverter<DateTimeOffset?, DateTime?> NullableUtcConverter = new(
        v => v.HasValue ? v.Value.UtcDateTime : null,
        v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);

    public static void Configure(ModelBuilder modelBuilder, string? schema)
    {
        if (schema is not null)
        {
            modelBuilder.Entity<DataKeyRow>().ToTable("data_keys", schema);
            modelBuilder.Entity<ConsentRecordRow>().ToTable("consent_records", schema);
            modelBuilder.Entity<LegalHoldRow>().ToTable("legal_holds", schema);
            modelBuilder.Entity<SubjectRequestRow>().ToTable("subject_requests", schema);
            modelBuilder.Entity<SubjectRequestTransitionRow>().ToTable("subject_request_transitions", schema);
            modelBuilder.Entity<SourceExecutionRow>().ToTable("subject_request_executions", schema);
            modelBuilder.Entity<RoleAssignmentRow>().ToTable("role_assignments", schema);
            modelBuilder.Entity<AccessReviewRow>().ToTable("access_reviews", schema);
        }
        else
        {
            modelBuilder.Entity<DataKeyRow>().ToTable("privacykit_data_keys");
            modelBuilder.Entity<ConsentRecordRow>().ToTable("privacykit_consent_records");
            modelBuilder.Entity<LegalHoldRow>().ToTable("privacykit_legal_holds");
            modelBuilder.Entity<SubjectRequestRow>().ToTable("privacykit_subject_requests");
            modelBuilder.Entity<SubjectRequestTransitionRow>().ToTable("privacykit_subject_request_transitions");
            modelBuilder.Entity<SourceExecutionRow>().ToTable("privacykit_subject_request_executions");
            modelBuilder.Entity<RoleAssignmentRow>().ToTable("privacykit_role_assignments");
            modelBuilder.Entity<AccessReviewRow>().ToTable("privacykit_access_reviews");
        }

        ConfigureDataKeys(modelBuilder.Entity<DataKeyRow>());
        ConfigureConsent(modelBuilder.Entity<ConsentRecordRow>());
        ConfigureLegalHolds(modelBuilder.Entity<LegalHoldRow>());
        ConfigureRequests(modelBuilder.Entity<SubjectRequestRow>());
        ConfigureTransitions(modelBuilder.Entity<SubjectRequestTransitionRow>());
        ConfigureExecutions(modelBuilder.Entity<SourceExecutionRow>());
        ConfigureRoleAssignments(modelBuilder.Entity<RoleAssignmentRow>());
        ConfigureAccessReviews(modelBuilder.Entity<AccessReviewRow>());
        UseUtcTimes(modelBuilder);
    }

    private static void ConfigureDataKeys(EntityTypeBuilder<DataKeyRow> entity)
    {
        entity.HasKey(r => new { r.KeyId, r.Version });
        entity.Property(r => r.KeyId).HasMaxLength(16).IsUnicode(false);
        entity.Property(r => r.Scope).HasMaxLength(ScopeLength);
        entity.Property(r => r.KeyEncryptionKeyId).HasMaxLength(KeyEncryptionKeyIdLength).IsConcurrencyToken();
        entity.Property(r => r.Algorithm).HasMaxLength(64);
        entity.Property(r => r.ShreddedAt).IsConcurrencyToken();

        // Settles the first-key race between instances: exactly one row per (scope, version).
        entity.HasIndex(r => new { r.Scope, r.Version }).IsUnique();
    }

    private static void ConfigureConsent(EntityTypeBuilder<ConsentRecordRow> entity)
    {
        entity.HasKey(r => r.Sequence);
        entity.Property(r => r.Sequence).ValueGeneratedOnAdd();
        entity.Property(r => r.Id).HasMaxLength(NameLength).IsRequired();
        entity.HasIndex(r => r.Id).IsUnique();
        entity.Property(r => r.SubjectId).HasMaxLength(NameLength).IsRequired();
        entity.HasIndex(r => new { r.SubjectId, r.Sequence });
        entity.Property(r => r.PurposeId).HasMaxLength(NameLength);
        entity.Property(r => r.PolicyVersion).HasMaxLength(NameLength);
        entity.Property(r => r.PolicyTextHash).HasMaxLength(80);
        entity.Property(r => r.ProofReference).HasMaxLength(ReasonLength);
    }

    private static void ConfigureLegalHolds(EntityTypeBuilder<LegalHoldRow> entity)
    {
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).HasMaxLength(NameLength);
        entity.Property(r => r.SubjectId).HasMaxLength(NameLength);
        entity.HasIndex(r => r.SubjectId);
        entity.Property(r => r.Reason).HasMaxLength(ReasonLength);
        entity.Property(r => r.PlacedBy).HasMaxLength(NameLength);
    }

    private static void ConfigureRequests(EntityTypeBuilder<SubjectRequestRow> entity)
    {
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).HasMaxLength(NameLength);
        entity.Property(r => r.SubjectId).HasMaxLength(NameLength);
        entity.Property(r => r.TenantId).HasMaxLength(NameLength);
        entity.Property(r => r.ReceivedBy).HasMaxLength(NameLength);
        entity.Property(r => r.ExtensionReason).HasMaxLength(ReasonLength);
        entity.Property(r => r.VerificationMethod).HasMaxLength(NameLength);
        entity.Property(r => r.RejectionNote).HasMaxLength(ReasonLength);
        entity.Property(r => r.LeaseOwner).HasMaxLength(NameLength);
        entity.Property(r => r.Version).IsConcurrencyToken();
        entity.HasIndex(r => r.SubjectId);
        entity.HasIndex(r => new { r.Status, r.NextDueAt });
        entity.HasIndex(r => r.ReceivedAt);
    }

    private static void ConfigureTransitions(EntityTypeBuilder<SubjectRequestTransitionRow> entity)
    {
        entity.HasKey(r => new { r.RequestId, r.Sequence });
        entity.Property(r => r.RequestId).HasMaxLength(NameLength);
        entity.Property(r => r.ActorId).HasMaxLength(NameLength);
        entity.Property(r => r.Reason).HasMaxLength(ReasonLength);
        entity.HasOne<SubjectRequestRow>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureExecutions(EntityTypeBuilder<SourceExecutionRow> entity)
    {
        entity.HasKey(r => new { r.RequestId, r.SourceName });
        entity.Property(r => r.RequestId).HasMaxLength(NameLength);
        entity.Property(r => r.SourceName).HasMaxLength(NameLength);
        entity.Property(r => r.ErrorType).HasMaxLength(ReasonLength);
        entity.HasOne<SubjectRequestRow>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureRoleAssignments(EntityTypeBuilder<RoleAssignmentRow> entity)
    {
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).HasMaxLength(NameLength);
        entity.Property(r => r.ActorId).HasMaxLength(NameLength);
        entity.HasIndex(r => r.ActorId);
        entity.Property(r => r.Role).HasMaxLength(NameLength);
        entity.Property(r => r.GrantedBy).HasMaxLength(NameLength);
        entity.Property(r => r.RevokedBy).HasMaxLength(NameLength);
    }

    private static void ConfigureAccessReviews(EntityTypeBuilder<AccessReviewRow> entity)
    {
        entity.HasKey(r => r.Sequence);
        entity.Property(r => r.Sequence).ValueGeneratedOnAdd();

        // Required explicitly: EF first takes a property named Id as the key and leaves it nullable once another key is set.
        entity.Property(r => r.Id).HasMaxLength(NameLength).IsRequired();
        entity.HasIndex(r => r.Id).IsUnique();
        entity.Property(r => r.AssignmentId).HasMaxLength(NameLength);
        entity.HasIndex(r => r.AssignmentId);
        entity.Property(r => r.ReviewerId).HasMaxLength(NameLength);
    }

    private static void UseUtcTimes(ModelBuilder modelBuilder)
    {
        foreach (var type in new[] { typeof(DataKeyRow), typeof(ConsentRecordRow), typeof(LegalHoldRow), typeof(SubjectRequestRow), typeof(SubjectRequestTransitionRow), typeof(SourceExecutionRow), typeof(RoleAssignmentRow), typeof(AccessReviewRow) })
        {
            var entity = modelBuilder.Entity(type);
            foreach (var property in type.GetProperties())
            {
                if (property.PropertyType == typeof(DateTimeOffset))
                {
                    entity.Property(property.Name).HasConversion(UtcConverter);
                }
                else if (property.PropertyType == typeof(DateTimeOffset?))
                {
                    entity.Property(property.Name).HasConversion(NullableUtcConverter);
                }
            }
        }
    }
}
