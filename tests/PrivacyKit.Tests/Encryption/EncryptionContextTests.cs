using PrivacyKit.Encryption;

namespace PrivacyKit.Tests.Encryption;

public sealed class EncryptionContextTests
{
    [Fact]
    public void ForSubject_BuildsTheSubjectScopeAndKeepsTheTenant()
    {
        var plain = EncryptionContext.ForSubject("Customer", "Email", "42");
        var tenanted = EncryptionContext.ForSubject("Customer", "Email", "42", "acme");

        Assert.Equal("subject:42", plain.Scope);
        Assert.Null(plain.TenantId);
        Assert.Equal("tenant:acme/subject:42", tenanted.Scope);
        Assert.Equal("acme", tenanted.TenantId);
        Assert.NotEqual(plain, tenanted);
        Assert.NotEqual(ContextEncoding.Check(plain), ContextEncoding.Check(tenanted));
    }

    [Fact]
    public void ForEntity_ScopesRowsWithoutASubjectToTheEntityAndTenant()
    {
        Assert.Equal("entity:AuditNote", EncryptionContext.ForEntity("AuditNote", "Text").Scope);
        Assert.Equal("tenant:acme/entity:AuditNote", EncryptionContext.ForEntity("AuditNote", "Text", "acme").Scope);
        Assert.Equal("tenant:acme", EncryptionScope.ForTenant("acme"));
    }

    [Fact]
    public void Equality_ComparesAllPartsOrdinally()
    {
        var a = new EncryptionContext("Customer", "Email", "subject:1");

        Assert.Equal(a, new EncryptionContext("Customer", "Email", "subject:1"));
        Assert.True(a == new EncryptionContext("Customer", "Email", "subject:1"));
        Assert.True(a != new EncryptionContext("customer", "Email", "subject:1"));
        Assert.Equal(a.GetHashCode(), new EncryptionContext("Customer", "Email", "subject:1").GetHashCode());
    }

    [Fact]
    public void ToString_NamesEntityAndPropertyOnly() =>
        Assert.Equal("Customer.Email", EncryptionContext.ForSubject("Customer", "Email", "subject-secret-id").ToString());

    [Fact]
    public void Constructor_InvalidParts_ThrowNamingTheParameter()
    {
        Assert.Equal("entity", Assert.Throws<ArgumentException>(() => new EncryptionContext("", "Email", "s")).ParamName);
        Assert.Equal("property", Assert.Throws<ArgumentNullException>(() => new EncryptionContext("Customer", null!, "s")).ParamName);
        Assert.Equal("scope", Assert.Throws<ArgumentException>(() => new EncryptionContext("Customer", "Email", "privacykit:blind-index-root")).ParamName);
        Assert.Equal("tenantId", Assert.Throws<ArgumentException>(() => new EncryptionContext("Customer", "Email", "s", "")).ParamName);
        Assert.Equal("entity", Assert.Throws<ArgumentException>(() => new EncryptionContext(new string('x', 513), "Email", "s")).ParamName);
        Assert.Throws<ArgumentException>(() => EncryptionScope.ForSubject(""));
    }

    [Fact]
    public void Encoding_LengthPrefixesEveryPartSoBoundariesCannotShift()
    {
        var a = new EncryptionContext("ab", "c", "s");
        var b = new EncryptionContext("a", "bc", "s");

        Assert.False(ContextEncoding.Encoded(a).SequenceEqual(ContextEncoding.Encoded(b)));
        Assert.Equal("00026162000163000173ffff", Convert.ToHexStringLower(ContextEncoding.Encoded(a)));
    }

    [Fact]
    public void Encoding_WritesUtf8AndTheTenant()
    {
        var context = new EncryptionContext("Kunde", "Straße", "s", "t");

        Assert.Equal("00054b756e6465000753747261c39f650001730001" + "74", Convert.ToHexStringLower(ContextEncoding.Encoded(context)));
        Assert.True(context.MaxEncodedLength >= ContextEncoding.Encoded(context).Length);
    }
}
