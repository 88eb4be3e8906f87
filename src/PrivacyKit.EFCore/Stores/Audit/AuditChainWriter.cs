using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// Appends audit events to a chain kept in the application's database, inside the application's own transaction:
/// it locks the chain's head row (an UPDATE, so concurrent writers on any instance queue behind it until commit),
/// chains and signs the events after the head, inserts them and moves the head. A rollback undoes all of it.
/// </summary>
internal sealed class AuditChainWriter(IAuditKeyProvider keys, ILogger logger)
{
    private const string HeadSavepoint = "privacykit_audit_head";

    /// <summary>Writes the events; returns the new head with the first sequence written, or <see langword="null"/> when there were none.</summary>
    public async Task<(long First, AuditCheckpoint Head)?> WriteAsync(
        DbContext context, DbTransaction transaction, string chainId, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var sql = new Sql(context);
        var connection = transaction.Connection ?? context.Database.GetDbConnection();
        if (await Sql.ExecuteAsync(connection, transaction, sql.LockHead, cancellationToken, chainId).ConfigureAwait(false) == 0)
        {
            await CreateHeadAsync(sql, connection, transaction, chainId, logger, cancellationToken).ConfigureAwait(false);
        }

        long sequence;
        string hash;
        await using (var read = Sql.Command(connection, transaction, sql.ReadHead, chainId))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw Error.AuditChainHeadMissing(chainId);
            }

            sequence = reader.GetInt64(0);
            hash = reader.GetString(1).Trim();
        }

        var first = sequence + 1;
        using var signer = new AuditRecordSigner(keys);
        foreach (var e in events)
        {
            var record = signer.Chain(chainId, ++sequence, hash, e);
            hash = record.Hash;
            var row = AuditRowMapper.ToRow(record);
            await Sql.ExecuteAsync(connection, transaction, sql.InsertRecord, cancellationToken, Sql.Values(row)).ConfigureAwait(false);
        }

        await Sql.ExecuteAsync(connection, transaction, sql.MoveHead, cancellationToken, sequence, hash, chainId).ConfigureAwait(false);
        EFAuditLog.RecordsWritten(logger, events.Count, chainId, first, sequence);
        return (first, new AuditCheckpoint(chainId, sequence, hash, events[^1].Timestamp));
    }

    private static async Task CreateHeadAsync(
        Sql sql, DbConnection connection, DbTransaction transaction, string chainId, ILogger logger, CancellationToken cancellationToken)
    {
        // Another writer may create the same head at the same moment: the loser rolls back to the savepoint and then
        // queues behind the winner's row lock like any later writer.
        await transaction.SaveAsync(HeadSavepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await Sql.ExecuteAsync(connection, transaction, sql.InsertHead, cancellationToken, chainId, 0L, AuditRecordSigner.GenesisHash).ConfigureAwait(false);
            await transaction.ReleaseAsync(HeadSavepoint, cancellationToken).ConfigureAwait(false);
            EFAuditLog.ChainHeadCreated(logger, chainId);
        }
        catch (DbException)
        {
            await transaction.RollbackAsync(HeadSavepoint, cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, transaction, sql.LockHead, cancellationToken, chainId).ConfigureAwait(false);
        }
    }

    /// <summary>The statements, with table and column names from the model and identifiers quoted by the provider.</summary>
    private sealed class Sql
    {
        private static readonly string[] RecordColumns =
        [
            nameof(AuditRecordRow.InstanceId), nameof(AuditRecordRow.Sequence), nameof(AuditRecordRow.KeyId),
            nameof(AuditRecordRow.PreviousHash), nameof(AuditRecordRow.Hash), nameof(AuditRecordRow.Kind),
            nameof(AuditRecordRow.Action), nameof(AuditRecordRow.ActorId), nameof(AuditRecordRow.ActorRoles),
            nameof(AuditRecordRow.OnBehalfOf), nameof(AuditRecordRow.SubjectId), nameof(AuditRecordRow.ResourceType),
            nameof(AuditRecordRow.ResourceId), nameof(AuditRecordRow.Fields), nameof(AuditRecordRow.Purpose),
            nameof(AuditRecordRow.Outcome), nameof(AuditRecordRow.Reason), nameof(AuditRecordRow.TimestampUtcTicks),
            nameof(AuditRecordRow.CorrelationId), nameof(AuditRecordRow.Properties),
        ];

        public Sql(DbContext context)
        {
            var helper = context.GetService<ISqlGenerationHelper>();
            var heads = context.Model.FindEntityType(typeof(AuditChainHeadRow)) ?? throw Error.AuditStoreNotMapped(context.GetType());
            var records = context.Model.FindEntityType(typeof(AuditRecordRow)) ?? throw Error.AuditStoreNotMapped(context.GetType());
            var headTable = Table(helper, heads);
            var headId = Column(helper, heads, nameof(AuditChainHeadRow.ChainId));
            var headSeq = Column(helper, heads, nameof(AuditChainHeadRow.Sequence));
            var headHash = Column(helper, heads, nameof(AuditChainHeadRow.Hash));
            LockHead = $"UPDATE {headTable} SET {headSeq} = {headSeq} WHERE {headId} = @p0";
            ReadHead = $"SELECT {headSeq}, {headHash} FROM {headTable} WHERE {headId} = @p0";
            InsertHead = $"INSERT INTO {headTable} ({headId}, {headSeq}, {headHash}) VALUES (@p0, @p1, @p2)";
            MoveHead = $"UPDATE {headTable} SET {headSeq} = @p0, {headHash} = @p1 WHERE {headId} = @p2";
            InsertRecord = $"INSERT INTO {Table(helper, records)} ({string.Join(", ", RecordColumns.Select(c => Column(helper, records, c)))}) "
                + $"VALUES ({string.Join(", ", RecordColumns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        }

        public string LockHead { get; }

        public string ReadHead { get; }

        public string InsertHead { get; }

        public string MoveHead { get; }

        public string InsertRecord { get; }

        public static object?[] Values(AuditRecordRow r) =>
        [
            r.InstanceId, r.Sequence, r.KeyId, r.PreviousHash, r.Hash, r.Kind, r.Action, r.ActorId, r.ActorRoles, r.OnBehalfOf,
            r.SubjectId, r.ResourceType, r.ResourceId, r.Fields, r.Purpose, r.Outcome, r.Reason, r.TimestampUtcTicks, r.CorrelationId, r.Properties,
        ];

        public static DbCommand Command(DbConnection connection, DbTransaction transaction, string text, params object?[] values)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Identifiers come from the model, quoted by the provider; every value is a parameter.
            command.CommandText = text;
#pragma warning restore CA2100
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = values[i] ?? DBNull.Value;
                if (values[i] is null)
                {
                    parameter.DbType = DbType.String;
                }

                command.Parameters.Add(parameter);
            }

            return command;
        }

        public static async Task<int> ExecuteAsync(
            DbConnection connection, DbTransaction transaction, string text, CancellationToken cancellationToken, params object?[] values)
        {
            await using var command = Command(connection, transaction, text, values);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        private static string Table(ISqlGenerationHelper helper, IEntityType type) =>
            helper.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

        private static string Column(ISqlGenerationHelper helper, IEntityType type, string property)
        {
            var p = type.FindProperty(property)!;
            return helper.DelimitIdentifier(p.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
        }
    }
}
