using PrivacyKit.Audit;
using PrivacyKit.EFCore.Stores.Audit;

namespace PrivacyKit.EFCore.Tests.Auditing;

public sealed class AuditRecordSignerTests
{
    /// <summary>The worked example of docs/audit-format.md: the in-transaction writer signs exactly as the pipeline does.</summary>
    [Fact]
    public void Chain_WorkedExampleOfTheAuditFormat_GivesTheDocumentedHash()
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);
        var e = new AuditEvent
        {
            Kind = AuditEventKind.PersonalDataRead,
            Action = "customers:read",
            ActorId = "u-42",
            ActorRoles = ["agent"],
            SubjectId = "cust-7",
            ResourceType = "Customer",
            ResourceId = "7",
            Fields = ["Email", "Phone"],
            Purpose = "support",
            Timestamp = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero),
            CorrelationId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Properties = new Dictionary<string, string> { ["requestId"] = "r-1" },
        };

        var record = signer.Chain("crm-a", 1, AuditRecordSigner.ZeroHash, e);

        Assert.Equal("fc965223b211a3ed14cb8ebf8390cec020a113377b27fbe64c5f190e41a87683", record.Hash);
        Assert.Equal("example-key", record.KeyId);
        Assert.Equal(AuditRecordSigner.ZeroHash, record.PreviousHash);
    }

    [Fact]
    public void Chain_NullAndEmptyStrings_SignDifferently()
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);
        var withNull = signer.Chain("c", 1, AuditRecordSigner.ZeroHash, new AuditEvent { Kind = AuditEventKind.Created, Reason = null });
        var withEmpty = signer.Chain("c", 1, AuditRecordSigner.ZeroHash, new AuditEvent { Kind = AuditEventKind.Created, Reason = "" });

        Assert.NotEqual(withNull.Hash, withEmpty.Hash);
    }
}
