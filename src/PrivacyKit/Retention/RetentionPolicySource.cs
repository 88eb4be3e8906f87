namespace PrivacyKit.Retention;

/// <summary>Where a <see cref="RetentionPolicy"/> was declared.</summary>
public enum RetentionPolicySource
{
    /// <summary>A <see cref="RetentionAttribute"/> on the entity or property.</summary>
    Attribute = 0,

    /// <summary>Code configuration (<see cref="RetentionOptions"/>), which overrides an attribute for the same entity and field.</summary>
    Configuration = 1,
}
