using System.Text.Json.Serialization;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>Source-generated JSON for the list and map columns of audit rows.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class AuditStoreJson : JsonSerializerContext;
