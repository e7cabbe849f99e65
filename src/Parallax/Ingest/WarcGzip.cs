using System.Buffers.Binary;

namespace Parallax.Ingest;

/// <summary>
/// CRC-32 (IEEE 802.3, the gzip trailer's checksum), slicing-by-4. The framework keeps its own internal; the public
/// one lives in a package we do not take for thirty lines.
/// </summary>
internal struct WarcCrc32
{
    private static readonly uint[] Table = BuildTable();

    private uint _value;

    public WarcCrc32() => _value = 0xFFFF_FFFFu;

    public readonly uint Value => ~_value;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var crc = _value;
        var table = Table;
        while (bytes.Length >= 4)
        {
            crc ^= BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            crc = table[768 + (int)(crc & 0xFF)] ^ table[512 + (int)((crc >> 8) & 0xFF)]
                ^ table[256 + (int)((crc >> 16) & 0xFF)] ^ table[(int)(crc >> 24)];
            bytes = bytes[4..];
        }

        foreach (var b in bytes)
        {
            crc = table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        _value = crc;
    }

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = new WarcCrc32();
        crc.Append(bytes);
        return crc.Value;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[1024];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 4; slice++)
            {
                var previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}

/// <summary>
/// Random access to a (seekable) file through one sliding buffer, addressed by absolute offset: gzip members are
/// found, decoded and verified here, and resynchronisation jumps back to just after a bad member's start.
/// </summary>
internal sealed class WarcByteWindow
{
    /// <summary>256 KB: several deflate input chunks plus slack for the trailer search, whatever the record size.</summary>
    private const int WindowBytes = 256 * 1024;

    /// <summary>Bytes kept behind a read position when the buffer slides: more than two member-stream chunks.</summary>
    private const int HistoryBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[WindowBytes];
    private long _bufferStart;
    private int _length;
    private long _streamPosition;
    private bool _endOfStream;

    internal WarcByteWindow(Stream stream)
    {
        _stream = stream;
        _streamPosition = stream.CanSeek ? stream.Position : 0;
        _bufferStart = _streamPosition;
    }

    internal const int MaxSpan = WindowBytes;

    /// <summary>
    /// Makes bytes <c>[position, position + count)</c> readable and returns how many of them exist (fewer only at the
    /// end of the file). Bytes before <paramref name="position"/> may be dropped.
    /// </summary>
    internal int Ensure(long position, int count)
    {
        count = Math.Min(count, WindowBytes);
        var end = _bufferStart + _length;
        if (position >= _bufferStart && position + count <= end)
        {
            return count;
        }

        if (position >= _bufferStart && position <= end)
        {
            if (position + count > _bufferStart + WindowBytes)
            {
                // Keep some bytes behind the position: the trailer search looks back over the last chunks served.
                var keepFrom = position + count + HistoryBytes <= position + WindowBytes ? Math.Max(_bufferStart, position - HistoryBytes) : position;
                var keep = (int)(end - keepFrom);
                Buffer.BlockCopy(_buffer, (int)(keepFrom - _bufferStart), _buffer, 0, keep);
                _bufferStart = keepFrom;
                _length = keep;
            }
        }
        else
        {
            Reposition(position);
        }

        while (_bufferStart + _length < position + count && !_endOfStream)
        {
            var read = _stream.Read(_buffer, _length, WindowBytes - _length);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _length += read;
            _streamPosition += read;
        }

        return (int)Math.Min(count, Math.Max(0, _bufferStart + _length - position));
    }

    /// <summary>The bytes from <paramref name="position"/> already held; valid until the next call.</summary>
    internal ReadOnlySpan<byte> Held(long position, int count) =>
        _buffer.AsSpan((int)(position - _bufferStart), count);

    /// <summary>First offset at or after <paramref name="from"/> where <paramref name="marker"/> starts, or -1.</summary>
    internal long Find(long from, ReadOnlySpan<byte> marker)
    {
        var position = from;
        while (true)
        {
            var available = Ensure(position, WindowBytes);
            if (available < marker.Length)
            {
                return -1;
            }

            var at = Held(position, available).IndexOf(marker);
            if (at >= 0)
            {
                return position + at;
            }

            position += available - marker.Length + 1;
        }
    }

    private void Reposition(long position)
    {
        if (_stream.CanSeek)
        {
            _stream.Seek(position, SeekOrigin.Begin);
            _streamPosition = position;
            _endOfStream = false;
        }
        else if (position > _streamPosition)
        {
            // A pipe can only go forward: skip by reading.
            var skip = position - _streamPosition;
            while (skip > 0)
            {
                var read = _stream.Read(_buffer, 0, (int)Math.Min(skip, WindowBytes));
                if (read == 0)
                {
                    _endOfStream = true;
                    break;
                }

                skip -= read;
                _streamPosition += read;
            }
        }
        else
        {
            // Going back on a pipe is impossible: resume where the stream is.
            position = _streamPosition;
        }

        _bufferStart = position;
        _length = 0;
    }
}

/// <summary>
/// Feeds one gzip member's deflate data from the window to a <see cref="System.IO.Compression.DeflateStream"/>, in
/// chunks whose offsets are remembered: the deflate stream stops reading when the data ends, so the member's trailer
/// lies in (or just after) the last chunks served.
/// </summary>
internal sealed class WarcMemberStream(WarcByteWindow window, long start) : Stream
{
    /// <summary>Small chunks keep the trailer search short; 16 KB is twice the deflate stream's own input buffer.</summary>
    private const int ChunkBytes = 16 * 1024;

    private long _next = start;

    /// <summary>Start of the chunk served before the last one: the trailer search begins here.</summary>
    internal long SearchFrom { get; private set; } = start;

    private long _lastChunk = start;

    internal long Next => _next;

    /// <summary>True once a read found the file's end: the deflate data wanted more than the file holds.</summary>
    internal bool HitEnd { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var available = window.Ensure(_next, Math.Min(buffer.Length, ChunkBytes));
        if (available == 0)
        {
            HitEnd = true;
            return 0;
        }

        window.Held(_next, available).CopyTo(buffer);
        SearchFrom = _lastChunk;
        _lastChunk = _next;
        _next += available;
        return available;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>RFC 1952 framing: the member header before the deflate data and the trailer after it.</summary>
internal static class WarcGzip
{
    internal const byte Id1 = 0x1F;
    internal const byte Id2 = 0x8B;
    internal const byte Deflate = 0x08;

    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte ReservedFlags = 0xE0;

    /// <summary>Longest file name or comment field accepted: real writers put a file name or nothing.</summary>
    private const int MaxTextField = 64 * 1024;

    internal static ReadOnlySpan<byte> Magic => [Id1, Id2, Deflate];

    /// <summary>Offset of the deflate data of the member starting at <paramref name="start"/>, or -1 with a reason.</summary>
    internal static long ParseHeader(WarcByteWindow window, long start, out string error)
    {
        error = "";
        var fixedPart = window.Ensure(start, 10);
        if (fixedPart < 10)
        {
            error = "truncated gzip header";
            return -1;
        }

        var header = window.Held(start, 10);
        if (header[0] != Id1 || header[1] != Id2 || header[2] != Deflate)
        {
            error = "no gzip member starts here";
            return -1;
        }

        var flags = header[3];
        if ((flags & ReservedFlags) != 0)
        {
            error = "gzip header has reserved flags set";
            return -1;
        }

        var position = start + 10;
        if ((flags & FlagExtra) != 0)
        {
            if (window.Ensure(position, 2) < 2)
            {
                error = "truncated gzip header";
                return -1;
            }

            position += 2 + BinaryPrimitives.ReadUInt16LittleEndian(window.Held(position, 2));
        }

        foreach (var flag in (ReadOnlySpan<byte>)[FlagName, FlagComment])
        {
            if ((flags & flag) == 0)
            {
                continue;
            }

            var available = window.Ensure(position, MaxTextField);
            var zero = window.Held(position, available).IndexOf((byte)0);
            if (zero < 0)
            {
                error = "gzip header name or comment is unterminated";
                return -1;
            }

            position += zero + 1;
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            position += 2;
        }

        return position;
    }

    /// <summary>
    /// Where the member ends: the first offset in <c>[from, to]</c> holding the expected CRC-32 and size, plus the
    /// 8 trailer bytes; -1 when absent. Eight matching bytes leave no room for a chance match.
    /// </summary>
    internal static long FindTrailerEnd(WarcByteWindow window, long from, long to, uint crc, uint size, out bool endOfFile)
    {
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], size);
        var span = (int)Math.Min(to - from + 8, WarcByteWindow.MaxSpan);
        var available = window.Ensure(from, span);
        endOfFile = available < span;
        var at = window.Held(from, available).IndexOf(trailer);
        return at < 0 ? -1 : from + at + 8;
    }
}
