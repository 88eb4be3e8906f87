using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// One changed entity with personal data, captured when SaveChanges starts (state, changed field names, the ambient
/// privacy context) and turned into an <see cref="AuditEvent"/> once its key is final (store-generated keys are known
/// only after the insert ran).
/// </summary>
internal sealed class ChangeAuditCapture
{
    private readonly EntityEntry _entry;
    private readonly PrivacyEntityMetadata _metadata;
    private readonly PrivacyContext? _context;
    private string? _resourceId;
    private string? _subjectId;

    private ChangeAuditCapture(EntityEntry entry, PrivacyEntityMetadata metadata, AuditEventKind kind, IReadOnlyList<string> fields, PrivacyContext? context)
    {
        _entry = entry;
        _metadata = metadata;
        Kind = kind;
        Fields = fields;
        _context = context;
        if (kind != AuditEventKind.Created)
        {
            // Keys of modified and deleted rows cannot change; read them now, before a delete detaches the entry.
            _resourceId = FormatKey(entry);
            _subjectId = FormatSubject(metadata, entry);
        }
    }

    public AuditEventKind Kind { get; }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>Captures every added, modified or deleted entity whose type carries personal data.</summary>
    public static List<ChangeAuditCapture> CaptureAll(DbContext context, PrivacyContext? ambient)
    {
        var captured = new List<ChangeAuditCapture>();

        // Entries() detects changes first when automatic detection is on (once: no explicit DetectChanges before it).
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var kind = entry.State switch
            {
                EntityState.Added => AuditEventKind.Created,
                EntityState.Modified => AuditEventKind.Updated,
                EntityState.Deleted => AuditEventKind.Deleted,
                _ => (AuditEventKind)0,
            };
            if (kind == 0 || PrivacyEntityMetadata.For(entry.Metadata) is not { HasPersonalData: true } metadata)
            {
                continue;
            }

            var fields = ChangedFields(entry, kind);
            if (kind == AuditEventKind.Updated && fields.Count == 0)
            {
                continue;
            }

            captured.Add(new ChangeAuditCapture(entry, metadata, kind, fields, ambient));
        }

        return captured;
    }

    /// <summary>Builds the event with everything the pipeline would fill, so a record written in the transaction is complete.</summary>
    public AuditEvent ToEvent(DateTimeOffset now)
    {
        var actor = _context?.Actor;
        return new AuditEvent
        {
            Kind = Kind,
            Action = _metadata.Name + Kind switch
            {
                AuditEventKind.Created => ":create",
                AuditEventKind.Updated => ":update",
                _ => ":delete",
            },
            ActorId = actor?.Id,
            ActorRoles = actor?.Roles ?? [],
            OnBehalfOf = actor?.OnBehalfOf,
            SubjectId = _subjectId ??= FormatSubject(_metadata, _entry),
            ResourceType = _metadata.Name,
            ResourceId = _resourceId ??= FormatKey(_entry),
            Fields = Fields,
            Purpose = _context?.Purpose,
            Timestamp = now,
            CorrelationId = _context?.CorrelationId ?? Activity.Current?.TraceId.ToHexString(),
        };
    }

    /// <summary>Re-reads a store-generated key after the insert ran (a retried save may have produced another one).</summary>
    public void Refresh()
    {
        if (Kind == AuditEventKind.Created)
        {
            _resourceId = null;
            _subjectId = null;
        }
    }

    private static List<string> ChangedFields(EntityEntry entry, AuditEventKind kind)
    {
        var names = new List<string>();
        if (kind == AuditEventKind.Deleted)
        {
            return names;
        }

        // Read through the entry's values rather than a PropertyEntry per property: this runs for every saved entity.
        var created = kind == AuditEventKind.Created ? entry.CurrentValues : null;
        foreach (var property in entry.Metadata.GetProperties())
        {
            var changed = created is not null ? created[property] is not null && !property.IsPrimaryKey() : entry.Property(property).IsModified;
            if (changed)
            {
                var name = ClrName(property);
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>The CLR name behind an EF property: the encrypted or blind-indexed property a shadow column stores.</summary>
    internal static string ClrName(IReadOnlyProperty property) =>
        property.FindAnnotation(PrivacyKitAnnotationNames.CiphertextFor)?.Value as string
        ?? property.FindAnnotation(PrivacyKitAnnotationNames.BlindIndexFor)?.Value as string
        ?? property.Name;

    private static string? FormatKey(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        var values = key.Properties.Select(p => entry.Property(p.Name).CurrentValue is { } v ? PrivacyEntityMetadata.FormatSubjectId(v) : "");
        return string.Join(",", values);
    }

    // Through the entry: a store-generated subject id reaches the CLR object only when the changes are accepted.
    private static string? FormatSubject(PrivacyEntityMetadata metadata, EntityEntry entry) =>
        (metadata.SubjectIdProperty is { } name && entry.Metadata.FindProperty(name) is not null
            ? entry.Property(name).CurrentValue
            : metadata.GetSubjectId(entry.Entity)) is { } id ? PrivacyEntityMetadata.FormatSubjectId(id) : null;
}
