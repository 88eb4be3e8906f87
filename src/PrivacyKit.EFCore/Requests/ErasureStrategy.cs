namespace PrivacyKit.EFCore.Requests;

/// <summary>How the rows of one entity type are erased when their data subject asks for erasure.</summary>
public enum ErasureStrategy
{
    /// <summary>Delete the rows. Falls back to <see cref="Anonymise"/> when dependent rows of the subject are kept (a legal hold, another strategy).</summary>
    Delete = 0,

    /// <summary>Keep the rows and replace every personal field by <see langword="null"/> or its configured replacement; ciphertext and blind indexes are cleared.</summary>
    Anonymise = 1,

    /// <summary>
    /// Anonymise the rows (encrypted fields always become <see langword="null"/>), then destroy the subject's data keys so that every
    /// copy of their encrypted data, backups included, becomes unreadable. The keys are kept while any legal hold is active on the subject.
    /// </summary>
    ShredKey = 2,
}
