using System.Buffers;

namespace Parallax.Ingest;

/// <summary>One line as read: its bytes (without the newline) unless it was longer than the cap.</summary>
/// <param name="Bytes">The line; valid only until the next read. Empty when <paramref name="TooLong"/>.</param>
/// <param name="Length">The line's full length in bytes, counted even when it was not kept.</param>
internal readonly record struct BoundedLine(ReadOnlyMemory<byte> Bytes, long Length, bool TooLong);

/// <summary>
/// Reads <c>\n</c>-terminated lines from a stream while holding at most <c>maxLineBytes</c> of any one line: a
/// longer line is counted and skipped, never buffered, so one runaway line cannot exhaust memory.
/// </summary>
internal sealed class BoundedLineReader : IDisposable
{
    /// <summary>Read size: the usual file-stream buffer size, enough to amortise system calls.</summary>
    private const int ChunkBytes = 64 * 1024;

    private const int InitialLineBytes = 4 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _chunk;
    private int _chunkStart;
    private int _chunkEnd;
    private byte[] _line;
    private bool _endOfStream;

    internal BoundedLineReader(Stream stream, long maxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLineBytes);
        _stream = stream;
        _maxLineBytes = (int)Math.Min(maxLineBytes, Array.MaxLength);
        _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        _line = ArrayPool<byte>.Shared.Rent(Math.Min(InitialLineBytes, Math.Max(1, _maxLineBytes)));
    }

    /// <summary>The next line, or null at the end of the stream. A final line without a newline is still a line.</summary>
    internal async ValueTask<BoundedLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var kept = 0;
        long length = 0;
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                if (_endOfStream)
                {
                    break;
                }

                _chunkStart = 0;
                _chunkEnd = await _stream.ReadAsync(_chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false);
                if (_chunkEnd == 0)
                {
                    _endOfStream = true;
                    break;
                }
            }

            sawAny = true;
            var available = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            var newline = available.IndexOf((byte)'\n');
            var take = newline < 0 ? available.Length : newline;
            length += take;
            if (!tooLong)
            {
                if (length > _maxLineBytes)
                {
                    tooLong = true;
                    kept = 0;
                }
                else
                {
                    EnsureLineCapacity(kept + take);
                    available[..take].CopyTo(_line.AsSpan(kept));
                    kept += take;
                }
            }

            _chunkStart += take;
            if (newline >= 0)
            {
                _chunkStart++;
                return new BoundedLine(_line.AsMemory(0, kept), length, tooLong);
            }
        }

        return sawAny ? new BoundedLine(_line.AsMemory(0, kept), length, tooLong) : null;
    }

    private void EnsureLineCapacity(int needed)
    {
        if (needed <= _line.Length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(needed, (long)_line.Length * 2), _maxLineBytes));
        _line.AsSpan().CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_line);
        _line = grown;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_chunk);
        ArrayPool<byte>.Shared.Return(_line);
        _chunk = [];
        _line = [];
    }
}
