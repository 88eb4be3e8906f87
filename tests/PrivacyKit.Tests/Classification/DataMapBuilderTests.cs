using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Classification;

public sealed class DataMapBuilderTests
{
    [Fact]
    public void Add_AnnotatedType_ReadsFieldsInDeclarationOrder()
    {
        var entity = new DataMapBuilder().Add<Customer>().Build().FindEntity("Customer")!;
        Assert.Equal(["Id", "Name", "Email", "Phone", "PreferredChannel", "Allergies"], entity.Fields.Select(f => f.Name));
        Assert.Equal(typeof(Customer), entity.ClrType);
        Assert.Equal("Id", entity.SubjectIdProperty);
    }

    [Fact]
    public void Add_AnnotatedType_ReadsClassificationProtectionAndPurposes()
    {
        var entity = new DataMapBuilder().Add<Customer>().Build().FindEntity("Customer")!;
        var email = entity.FindField("Email")!;
        Assert.Equal(PrivacyClassifications.Contact, email.Classification);
        Assert.Equal(FieldProtection.Encrypted | FieldProtection.BlindIndex, email.Protection);
        Assert.Equal("Email", email.BlindIndexName);
        Assert.Equal("email", email.BlindIndexNormaliser);
        Assert.Equal(["crm", "marketing"], email.Purposes);

        var allergies = entity.FindField("Allergies")!;
        Assert.True(allergies.IsSensitive);
        Assert.Equal("health: allergies for event catering", allergies.Notes);

        var id = entity.FindField("Id")!;
        Assert.True(id.IsSubjectId);
        Assert.Equal(PrivacyClassifications.Identifier, id.Classification);
        Assert.Null(entity.FindField("CreatedAt"));
        Assert.True(entity.FindField("PreferredChannel")!.IsLowCardinality);
    }

    [Fact]
    public void Add_RetentionAttributes_ReadsEntityAndFieldPolicies()
    {
        var invoice = new DataMapBuilder().Add<Invoice>().Build().FindEntity("Invoice")!;
        Assert.Equal(new IsoDuration(years: 10), invoice.Retention!.Period);
        Assert.Equal(RetentionAction.Delete, invoice.Retention.Action);
        Assert.Equal("IssuedAt", invoice.Retention.From);
        var address = invoice.FindField("DeliveryAddress")!.Retention!;
        Assert.Equal(new IsoDuration(months: 18), address.Period);
        Assert.Equal(RetentionAction.Anonymise, address.Action);
        Assert.Equal("DeliveryAddress", address.Property);
    }

    [Fact]
    public void Add_SameTypeTwice_IsHarmless()
    {
        var type = typeof(Customer);
        var map = new DataMapBuilder().Add<Customer>().Add(type).Build();
        Assert.Single(map.Entities);
    }

    private sealed class TwoSubjectIds
    {
        [DataSubjectId]
        public string CustomerId { get; set; } = string.Empty;

        [DataSubjectId]
        public string OwnerId { get; set; } = string.Empty;
    }

    [Fact]
    public void Add_DuplicateSubjectIdAttributes_ThrowsNamingTypeAndProperty()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<TwoSubjectIds>());
        Assert.Equal("TwoSubjectIds", ex.EntityType);
        Assert.Equal("OwnerId", ex.PropertyName);
        Assert.Contains("TwoSubjectIds", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerId, OwnerId", ex.Message, StringComparison.Ordinal);
    }

    private sealed class MalformedPeriod
    {
        [DataSubjectId]
        public string Id { get; set; } = string.Empty;

        [PersonalData(PersonalDataCategory.Contact)]
        [Retention("7 years", From = nameof(Since))]
        public string Email { get; set; } = string.Empty;

        public DateTimeOffset Since { get; set; }
    }

    [Fact]
    public void Add_MalformedDuration_ThrowsNamingTypeAndProperty()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<MalformedPeriod>());
        Assert.Equal("MalformedPeriod", ex.EntityType);
        Assert.Equal("Email", ex.PropertyName);
        Assert.StartsWith("MalformedPeriod.Email has a malformed [Retention] period: '7 years'", ex.Message, StringComparison.Ordinal);
    }

    [Retention("P1Y", From = "Missing")]
    private sealed class RetentionFromMissingProperty
    {
        [DataSubjectId]
        public string Id { get; set; } = string.Empty;
    }

    [Fact]
    public void Add_RetentionFromUnknownProperty_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<RetentionFromMissingProperty>());
        Assert.Equal("RetentionFromMissingProperty", ex.EntityType);
        Assert.Null(ex.PropertyName);
        Assert.Contains("no DateTimeOffset, DateTime or DateOnly property named 'Missing'", ex.Message, StringComparison.Ordinal);
    }

    [Retention("P1Y")]
    private sealed class RetentionWithoutFrom
    {
        public DateTime At { get; set; }
    }

    [Fact]
    public void Add_RetentionWithoutFrom_Throws()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<RetentionWithoutFrom>());
        Assert.Contains("without From", ex.Message, StringComparison.Ordinal);
    }

    [Retention("P0D", From = nameof(At))]
    private sealed class ZeroRetention
    {
        public DateTime At { get; set; }
    }

    [Fact]
    public void Add_ZeroRetention_Throws()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<ZeroRetention>());
        Assert.Contains("zero [Retention] period", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FieldDelete
    {
        [PersonalData(PersonalDataCategory.Contact)]
        [Retention("P1Y", From = nameof(At), Action = RetentionAction.Delete)]
        public string Email { get; set; } = string.Empty;

        public DateOnly At { get; set; }
    }

    [Fact]
    public void Add_DeleteActionOnField_ThrowsNamingProperty()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<FieldDelete>());
        Assert.Equal("Email", ex.PropertyName);
        Assert.Contains("can only be anonymised", ex.Message, StringComparison.Ordinal);
    }

    private sealed class EncryptedButUnclassified
    {
        [Encrypted]
        public string Secret { get; set; } = string.Empty;
    }

    [Fact]
    public void Add_EncryptedWithoutClassification_ThrowsNamingProperty()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<EncryptedButUnclassified>());
        Assert.Equal("EncryptedButUnclassified", ex.EntityType);
        Assert.Equal("Secret", ex.PropertyName);
    }

    private sealed class IndexWithoutEncryption
    {
        [PersonalData(PersonalDataCategory.Contact)]
        [BlindIndex]
        public string Email { get; set; } = string.Empty;
    }

    [Fact]
    public void Add_BlindIndexWithoutEncryption_Throws()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<IndexWithoutEncryption>());
        Assert.Contains("[BlindIndex] but not [Encrypted]", ex.Message, StringComparison.Ordinal);
    }

    private sealed class TwoClassifications
    {
        [PersonalData(PersonalDataCategory.Contact)]
        [SensitiveData]
        public string Email { get; set; } = string.Empty;
    }

    [Fact]
    public void Add_TwoClassifications_Throws()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<TwoClassifications>());
        Assert.Equal("Email", ex.PropertyName);
    }

    [Purpose(" ")]
    private sealed class EmptyPurpose
    {
        [DataSubjectId]
        public string Id { get; set; } = string.Empty;
    }

    [Fact]
    public void Add_EmptyPurpose_Throws()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<EmptyPurpose>());
        Assert.Contains("empty purpose id", ex.Message, StringComparison.Ordinal);
    }


    [Fact]
    public void Add_TwoTypesWithSameName_Throws()
    {
        var builder = new DataMapBuilder().Add<Customer>();
        var ex = Assert.Throws<DataMapException>(() => builder.Add(new DataMapEntity { Name = "Customer" }));
        Assert.Contains("already has an entity named 'Customer'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_StorageNames_AreKeptInMap()
    {
        var map = new DataMapBuilder()
            .Add<Customer>()
            .Update("Customer", e => e with
            {
                Table = "crm.customers",
                Fields = [.. e.Fields.Select(f => f with { Column = f.Name.ToLowerInvariant() })],
            })
            .Build();
        var customer = map.FindEntity("Customer")!;
        Assert.Equal("crm.customers", customer.Table);
        Assert.Equal("email", customer.FindField("Email")!.Column);
        Assert.Contains("\"table\": \"crm.customers\"", map.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_UnknownEntity_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Update("Lead", e => e));
        Assert.Equal("Lead", ex.EntityType);
    }

    [Fact]
    public void Update_IntroducingSecondSubjectId_Throws()
    {
        var builder = new DataMapBuilder().Add<Customer>();
        var ex = Assert.Throws<DataMapException>(() => builder.Update("Customer", e => e with
        {
            Fields = [.. e.Fields.Select(f => f.Name == "Email" ? f with { IsSubjectId = true } : f)],
        }));
        Assert.Equal("Customer", ex.EntityType);
        Assert.Equal("Id", builder.Find("Customer")!.SubjectIdProperty);
    }

    [Fact]
    public void Add_EntityFromAdapter_IsValidatedAndMapped()
    {
        var map = new DataMapBuilder()
            .Add(new DataMapEntity
            {
                Name = "Lead",
                Table = "leads",
                SubjectIdProperty = "LeadId",
                Fields =
                [
                    new DataMapField { Name = "LeadId", DataType = "long", Classification = PrivacyClassifications.Identifier, IsSubjectId = true },
                    new DataMapField { Name = "Email", DataType = "string", Classification = PrivacyClassifications.Contact, Protection = FieldProtection.Encrypted },
                ],
            })
            .Build();
        Assert.Equal("leads", map.FindEntity("Lead")!.Table);
    }

    [Fact]
    public void SetRetention_OnField_ReplacesAttributeRule()
    {
        var policy = new RetentionPolicy
        {
            EntityType = "Invoice",
            Property = "DeliveryAddress",
            Period = IsoDuration.Parse("P6M"),
            From = "IssuedAt",
            Action = RetentionAction.Anonymise,
            Source = RetentionPolicySource.Configuration,
        };
        var field = new DataMapBuilder().Add<Invoice>().SetRetention(policy).Build().FindEntity("Invoice")!.FindField("DeliveryAddress")!;
        Assert.Equal(policy, field.Retention);
    }

    [Fact]
    public void SetRetention_UnknownField_ThrowsNamingIt()
    {
        var policy = new RetentionPolicy { EntityType = "Invoice", Property = "Nope", Period = IsoDuration.Parse("P6M"), From = "IssuedAt", Action = RetentionAction.Anonymise };
        var ex = Assert.Throws<DataMapException>(() => new DataMapBuilder().Add<Invoice>().SetRetention(policy));
        Assert.Equal("Nope", ex.PropertyName);
    }

    [Fact]
    public void Add_NullArguments_Throw()
    {
        var builder = new DataMapBuilder();
        Assert.Throws<ArgumentNullException>(() => builder.Add((Type)null!));
        Assert.Throws<ArgumentNullException>(() => builder.Add((DataMapEntity)null!));
        Assert.Throws<ArgumentNullException>(() => builder.Update("x", null!));
    }

    internal class PersonBase
    {
        [DataSubjectId]
        public string Id { get; set; } = string.Empty;

        [PersonalData(PersonalDataCategory.Identifier)]
        public virtual string? Nickname { get; set; }
    }

    internal sealed class Employee : PersonBase
    {
        [PersonalData(PersonalDataCategory.Contact)]
        public string WorkEmail { get; set; } = string.Empty;

        [PersonalData(PersonalDataCategory.Identifier)]
        [Encrypted]
        public override string? Nickname { get; set; }
    }

    [Fact]
    public void Add_DerivedType_ListsBaseMembersFirstAndReadsOverrides()
    {
        var entity = new DataMapBuilder().Add<Employee>().Build().FindEntity("Employee")!;
        Assert.Equal(["Id", "Nickname", "WorkEmail"], entity.Fields.Select(f => f.Name));
        Assert.Equal("Id", entity.SubjectIdProperty);
        Assert.Equal(FieldProtection.Encrypted, entity.FindField("Nickname")!.Protection);
    }
}
