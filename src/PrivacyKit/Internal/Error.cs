namespace PrivacyKit.Internal;

/// <summary>
/// The one place exceptions are made, so messages stay consistent. Each feature adds its own
/// partial file (Error.{Feature}.cs). Messages never contain personal values, keys or tokens.
/// </summary>
internal static partial class Error
{
}
