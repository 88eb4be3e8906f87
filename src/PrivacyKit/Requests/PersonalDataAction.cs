namespace PrivacyKit.Requests;

/// <summary>What a source did with a subject's data of one entity type.</summary>
public enum PersonalDataAction
{
    /// <summary>The records were deleted.</summary>
    Deleted = 1,

    /// <summary>The personal fields were replaced so the records no longer identify the subject.</summary>
    Anonymised = 2,

    /// <summary>The subject's data key was destroyed, so every encrypted copy (backups included) is unreadable.</summary>
    Shredded = 3,

    /// <summary>The data was kept; <see cref="PersonalDataChange.Reason"/> says why (a legal hold, a statutory retention period).</summary>
    Retained = 4,

    /// <summary>Fields were corrected.</summary>
    Rectified = 5,

    /// <summary>Processing was restricted (or stopped for the purposes objected to or opted out of).</summary>
    Restricted = 6,
}
