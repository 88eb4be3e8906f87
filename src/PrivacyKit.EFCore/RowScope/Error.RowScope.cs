using System.Globalization;

namespace PrivacyKit.EFCore.Internal;

internal static partial class Error
{
    public static InvalidOperationException RowScopeRuntimeMissing(Type contextType) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The model of {contextType.Name} has PrivacyKit row-scope filters but the context was configured without PrivacyKit's row-scope interceptor: configure it with UsePrivacyKit(serviceProvider)."));

    public static InvalidOperationException RowScopeFilterMissing(string entityType) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Entity type '{entityType}' has a PrivacyKit row-scope binding but its model has no row-scope filter: configure the context with UsePrivacyKit(serviceProvider) so the model gets it."));
}
