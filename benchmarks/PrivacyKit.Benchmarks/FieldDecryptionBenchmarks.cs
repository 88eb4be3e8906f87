using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Benchmarks;

/// <summary>
/// How close is PrivacyKit's field decryption to raw AES-GCM decryption (the floor for reads)?
/// FieldEncryptionBenchmarks compares both directions with raw encryption only.
/// </summary>
[MemoryDiagnoser]
public class FieldDecryptionBenchmarks
{
    private readonly EncryptionContext _context = EncryptionContext.ForSubject("Customer", "Email", "42");
    private ServiceProvider _services = null!;
    private IFieldEncryptor _encryptor = null!;
    private AesGcm _aes = null!;
    private byte[] _rawNonce = null!;
    private byte[] _rawCiphertext = null!;
    private byte[] _rawTag = null!;
    private byte[] _ciphertext = null!;
    private byte[] _output = null!;

    [Params(64, 16384)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var plaintext = RandomNumberGenerator.GetBytes(Size);
        _aes = new AesGcm(RandomNumberGenerator.GetBytes(32), 16);
        _rawNonce = RandomNumberGenerator.GetBytes(12);
        _rawCiphertext = new byte[Size];
        _rawTag = new byte[16];
        _aes.Encrypt(_rawNonce, plaintext, _rawCiphertext, _rawTag);

        var services = new ServiceCollection();
        services.AddPrivacyKit().AddKeyEncryptionKey(new InMemoryKeyEncryptionKey()).AddInMemoryDataKeyStore();
        _services = services.BuildServiceProvider();
        _encryptor = _services.GetRequiredService<IFieldEncryptor>();
        _ciphertext = _encryptor.Encrypt(plaintext, _context);
        _output = new byte[Size];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aes.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void RawAesGcmDecrypt() => _aes.Decrypt(_rawNonce, _rawCiphertext, _rawTag, _output);

    [Benchmark]
    public int PrivacyKitDecrypt() => _encryptor.Decrypt(_ciphertext, _context, _output);
}
