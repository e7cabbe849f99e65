namespace Parallax.Store;

/// <summary>
/// Porter's 1980 suffix stripper, as the FTS5 <c>porter</c> tokenizer applies it to folded (lower-case, diacritic-free)
/// tokens. The search snippets are built in .NET from the stored text, so a body word is marked exactly when the index
/// matched it: the word and the query term stem alike. Words shorter than three letters or longer than 64 pass
/// through unchanged, as in FTS5.
/// </summary>
internal static class PorterStemmer
{
    /// <summary>FTS5's bounds: shorter and longer tokens are indexed as they are.</summary>
    private const int MinLength = 3;

    private const int MaxLength = 64;

    /// <summary>The stem of a folded word (lower-case letters; other characters count as consonants, as in FTS5).</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length is < MinLength or > MaxLength)
        {
            return word;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        word.AsSpan().CopyTo(buffer);
        var stem = new Word(buffer, word.Length);
        stem.Step1Ab();
        stem.Step1C();
        stem.Step2();
        stem.Step3();
        stem.Step4();
        stem.Step5();
        return stem.Length == word.Length && word.AsSpan().SequenceEqual(buffer[..stem.Length]) ? word : new string(buffer[..stem.Length]);
    }

    /// <summary>The word being stemmed: <c>b[0..k]</c> in Porter's notation, with <c>j</c> the end of a matched stem.</summary>
    private ref struct Word(Span<char> b, int length)
    {
        private readonly Span<char> _b = b;
        private int _k = length - 1;
        private int _j;

        public readonly int Length => _k + 1;

        public void Step1Ab()
        {
            if (_b[_k] == 's')
            {
                if (Ends("sses"))
                {
                    _k -= 2;
                }
                else if (Ends("ies"))
                {
                    SetTo("i");
                }
                else if (_k > 0 && _b[_k - 1] != 's')
                {
                    _k--;
                }
            }

            if (Ends("eed"))
            {
                if (Measure() > 0)
                {
                    _k--;
                }
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                _k = _j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(_k))
                {
                    if (_b[_k] is not ('l' or 's' or 'z'))
                    {
                        _k--;
                    }
                }
                else if (MeasureIs(1) && ConsonantVowelConsonant(_k))
                {
                    SetTo("e");
                }
            }
        }

        public void Step1C()
        {
            if (Ends("y") && VowelInStem())
            {
                _b[_k] = 'i';
            }
        }

        public void Step2()
        {
            if (_k < 1)
            {
                return;
            }

            switch (_b[_k - 1])
            {
                case 'a':
                    _ = Replace("ational", "ate") || Replace("tional", "tion");
                    break;
                case 'c':
                    _ = Replace("enci", "ence") || Replace("anci", "ance");
                    break;
                case 'e':
                    _ = Replace("izer", "ize");
                    break;
                case 'l':
                    _ = Replace("bli", "ble") || Replace("alli", "al") || Replace("entli", "ent") || Replace("eli", "e") || Replace("ousli", "ous");
                    break;
                case 'o':
                    _ = Replace("ization", "ize") || Replace("ation", "ate") || Replace("ator", "ate");
                    break;
                case 's':
                    _ = Replace("alism", "al") || Replace("iveness", "ive") || Replace("fulness", "ful") || Replace("ousness", "ous");
                    break;
                case 't':
                    _ = Replace("aliti", "al") || Replace("iviti", "ive") || Replace("biliti", "ble");
                    break;
                case 'g':
                    _ = Replace("logi", "log");
                    break;
            }
        }

        public void Step3()
        {
            switch (_b[_k])
            {
                case 'e':
                    _ = Replace("icate", "ic") || Replace("ative", "") || Replace("alize", "al");
                    break;
                case 'i':
                    _ = Replace("iciti", "ic");
                    break;
                case 'l':
                    _ = Replace("ical", "ic") || Replace("ful", "");
                    break;
                case 's':
                    _ = Replace("ness", "");
                    break;
            }
        }

        public void Step4()
        {
            if (_k < 1)
            {
                return;
            }

            var found = _b[_k - 1] switch
            {
                'a' => Ends("al"),
                'c' => Ends("ance") || Ends("ence"),
                'e' => Ends("er"),
                'i' => Ends("ic"),
                'l' => Ends("able") || Ends("ible"),
                'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
                'o' => (Ends("ion") && _j >= 0 && _b[_j] is 's' or 't') || Ends("ou"),
                's' => Ends("ism"),
                't' => Ends("ate") || Ends("iti"),
                'u' => Ends("ous"),
                'v' => Ends("ive"),
                'z' => Ends("ize"),
                _ => false,
            };
            if (found && Measure() > 1)
            {
                _k = _j;
            }
        }

        public void Step5()
        {
            _j = _k;
            if (_b[_k] == 'e')
            {
                var m = Measure();
                if (m > 1 || (m == 1 && !ConsonantVowelConsonant(_k - 1)))
                {
                    _k--;
                }
            }

            if (_b[_k] == 'l' && DoubleConsonant(_k) && Measure() > 1)
            {
                _k--;
            }
        }

        private readonly bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>Porter's m: the number of vowel-consonant sequences in <c>b[0..j]</c>.</summary>
        private readonly int Measure()
        {
            var n = 0;
            var i = 0;
            while (i <= _j && IsConsonant(i))
            {
                i++;
            }

            while (i <= _j)
            {
                while (i <= _j && !IsConsonant(i))
                {
                    i++;
                }

                if (i > _j)
                {
                    break;
                }

                n++;
                while (i <= _j && IsConsonant(i))
                {
                    i++;
                }
            }

            return n;
        }

        private readonly bool MeasureIs(int m) => Measure() == m;

        private readonly bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly bool DoubleConsonant(int i) => i >= 1 && _b[i] == _b[i - 1] && IsConsonant(i);

        /// <summary>Consonant-vowel-consonant ending at <paramref name="i"/>, the last not w, x or y: a short syllable.</summary>
        private readonly bool ConsonantVowelConsonant(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');

        /// <summary>Whether <c>b[0..k]</c> ends with <paramref name="suffix"/>; sets <c>j</c> to the end of the stem before it.</summary>
        private bool Ends(string suffix)
        {
            var length = suffix.Length;
            if (length > _k + 1 || !_b.Slice(_k - length + 1, length).SequenceEqual(suffix))
            {
                return false;
            }

            _j = _k - length;
            return true;
        }

        private void SetTo(string ending)
        {
            ending.AsSpan().CopyTo(_b[(_j + 1)..]);
            _k = _j + ending.Length;
        }

        /// <summary>Step 2 and 3's rule: the suffix becomes <paramref name="ending"/> when the stem before it has m > 0.</summary>
        private bool Replace(string suffix, string ending)
        {
            if (!Ends(suffix))
            {
                return false;
            }

            if (Measure() > 0)
            {
                SetTo(ending);
            }

            return true;
        }
    }
}
