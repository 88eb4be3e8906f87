using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Consent;
using PrivacyKit.Requests;
using static PrivacyKit.Tests.Consent.ConsentSourceTestHost;

namespace PrivacyKit.Tests.Consent;

public sealed class ConsentPersonalDataSourceProperties
{
    private static readonly string[] ConsentPurposes = ["marketing", "data-broker"];

    // (subject 0 or 1, purpose, event, seconds to advance first)
    private static readonly Gen<(int Subject, string Purpose, ConsentEventKind Kind, int Advance)> Step =
        Gen.Choose(0, 1)
            .Zip(Gen.Elements(ConsentPurposes))
            .Zip(Gen.Elements(ConsentEventKind.Granted, ConsentEventKind.Withdrawn, ConsentEventKind.Denied))
            .Zip(Gen.Elements(0, 1, 60))
            .Select(t => (t.Item1.Item1.Item1, t.Item1.Item1.Item2, t.Item1.Item2, t.Item2));

    [Property(MaxTest = 60)]
    public Property AnyHistory_ErasureLeavesNoActiveConsentAndExportIsExactlyTheSubjectsHistory() =>
        Prop.ForAll(Step.ListOf().ToArbitrary(), Gen.Elements(ConsentErasureEvidence.Retain, ConsentErasureEvidence.Remove).ToArbitrary(), (steps, evidence) =>
        {
            using var host = new ConsentSourceTestHost(evidence);
            foreach (var (subject, purpose, kind, advance) in steps)
            {
                host.Time.Advance(TimeSpan.FromSeconds(advance));
                var id = subject == 0 ? SubjectId : OtherSubjectId;
                _ = kind switch
                {
                    ConsentEventKind.Granted => host.Consent.GrantAsync(id, purpose, ConsentSource.Form, Canary).AsTask().Result,
                    ConsentEventKind.Withdrawn => host.Consent.WithdrawAsync(id, purpose, ConsentSource.Form).AsTask().Result,
                    _ => host.Consent.DenyAsync(id, purpose, ConsentSource.Form).AsTask().Result,
                };
            }

            var history = host.Consent.GetHistoryAsync(SubjectId).AsTask().Result;
            var export = host.Source.ExportAsync(RequestContext(SubjectRequestKind.Access)).AsTask().Result;
            var exportIsExact = export.Records.Select(r => r.RecordId).SequenceEqual(history.Select(r => r.Id));

            var activeBefore = ConsentPurposes.Count(p => host.Consent.CheckAsync(SubjectId, p).AsTask().Result.IsAllowed);
            var otherBefore = ConsentPurposes.Select(p => host.Consent.CheckAsync(OtherSubjectId, p).AsTask().Result.Reason).ToList();
            host.Time.Advance(TimeSpan.FromSeconds(1));
            var changes = host.Source.FindAsync(RequestContext(SubjectRequestKind.Erasure)).AsTask().Result.Count == 0
                ? []
                : host.Source.EraseAsync(RequestContext(SubjectRequestKind.Erasure), [ConsentPersonalDataSource.EntityType]).AsTask().Result;

            var noneActive = ConsentPurposes.All(p => !host.Consent.CheckAsync(SubjectId, p).AsTask().Result.IsAllowed);
            var otherUnchanged = ConsentPurposes.Select(p => host.Consent.CheckAsync(OtherSubjectId, p).AsTask().Result.Reason).SequenceEqual(otherBefore);
            var reported = history.Count == 0
                ? changes.Count == 0
                : changes.Single().Reason!.Contains($"{activeBefore} active consents withdrawn", StringComparison.Ordinal) &&
                  changes.Single().Action == (evidence == ConsentErasureEvidence.Retain ? PersonalDataAction.Retained : PersonalDataAction.Deleted);
            var remaining = host.Consent.GetHistoryAsync(SubjectId).AsTask().Result.Count;
            var evidenceAsConfigured = evidence == ConsentErasureEvidence.Remove ? remaining == 0 : remaining == history.Count + activeBefore;
            var noLeak = !host.LeakableText().Contains(Canary, StringComparison.Ordinal);

            return (exportIsExact && noneActive && otherUnchanged && reported && evidenceAsConfigured && noLeak)
                .Label($"export {exportIsExact}, none active {noneActive}, other unchanged {otherUnchanged}, reported {reported}, evidence {evidenceAsConfigured}, no leak {noLeak}");
        });
}
