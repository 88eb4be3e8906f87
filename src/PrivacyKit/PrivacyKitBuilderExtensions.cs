namespace PrivacyKit;

/// <summary>
/// Configures PrivacyKit through <see cref="IPrivacyKitBuilder"/>: key-encryption keys, data-key stores,
/// field encryption and the other features, one extension method per step, in the style of
/// <c>AddDataProtection().PersistKeysTo…()</c>. Adapter packages (EF Core, ASP.NET Core, Azure Key Vault)
/// add their own methods to the builder. Each method's own documentation says what it registers.
/// </summary>
public static partial class PrivacyKitBuilderExtensions
{
}
