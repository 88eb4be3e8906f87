using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Classification;

public sealed class PrivacyClassificationsTests
{
    [Theory]
    [InlineData(PersonalDataCategory.Contact, "Contact")]
    [InlineData(PersonalDataCategory.Identifier, "Identifier")]
    [InlineData(PersonalDataCategory.Financial, "Financial")]
    [InlineData(PersonalDataCategory.Location, "Location")]
    [InlineData(PersonalDataCategory.Behavioural, "Behavioural")]
    [InlineData(PersonalDataCategory.FreeText, "FreeText")]
    public void FromCategory_EachCategory_MapsToTaxonomyValue(PersonalDataCategory category, string value)
    {
        var classification = PrivacyClassifications.FromCategory(category);
        Assert.Equal(PrivacyClassifications.TaxonomyName, classification.TaxonomyName);
        Assert.Equal(value, classification.Value);
    }

    [Fact]
    public void FromCategory_Undefined_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrivacyClassifications.FromCategory((PersonalDataCategory)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonalDataAttribute((PersonalDataCategory)42));
    }

    [Fact]
    public void All_HoldsSevenDistinctClassifications()
    {
        Assert.Equal(7, PrivacyClassifications.All.Distinct().Count());
        Assert.Contains(PrivacyClassifications.Sensitive, PrivacyClassifications.All);
    }
}
