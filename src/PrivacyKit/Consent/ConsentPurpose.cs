using System.Security.Cryptography;
using System.Text;

namespace PrivacyKit.Consent;

/// <summary>
/// A processing purpose in the consent registry: what it is for, on which lawful basis, whether it
/// sells or shares data, whether it needs separate consent (PIPL), and the current policy version.
/// Purposes are configured in code (<see cref="ConsentOptions"/>) and validated at start-up.
/// </summary>
public sealed class ConsentPurpose
{
    /// <summary>Gets the purpose id: 1 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit.</summary>
    public required string Id { get; init; }

    /// <summary>Gets what the data is used for, in words a data subject understands.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the lawful basis. Only <see cref="LawfulBasis.Consent"/> purposes need a grant.</summary>
    public required LawfulBasis LawfulBasis { get; init; }

    /// <summary>Gets a value indicating whether the purpose sells or shares personal data (CCPA/CPRA); an opt-out of sale or sharing refuses it.</summary>
    public bool IsSaleOrSharing { get; init; }

    /// <summary>Gets a value indicating whether the purpose transfers data across borders (PIPL Art. 39 separate consent).</summary>
    public bool IsCrossBorderTransfer { get; init; }

    /// <summary>Gets a value indicating whether the purpose processes sensitive personal data (PIPL Art. 29 separate consent, GDPR Art. 9).</summary>
    public bool IsSensitiveProcessing { get; init; }

    /// <summary>Gets a value indicating whether the purpose needs its own, separate consent (cross-border or sensitive).</summary>
    public bool RequiresSeparateConsent => IsCrossBorderTransfer || IsSensitiveProcessing;

    /// <summary>
    /// Gets the current version of the policy text. When it changes, earlier grants no longer count
    /// (<see cref="ConsentDecisionReason.PolicyVersionChanged"/>). Required for consent-based purposes.
    /// </summary>
    public string? PolicyVersion { get; init; }

    /// <summary>Gets the hash of the current policy text (<c>sha256:</c> and 64 lower-case hex digits); see <see cref="HashPolicyText"/>.</summary>
    public string? PolicyTextHash { get; init; }

    /// <summary>Gets how long a grant lasts before it lapses, or <see langword="null"/> when grants do not lapse.</summary>
    public TimeSpan? ConsentLifetime { get; init; }

    /// <summary>Hashes a policy text the way <see cref="PolicyTextHash"/> expects: SHA-256 of its UTF-8 bytes.</summary>
    /// <param name="text">The policy text shown to data subjects.</param>
    /// <returns><c>sha256:</c> followed by 64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string HashPolicyText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
