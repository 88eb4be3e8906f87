using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    private static readonly System.Buffers.SearchValues<char> PrefixChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._");

    /// <summary>Configures the audit pipeline (<see cref="AuditOptions"/>).</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureAudit(this IPrivacyKitBuilder builder, Action<AuditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a sink that takes one record at a time. The pipeline batches for it. Once any sink is added, the
    /// default logger sink is no longer used unless added with <see cref="AddLoggerAuditSink"/>.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="sink">The sink; when it also implements <see cref="IAuditReader"/>, it becomes the default reader.</param>
    /// <param name="policy">Whether the sink is part of the audit record (<see cref="AuditSinkPolicy.MustSucceed"/>) or a best-effort copy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public static IPrivacyKitBuilder AddAuditSink(this IPrivacyKitBuilder builder, IAuditSink sink, AuditSinkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return AddSink(builder, _ => sink, sink as IAuditReader, policy);
    }

    /// <summary>Adds a sink that takes one record at a time, created from the service provider.</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="factory">Creates the sink once, when the pipeline starts.</param>
    /// <param name="policy">Whether the sink is part of the audit record or a best-effort copy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public static IPrivacyKitBuilder AddAuditSink(this IPrivacyKitBuilder builder, Func<IServiceProvider, IAuditSink> factory, AuditSinkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return AddSink(builder, factory, null, policy);
    }

    /// <summary>Adds a sink that takes records in batches (one write, one fsync or one round trip per batch).</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="sink">The sink; when it also implements <see cref="IAuditReader"/>, it becomes the default reader.</param>
    /// <param name="policy">Whether the sink is part of the audit record or a best-effort copy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public static IPrivacyKitBuilder AddBatchedAuditSink(this IPrivacyKitBuilder builder, IBatchedAuditSink sink, AuditSinkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return AddSink(builder, _ => sink, sink as IAuditReader, policy);
    }

    /// <summary>Adds a batched sink created from the service provider (e.g. a database sink that opens a scope per batch).</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="factory">Creates the sink once, when the pipeline starts.</param>
    /// <param name="policy">Whether the sink is part of the audit record or a best-effort copy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public static IPrivacyKitBuilder AddBatchedAuditSink(
        this IPrivacyKitBuilder builder, Func<IServiceProvider, IBatchedAuditSink> factory, AuditSinkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return AddSink(builder, factory, null, policy);
    }

    /// <summary>
    /// Adds the JSON-lines file sink (<see cref="AuditSinkPolicy.MustSucceed"/> unless configured otherwise) and
    /// makes it the default <see cref="IAuditReader"/>. Files are <c>{prefix}-{instance}-{yyyyMMdd}-{nnnnnn}.jsonl</c>.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="directory">The directory for the files; created when missing.</param>
    /// <param name="configure">Sets further <see cref="JsonLinesAuditSinkOptions"/>; may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="directory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty, or the configured options are invalid.</exception>
    public static IPrivacyKitBuilder AddJsonLinesAuditSink(this IPrivacyKitBuilder builder, string directory, Action<JsonLinesAuditSinkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var options = new JsonLinesAuditSinkOptions { Directory = directory };
        configure?.Invoke(options);
        ValidateFileOptions(options);

        var key = new object();
        builder.Services.AddKeyedSingleton(key, (sp, _) => new JsonLinesAuditSink(
            options,
            sp.GetRequiredService<IOptions<PrivacyKitOptions>>().Value.InstanceId,
            sp.GetRequiredService<TimeProvider>(),
            (sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("PrivacyKit.Audit.File")));
        builder.Services.TryAddSingleton<IAuditReader>(sp => sp.GetRequiredKeyedService<JsonLinesAuditSink>(key));
        builder.Services.AddSingleton(new AuditSinkRegistration(sp => sp.GetRequiredKeyedService<JsonLinesAuditSink>(key), options.Policy));
        return builder;
    }

    /// <summary>
    /// Adds the logger sink: one structured entry per record (category <c>PrivacyKit.Audit</c>, event id 5100). It is
    /// the default sink when no other is added.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="policy">Defaults to <see cref="AuditSinkPolicy.BestEffort"/>: logs are a convenience copy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public static IPrivacyKitBuilder AddLoggerAuditSink(this IPrivacyKitBuilder builder, AuditSinkPolicy policy = AuditSinkPolicy.BestEffort) =>
        AddSink(builder, sp => new LoggerAuditSink(sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance), null, policy);

    /// <summary>Adds a store for chain checkpoints, kept apart from the records (see <see cref="IAuditCheckpointSink"/>).</summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="sink">The checkpoint store.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddAuditCheckpointSink(this IPrivacyKitBuilder builder, IAuditCheckpointSink sink)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sink);
        builder.Services.AddSingleton(sink);
        return builder;
    }

    /// <summary>
    /// Appends chain checkpoints to a file, one <see cref="AuditCheckpoint.Format"/> line each, with fsync. Put it on
    /// other storage than the records; read it back with <see cref="AuditCheckpoint.Parse"/> to verify.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="path">The file; its directory is created when missing.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IPrivacyKitBuilder AddAuditCheckpointFile(this IPrivacyKitBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return AddAuditCheckpointSink(builder, new FileAuditCheckpointSink(path));
    }

    /// <summary>Replaces the default key provider (keys from <see cref="AuditOptions"/>) with the application's own.</summary>
    /// <typeparam name="TProvider">The provider, created once from the service provider.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder UseAuditKeyProvider<TProvider>(this IPrivacyKitBuilder builder)
        where TProvider : class, IAuditKeyProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuditKeyProvider, TProvider>());
        return builder;
    }

    private static IPrivacyKitBuilder AddSink(IPrivacyKitBuilder builder, Func<IServiceProvider, object> factory, IAuditReader? reader, AuditSinkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "The audit sink policy must be MustSucceed or BestEffort.");
        }

        if (reader is not null)
        {
            builder.Services.TryAddSingleton(reader);
        }

        builder.Services.AddSingleton(new AuditSinkRegistration(factory, policy));
        return builder;
    }

    private static void ValidateFileOptions(JsonLinesAuditSinkOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new ArgumentException("JsonLinesAuditSinkOptions.Directory must name a directory.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.FilePrefix) || options.FilePrefix.AsSpan().ContainsAnyExcept(PrefixChars))
        {
            throw new ArgumentException("JsonLinesAuditSinkOptions.FilePrefix must be letters, digits, '.' or '_' (no '-').", nameof(options));
        }

        if (options.MaxFileSizeBytes < 4096)
        {
            throw new ArgumentException("JsonLinesAuditSinkOptions.MaxFileSizeBytes must be at least 4096.", nameof(options));
        }

        if (!Enum.IsDefined(options.Policy))
        {
            throw new ArgumentException("JsonLinesAuditSinkOptions.Policy must be MustSucceed or BestEffort.", nameof(options));
        }
    }
}
