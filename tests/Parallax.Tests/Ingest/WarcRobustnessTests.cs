using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

public sealed class WarcRobustnessTests
{
    private static readonly Lazy<byte[]> Valid = new(() => WarcTestArchives.WrittenAsync(4).GetAwaiter().GetResult());

    private static async Task<List<SourceItem>> ReadBytesAsync(byte[] bytes, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "parallax-warc-" + Guid.NewGuid().ToString("N") + name);
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var items = new List<SourceItem>();
            await foreach (var item in new WarcSource(path, new FileSourceOptions { MaxBytes = 4096 }).ReadAsync())
            {
                items.Add(item);
            }

            return items;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertWellFormed(List<SourceItem> items, int inputLength)
    {
        Assert.All(items, i => Assert.True((i.Document is null) != (i.Rejection is null)));
        Assert.All(items.Where(i => i.Rejection is not null), i => Assert.False(string.IsNullOrWhiteSpace(i.Rejection!.Detail)));
        Assert.All(items.Where(i => i.Document is not null), i => Assert.True(i.Document!.Content.Length <= 4096));
        // Every item names a distinct place in the file except records sharing one gzip member.
        Assert.All(items, i => Assert.InRange(long.Parse((i.Document?.Source ?? i.Rejection!.Source).Split('#')[^1]), 0, Math.Max(0, inputLength - 1)));
    }

    [Property(MaxTest = 200)]
    public async Task Random_bytes_as_a_warc_gz_never_throw(byte[] bytes, bool withMagic)
    {
        byte[] input = withMagic ? [0x1F, 0x8B, 0x08, .. bytes] : bytes;

        var items = await ReadBytesAsync(input, ".warc.gz");

        AssertWellFormed(items, input.Length);
    }

    [Property(MaxTest = 200)]
    public async Task Random_bytes_as_a_plain_warc_never_throw(byte[] bytes, bool withVersionLine)
    {
        byte[] input = withVersionLine ? [.. "WARC/1.0\r\nContent-Length: 5\r\nWARC-Type: response\r\n\r\n"u8.ToArray(), .. bytes] : bytes;

        var items = await ReadBytesAsync(input, ".warc");

        AssertWellFormed(items, input.Length);
    }

    [Property(MaxTest = 150)]
    public async Task Damaged_real_archives_never_throw_and_keep_the_undamaged_records(PositiveInt at, byte value, PositiveInt cut)
    {
        var archive = (byte[])Valid.Value.Clone();
        archive[at.Get % archive.Length] ^= (byte)(value | 1);
        var damaged = archive[..Math.Max(1, archive.Length - (cut.Get % 64))];

        var items = await ReadBytesAsync(damaged, ".warc.gz");

        AssertWellFormed(items, damaged.Length);
        // One flipped byte and one cut damage at most two of the four records.
        Assert.InRange(items.Count(i => i.Document is not null), 2, 4);
    }
}
