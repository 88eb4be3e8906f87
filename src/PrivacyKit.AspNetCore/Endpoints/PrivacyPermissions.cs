namespace PrivacyKit.AspNetCore;

/// <summary>
/// The permissions the operator privacy endpoints require. Grant them to roles with PrivacyKit's access control
/// (e.g. <c>requests:*</c> to a data protection officer).
/// </summary>
public static class PrivacyPermissions
{
    /// <summary>List and view data subject requests: <c>requests:read</c>.</summary>
    public const string RequestsRead = "requests:read";

    /// <summary>Submit on behalf of a subject, verify, extend, complete, reject, and execute rectification, restriction, objection and opt-out: <c>requests:manage</c>.</summary>
    public const string RequestsManage = "requests:manage";

    /// <summary>Execute access and portability requests (exports personal data; also needs a multi-factor sign-in): <c>requests:export</c>.</summary>
    public const string RequestsExport = "requests:export";

    /// <summary>Execute erasure requests (also needs a multi-factor sign-in): <c>requests:erase</c>.</summary>
    public const string RequestsErase = "requests:erase";

    /// <summary>Read the access review report and recertify assignments: <c>access:review</c>.</summary>
    public const string AccessReview = "access:review";

    /// <summary>Grant and revoke roles (also needs a multi-factor sign-in): <c>roles:manage</c>.</summary>
    public const string RolesManage = "roles:manage";
}
