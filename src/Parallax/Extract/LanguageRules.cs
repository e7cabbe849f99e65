using System.Collections.Frozen;

namespace Parallax.Extract;

/// <summary>Stopwords per language: the most frequent function words, which are distinctive in small samples.</summary>
internal static class LanguageRules
{
    public static readonly (string Code, string[] Words)[] Stopwords =
    [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as", "are", "by", "this", "be", "from", "at", "have", "has", "not", "but", "they", "which", "said", "were", "its", "an", "their", "had", "been", "would", "will", "who"]),
        ("fr", ["le", "la", "les", "des", "et", "est", "une", "du", "dans", "que", "qui", "pour", "pas", "sur", "au", "avec", "il", "sont", "aux", "par", "ce", "mais", "ont", "cette", "elle", "été", "nous", "leur", "ses", "comme", "plus"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf", "für", "im", "dem", "auch", "es", "sie", "wird", "von", "hat", "werden", "nach", "bei", "einer", "wie", "aus", "oder", "wurde"]),
        ("es", ["el", "los", "las", "del", "y", "que", "en", "un", "una", "por", "con", "para", "es", "se", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "este", "fue", "entre", "también", "sobre", "está", "son"]),
        ("it", ["il", "di", "che", "la", "è", "e", "per", "un", "una", "del", "della", "non", "con", "sono", "gli", "le", "nel", "alla", "anche", "come", "dei", "più", "ha", "delle", "questo", "ma", "essere", "stato"]),
        ("pt", ["o", "os", "as", "do", "da", "dos", "das", "em", "que", "não", "uma", "um", "para", "com", "por", "no", "na", "mais", "foi", "ao", "é", "ele", "sua", "seu", "também", "são", "pela", "pelo", "entre"]),
        ("nl", ["de", "het", "een", "en", "van", "ik", "te", "dat", "die", "niet", "zijn", "op", "aan", "met", "voor", "er", "maar", "om", "ook", "als", "bij", "wordt", "werd", "naar", "heeft", "deze"]),
        ("ru", ["и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "от", "его", "к", "для", "он", "о", "так", "но", "также", "был", "она", "были", "который", "которые", "при", "уже", "года"]),
        ("uk", ["і", "в", "не", "на", "що", "з", "це", "як", "до", "від", "його", "для", "він", "але", "також", "був", "які", "який", "та", "у", "при", "року"]),
        ("ar", ["في", "من", "على", "أن", "إلى", "عن", "التي", "الذي", "مع", "هذا", "هذه", "كان", "لا", "ما", "أو", "بين", "قال", "وقال", "إن", "بعد", "كما", "ذلك", "قد", "وفي"]),
        ("fa", ["در", "و", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "خود", "تا", "بر", "هم", "نیز", "می", "شده", "کرد", "شد", "گفت", "های", "بود", "ایران"]),
        ("tr", ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "ne", "gibi", "olan", "sonra", "kadar", "ama", "değil", "en", "her", "mi"]),
    ];

    /// <summary>Word to the languages it is a stopword of, as a bit mask in the order of <see cref="Stopwords"/>.</summary>
    public static readonly FrozenDictionary<string, int> WordLanguages = BuildIndex();

    private static FrozenDictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Stopwords.Length; i++)
        {
            foreach (var w in Stopwords[i].Words)
            {
                index[w] = index.GetValueOrDefault(w) | (1 << i);
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
