using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>Maps the audit store's tables into a user's model: <c>privacykit_audit_records</c> and <c>privacykit_audit_chain_heads</c>.</summary>
internal static class AuditStoreModel
{
    public const string RecordsTable = "privacykit_audit_records";
    public const string HeadsTable = "privacykit_audit_chain_heads";

    public static void Configure(ModelBuilder modelBuilder, string? schema)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditRecordRow>(b =>
        {
            b.ToTable(RecordsTable, schema);
            b.HasKey(r => new { r.InstanceId, r.Sequence });
            b.Property(r => r.InstanceId).HasMaxLength(200).ValueGeneratedNever();
            b.Property(r => r.Sequence).ValueGeneratedNever();
            b.Property(r => r.KeyId).HasMaxLength(200);
            b.Property(r => r.PreviousHash).HasMaxLength(64).IsFixedLength();
            b.Property(r => r.Hash).HasMaxLength(64).IsFixedLength();
            b.Property(r => r.Action).HasMaxLength(200);
            b.Property(r => r.ActorId).HasMaxLength(200);
            b.Property(r => r.OnBehalfOf).HasMaxLength(200);
            b.Property(r => r.SubjectId).HasMaxLength(200);
            b.Property(r => r.ResourceType).HasMaxLength(200);
            b.Property(r => r.ResourceId).HasMaxLength(200);
            b.Property(r => r.Purpose).HasMaxLength(200);
            b.Property(r => r.CorrelationId).HasMaxLength(200);
            b.HasIndex(r => r.SubjectId);
            b.HasIndex(r => r.ActorId);
            b.HasIndex(r => r.TimestampUtcTicks);
        });
        modelBuilder.Entity<AuditChainHeadRow>(b =>
        {
            b.ToTable(HeadsTable, schema);
            b.HasKey(h => h.ChainId);
            b.Property(h => h.ChainId).HasMaxLength(200).ValueGeneratedNever();
            b.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        });
    }
}
