namespace PrivacyKit.Retention;

/// <summary>What retention does with data whose period has run out.</summary>
public enum RetentionAction
{
    /// <summary>Delete the record.</summary>
    Delete = 0,

    /// <summary>Overwrite the field with an anonymous value (null or a fixed placeholder), keeping the record.</summary>
    Anonymise = 1,

    /// <summary>Destroy the data subject's data key so that every copy of their encrypted data, backups included, becomes unreadable.</summary>
    ShredKey = 2,
}
