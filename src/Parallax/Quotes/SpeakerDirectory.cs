using Parallax.Model;

namespace Parallax.Quotes;

/// <summary>Canonical speakers across the corpus: merges an article's local speakers into known ones.</summary>
public sealed class SpeakerDirectory
{
    public SpeakerDirectory(IEnumerable<Speaker> known)
    {
        throw new NotImplementedException("quotes helper");
    }

    /// <summary>Maps a local speaker to a canonical one (existing or new); returns the canonical record, updated.</summary>
    public Speaker Resolve(Speaker local)
    {
        throw new NotImplementedException("quotes helper");
    }

    public IReadOnlyCollection<Speaker> All => throw new NotImplementedException("quotes helper");
}
