using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyKit.Classification;

/// <summary>
/// Marks a property as sensitive personal data: a GDPR Art. 9 special category (health, religion,
/// ethnicity, political opinions, biometrics, sex life, trade-union membership) or PIPL sensitive
/// personal information. Its classification is <see cref="PrivacyClassifications.Sensitive"/>;
/// the posture check expects it to be <see cref="EncryptedAttribute">encrypted</see>.
/// </summary>
/// <example><code>[SensitiveData(Notes = "health")] public string? Allergies { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class SensitiveDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes a new instance.</summary>
    public SensitiveDataAttribute()
        : base(PrivacyClassifications.Sensitive)
    {
    }
}
