namespace PrivacyKit.Samples.Crm;

/// <summary>The exit codes scripts can rely on (listed by <c>--help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Everything behaved as expected.</summary>
    public const int Success = 0;

    /// <summary>A check failed: a demo step, the audit verification, or a high-severity posture finding.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong (unknown command, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>What the command works on does not exist: no demo state (run <c>demo</c> first) or an unknown subject.</summary>
    public const int NotFound = 4;

    /// <summary>The command failed with an error (a key, the audit trail or the database); the message says what.</summary>
    public const int Error = 5;
}
