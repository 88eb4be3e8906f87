using Microsoft.EntityFrameworkCore;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// What one DbContext has to audit: the save in progress (captured, key not yet final) and the events of saves that
/// ran inside a transaction the application has not committed yet. Used from the context's own flow only.
/// </summary>
internal sealed class ChangeAuditState
{
    /// <summary>The save in progress, or <see langword="null"/>.</summary>
    public List<ChangeAuditCapture>? Save { get; set; }

    /// <summary>Whether the save in progress runs in a transaction the application began.</summary>
    public bool InUserTransaction { get; set; }

    /// <summary>The auto-transaction behaviour to restore after the save.</summary>
    public AutoTransactionBehavior? RestoreBehavior { get; set; }

    /// <summary>
    /// A transaction the application handed to EF Core with <c>UseTransaction</c>: it may be committed without EF Core
    /// seeing it, so the records of saves in it are written at once, inside it.
    /// </summary>
    public System.Data.Common.DbTransaction? External { get; set; }

    /// <summary>What the writer put into the transaction that is committing, for the checkpoint after the commit.</summary>
    public (long First, PrivacyKit.Audit.AuditCheckpoint Head)? Written { get; set; }

    /// <summary>Events of completed saves that wait for the application's transaction to commit.</summary>
    public List<AuditEvent> Pending { get; } = [];
}
