using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PrivacyKit.Access;

/// <summary>
/// Reads <see cref="AccessControlOptions"/> from a configuration section. Unlike the general binder it
/// never skips a value it cannot read: an unknown key or a value of the wrong kind becomes a validation
/// error naming the key, because a dropped scope or field rule could widen access.
/// </summary>
internal static class AccessConfigurationReader
{
    public static void Read(IConfiguration configuration, AccessControlOptions options)
    {
        var section = configuration as IConfigurationSection;
        options.ConfigurationPath = section?.Path ?? string.Empty;
        foreach (var child in configuration.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "ROLES":
                    foreach (var role in child.GetChildren())
                    {
                        ReadRole(role, options.AddRole(role.Key), options.ConfigurationErrors);
                    }

                    break;
                case "CONFLICTINGROLES":
                    foreach (var set in Ordered(child))
                    {
                        options.ConflictingRoles.Add([.. Ordered(set).Select(r => r.Value ?? string.Empty)]);
                    }

                    break;
                case "TRUSTCLAIMEDROLES":
                    Parse<bool>(child, bool.TryParse, v => options.TrustClaimedRoles = v, "true or false", options.ConfigurationErrors);
                    break;
                case "DECISIONCACHELIFETIME":
                    Parse<TimeSpan>(child, TryParseTimeSpan, v => options.DecisionCacheLifetime = v, "a time span such as 00:00:30", options.ConfigurationErrors);
                    break;
                case "DECISIONCACHESIZE":
                    Parse<int>(child, TryParseInt, v => options.DecisionCacheSize = v, "a whole number", options.ConfigurationErrors);
                    break;
                case "UNUSEDAFTER":
                    Parse<TimeSpan>(child, TryParseTimeSpan, v => options.UnusedAfter = v, "a time span such as 90.00:00:00", options.ConfigurationErrors);
                    break;
                default:
                    options.ConfigurationErrors.Add($"{child.Path} is not an access control setting: use Roles, ConflictingRoles, TrustClaimedRoles, DecisionCacheLifetime, DecisionCacheSize or UnusedAfter.");
                    break;
            }
        }
    }

    private static void ReadRole(IConfigurationSection section, RoleDefinition role, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "DESCRIPTION":
                    role.Description = child.Value;
                    break;
                case "INHERITS":
                    foreach (var item in Ordered(child))
                    {
                        role.Inherits.Add(item.Value ?? string.Empty);
                    }

                    break;
                case "PERMISSIONS":
                    foreach (var item in Ordered(child))
                    {
                        role.Permissions.Add(item.Value ?? string.Empty);
                    }

                    break;
                case "SCOPES":
                    foreach (var item in child.GetChildren())
                    {
                        ParseEnum(item, (RowScope v) => role.Scopes[item.Key] = v, "Own, Team, Tenant or All", errors);
                    }

                    break;
                case "FIELDS":
                    foreach (var item in child.GetChildren())
                    {
                        ParseEnum(item, (FieldAccess v) => role.Fields[item.Key] = v, "Hidden, Masked or Clear", errors);
                    }

                    break;
                case "PROPERTIES":
                    foreach (var item in child.GetChildren())
                    {
                        ParseEnum(item, (FieldAccess v) => role.Properties[item.Key] = v, "Hidden, Masked or Clear", errors);
                    }

                    break;
                default:
                    errors.Add($"{child.Path} is not a role setting: use Description, Inherits, Permissions, Scopes, Fields or Properties.");
                    break;
            }
        }
    }

    private delegate bool TryParser<T>(string? text, out T value);

    private static void Parse<T>(IConfigurationSection item, TryParser<T> parse, Action<T> set, string expected, List<string> errors)
    {
        if (item.Value is not null && parse(item.Value, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"{item.Path} must be {expected}.");
        }
    }

    private static void ParseEnum<T>(IConfigurationSection item, Action<T> set, string expected, List<string> errors)
        where T : struct, Enum
    {
        if (item.Value is not null && Enum.TryParse<T>(item.Value, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            set(value);
        }
        else
        {
            errors.Add($"{item.Path} must be {expected}.");
        }
    }

    private static bool TryParseTimeSpan(string? text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool TryParseInt(string? text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static IEnumerable<IConfigurationSection> Ordered(IConfigurationSection section) =>
        section.GetChildren().OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);
}
