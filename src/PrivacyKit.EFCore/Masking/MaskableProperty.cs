using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyKit.EFCore.Masking;

/// <summary>A classified property that field access may mask or hide (never a key, a foreign key or the subject id). Immutable.</summary>
/// <param name="Name">The CLR property name.</param>
/// <param name="ClrProperty">The CLR property.</param>
/// <param name="Classification">Its classification.</param>
/// <param name="IsEncrypted">Whether it is encrypted (stored in a shadow property).</param>
/// <param name="MappedProperty">The EF property storing it when it is stored in clear.</param>
internal sealed record MaskableProperty(string Name, PropertyInfo ClrProperty, DataClassification Classification, bool IsEncrypted, string? MappedProperty);
