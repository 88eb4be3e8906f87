namespace PrivacyKit.Classification;

/// <summary>
/// Asks for a blind index (a keyed, truncated hash of the normalised value) next to an encrypted
/// property, so that it can be searched for equality without decryption. Use it only on fields with
/// many distinct values: on a low-cardinality field the index reveals the value.
/// </summary>
/// <example><code>[PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex(Normaliser = "email")] public string Email { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class BlindIndexAttribute : Attribute
{
    /// <summary>Initializes a new instance with the default index name (the property name).</summary>
    public BlindIndexAttribute()
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The index name, which also names the index column and derives its key.</param>
    public BlindIndexAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Gets the index name, or <see langword="null"/> to use the property name.</summary>
    public string? Name { get; }

    /// <summary>
    /// Gets or sets the name of the normaliser applied before hashing (for example <c>email</c> or
    /// <c>phone</c>), as registered with the encryption feature; <see langword="null"/> for the default.
    /// </summary>
    public string? Normaliser { get; set; }
}
