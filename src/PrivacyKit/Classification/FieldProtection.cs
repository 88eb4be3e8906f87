namespace PrivacyKit.Classification;

/// <summary>How a personal field is protected at rest.</summary>
[Flags]
public enum FieldProtection
{
    /// <summary>Stored in clear.</summary>
    Clear = 0,

    /// <summary>Stored encrypted under the data subject's data key.</summary>
    Encrypted = 1,

    /// <summary>A blind index is stored beside the (encrypted) value.</summary>
    BlindIndex = 2,
}
