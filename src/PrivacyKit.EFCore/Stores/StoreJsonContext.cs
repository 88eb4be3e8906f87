using System.Text.Json.Serialization;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Stores;

/// <summary>The JSON shapes the stores write into text columns (source-generated, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<FieldCorrection>))]
[JsonSerializable(typeof(IReadOnlyList<PersonalDataLocation>))]
[JsonSerializable(typeof(IReadOnlyList<PersonalDataChange>))]
[JsonSerializable(typeof(PersonalDataExport))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
}
