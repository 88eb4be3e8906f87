using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PrivacyKit.Access;
using PrivacyKit.BlindIndexes;
using PrivacyKit.Context;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>The application's PrivacyKit services as one context sees them. Thread-safe.</summary>
internal sealed class PrivacyKitRuntime
{
    public PrivacyKitRuntime(IServiceProvider services, PrivacyKitSettings settings)
    {
        Settings = settings;
        Encryptor = services.GetRequiredService<IFieldEncryptor>();
        BlindIndexer = services.GetRequiredService<IBlindIndexer>();
        ContextAccessor = services.GetService<IPrivacyContextAccessor>();
        AccessEvaluator = services.GetService<IAccessEvaluator>();
        Logger = services.GetService<ILoggerFactory>()?.CreateLogger("PrivacyKit.EFCore") ?? NullLogger.Instance;
    }

    public PrivacyKitSettings Settings { get; }

    public IFieldEncryptor Encryptor { get; }

    public IBlindIndexer BlindIndexer { get; }

    public IPrivacyContextAccessor? ContextAccessor { get; }

    public IAccessEvaluator? AccessEvaluator { get; }

    public ILogger Logger { get; }

    /// <summary>The runtime of a context configured with UsePrivacyKit, or <see langword="null"/>.</summary>
    public static PrivacyKitRuntime? For(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<PrivacyKitOptionsExtension>()?.Runtime;
}
