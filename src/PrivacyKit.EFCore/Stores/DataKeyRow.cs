namespace PrivacyKit.EFCore.Stores;

/// <summary>One version of a data key in the database: only ever wrapped; after shredding a tombstone without material.</summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class DataKeyRow
{
    /// <summary>Gets or sets the data-key id (16 lowercase hexadecimal characters).</summary>
    public string KeyId { get; set; } = "";

    /// <summary>Gets or sets the version.</summary>
    public int Version { get; set; }

    /// <summary>Gets or sets the scope the key encrypts (e.g. <c>subject:42</c>).</summary>
    public string Scope { get; set; } = "";

    /// <summary>Gets or sets the id of the key-encryption key that wrapped the key; a concurrency token.</summary>
    public string KeyEncryptionKeyId { get; set; } = "";

    /// <summary>Gets or sets the wrapping algorithm, or <see langword="null"/> once shredded.</summary>
    public string? Algorithm { get; set; }

    /// <summary>Gets or sets the wrapped key bytes, or <see langword="null"/> once shredded.</summary>
    public byte[]? WrappedKey { get; set; }

    /// <summary>Gets or sets when the key was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Gets or sets when the key was shredded; a concurrency token.</summary>
    public DateTimeOffset? ShreddedAt { get; set; }
}
