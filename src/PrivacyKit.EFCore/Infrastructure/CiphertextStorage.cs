namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>How the ciphertext of an encrypted property is stored in its column.</summary>
public enum CiphertextStorage
{
    /// <summary>
    /// Text: <c>pk1:</c> followed by base64 (see docs/ciphertext-format.md), in a string column (TEXT, varchar, nvarchar).
    /// The default on every provider: an existing plaintext string column can be encrypted in place, and the value is
    /// readable in any database tool.
    /// </summary>
    Text = 0,

    /// <summary>Binary: the raw ciphertext bytes in a binary column (BLOB on SQLite, bytea on PostgreSQL); about 25% smaller.</summary>
    Binary = 1,
}
