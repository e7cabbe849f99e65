namespace Parallax.Pipeline;

/// <summary>A bounded map from payload hash to the verdict its first occurrence got; the oldest entries go first.</summary>
internal sealed class PayloadVerdicts(int capacity)
{
    private readonly Dictionary<string, IngestOutcome?> _verdicts = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Adds a hash (with its verdict when known); false when the hash is already there.</summary>
    public bool TryAdd(string hash, IngestOutcome? verdict)
    {
        if (_verdicts.ContainsKey(hash))
        {
            return false;
        }

        if (_order.Count >= capacity)
        {
            _verdicts.Remove(_order.Dequeue());
        }

        _verdicts[hash] = verdict;
        _order.Enqueue(hash);
        return true;
    }

    public IngestOutcome? TryGet(string hash) => _verdicts.GetValueOrDefault(hash);
}
