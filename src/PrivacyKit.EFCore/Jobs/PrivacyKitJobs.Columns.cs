using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.BlindIndexes;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>
/// The column jobs: page through each table with encrypted properties by primary key (raw ADO.NET on the context's
/// connection, so no interceptor decrypts or refuses anything), work out the new values outside any transaction, then
/// write the batch with one compare-and-set UPDATE per row in one transaction. A value the application changed
/// meanwhile fails the compare and is left for the next run; a crash or cancellation rolls back the current batch.
/// </summary>
internal sealed partial class PrivacyKitJobs<TContext>
{
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Readers = new();

    /// <summary>Marks a plaintext value that cannot be read as its property type.</summary>
    private static readonly object Unreadable = new();

    private enum Outcome
    {
        None,
        AlreadyDone,
        Change,
        Skip,
    }

    private Task<PrivacyKitJobResult> RunColumnsAsync(PrivacyKitJob job, PrivacyKitJobOptions options, IProgress<PrivacyKitJobProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(job, options, async counter =>
        {
            List<EncryptedTable> tables;
            await using (var lease = await contexts.CreateAsync(cancellationToken, requireStores: false).ConfigureAwait(false))
            {
                tables = EncryptedTable.From(lease.Context, options.EntityTypes);
            }

            var run = new ColumnRun(job, options, counter, progress, []);
            foreach (var table in tables)
            {
                await RunTableAsync(run, table, cancellationToken).ConfigureAwait(false);
            }
        });

    private async Task RunTableAsync(ColumnRun run, EncryptedTable table, CancellationToken cancellationToken)
    {
        object? lastKey = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var lease = await contexts.CreateAsync(cancellationToken, requireStores: false).ConfigureAwait(false);
            var database = lease.Context.Database;
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var rows = await ReadPageAsync(database, table, lastKey, run.Options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return;
            }

            lastKey = rows[^1].Key;
            var batch = new JobCounter(run.Job, run.Options.DryRun);
            var updates = new List<RowUpdate>();
            foreach (var row in rows)
            {
                batch.Examined++;
                var newValues = new object?[table.Columns.Count];
                var newIndexes = new object?[table.Columns.Count];
                var changed = new List<int>();
                var skipped = false;
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var (outcome, value, index) = await ProcessAsync(run, table, i, row, cancellationToken).ConfigureAwait(false);
                    if (outcome == Outcome.Change)
                    {
                        changed.Add(i);
                        newValues[i] = value;
                        newIndexes[i] = index;
                    }

                    skipped |= outcome == Outcome.Skip;
                }

                if (skipped)
                {
                    // Counted even when other values of the row change: something was left as it was.
                    batch.Skipped++;
                }

                if (changed.Count > 0)
                {
                    updates.Add(new RowUpdate(row, [.. changed], newValues, newIndexes));
                }
                else if (!skipped)
                {
                    batch.AlreadyDone++;
                }
            }

            if (run.Options.DryRun)
            {
                batch.Changed += updates.Count;
            }
            else if (updates.Count > 0)
            {
                await WriteAsync(database, table, updates, run.Job == PrivacyKitJob.EncryptExisting, batch, cancellationToken).ConfigureAwait(false);
            }

            run.Counter.Add(batch);
            run.Progress?.Report(run.Counter.Progress(table.Name));
            JobsLog.BatchCommitted(logger, run.Job, table.Name, run.Counter.Examined, run.Counter.Changed, run.Counter.AlreadyDone);
            if (rows.Count < run.Options.BatchSize)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(DatabaseFacade database, EncryptedTable table, List<RowUpdate> updates, bool withIndexes, JobCounter batch, CancellationToken cancellationToken)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var connection = database.GetDbConnection();
            foreach (var (row, changed, newValues, newIndexes) in updates)
            {
                await StepAsync("write").ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = table.UpdateRow(changed, withIndexes);
                AddParameter(command, "@k", row.Key);
                foreach (var i in changed)
                {
                    AddParameter(command, $"@n{i}", newValues[i]);
                    AddParameter(command, $"@o{i}", row.Values[i]);
                    if (withIndexes && table.Columns[i].Index is not null)
                    {
                        // Written with the ciphertext in the same UPDATE, so a crash never leaves one without the other.
                        AddParameter(command, $"@b{i}", newIndexes[i]);
                    }
                }

                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    batch.Changed++;
                }
                else
                {
                    // The application changed the row since it was read: the next run looks at it again.
                    batch.Skipped++;
                }
            }

            await StepAsync("commit").ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<(Outcome Outcome, object? Value, object? Index)> ProcessAsync(ColumnRun run, EncryptedTable table, int index, RawRow row, CancellationToken cancellationToken)
    {
        var column = table.Columns[index];
        var raw = row.Values[index];
        if (raw is null)
        {
            return (Outcome.None, null, null);
        }

        var ciphertext = raw switch
        {
            byte[] bytes when FieldCiphertext.IsEncrypted(bytes) => bytes,
            string text when FieldCiphertext.IsEncrypted(text) => FieldCiphertext.FromText(text),
            _ => null,
        };

        if (run.Job == PrivacyKitJob.EncryptExisting && ciphertext is not null && (column.Index is null || row.Indexed[index]))
        {
            return (Outcome.AlreadyDone, null, null);
        }

        if (run.Job == PrivacyKitJob.EncryptExisting && ReferenceEquals(row.Plaintext[index], Unreadable))
        {
            return Skip(run, table, column, $"its plaintext cannot be read as {Nullable.GetUnderlyingType(column.PropertyType)?.Name ?? column.PropertyType.Name}");
        }

        if (run.Job == PrivacyKitJob.Reencrypt && ciphertext is null)
        {
            return Skip(run, table, column, "it is not encrypted yet (run EncryptExisting first)");
        }

        EncryptionContext context;
        try
        {
            context = table.Plan.ContextFor(column.PropertyName, row.Subject);
        }
        catch (FieldEncryptionException)
        {
            return Skip(run, table, column, "the row has no data-subject id");
        }

        var crypto = TypedCrypto.For(column.PropertyType);
        if (run.Job == PrivacyKitJob.EncryptExisting && ciphertext is not null)
        {
            return await IndexEncryptedAsync(run, table, column, ciphertext, raw, context, cancellationToken).ConfigureAwait(false);
        }

        byte[] encrypted;
        if (run.Job == PrivacyKitJob.EncryptExisting)
        {
            if (run.Options.DryRun)
            {
                return (Outcome.Change, null, null);
            }

            try
            {
                encrypted = await crypto.EncryptAsync(encryptor, row.Plaintext[index], context, cancellationToken).ConfigureAwait(false);
            }
            catch (FieldEncryptionException)
            {
                return Skip(run, table, column, "the subject's data key was shredded");
            }
        }
        else
        {
            FieldCiphertext.TryGetKeyReference(ciphertext, out var reference);
            var latest = await LatestAsync(run, context.Scope, cancellationToken).ConfigureAwait(false);
            if (latest is null || latest.IsShredded)
            {
                return Skip(run, table, column, "the subject's data key was shredded");
            }

            if (reference.Version >= latest.Version)
            {
                return (Outcome.AlreadyDone, null, null);
            }

            if (run.Options.DryRun)
            {
                return (Outcome.Change, null, null);
            }

            var plaintext = await crypto.DecryptAsync(encryptor, ciphertext, context, cancellationToken).ConfigureAwait(false);
            encrypted = await crypto.EncryptAsync(encryptor, plaintext, context, cancellationToken).ConfigureAwait(false);
            if (!FieldCiphertext.TryGetKeyReference(encrypted, out var written) || written.Version < latest.Version)
            {
                return Skip(run, table, column, "this instance still caches an older key version (run again after the key-cache lifetime)");
            }
        }

        var newIndex = run.Job == PrivacyKitJob.EncryptExisting && column.Index is { } blindIndex
            ? blindIndex.Compute(await BlindIndexerAsync(run, cancellationToken).ConfigureAwait(false), row.Plaintext[index])
            : null;
        return (Outcome.Change, column.Binary ? encrypted : FieldCiphertext.ToText(encrypted), newIndex);
    }

    /// <summary>
    /// A value already encrypted whose blind index is missing (encrypted by an earlier version of this job): computes the
    /// index from the decrypted value; the ciphertext is written back unchanged with it (compare-and-set on the ciphertext).
    /// </summary>
    private async ValueTask<(Outcome Outcome, object? Value, object? Index)> IndexEncryptedAsync(
        ColumnRun run, EncryptedTable table, EncryptedColumn column, byte[] ciphertext, object raw, EncryptionContext context, CancellationToken cancellationToken)
    {
        object? plaintext;
        try
        {
            plaintext = await TypedCrypto.For(column.PropertyType).DecryptAsync(encryptor, ciphertext, context, cancellationToken).ConfigureAwait(false);
        }
        catch (DataKeyErasedException)
        {
            return Skip(run, table, column, "the subject's data key was shredded");
        }

        if (plaintext is null)
        {
            return (Outcome.AlreadyDone, null, null); // an encrypted null has no index
        }

        return run.Options.DryRun
            ? (Outcome.Change, null, null)
            : (Outcome.Change, raw, column.Index!.Compute(await BlindIndexerAsync(run, cancellationToken).ConfigureAwait(false), plaintext));
    }

    /// <summary>The blind indexer, its key loaded once per run (so computing an index never blocks on the key store).</summary>
    private async ValueTask<IBlindIndexer> BlindIndexerAsync(ColumnRun run, CancellationToken cancellationToken)
    {
        if (run.BlindIndexer is null)
        {
            var indexer = services.GetRequiredService<IBlindIndexer>();
            await indexer.PreloadAsync(cancellationToken).ConfigureAwait(false);
            run.BlindIndexer = indexer;
        }

        return run.BlindIndexer;
    }

    private async ValueTask<DataKeyRecord?> LatestAsync(ColumnRun run, string scope, CancellationToken cancellationToken)
    {
        if (!run.Latest.TryGetValue(scope, out var latest))
        {
            latest = await keyStore.FindLatestAsync(scope, cancellationToken).ConfigureAwait(false);
            run.Latest[scope] = latest;
        }

        return latest;
    }

    private (Outcome, object?, object?) Skip(ColumnRun run, EncryptedTable table, EncryptedColumn column, string reason)
    {
        if (run.Warned.Add((table.Name, column.PropertyName, reason)))
        {
            JobsLog.ValueSkipped(logger, run.Job, table.Name, column.PropertyName, reason);
        }

        return (Outcome.Skip, null, null);
    }

    private static async Task<List<RawRow>> ReadPageAsync(DatabaseFacade database, EncryptedTable table, object? lastKey, int size, CancellationToken cancellationToken)
    {
        await using var command = database.GetDbConnection().CreateCommand();
        command.CommandText = table.SelectPage(lastKey is null, size, database.ProviderName);
        if (lastKey is not null)
        {
            AddParameter(command, "@p0", lastKey);
        }

        var rows = new List<RawRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new object?[table.Columns.Count];
            var plaintext = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (await reader.IsDBNullAsync(i + 2, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                values[i] = reader.GetValue(i + 2);
                var encrypted = values[i] switch
                {
                    byte[] bytes => FieldCiphertext.IsEncrypted(bytes),
                    string text => FieldCiphertext.IsEncrypted(text),
                    _ => false,
                };
                if (!encrypted)
                {
                    plaintext[i] = ReadPlaintext(reader, i + 2, table.Columns[i].PropertyType);
                }
            }

            var indexed = new bool[table.Columns.Count];
            if (reader.FieldCount > 2 + values.Length)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    indexed[i] = !await reader.IsDBNullAsync(2 + values.Length + i, cancellationToken).ConfigureAwait(false);
                }
            }

            var subject = table.Subject is null || await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false)
                ? null
                : ReadModelValue(reader, 1, table.Subject);
            rows.Add(new RawRow(reader.GetValue(0), subject, values, plaintext, indexed));
        }

        return rows;
    }

    /// <summary>Reads a plaintext value as its property type, or <see cref="Unreadable"/> (never an exception that could quote the value).</summary>
    private static object? ReadPlaintext(DbDataReader reader, int ordinal, Type propertyType)
    {
        try
        {
            return TypedCrypto.For(propertyType).ReadPlaintext(reader, ordinal);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or NotSupportedException or ArgumentException or OverflowException)
        {
            return Unreadable;
        }
    }

    /// <summary>Reads a column as the model reads it: the provider type, then the property's value converter.</summary>
    private static object? ReadModelValue(DbDataReader reader, int ordinal, IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var providerType = converter?.ProviderClrType ?? property.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var read = Readers.GetOrAdd(providerType, static t => typeof(PrivacyKitJobs<TContext>)
            .GetMethod(nameof(ReadAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(t)
            .CreateDelegate<Func<DbDataReader, int, object>>());
        var value = read(reader, ordinal);
        return converter is null ? value : converter.ConvertFromProvider(value);
    }

    private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One row as read: the key and subject as the model reads them, the raw column values, and plaintext values typed as their properties.</summary>
    private sealed record RawRow(object Key, object? Subject, object?[] Values, object?[] Plaintext, bool[] Indexed);

    /// <summary>The new values of one row: the changed columns, their ciphertext and (for EncryptExisting) their blind indexes.</summary>
    private sealed record RowUpdate(RawRow Row, int[] Changed, object?[] NewValues, object?[] NewIndexes);

    /// <summary>The state of one column-job run.</summary>
    private sealed record ColumnRun(
        PrivacyKitJob Job,
        PrivacyKitJobOptions Options,
        JobCounter Counter,
        IProgress<PrivacyKitJobProgress>? Progress,
        Dictionary<string, DataKeyRecord?> Latest)
    {
        public HashSet<(string, string, string)> Warned { get; } = [];

        public IBlindIndexer? BlindIndexer { get; set; }
    }
}
