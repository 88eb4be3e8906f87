using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Classification;

public sealed partial class DataMapTests
{
    private static DataMap Sample() => new DataMapBuilder().Add<SupportTicket>().Add<Invoice>().Add<Customer>().Build();

    [Fact]
    public void Entities_AreOrderedByName()
    {
        Assert.Equal(["Customer", "Invoice", "SupportTicket"], Sample().Entities.Select(e => e.Name));
    }

    [Fact]
    public void CheckPosture_SampleModel_FindsEachKindOnceWhereExpected()
    {
        var findings = Sample().CheckPosture();
        Assert.Collection(
            findings,
            f => Assert.Equal((PostureFindingKind.NoSubjectLink, PostureSeverity.High, "SupportTicket", (string?)null), (f.Kind, f.Severity, f.EntityType, f.Property)),
            f => Assert.Equal((PostureFindingKind.SensitiveDataInClear, PostureSeverity.High, "SupportTicket", (string?)"MedicalNote"), (f.Kind, f.Severity, f.EntityType, f.Property)),
            f => Assert.Equal((PostureFindingKind.LowCardinalityBlindIndex, PostureSeverity.Medium, "Customer", (string?)"PreferredChannel"), (f.Kind, f.Severity, f.EntityType, f.Property)),
            f => Assert.Equal((PostureFindingKind.PersonalDataWithoutRetention, PostureSeverity.Medium, "SupportTicket", (string?)null), (f.Kind, f.Severity, f.EntityType, f.Property)));
    }

    [Fact]
    public void CheckPosture_FieldRetentionOnly_ReportsOnlyFieldsWithout()
    {
        var map = new DataMapBuilder().Add(new DataMapEntity
        {
            Name = "Lead",
            SubjectIdProperty = "Id",
            Fields =
            [
                new DataMapField { Name = "Id", DataType = "int", Classification = PrivacyClassifications.Identifier, IsSubjectId = true },
                new DataMapField
                {
                    Name = "Email",
                    DataType = "string",
                    Classification = PrivacyClassifications.Contact,
                    Protection = FieldProtection.Encrypted,
                    Retention = new PrivacyKit.Retention.RetentionPolicy
                    {
                        EntityType = "Lead",
                        Property = "Email",
                        Period = PrivacyKit.Retention.IsoDuration.Parse("P1Y"),
                        From = "CreatedAt",
                        Action = PrivacyKit.Retention.RetentionAction.Anonymise,
                    },
                },
                new DataMapField { Name = "Notes", DataType = "string", Classification = PrivacyClassifications.FreeText },
            ],
        }).Build();

        var finding = Assert.Single(map.CheckPosture());
        Assert.Equal(PostureFindingKind.PersonalDataWithoutRetention, finding.Kind);
        Assert.Contains("(Notes)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPosture_WellProtectedModel_HasNoFindings()
    {
        Assert.Empty(new DataMapBuilder().Add<Invoice>().Build().CheckPosture());
    }

    [Fact]
    public void ToJson_IsValidJsonWithSchemaVersion()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Sample().ToJson());
        Assert.Equal(DataMap.SchemaVersion, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(3, doc.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Equal(4, doc.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void FindEntity_Unknown_ReturnsNull()
    {
        Assert.Null(Sample().FindEntity("Lead"));
        Assert.Throws<ArgumentNullException>(() => Sample().FindEntity(null!));
    }
}
