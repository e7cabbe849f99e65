using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

public sealed class BoundedLineReaderTests
{
    [Property(MaxTest = 300)]
    public async Task Lines_match_a_plain_split_whatever_the_read_sizes(byte[] raw, PositiveInt maxLine, PositiveInt readSize)
    {
        // Every eighth byte value becomes a newline so that random input has many short lines.
        var data = raw.Select(b => b % 8 == 0 ? (byte)'\n' : b).ToArray();
        var max = maxLine.Get % 40;
        using var stream = new TrickleStream(data, 1 + (readSize.Get % 13));
        using var reader = new BoundedLineReader(stream, max);

        var expected = PlainSplit(data);
        var actual = new List<BoundedLine>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            actual.Add(line with { Bytes = line.Bytes.ToArray() });
        }

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            Assert.Equal(expected[i].Length > max, actual[i].TooLong);
            Assert.Equal(actual[i].TooLong ? [] : expected[i], actual[i].Bytes.ToArray());
        }
    }

    [Property(MaxTest = 200)]
    public async Task Arbitrary_jsonl_never_throws_and_accounts_for_every_non_blank_line(string?[] lines)
    {
        var text = string.Join('\n', lines.Select(l => (l ?? "").Replace('\n', ' ').Replace('\uFEFF', ' ')));
        var path = Path.Combine(Path.GetTempPath(), "parallax-prop-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(path, text);
        try
        {
            var items = new List<SourceItem>();
            await foreach (var item in new JsonlSource(path, new FileSourceOptions { MaxBytes = 64 }).ReadAsync())
            {
                items.Add(item);
            }

            // Blank means JSON whitespace only; a form feed or NBSP line is input, and is rejected.
            var nonBlank = text.Split('\n').Count(l => l.Trim(' ', '\t', '\r').Length > 0);
            Assert.Equal(nonBlank, items.Count);
            Assert.All(items, item => Assert.True((item.Document is null) != (item.Rejection is null)));
            Assert.All(items.Where(i => i.Rejection is not null), i => Assert.False(string.IsNullOrWhiteSpace(i.Rejection!.Detail)));
            Assert.All(items.Where(i => i.Document is not null), i => Assert.False(string.IsNullOrWhiteSpace(i.Document!.CleanText)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_line_of_a_file_of_plain_strings_is_rejected_not_skipped()
    {
        var path = Path.Combine(Path.GetTempPath(), "parallax-words-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(path, "hello\nworld\n", Encoding.UTF8);
        try
        {
            var reasons = new List<string>();
            await foreach (var item in new JsonlSource(path, new FileSourceOptions()).ReadAsync())
            {
                reasons.Add(item.Rejection!.Reason);
            }

            Assert.Equal([RejectReasons.Unparseable, RejectReasons.Unparseable], reasons);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<byte[]> PlainSplit(byte[] data)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                lines.Add(data[start..i]);
                start = i + 1;
            }
        }

        if (start < data.Length)
        {
            lines.Add(data[start..]);
        }

        return lines;
    }

    /// <summary>Hands out at most a few bytes per read, so lines straddle many read boundaries.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, step)], cancellationToken);
    }
}
