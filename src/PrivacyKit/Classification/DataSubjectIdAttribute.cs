namespace PrivacyKit.Classification;

/// <summary>
/// Marks the property that identifies the data subject a record belongs to (the customer's id on
/// the customer entity, the customer foreign key on an order). Exactly one per entity. It links the
/// record to the subject for encryption scope, consent, requests, legal holds and retention.
/// </summary>
/// <remarks>
/// The property is also classified as <see cref="PrivacyClassifications.Identifier"/> unless it
/// carries a classification attribute of its own.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class DataSubjectIdAttribute : Attribute
{
}
