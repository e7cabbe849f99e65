using System.IO.Compression;
using System.Text;

namespace Parallax.Ingest;

/// <summary>
/// Reads WARC 1.0/1.1 records one at a time from an uncompressed file or from one gzip member per record (the
/// CC-NEWS layout; a member holding several records is read too). Memory stays constant whatever the file size:
/// a block is held only while it is under the cap, and a larger one is skipped unread. A corrupt or truncated
/// record becomes one failed entry, and reading resumes at the next gzip member magic or <c>WARC/1.</c> line.
/// </summary>
internal sealed class WarcReader
{
    /// <summary>Longest record header accepted: real headers are under 2 KB; 64 KB bounds a garbage "header".</summary>
    internal const int MaxHeaderBytes = 64 * 1024;

    private static ReadOnlySpan<byte> VersionPrefix => "WARC/"u8;

    private static ReadOnlySpan<byte> ResyncMarker => "WARC/1."u8;

    private readonly Stream _stream;
    private readonly long _maxBlockBytes;
    private readonly bool? _gzip;

    /// <param name="gzip">Whether the file is gzipped (from its name); null sniffs the first two bytes.</param>
    internal WarcReader(Stream stream, long maxBlockBytes, bool? gzip = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _gzip = gzip;
        _maxBlockBytes = Math.Min(maxBlockBytes, Array.MaxLength);
    }

    /// <summary>Every record in file order.</summary>
    internal IEnumerable<WarcRecord> ReadAll(CancellationToken cancellationToken = default)
    {
        var window = new WarcByteWindow(_stream);
        var start = _stream.CanSeek ? _stream.Position : 0;
        var head = window.Ensure(start, 2);
        if (head == 0)
        {
            return [];
        }

        // A name saying .gz wins over the bytes: a damaged first member must not turn the file into plain text.
        var gzip = _gzip ?? (head == 2 && window.Held(start, 2) is [WarcGzip.Id1, WarcGzip.Id2]);
        return gzip ? ReadGzip(window, start, cancellationToken) : ReadPlain(new WarcMemberStream(window, start), start, cancellationToken);
    }

    private IEnumerable<WarcRecord> ReadPlain(Stream stream, long start, CancellationToken cancellationToken)
    {
        using var reader = new WarcBlockReader(stream, computeCrc: false);
        var resyncing = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reader.SkipBlankLines();
            if (reader.AtEnd)
            {
                yield break;
            }

            var offset = start + reader.Consumed;
            var record = ReadRecord(reader, offset);
            if (record.Error is null)
            {
                resyncing = false;
                yield return record;
                continue;
            }

            if (!resyncing)
            {
                yield return record;
            }

            resyncing = true;
            if (!reader.SkipToLineStarting(ResyncMarker, offset + 1 - start))
            {
                yield break;
            }
        }
    }

    private IEnumerable<WarcRecord> ReadGzip(WarcByteWindow window, long position, CancellationToken cancellationToken)
    {
        // After a failure, further failures before the next good member belong to the same damaged region:
        // a chance 1f 8b 08 inside compressed data must not add a rejection of its own.
        var resyncing = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (window.Ensure(position, 3) == 0)
            {
                yield break;
            }

            if (window.Ensure(position, 3) < 3 || !window.Held(position, 3).SequenceEqual(WarcGzip.Magic))
            {
                var next = window.Find(position, WarcGzip.Magic);
                if (!resyncing)
                {
                    var skipped = next < 0 ? "the rest of the file" : $"{next - position} bytes";
                    yield return WarcRecord.Failed(position, $"not a gzip member: {skipped} of other data skipped");
                }

                if (next < 0)
                {
                    yield break;
                }

                resyncing = true;
                position = next;
            }

            var member = position;
            string? failure = null;
            long memberEnd = -1;
            WarcRecord? pending = null;
            var deflateStart = WarcGzip.ParseHeader(window, member, out var headerError);
            if (deflateStart < 0)
            {
                failure = headerError;
            }
            else
            {
                var input = new WarcMemberStream(window, deflateStart);
                using var inflated = new DeflateStream(input, CompressionMode.Decompress, leaveOpen: true);
                using var reader = new WarcBlockReader(inflated, computeCrc: true);
                while (failure is null)
                {
                    var end = reader.TrySkipBlankLines(out var inflateError);
                    if (inflateError is not null)
                    {
                        failure = inflateError;
                        break;
                    }

                    if (end)
                    {
                        break;
                    }

                    var record = ReadRecord(reader, member);
                    if (record.Error is not null)
                    {
                        failure = record.Error;
                        break;
                    }

                    // A record is handed out only once the next one parsed or the member's checksum held, so a
                    // flipped byte that still inflates is caught by the CRC and never yields a damaged page.
                    if (pending is not null)
                    {
                        yield return pending;
                    }

                    pending = record;
                }

                if (failure is null)
                {
                    memberEnd = WarcGzip.FindTrailerEnd(window, input.SearchFrom, input.Next, reader.Crc, (uint)reader.Consumed, out var endOfFile);
                    if (memberEnd < 0)
                    {
                        failure = input.HitEnd ? "truncated gzip member: the file ends inside its compressed data"
                            : endOfFile ? "gzip member has no valid trailer: checksum mismatch, or the file is cut inside the trailer"
                            : "gzip member checksum mismatch: the data is corrupt";
                    }
                }
            }

            if (failure is null)
            {
                resyncing = false;
                if (pending is not null)
                {
                    yield return pending;
                }

                position = memberEnd;
                continue;
            }

            if (!resyncing)
            {
                yield return WarcRecord.Failed(member, failure);
            }

            resyncing = true;
            position = window.Find(member + 1, WarcGzip.Magic);
            if (position < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>One record from the version line through the block and its closing CRLF CRLF.</summary>
    private WarcRecord ReadRecord(WarcBlockReader reader, long offset)
    {
        try
        {
            return ReadRecordCore(reader, offset);
        }
        catch (InvalidDataException ex)
        {
            return WarcRecord.Failed(offset, $"corrupt gzip data: {ex.Message}");
        }
    }

    private WarcRecord ReadRecordCore(WarcBlockReader reader, long offset)
    {
        var headerBytes = 0;
        var first = reader.ReadLine(MaxHeaderBytes, out var tooLong);
        if (first is null || tooLong || !first.AsSpan().StartsWith(VersionPrefix))
        {
            return WarcRecord.Failed(offset, first is null ? "truncated record: no header" : "bad record header: no WARC/ version line");
        }

        var version = Encoding.ASCII.GetString(first.AsSpan(VersionPrefix.Length)).Trim();
        var fields = new List<KeyValuePair<string, string>>();
        headerBytes += first.Length;
        while (true)
        {
            var line = reader.ReadLine(MaxHeaderBytes, out tooLong);
            if (line is null)
            {
                return WarcRecord.Failed(offset, "truncated record: the header does not end");
            }

            headerBytes += line.Length;
            if (tooLong || headerBytes > MaxHeaderBytes)
            {
                return WarcRecord.Failed(offset, $"bad record header: longer than {MaxHeaderBytes} bytes");
            }

            if (line.Length == 0)
            {
                break;
            }

            // UTF-8 is what WARC 1.1 allows in field values; 1.0 said ASCII, a subset.
            var text = Encoding.UTF8.GetString(line);
            if (text[0] is ' ' or '\t' && fields.Count > 0)
            {
                var (name, value) = fields[^1];
                fields[^1] = new(name, value + " " + text.Trim());
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return WarcRecord.Failed(offset, $"bad record header: line without a field name: '{Shorten(text)}'");
            }

            fields.Add(new(text[..colon].Trim(), text[(colon + 1)..].Trim()));
        }

        var header = new WarcHeader(version, fields);
        var length = header.ContentLength;
        if (length < 0)
        {
            return WarcRecord.Failed(offset, "bad record header: no valid Content-Length");
        }

        if (header.Type.Length == 0)
        {
            return WarcRecord.Failed(offset, "bad record header: no WARC-Type");
        }

        byte[]? block = null;
        long got;
        if (length > _maxBlockBytes)
        {
            got = reader.Skip(length);
        }
        else
        {
            block = new byte[length];
            got = reader.ReadExactly(block);
        }

        if (got < length)
        {
            return WarcRecord.Failed(offset, $"truncated record: block of {length} bytes declared, {got} present");
        }

        reader.SkipRecordEnd();
        return new WarcRecord(offset, header, block, length, null);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>
/// Buffered reading of lines and blocks from a stream (a file or an inflating member), counting the bytes consumed
/// and, for gzip members, their CRC-32 and length as the trailer records them.
/// </summary>
internal sealed class WarcBlockReader(Stream stream, bool computeCrc) : IDisposable
{
    /// <summary>64 KB: room for the longest header line accepted, and a large enough read to amortise calls.</summary>
    private const int BufferBytes = WarcReader.MaxHeaderBytes + 1024;

    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _start;
    private int _end;
    private long _filled;
    private bool _endOfStream;
    private WarcCrc32 _crc = new();

    /// <summary>Bytes handed out or skipped so far.</summary>
    internal long Consumed => _filled - (_end - _start);

    internal uint Crc => _crc.Value;

    internal bool AtEnd => _start == _end && !Fill();

    /// <summary>One line without its CR LF, null at the end of the data; a line over the cap is consumed and flagged.</summary>
    internal byte[]? ReadLine(int maxBytes, out bool tooLong)
    {
        tooLong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsSpan(_start, newline);
                _start += newline + 1;
                if (tooLong)
                {
                    return [];
                }

                return (line.EndsWith((byte)'\r') ? line[..^1] : line).ToArray();
            }

            if (_end - _start >= maxBytes)
            {
                tooLong = true;
                _start = _end;
            }

            if (!Fill())
            {
                if (_start == _end)
                {
                    return null;
                }

                var rest = _buffer.AsSpan(_start, _end - _start).ToArray();
                _start = _end;
                return tooLong ? [] : rest;
            }
        }
    }

    /// <summary>Fills <paramref name="target"/> and returns how many bytes were there.</summary>
    internal long ReadExactly(Span<byte> target)
    {
        var copied = 0;
        while (copied < target.Length)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var take = Math.Min(target.Length - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(target[copied..]);
            _start += take;
            copied += take;
        }

        return copied;
    }

    /// <summary>Passes over <paramref name="count"/> bytes without keeping them; returns how many there were.</summary>
    internal long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var take = (int)Math.Min(count - skipped, _end - _start);
            _start += take;
            skipped += take;
        }

        return skipped;
    }

    /// <summary>The CR LF CR LF after a block; a writer that put fewer line ends is forgiven.</summary>
    internal void SkipRecordEnd()
    {
        for (var i = 0; i < 4; i++)
        {
            if (_start == _end && !Fill())
            {
                return;
            }

            if (_buffer[_start] is not ((byte)'\r' or (byte)'\n'))
            {
                return;
            }

            _start++;
        }
    }

    /// <summary>Skips line ends between records.</summary>
    internal void SkipBlankLines()
    {
        while (_start < _end || Fill())
        {
            if (_buffer[_start] is not ((byte)'\r' or (byte)'\n'))
            {
                return;
            }

            _start++;
        }
    }

    /// <summary>As <see cref="SkipBlankLines"/>, then true at the end of the data; an inflate failure is returned, not thrown.</summary>
    internal bool TrySkipBlankLines(out string? error)
    {
        error = null;
        try
        {
            SkipBlankLines();
            return AtEnd;
        }
        catch (InvalidDataException ex)
        {
            error = $"corrupt gzip data: {ex.Message}";
            return false;
        }
    }

    /// <summary>
    /// Moves to the next line that starts with <paramref name="marker"/> at or after consumed offset
    /// <paramref name="from"/>; false when there is none.
    /// </summary>
    internal bool SkipToLineStarting(ReadOnlySpan<byte> marker, long from)
    {
        Skip(Math.Max(0, from - Consumed));
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var at = window.IndexOf(marker);
            if (at >= 0)
            {
                if (at > 0 && window[at - 1] != (byte)'\n')
                {
                    _start += at + 1;
                    continue;
                }

                _start += at;
                return true;
            }

            // Keep a possible start of the marker cut by the buffer's end.
            _start = Math.Max(_start, _end - (marker.Length - 1));
            Compact();
            if (!Fill())
            {
                _start = _end;
                return false;
            }
        }
    }

    private void Compact()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    /// <summary>Reads more after the unread bytes; false at the end of the data.</summary>
    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        if (_end == _buffer.Length)
        {
            Compact();
        }

        if (_end == _buffer.Length)
        {
            return true;
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
            return false;
        }

        if (computeCrc)
        {
            _crc.Append(_buffer.AsSpan(_end, read));
        }

        _end += read;
        _filled += read;
        return true;
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
