namespace PrivacyKit.Classification;

/// <summary>
/// Asks for the property to be stored encrypted under the data subject's data key. The property must
/// also be classified (<see cref="PersonalDataAttribute"/> or <see cref="SensitiveDataAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class EncryptedAttribute : Attribute
{
}
