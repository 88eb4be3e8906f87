namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>Planted personal values that must never show up in logs, audit records or error messages.</summary>
internal static class Canary
{
    public const string AliceEmail = "alice.canary.7731@example.org";
    public const string AliceName = "Alice Canaryfield";
    public const string BobEmail = "bob.canary.4410@example.org";
    public const string CorrectedName = "Alicia Canaryfield-Newname";

    public static readonly string[] All = [AliceEmail, AliceName, BobEmail, CorrectedName];
}
