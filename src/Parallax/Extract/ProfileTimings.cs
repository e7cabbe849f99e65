using System.Diagnostics;

namespace Parallax.Extract;

/// <summary>
/// Wall time per step of the HTML cascade, summed over a run, for profiling on one thread. Compiled in only with
/// <c>-p:DefineConstants=PARALLAX_PROFILE</c>; otherwise every call disappears.
/// </summary>
internal static class ProfileTimings
{
    public static readonly double[] Ms = new double[16];

    public static readonly string[] Names = ["decode", "limits", "parse", "checkdom", "meta", "remove", "measure", "pick", "collect", "clean", "lang", "", "other"];

    private static long _t;

    [Conditional("PARALLAX_PROFILE")]
    public static void Start() => _t = Stopwatch.GetTimestamp();

    [Conditional("PARALLAX_PROFILE")]
    public static void Lap(int step)
    {
        var now = Stopwatch.GetTimestamp();
        Ms[step] += Stopwatch.GetElapsedTime(_t, now).TotalMilliseconds;
        _t = now;
    }
}
