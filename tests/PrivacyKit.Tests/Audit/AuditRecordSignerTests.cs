using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

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

        var record = signer.Chain("crm-a", 1, AuditRecordSigner.GenesisHash, e);

        Assert.Equal("fc965223b211a3ed14cb8ebf8390cec020a113377b27fbe64c5f190e41a87683", record.Hash);
        Assert.Equal("example-key", record.KeyId);
        Assert.Equal(AuditRecordSigner.GenesisHash, record.PreviousHash);
    }

    [Fact]
    public void Chain_NullAndEmptyStrings_SignDifferently()
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);
        var withNull = signer.Chain("c", 1, AuditRecordSigner.GenesisHash, new AuditEvent { Kind = AuditEventKind.Created, Reason = null });
        var withEmpty = signer.Chain("c", 1, AuditRecordSigner.GenesisHash, new AuditEvent { Kind = AuditEventKind.Created, Reason = "" });

        Assert.NotEqual(withNull.Hash, withEmpty.Hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void Chain_PreviousHashNotLowerCaseHex_ThrowsNamingTheParameter(string previousHash)
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);

        var error = Assert.Throws<ArgumentException>(() => signer.Chain("c", 1, previousHash, new AuditEvent { Kind = AuditEventKind.Created }));

        Assert.Equal("previousHash", error.ParamName);
    }

    [Fact]
    public void Chain_SequenceBelowOne_Throws()
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);

        Assert.Throws<ArgumentOutOfRangeException>(() => signer.Chain("c", 0, AuditRecordSigner.GenesisHash, new AuditEvent { Kind = AuditEventKind.Created }));
    }
}
