namespace PrivacyKit.AspNetCore.Authorization;

internal enum PrivacyFailureKind
{
    Permission,
    Consent,
    StepUp,
    DataSubject,
}
