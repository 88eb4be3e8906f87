namespace PrivacyKit.Classification;

/// <summary>How serious a <see cref="PostureFinding"/> is.</summary>
public enum PostureSeverity
{
    /// <summary>Worth a look.</summary>
    Low = 0,

    /// <summary>Should be fixed.</summary>
    Medium = 1,

    /// <summary>Must be fixed: personal data is exposed or cannot be handled lawfully.</summary>
    High = 2,
}
