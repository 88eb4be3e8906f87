namespace PrivacyKit.Encryption;

/// <summary>The type of the value inside a ciphertext (header byte 2). Values are part of the format: never renumber.</summary>
internal enum FieldValueType : byte
{
    Null = 0,
    Bytes = 1,
    String = 2,
    Boolean = 3,
    Byte = 4,
    SByte = 5,
    Int16 = 6,
    UInt16 = 7,
    Int32 = 8,
    UInt32 = 9,
    Int64 = 10,
    UInt64 = 11,
    Int128 = 12,
    UInt128 = 13,
    Decimal = 14,
    Double = 15,
    Guid = 16,
    DateTime = 17,
    DateTimeOffset = 18,
    DateOnly = 19,
}
