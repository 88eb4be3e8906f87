namespace PrivacyKit.Encryption;

/// <summary>Where a decryption failed: what the exception names (never values or byte positions).</summary>
internal readonly record struct FieldDecryptionDetails(string? Entity, string? Property, string? KeyId, int? KeyVersion);
