using PrivacyKit.Audit;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// The audited entities one DbContext materialised since its last data reader closed, grouped by data subject, so
/// that a query yields one read event per subject however many rows it read. Used from the context's flow only.
/// </summary>
internal sealed class ReadAuditCollector
{
    private readonly Dictionary<string, Subject> _subjects = new(StringComparer.Ordinal);

    public bool IsEmpty => _subjects.Count == 0;

    public void Add(string subjectId, ReadAuditPolicy.Audited audited)
    {
        if (!_subjects.TryGetValue(subjectId, out var subject))
        {
            _subjects[subjectId] = subject = new Subject();
        }

        subject.Rows++;
        subject.Entities.Add(audited);
    }

    /// <summary>Takes the collected reads as events and starts over.</summary>
    public List<AuditEvent> Drain()
    {
        var events = new List<AuditEvent>(_subjects.Count);
        foreach (var (subjectId, subject) in _subjects)
        {
            var single = subject.Entities.Count == 1;
            var fields = subject.Entities
                .SelectMany(a => a.Fields.Select(f => single ? f : a.Metadata.Name + "." + f))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            events.Add(new AuditEvent
            {
                Kind = AuditEventKind.PersonalDataRead,
                Action = "efcore:query",
                SubjectId = subjectId,
                ResourceType = single ? subject.Entities.First().Metadata.Name : null,
                Fields = fields,
                Properties = new Dictionary<string, string>(1)
                {
                    ["rows"] = subject.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                Delivery = subject.Entities.Any(a => a.Metadata.Properties.Any(p => p.Field.IsSensitive && a.Fields.Contains(p.Name)))
                    ? AuditDelivery.Guaranteed
                    : null,
            });
        }

        _subjects.Clear();
        return events;
    }

    private sealed class Subject
    {
        public int Rows { get; set; }

        public HashSet<ReadAuditPolicy.Audited> Entities { get; } = [];
    }
}
