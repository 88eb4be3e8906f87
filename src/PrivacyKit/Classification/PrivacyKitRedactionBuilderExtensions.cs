using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace PrivacyKit.Classification;

/// <summary>Registers PrivacyKit's redactor for its taxonomy with the .NET redaction builder.</summary>
public static class PrivacyKitRedactionBuilderExtensions
{
    /// <summary>
    /// Makes every classification of the PrivacyKit taxonomy (<see cref="PrivacyClassifications.All"/>)
    /// redact to a fixed mask, so properties marked <see cref="PersonalDataAttribute"/> or
    /// <see cref="SensitiveDataAttribute"/> never reach logs in clear. Call it inside
    /// <c>services.AddRedaction(b =&gt; b.SetPrivacyKitRedactor())</c> (Microsoft.Extensions.Compliance.Redaction).
    /// </summary>
    /// <param name="builder">The redaction builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IRedactionBuilder SetPrivacyKitRedactor(this IRedactionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.SetRedactor<PrivacyKitRedactor>([.. PrivacyClassifications.All.Select(c => new DataClassificationSet(c))]);
    }
}
