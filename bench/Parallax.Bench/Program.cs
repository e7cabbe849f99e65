using BenchmarkDotNet.Running;

namespace Parallax.Bench;

internal static class Program
{
    // `dotnet run -c Release --project bench/Parallax.Bench -- --filter '*'` runs every benchmark;
    // BenchmarkDotNet's own switches (--job short, --filter *Pipeline*) pick a subset.
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
