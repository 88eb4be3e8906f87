using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using PrivacyKit.Internal;

namespace PrivacyKit.Access;

/// <summary>
/// A permission in the form <c>resource:action</c>, such as <c>customers:read</c> or
/// <c>customers:export</c>. The action <c>*</c> grants every action on the resource. Names are
/// compared without regard to case (they are stored in lower case).
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "'Permission' is the domain term (resource:action), not a code access security permission.")]
public readonly struct Permission : IEquatable<Permission>
{
    /// <summary>The action that stands for every action on a resource.</summary>
    public const string AnyAction = "*";

    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    private readonly string? _resource;
    private readonly string? _action;

    /// <summary>Initializes a new permission.</summary>
    /// <param name="resource">The resource, e.g. <c>customers</c>: letters, digits, '-', '_' or '.'.</param>
    /// <param name="action">The action, e.g. <c>read</c>, or <see cref="AnyAction"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> or <paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="resource"/> or <paramref name="action"/> is empty or holds other characters.</exception>
    public Permission(string resource, string action)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(action);
        if (!IsName(resource))
        {
            throw Error.InvalidPermissionPart(nameof(resource));
        }

        if (action != AnyAction && !IsName(action))
        {
            throw Error.InvalidPermissionPart(nameof(action));
        }

        _resource = Normalize(resource);
        _action = Normalize(action);
    }

    /// <summary>Gets the resource, e.g. <c>customers</c>; empty for the default value.</summary>
    public string Resource => _resource ?? string.Empty;

    /// <summary>Gets the action, e.g. <c>read</c>; empty for the default value.</summary>
    public string Action => _action ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default (empty) value rather than a permission.</summary>
    public bool IsEmpty => _resource is null;

    /// <summary>Gets a value indicating whether the action is <see cref="AnyAction"/>.</summary>
    public bool IsWildcard => _action == AnyAction;

    /// <summary>Parses <c>resource:action</c>.</summary>
    /// <param name="text">The text, e.g. <c>customers:read</c>.</param>
    /// <returns>The permission.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not of the form <c>resource:action</c>.</exception>
    public static Permission Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var permission) ? permission : throw Error.InvalidPermission(nameof(text));
    }

    /// <summary>Tries to parse <c>resource:action</c>.</summary>
    /// <param name="text">The text, e.g. <c>customers:read</c>.</param>
    /// <param name="permission">The permission when the text is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid permission.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Permission permission)
    {
        permission = default;
        if (text is null)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var resource = text[..colon];
        var action = text[(colon + 1)..];
        if (!IsName(resource) || (action != AnyAction && !IsName(action)))
        {
            return false;
        }

        permission = new Permission(resource, action);
        return true;
    }

    /// <summary>Determines whether this permission, possibly a wildcard, covers <paramref name="requested"/>.</summary>
    /// <param name="requested">The permission asked for.</param>
    /// <returns><see langword="true"/> when equal, or when this is <c>resource:*</c> for the same resource.</returns>
    public bool Covers(Permission requested) =>
        !IsEmpty && (Equals(requested) || (IsWildcard && string.Equals(_resource, requested._resource, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public bool Equals(Permission other) =>
        string.Equals(_resource, other._resource, StringComparison.Ordinal) &&
        string.Equals(_action, other._action, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Permission other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_resource, _action);

    /// <summary>Returns <c>resource:action</c>.</summary>
    /// <returns>The permission text.</returns>
    public override string ToString() => IsEmpty ? string.Empty : string.Concat(_resource, ":", _action);

    /// <summary>Compares two permissions for equality.</summary>
    /// <param name="left">The first permission.</param>
    /// <param name="right">The second permission.</param>
    /// <returns><see langword="true"/> when both are the same permission.</returns>
    public static bool operator ==(Permission left, Permission right) => left.Equals(right);

    /// <summary>Compares two permissions for inequality.</summary>
    /// <param name="left">The first permission.</param>
    /// <param name="right">The second permission.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Permission left, Permission right) => !left.Equals(right);

    internal static bool IsName(string value) =>
        value.Length is > 0 and <= 100 && !value.AsSpan().ContainsAnyExcept(NameChars);

    private static string Normalize(string value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return value.ToLowerInvariant();
            }
        }

        return value;
    }
}
