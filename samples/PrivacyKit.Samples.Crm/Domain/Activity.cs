using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>Something that happened with a customer: a call, a meeting, an e-mail, a campaign send.</summary>
[Purpose("service")]
[Retention("P2Y", From = nameof(At))]
public sealed class Activity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    public string Kind { get; set; } = "";

    [PersonalData(PersonalDataCategory.Behavioural)]
    public string Subject { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
