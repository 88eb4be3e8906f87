namespace PrivacyKit.Classification;

/// <summary>
/// Names a processing purpose (a consent purpose id) for which an entity's or a property's personal
/// data is held. On a class it applies to every personal field; repeat it for several purposes.
/// </summary>
/// <example><code>[Purpose("marketing")] public string? Newsletter { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = true)]
public sealed class PurposeAttribute : Attribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="purposeId">The purpose id, as registered in the consent purposes.</param>
    public PurposeAttribute(string purposeId)
    {
        PurposeId = purposeId;
    }

    /// <summary>Gets the purpose id.</summary>
    public string PurposeId { get; }
}
