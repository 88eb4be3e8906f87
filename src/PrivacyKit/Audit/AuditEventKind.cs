namespace PrivacyKit.Audit;

/// <summary>What happened, in the categories a privacy audit asks about.</summary>
public enum AuditEventKind
{
    /// <summary>Personal data was read.</summary>
    PersonalDataRead = 1,

    /// <summary>A record holding personal data was created.</summary>
    Created = 2,

    /// <summary>A record holding personal data was changed; <see cref="AuditEvent.Fields"/> names the changed fields.</summary>
    Updated = 3,

    /// <summary>A record holding personal data was deleted.</summary>
    Deleted = 4,

    /// <summary>Personal data was exported (an access or portability request, an operator export).</summary>
    Exported = 5,

    /// <summary>A data subject's data was erased, anonymised or crypto-shredded.</summary>
    Erased = 6,

    /// <summary>A consent was granted, withdrawn, denied or expired.</summary>
    ConsentChanged = 7,

    /// <summary>A role was granted to an actor.</summary>
    RoleGranted = 8,

    /// <summary>A role was revoked from an actor.</summary>
    RoleRevoked = 9,

    /// <summary>An access decision denied an actor.</summary>
    AccessDenied = 10,

    /// <summary>A key operation: data key created, shredded, rotated or re-wrapped; KEK rotated.</summary>
    KeyOperation = 11,

    /// <summary>A data subject request changed state.</summary>
    RequestStatusChanged = 12,

    /// <summary>Retention ran: expired data was deleted or anonymised, or a legal hold changed.</summary>
    Retention = 13,

    /// <summary>An access review decision (recertification) was recorded.</summary>
    AccessReviewed = 14,

    /// <summary>A protection was bypassed on purpose through an explicit, audited call.</summary>
    ProtectionBypassed = 15,
}
