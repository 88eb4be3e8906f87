using BenchmarkDotNet.Running;

// Runs BenchmarkDotNet's switcher, so --filter, --job and the other standard options work:
//   dotnet run -c Release --project benchmarks/PrivacyKit.Benchmarks -- --filter '*FieldEncryption*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
