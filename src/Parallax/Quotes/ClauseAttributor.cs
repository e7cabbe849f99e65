using Parallax.Model;
using Parallax.Text;

namespace Parallax.Quotes;

/// <summary>
/// Finds the attributions of one unit (a sentence, or several when a quotation runs across them) and turns
/// them into quote drafts. Works on the unit's tokens in one pass to find cues, then reads a few tokens around
/// each cue for the speaker, the listener, time phrases and relaying channels.
/// </summary>
internal sealed class ClauseAttributor
{
    // An introductory phrase (`On February 19,`) longer than this is a clause, not an introduction.
    // Measured on polnear-dev: participial intros (`Speaking to dignitaries and thousands of people watching from the
    // National Mall,`) run to about 15 tokens.
    private const int MaxIntroTokens = 16;

    // A source after `according to` read to the next comma: polnear-train's longest run to about 25 tokens (`a person who
    // attended and described her remarks on the condition of anonymity`).
    private const int MaxLooseSourceTokens = 30;

    // An interrupted report needs at least this many tokens after `, she said,` to be read as going on.
    private const int MinInterruptedTail = 3;

    // A headline's label names a speaker in a few words: `Bill Clinton:`, `Hacker Guccifer:`, `Rep. Darrell Issa:`.
    private const int MaxHeadlineLabelTokens = 5;

    // A transcript label names one speaker: `PENCE:`, `CHRIS WALLACE:`.
    private const int MaxLabelTokens = 3;

    // A role phrase in an apposition (`The spokesperson of the Iranian Foreign Ministry,`) is short; PolNeAR's
    // longest common appositions (`director of the Institute for Policy Integrity at New York University's law
    // school`) run to about 20 tokens.
    private const int MaxRolePhraseTokens = 20;

    // Comma-separated phrases between a name and its verb: PolNeAR's longest run three (`Scott Pruitt, the Republican
    // attorney general of Oklahoma, one of the states suing the EPA, said`).
    private const int MaxAppositionSegments = 3;

    // A party tag or aside between a name and its verb: `(D-Wis.)`, `(R-Ga.)`.
    private const int MaxParentheticalTokens = 8;

    // An introduction this short before `, S said ...` needs no intro word (`Of Sanders, McCaskill said ...`).
    private const int MaxShortIntroTokens = 4;

    // A subject with its appositions before a cue (`Gov. John Kasich of Ohio, a Republican who has refused to endorse
    // Mr. Trump, said`); polnear-train's longest common ones run to about 30 tokens.
    private const int MaxSubjectTokens = 32;

    // `referred to Mexican immigrants as "criminals"`: words between a naming verb and the quotation it introduces
    // (polnear-train: objects run to about six words).
    private const int MaxNamingObjectTokens = 6;

    // A quotation without a cue this long is a statement rather than a term (`"special military operation"` is a term).
    // polnear-train, minimum words of a cue-less quotation (P / quoted recall / speaker accuracy): none 0.912 / 0.842 /
    // 0.894; 4 words 0.903 / 0.899 / 0.883; 5 words 0.905 / 0.894 / 0.884; 6 words 0.907 / 0.889 / 0.885. Their speakers
    // are guessed (the sentence's subject), so each word less trades speaker accuracy for quoted recall. With the naming
    // cues (`called him a "moderate"`) on top, 6 kept polnear-dev speaker accuracy above its 0.89 floor (5: 0.888);
    // once comma-introduced subjects read as leading and common-noun subjects were read, 5 gives dev P 0.934 / QR 0.910 /
    // speaker 0.891 (6: 0.936 / 0.905 / 0.893) and train 0.912 / 0.902 / 0.887 (6: 0.914 / 0.898 / 0.888).
    private const int MinCuelessQuotationWords = 5;

    // A common-noun subject of a cue (`all the experts I interviewed`); longer runs are clauses, not speakers.
    private const int MaxNounPhraseTokens = 9;

    private enum AttributionKind
    {
        Leading,
        Trailing,
        Participle,
        AccordingLead,
        AccordingTrail,
        Continuation,
    }

    private sealed class Attribution
    {
        public required AttributionKind Kind { get; init; }
        public required int Boundary { get; init; }
        public int PhraseEnd { get; set; }
        public Mention? Mention { get; set; }
        public string? Cue { get; init; }
        public List<string> Via { get; } = [];

        public bool TakesContentAfter => Kind is AttributionKind.Leading or AttributionKind.Participle or AttributionKind.AccordingLead or AttributionKind.Continuation;
    }

    [ThreadStatic]
    private static List<Token>? tokenBuffer;

    [ThreadStatic]
    private static string[]? lowerBuffer;

    [ThreadStatic]
    private static bool[]? inQuoteBuffer;

    private readonly string body;
    private readonly List<Token> tokens;
    private readonly string[] lower;
    private readonly bool[] inQuote;
    private readonly int unitStart;
    private readonly int unitEnd;
    private readonly int paragraph;
    private readonly IReadOnlyList<Quotation> quotations;
    private readonly int first;
    private int Count => tokens.Count;

    private ClauseAttributor(string body, int unitStart, int unitEnd, int paragraph, IReadOnlyList<Quotation> quotations)
    {
        this.body = body;
        this.unitStart = unitStart;
        this.unitEnd = unitEnd;
        this.paragraph = paragraph;
        this.quotations = quotations;
        // One unit is read at a time per thread, so its token buffers are reused from unit to unit.
        tokens = tokenBuffer ??= new List<Token>(64);
        Tokenizer.Tokenize(body, unitStart, unitEnd, tokens);
        if (lowerBuffer is null || lowerBuffer.Length < tokens.Count)
        {
            lowerBuffer = new string[Math.Max(64, tokens.Count * 2)];
            inQuoteBuffer = new bool[lowerBuffer.Length];
        }

        lower = lowerBuffer;
        inQuote = inQuoteBuffer!;
        var q = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            lower[i] = token.Kind == TokenKind.Word ? QuoteRules.Lower(token.Of(body)) : QuoteRules.OtherWord;
            while (q < quotations.Count && quotations[q].Outer.End <= token.Start)
            {
                q++;
            }

            inQuote[i] = q < quotations.Count && quotations[q].Outer.Start <= token.Start;
        }

        first = SubjectStart();
    }

    /// <summary>Adds the drafts of the unit <c>[unitStart, unitEnd)</c> to <paramref name="output"/>.</summary>
    public static void Analyze(string body, int unitStart, int unitEnd, int paragraph, IReadOnlyList<Quotation> quotations, List<QuoteDraft> output) =>
        new ClauseAttributor(body, unitStart, unitEnd, paragraph, quotations).Run(output);

    private void Run(List<QuoteDraft> output)
    {
        var attributions = FindAttributions();
        if (attributions.Count == 0)
        {
            var cueless = new List<QuoteDraft>();
            AddCuelessQuotations(cueless);
            output.AddRange(cueless);
            return;
        }

        var hasSpeakerCue = attributions.Exists(a => a.Kind is not AttributionKind.AccordingTrail);
        var sentenceVia = new List<string>();
        if (hasSpeakerCue)
        {
            foreach (var a in attributions.Where(a => a.Kind == AttributionKind.AccordingTrail && a.Mention is not null))
            {
                sentenceVia.Add(a.Mention!.Name);
            }

        }

        // Participles and continuations speak for the nearest earlier speaker, else for the sentence's subject.
        Attribution? parent = null;
        foreach (var a in attributions)
        {
            if (a.Kind is AttributionKind.Participle or AttributionKind.Continuation)
            {
                if (parent is not null)
                {
                    a.Mention ??= parent.Mention;
                    a.Via.AddRange(parent.Via);
                }
                else if (a.Mention is null && first < Count && !inQuote[first])
                {
                    a.Mention = ParseRight(first, out _);
                }
            }
            else if (a.Mention is not null)
            {
                parent = a;
            }
        }

        var drafts = new List<QuoteDraft>();
        for (var i = 0; i < attributions.Count; i++)
        {
            var a = attributions[i];
            var next = i + 1 < attributions.Count ? attributions[i + 1].Boundary : unitEnd;
            if (hasSpeakerCue && a.Kind == AttributionKind.AccordingTrail)
            {
                // A channel or source named at the end relays the unit's other reports: it bounds content only.
                continue;
            }

            if (a.TakesContentAfter)
            {
                if (i == 0 && a.Kind == AttributionKind.Participle)
                {
                    // `"...," adding that "..."`: the quotation before the participle is the same speaker's.
                    AddIfWholeQuotation(unitStart, a.Boundary, a, drafts);
                }

                var start = a.PhraseEnd < Count ? tokens[a.PhraseEnd].Start : unitEnd;
                AddDraft(start, Math.Max(start, next), a, drafts);
                continue;
            }

            var previous = i > 0 && !(hasSpeakerCue && attributions[i - 1].Kind == AttributionKind.AccordingTrail) ? attributions[i - 1] : null;
            if (previous is not null && previous.TakesContentAfter)
            {
                // `..., adding that "...," he said.`: the closing attribution names the speaker of the open report.
                previous.Mention ??= a.Mention;
                foreach (var draft in drafts)
                {
                    draft.Mention ??= a.Mention;
                }

                continue;
            }

            var contentStart = previous is null ? unitStart : previous.PhraseEnd < Count ? tokens[previous.PhraseEnd].Start : unitEnd;
            var nextIsContinuation = i + 1 < attributions.Count && attributions[i + 1].Kind == AttributionKind.Continuation;
            if (!nextIsContinuation && a.PhraseEnd + MinInterruptedTail < Count && IsPunct(a.PhraseEnd, ',') && !inQuote[a.PhraseEnd + 1])
            {
                // `In law school, she said, everyone got pushed along`: the cue interrupts one report; its longer side is the content.
                var before = TrimContent(contentStart, Math.Max(contentStart, a.Boundary));
                var after = TrimContent(tokens[a.PhraseEnd + 1].Start, Math.Max(tokens[a.PhraseEnd + 1].Start, next));
                if (after.Length > before.Length && !IsWholeQuotation(before))
                {
                    AddDraft(after.Start, after.End, a, drafts);
                    continue;
                }
            }

            var draftCount = drafts.Count;
            AddDraft(contentStart, Math.Max(contentStart, a.Boundary), a, drafts);
            if (drafts.Count > draftCount && drafts[^1].Kind == QuoteKinds.Direct)
            {
                drafts[^1].InterruptedBy = a.Boundary;
            }
        }

        foreach (var draft in drafts)
        {
            draft.Via.AddRange(sentenceVia.Where(v => !draft.Via.Contains(v)));
        }

        AddCuelessQuotations(drafts);
        output.AddRange(drafts);
    }

    /// <summary>
    /// A quotation inside a sentence that no cue reads (<c>He expressed amusement that Rubio had described his views "not
    /// only on Spanish-language television but on English-language television"</c>, <c>Christie refers to the candidate
    /// as "Mr. Trump," ...</c>) is still someone's words: PolNeAR attributes it to the sentence's subject. Terms and
    /// titles in quotation marks (<c>"special military operation"</c>, <c>"Fox &amp; Friends"</c>) are not: a cue-less
    /// quotation counts only when it runs to <see cref="MinCuelessQuotationWords"/> words and is not in title case.
    /// A quotation that opens the unit is left to the extractor's standalone reading.
    /// </summary>
    private void AddCuelessQuotations(List<QuoteDraft> drafts)
    {
        if (Count == 0)
        {
            return;
        }

        foreach (var q in quotations)
        {
            if (q.Outer.Start <= tokens[0].Start || q.Outer.End > unitEnd || drafts.Exists(d => d.Start < q.Outer.End && d.End > q.Outer.Start))
            {
                continue;
            }

            var inner = TrimInner(q.Inner.Start, q.Inner.End);
            var naming = NamingCueBefore(q.Outer.Start);
            if (naming >= 0 && inner.Length >= QuoteExtractor.MinContentLength && naming + 1 < Count && !inQuote[naming + 1])
            {
                // `called him a "moderate,"`: the naming and its object, up to the end of the quotation.
                // Only with a subject read right before the verb: a guessed one is wrong about as often as right.
                var named = new TextSpan(tokens[naming + 1].Start, inner.End);
                if (!drafts.Exists(d => d.Start < named.End && d.End > named.Start) && ParseLeft(naming, out _) is { } namer)
                {
                    drafts.Add(new QuoteDraft { Start = named.Start, End = named.End, Kind = QuoteKinds.Mixed, Cue = Text(naming), Mention = namer, Paragraph = paragraph });
                }

                continue;
            }

            if (inner.Length < QuoteExtractor.MinContentLength || WordCount(inner) < MinCuelessQuotationWords || IsTitleCase(inner))
            {
                continue;
            }

            drafts.Add(new QuoteDraft { Start = inner.Start, End = inner.End, Kind = QuoteKinds.Direct, Mention = SubjectBefore(q.Outer.Start, q.Outer.End), Paragraph = paragraph, Group = q.Group });
        }

        drafts.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// The speaker of a quotation without a cue: the last pronoun or name before it in the unit that a verb-like word
    /// follows (<c>Freddy confided to her that ... the Schifanos were ''...''</c> is Freddy's).
    /// </summary>
    private Mention? SubjectBefore(int start, int end)
    {
        return SubjectAround(start, before: true) ?? SubjectAround(end, before: false);
    }

    /// <summary>
    /// The last name or pronoun before <paramref name="at"/> that a verb-like word follows, or (after it) the first one
    /// that a verb-like word or a comma follows: <c>"...," Khizr Khan, 66, said on Capital Download.</c>.
    /// </summary>
    private Mention? SubjectAround(int at, bool before)
    {
        var start = before ? at : int.MaxValue;
        Mention? found = null;
        for (var m = 0; m < Count && tokens[m].End <= start; m++)
        {
            if ((!before && tokens[m].Start < at) || inQuote[m] || tokens[m].Kind != TokenKind.Word || (m > 0 && IsRunWord(m - 1) && IsRunWord(m)))
            {
                continue;
            }

            Mention? candidate;
            int end;
            if (QuoteRules.RelativeSubjects.Contains(lower[m]) && m > 0)
            {
                candidate = new Mention(tokens[m].Start, tokens[m].End, MentionKind.Pronoun, Text(m));
                end = m + 1;
            }
            else if ((IsRunWord(m) && !QuoteRules.NotNames.Contains(lower[m]) && !(m == 0 && IsParticipleOrAdverb(m))) || QuoteRules.PersonPronouns.Contains(lower[m]) || QuoteRules.GroupPronouns.Contains(lower[m]))
            {
                candidate = ParseRight(m, out end);
            }
            else
            {
                continue;
            }

            var verb = end;
            while (verb < Count && IsBetweenSubjectAndCue(verb))
            {
                verb++;
            }

            if (candidate is not null && candidate.Kind != MentionKind.Group && tokens[end - 1].End <= start && verb < Count && tokens[verb].End <= start && ((IsVerbLike(verb) && !IsCapitalized(verb)) || (!before && IsPunct(verb, ','))))
            {
                found = candidate;
                if (!before)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The token of a naming verb (<see cref="QuoteRules.NamingCues"/>) at most <see cref="MaxNamingObjectTokens"/> words
    /// before <paramref name="quoteStart"/> with nothing but words between (<c>referred to Mexican immigrants as</c>), or -1.
    /// </summary>
    private int NamingCueBefore(int quoteStart)
    {
        var m = 0;
        while (m < Count && tokens[m].End <= quoteStart)
        {
            m++;
        }

        for (var k = m - 1; k >= 0 && m - k <= MaxNamingObjectTokens + 1; k--)
        {
            if (inQuote[k] || tokens[k].Kind != TokenKind.Word)
            {
                return -1;
            }

            if (QuoteRules.NamingCues.Contains(lower[k]) && !IsCapitalized(k))
            {
                // `called on`, `called off`: another verb. `a film called "X"`, `was called "X"`: the thing named has no
                // speaker here; the verb needs a name or pronoun subject (`Gingrich called`, `who has called`).
                if (k + 1 < Count && lower[k + 1] is "on" or "off" or "for" or "up" or "in" or "out" or "back")
                {
                    return -1;
                }

                var j = k - 1;
                while (j >= 0 && IsBetweenSubjectAndCue(j))
                {
                    j--;
                }

                var subjectLike = j >= 0 && !inQuote[j] && tokens[j].Kind == TokenKind.Word &&
                    ((IsCapitalized(j) && !QuoteRules.NotNames.Contains(lower[j])) || QuoteRules.PersonPronouns.Contains(lower[j]) || QuoteRules.GroupPronouns.Contains(lower[j]) || lower[j] is "who" or "that" or "which");
                return subjectLike ? k : -1;
            }
        }

        return -1;
    }

    /// <summary>Every word capitalised but the small ones: a title (<c>"Backfire: Carly Fiorina's High-Stakes Battle for the Soul of Hewlett-Packard"</c>).</summary>
    private bool IsTitleCase(TextSpan span)
    {
        var i = span.Start;
        while (i < span.End)
        {
            while (i < span.End && !char.IsLetterOrDigit(body[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.End && !char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            if (start < i && char.IsLower(body[start]) && !QuoteRules.RoleSmallWords.Contains(body.Substring(start, i - start).TrimEnd(',', '.', ':', ';')) && body[start..i] is not ("a" or "an" or "by" or "with" or "from"))
            {
                return false;
            }
        }

        return true;
    }

    private List<Attribution> FindAttributions()
    {
        var result = new List<Attribution>();
        // Headlines capitalise every word: `Clinton Says Russians Hacked DNC`.
        var headline = IsHeadline();
        for (var i = 0; i < Count; i++)
        {
            if (i > 0 && !inQuote[i] && tokens[i].Kind == TokenKind.Punctuation && body[tokens[i].Start] is '\u2015' or '\u2014' && IsQuoteMark(i - 1) && inQuote[i - 1] && ParseRight(i + 1, out var signatureEnd) is { Kind: MentionKind.Name } signed && (signatureEnd == Count || (signatureEnd == Count - 1 && IsPunct(signatureEnd, '.'))))
            {
                // `"..." ― Sonya Herridge`: a signed quote.
                result.Add(new Attribution { Kind = AttributionKind.Trailing, Boundary = tokens[i - 1].End, Mention = signed, Cue = Text(i), PhraseEnd = Count });
                break;
            }

            if (tokens[i].Kind != TokenKind.Word || (inQuote[i] && i != LabelPosition()))
            {
                continue;
            }

            var word = lower[i];
            if (word == "according" && i + 1 < Count && lower[i + 1] == "to")
            {
                var mention = ParseRight(i + 2, out var end);
                if (mention is { Kind: MentionKind.Role or MentionKind.Organization } role && end < Count && IsCapitalized(end)
                    && ParseRight(end, out var nameEnd) is { Kind: MentionKind.Name } name && nameEnd < Count && IsPunct(nameEnd, ','))
                {
                    // `according to Northwind spokesman Jonas Meyer, ...`: the role stops the noun phrase; the name after it
                    // is the source, and the role is his.
                    mention = role.Roles.Count > 0 ? name with { Start = role.Start, Roles = role.Roles } : name with { Start = role.Start };
                    end = nameEnd;
                }

                if (i > first && ParseChannel(i + 2, out var channelEnd) is { } channel && (mention is null || mention.Kind == MentionKind.Organization || channelEnd > end))
                {
                    // `..., according to the IRNA news agency`: named as a channel, so as IRNA.
                    mention = new Mention(tokens[i + 2].Start, tokens[channelEnd - 1].End, MentionKind.Organization, channel);
                    end = channelEnd;
                }

                if (mention is null && ParseNounPhraseRight(i + 2, out var phraseEnd) is { } phrase)
                {
                    // `according to the poll`, `according to federal statistics`.
                    mention = phrase;
                    end = phraseEnd;
                }

                if (mention is null)
                {
                    // `according to a person who attended and described her remarks on the condition of anonymity`.
                    mention = LooseSource(i + 2, out end);
                }

                if (mention is null)
                {
                    continue;
                }

                if (i <= first)
                {
                    var a = new Attribution { Kind = AttributionKind.AccordingLead, Boundary = tokens[i].Start, Mention = mention, Cue = "according to" };
                    a.PhraseEnd = end < Count && IsPunct(end, ',') ? end + 1 : end;
                    result.Add(a);
                }
                else if (IsPunct(i - 1, ',') || (i - first > MinInterruptedTail && ((!inQuote[i - 1] && tokens[i - 1].Kind is TokenKind.Word or TokenKind.Number) || (IsQuoteMark(i - 1) && inQuote[i - 1]))))
                {
                    // `Clinton leads Sanders by 271 pledged delegates according to a count by The Associated Press`,
                    // `became "the high-water mark," according to Mr. Rhodes`.
                    var boundary = IsPunct(i - 1, ',') ? tokens[i - 1].Start : IsQuoteMark(i - 1) ? tokens[i - 1].End : tokens[i].Start;
                    result.Add(new Attribution { Kind = AttributionKind.AccordingTrail, Boundary = boundary, Mention = mention, Cue = "according to", PhraseEnd = end });
                }

                i = end - 1;
                continue;
            }

            if (QuoteRules.NounCues.Contains(word) && i > 0 && i + 2 < Count && lower[i + 1] == "that" && PossessiveSpeaker(i - 1) is { } owner)
            {
                // `Trump's claim that ...`, `her insistence that ...`.
                result.Add(new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[i - 1].Start, Mention = owner, Cue = Text(i), PhraseEnd = i + 2 });
                i++;
                continue;
            }

            if (QuoteRules.ChannelVerbs.Contains(word) && (i + 1 == Count || IsPunct(i + 1, '.')) && ChannelTail(i) is { } tail)
            {
                result.Add(tail);
                continue;
            }

            if (QuoteRules.ParticipleCues.Contains(word) && i > 0 && (IsPunct(i - 1, ',') || (IsQuoteMark(i - 1) && i > 1 && IsPunct(i - 2, ','))))
            {
                var a = new Attribution { Kind = AttributionKind.Participle, Boundary = IsPunct(i - 1, ',') ? tokens[i - 1].Start : tokens[i - 1].End, Cue = Text(i) };
                var k = i + 1;
                if (k < Count && lower[k] == "out")
                {
                    k++;
                }

                k = SkipIntroducer(k);
                a.PhraseEnd = k;
                result.Add(a);
                continue;
            }

            if (i == LabelPosition() && SpeakerLabel(i) is { } label)
            {
                result.Add(label);
                i = label.PhraseEnd - 1;
                continue;
            }

            if (QuoteRules.ParticipleCues.Contains(word) && i > 1 && lower[i - 1] is "is" or "are" or "was" or "were" or "been")
            {
                // Progressive: `Trump is promising lower taxes`, `Clinton has been arguing that ...`.
                var aux = lower[i - 2] is "has" or "have" or "had" ? i - 2 : i - 1;
                var progressive = FiniteAttribution(i, aux);
                if (progressive is not null)
                {
                    result.Add(progressive);
                    i = Math.Max(i, progressive.PhraseEnd - 1);
                    continue;
                }
            }

            if (word is "say" or "add" or "ask" && i > 2 && lower[i - 1] == "to" && QuoteRules.GoOnVerbs.Contains(lower[i - 2] == "on" ? lower[i - 3] : lower[i - 2]))
            {
                // `He went on to say ...`, `It continues to say: "..."`: the cue is the whole phrase, its subject the first verb's.
                var lead = lower[i - 2] == "on" ? i - 3 : i - 2;
                if (FiniteAttribution(lead) is { } goOn && goOn.Kind == AttributionKind.Leading)
                {
                    var a = new Attribution { Kind = AttributionKind.Leading, Boundary = goOn.Boundary, Mention = goOn.Mention, Cue = Text(i) };
                    a.PhraseEnd = SkipIntroducer(AfterVerb(i + 1, a, trailing: false));
                    result.Add(a);
                    i = Math.Max(i, a.PhraseEnd - 1);
                    continue;
                }
            }

            if (QuoteRules.FiniteCues.Contains(word) && !(i > 0 && lower[i - 1] == "to") && !(i > first && IsCapitalized(i) && !headline) && !IsPossessive(i - 1))
            {
                var speechVerb = QuoteRules.SpeechVerbs.Contains(word) && !IsCapitalized(i);
                var attribution = FiniteAttribution(i) ?? (speechVerb ? EmbeddedAttribution(i) ?? QuotationBeforeSubject(i) ?? CoordinatedAttribution(i) : null) ?? SubjectAttribution(i) ?? QuotedReport(i, result) ?? (speechVerb ? CommonNounAttribution(i) : null);
                if (attribution is not null)
                {
                    result.Add(attribution);
                    AddContinuation(attribution, result);
                    i = Math.Max(i, attribution.PhraseEnd - 1);
                }
            }
        }

        AddQuotationAttributions(result);
        return result;
    }

    /// <summary>
    /// Attributions anchored on a quotation rather than on a known cue: <c>"Denver," he answered.</c>, <c>"...," Oliver
    /// barked.</c>, <c>"...," chimed in Rep. X.</c> (a quotation closed by a comma, question or exclamation mark, then a
    /// short subject-verb clause), and <c>Mark Blumenthal and Jon Cohen: "..."</c> (a name and a colon before a quotation).
    /// Each is added in text order unless a cue already attributes that stretch.
    /// </summary>
    private void AddQuotationAttributions(List<Attribution> result)
    {
        for (var i = 1; i + 1 < Count; i++)
        {
            if (IsQuoteMark(i) && inQuote[i] && !inQuote[i + 1] && (IsPunct(i - 1, ',') || IsPunct(i - 1, '?') || IsPunct(i - 1, '!') || IsPunct(i + 1, ',')) &&
                TrailingClause(IsPunct(i + 1, ',') ? i + 2 : i + 1, tokens[i].End) is { } trailing && !AttributedBetween(result, tokens[i].Start, tokens[Math.Min(Count - 1, trailing.PhraseEnd)].Start))
            {
                Insert(result, trailing);
                AddContinuationAfter(trailing, result);
            }
            else if (IsPunct(i, ':') && !inQuote[i] && IsQuoteMark(i + 1) && inQuote[i + 1] && (ColonLabel(i) ?? ColonClause(i)) is { } label && !AttributedBetween(result, label.Boundary, tokens[i].End))
            {
                Insert(result, label);
            }
        }
    }

    private static bool AttributedBetween(List<Attribution> result, int start, int end) => result.Exists(a => a.Boundary >= start && a.Boundary <= end);

    private static void Insert(List<Attribution> result, Attribution a)
    {
        var at = result.FindIndex(o => o.Boundary > a.Boundary);
        result.Insert(at < 0 ? result.Count : at, a);
    }

    private void AddContinuationAfter(Attribution a, List<Attribution> result)
    {
        var scratch = new List<Attribution>(1);
        AddContinuation(a, scratch);
        foreach (var c in scratch)
        {
            Insert(result, c);
        }
    }

    /// <summary>The clause after a closed quotation: <c>he answered</c>, <c>Oliver barked at X</c>, <c>went on Rep. Y</c>.</summary>
    private Attribution? TrailingClause(int s, int boundary)
    {
        if (s >= Count || inQuote[s] || tokens[s].Kind != TokenKind.Word)
        {
            return null;
        }

        var mention = ParseRight(s, out var e);
        int verb;
        if (mention is not null && mention.Kind != MentionKind.Group)
        {
            verb = e;
            while (verb < Count && IsBetweenSubjectAndCue(verb))
            {
                verb++;
            }

            if (!IsVerbLike(verb))
            {
                return null;
            }

            e = verb + 1;
        }
        else
        {
            // Inverted: `"...," chimed Rep. Y.`
            verb = s;
            if (!IsVerbLike(verb) || !(tokens[verb].Of(body).EndsWith("ed", StringComparison.Ordinal) || IsCue(verb)))
            {
                return null;
            }

            mention = LooseObject(verb + 1, out e);
            if (mention is null || mention.Kind is MentionKind.Pronoun)
            {
                return null;
            }
        }

        if (e < Count && lower[e] is "on" or "back" or "in" or "up" or "out" && tokens[e].Kind == TokenKind.Word)
        {
            e++;
        }

        var a = new Attribution { Kind = AttributionKind.Trailing, Boundary = boundary, Mention = mention, Cue = Text(verb) };
        var k = AfterVerb(e, a, trailing: true);
        if (k < Count && !IsPunct(k, '.') && !IsPunct(k, ',') && !IsPunct(k, ';') && !IsPunct(k, '\u2014') && !QuoteRules.NotContentStarts.Contains(lower[k]) && !QuoteRules.ClauseWords.Contains(lower[k]))
        {
            return null;
        }

        a.PhraseEnd = k;
        return a;
    }

    /// <summary>
    /// The speaker after an inverted verb, read loosely up to the next punctuation or clause word: <c>said Virginia delegate
    /// Beau Correll</c> (the last name run), <c>said one well-connected Democrat familiar with ...</c> (the phrase).
    /// </summary>
    private Mention? LooseObject(int s, out int end)
    {
        end = s;
        if (ParseRight(s, out var rightEnd) is { } right && (rightEnd >= Count || tokens[rightEnd].Kind != TokenKind.Word || QuoteRules.ClauseWords.Contains(lower[rightEnd]) || QuoteRules.IntroPrepositions.Contains(lower[rightEnd])))
        {
            end = rightEnd;
            return right;
        }

        var j = s;
        while (j < Count && j - s < MaxNounPhraseTokens + 3 && !inQuote[j] && (tokens[j].Kind is TokenKind.Word or TokenKind.Number || IsAbbreviationDot(j)) && !QuoteRules.ClauseWords.Contains(lower[j]))
        {
            j++;
        }

        if (j == s || (j < Count && tokens[j].Kind is TokenKind.Word or TokenKind.Number) || tokens[j - 1].Kind != TokenKind.Word)
        {
            return null;
        }

        end = j;
        var e = j - 1;
        while (e >= s && !(IsCapitalized(e) && IsRunWord(e)))
        {
            e--;
        }

        if (e >= s)
        {
            var k = e;
            while (k - 1 >= s && ((IsCapitalized(k - 1) && IsRunWord(k - 1)) || IsAbbreviationDot(k - 1)))
            {
                k--;
            }

            if (!QuoteRules.NotNames.Contains(lower[k]) && ClassifyRun(k, e) is { Kind: MentionKind.Name } name)
            {
                return name;
            }
        }

        return new Mention(tokens[s].Start, tokens[j - 1].End, MentionKind.Group, JoinWords(s, j - 1));
    }

    /// <summary>
    /// <c>In a Fox interview later that day, Trump went even further: "..."</c>: a clause before a colon and a quotation,
    /// with the clause's subject as the speaker.
    /// </summary>
    private Attribution? ColonClause(int colon)
    {
        if (first >= colon || colon - first > MaxSubjectTokens)
        {
            return null;
        }

        for (var m = first; m < colon; m++)
        {
            if (inQuote[m] || tokens[m].Kind is TokenKind.Quote)
            {
                return null;
            }
        }

        var mention = ParseRight(first, out var e);
        if (mention is null || mention.Kind == MentionKind.Group || e >= colon || QuoteRules.IntroPrepositions.Contains(lower[first]) ||
            (mention.Kind == MentionKind.Name && e == first + 1 && e < colon && !IsCapitalized(e) && tokens[e].Kind == TokenKind.Word && !IsCue(e) && !QuoteRules.SkippedBeforeCue.Contains(lower[e]) && !IsLyAdverb(e) && !tokens[e].Of(body).EndsWith("ed", StringComparison.Ordinal)))
        {
            // `From Bush's Facebook post: "..."`: the quotation is a statement, its speaker not a subject we can read.
            mention = null;
        }

        return new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[first].Start, Mention = mention, Cue = ":", PhraseEnd = colon + 1 };
    }

    // A lowercase word that can be a verb of speech after its subject: not a function word, not a clause opener.
    private bool IsVerbLike(int i) =>
        i < Count && !inQuote[i] && tokens[i].Kind == TokenKind.Word && !IsCapitalized(i) && tokens[i].Length > 2 &&
        !QuoteRules.NotContentStarts.Contains(lower[i]) && !QuoteRules.ClauseWords.Contains(lower[i]) && !QuoteRules.NotInNounPhrase.Contains(lower[i]) || (i < Count && IsCue(i) && !inQuote[i]);

    /// <summary><c>Mark Blumenthal and Jon Cohen: "..."</c>: a name run (names joined by <c>and</c>) before a colon and a quotation.</summary>
    private Attribution? ColonLabel(int colon)
    {
        var k = colon - 1;
        var names = 0;
        while (k >= 0 && colon - k <= MaxRolePhraseTokens && !inQuote[k] && ((IsRunWord(k) && IsCapitalized(k)) || IsAbbreviationDot(k) || (lower[k] == "and" && k > 0 && IsCapitalized(k - 1))))
        {
            names += IsCapitalized(k) ? 1 : 0;
            k--;
        }

        var start = k + 1;
        if (names == 0 || start >= colon || !(start <= first || IsSeparator(k) || IsPunct(k, '-')) || QuoteRules.NotNames.Contains(lower[start]))
        {
            return null;
        }

        var mention = ClassifyRun(start, colon - 1) ?? new Mention(tokens[start].Start, tokens[colon - 1].End, MentionKind.Name, JoinWords(start, colon - 1));
        return new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[start].Start, Mention = mention, Cue = ":", PhraseEnd = colon + 1 };
    }

    /// <summary>
    /// A source after <c>according to</c> too long for the noun-phrase reader: it runs to the next comma or the unit's
    /// end; the mention is its head, up to the first clause word.
    /// </summary>
    private Mention? LooseSource(int s, out int end)
    {
        end = s;
        var j = s;
        var head = -1;
        while (j < Count && j - s < MaxLooseSourceTokens && !inQuote[j] && !IsPunct(j, ',') && !IsPunct(j, ';') && !(IsPunct(j, '.') && !IsAbbreviationDot(j)) && !IsPunct(j, '\u2014'))
        {
            if (head < 0 && tokens[j].Kind == TokenKind.Word && (QuoteRules.ClauseWords.Contains(lower[j]) || IsCue(j)))
            {
                head = j;
            }

            j++;
        }

        if (j == s || tokens[s].Kind != TokenKind.Word || (j < Count && !IsPunct(j, ',') && !IsPunct(j, '.') && !IsPunct(j, ';') && !IsPunct(j, '\u2014') && !inQuote[j]))
        {
            return null;
        }

        var last = (head > s ? head : j) - 1;
        while (last > s && tokens[last].Kind != TokenKind.Word)
        {
            last--;
        }

        end = j;
        return new Mention(tokens[s].Start, tokens[last].End, MentionKind.Group, JoinWords(s, last));
    }

    /// <summary><c>..., the IRNA news agency reported.</c> at the end of a unit: a channel for the unit's quotes.</summary>
    private Attribution? ChannelTail(int verb)
    {
        for (var c = verb - 1; c >= Math.Max(0, verb - MaxRolePhraseTokens); c--)
        {
            if (inQuote[c])
            {
                return null;
            }

            if (IsPunct(c, ','))
            {
                var channel = ParseChannel(c + 1, out var end);
                if (channel is null || end != verb)
                {
                    return null;
                }

                var mention = new Mention(tokens[c + 1].Start, tokens[verb - 1].End, MentionKind.Organization, channel);
                return new Attribution { Kind = AttributionKind.AccordingTrail, Boundary = tokens[c].Start, Mention = mention, Cue = Text(verb), PhraseEnd = verb + 1 };
            }
        }

        return null;
    }

    // `Editor's note`, `Clinton's remarks`: a cue word owned by a possessive is a noun.
    private bool IsPossessive(int i) =>
        i >= 0 && tokens[i].Kind == TokenKind.Word && !inQuote[i] && tokens[i].Length > 2 &&
        (tokens[i].Of(body).EndsWith("'s", StringComparison.Ordinal) || tokens[i].Of(body).EndsWith("\u2019s", StringComparison.Ordinal));

    private static bool IsPlausibleSubjectOfNounlikeCue(Mention left) =>
        left.Kind is MentionKind.Pronoun or MentionKind.Role ||
        (left.Kind == MentionKind.Name && !left.Name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) ||
        (left.Kind == MentionKind.Organization && left.Name.Split(' ').Any(w => QuoteRules.OrganizationNouns.Contains(w)));

    private Attribution? FiniteAttribution(int verb, int leftOf = -1)
    {
        var left = ParseLeft(leftOf >= 0 ? leftOf : verb, out var leftStart);
        if (left is not null && QuoteRules.NotSubjectCues.Contains(lower[verb]) && (!IsPlausibleSubjectOfNounlikeCue(left) ||
            (QuoteRules.NounFirstCues.Contains(lower[verb]) && left.Kind != MentionKind.Pronoun && !OpensReport(SkipAdverbials(verb + 1, new Attribution { Kind = AttributionKind.Leading, Boundary = 0 })))))
        {
            // `The United States has`, `the Arab states`, `The new plans`: the cue word is the subject's own noun.
            return null;
        }

        if (left is not null)
        {
            if (leftStart <= first || (left.Kind is MentionKind.Pronoun or MentionKind.Name or MentionKind.Organization && IsLooseIntro(leftStart)))
            {
                var a = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[leftStart].Start, Mention = left, Cue = Text(verb) };
                a.PhraseEnd = SkipIntroducer(AfterVerb(verb + 1, a, trailing: false));
                return a;
            }

            var separator = leftStart - 1;
            if (IsSeparator(separator))
            {
                var a = new Attribution { Kind = AttributionKind.Trailing, Boundary = IsQuoteMark(separator) ? tokens[separator].End : tokens[separator].Start, Mention = left, Cue = Text(verb) };
                a.PhraseEnd = AfterVerb(verb + 1, a, trailing: true);
                if (IsPunct(separator, ',') && IntroducesContent(verb, a.PhraseEnd) && (IsIntroduction(first, separator, OpensReport(a.PhraseEnd)) || !HasQuotation(first, separator)))
                {
                    // `Lashing out, Trump said the justice's "mind is shot."`: the part before the comma introduces the
                    // subject; the report follows the verb.
                    var leading = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[leftStart].Start, Mention = left, Cue = Text(verb) };
                    leading.PhraseEnd = SkipIntroducer(AfterVerb(verb + 1, leading, trailing: false));
                    return leading;
                }

                return a;
            }

            return null;
        }

        // Inverted: `"...," said Kanaani.`
        if (verb > 0 && IsSeparator(verb - 1))
        {
            var right = ParseRight(verb + 1, out var end);
            if (right is null && verb + 1 < Count && !QuoteRules.IntroPrepositions.Contains(lower[verb + 1]) && ParseNounPhraseRight(verb + 1, out var phraseEnd) is { } phrase &&
                (phraseEnd >= Count || IsPunct(phraseEnd, '.')) && HasSpeakerNoun(verb + 1, phraseEnd - 1))
            {
                // `"...," said one Democratic source on the panel.`
                right = phrase;
                end = phraseEnd;
            }
            else if (right is null && verb + 1 < Count && lower[verb + 1] is "a" or "an" or "the" or "one" && RelativeSpeakerPhrase(verb + 1, out var relativeEnd) is { } relativePhrase)
            {
                // `"...," said a prominent committee member who supports Trump, asking for anonymity.`
                right = relativePhrase;
                end = relativeEnd;
            }

            if (right is not null && right.Kind != MentionKind.Pronoun && (end >= Count || tokens[end].Kind is TokenKind.Punctuation || tokens[end].Kind is TokenKind.Quote || QuoteRules.IntroPrepositions.Contains(lower[end]) || lower[end] is "of" or "who"))
            {
                var a = new Attribution { Kind = AttributionKind.Trailing, Boundary = IsQuoteMark(verb - 1) ? tokens[verb - 1].End : tokens[verb - 1].Start, Mention = right, Cue = Text(verb) };
                a.PhraseEnd = AfterVerb(end, a, trailing: true);
                return a;
            }
        }

        return null;
    }

    /// <summary>
    /// A speaker noun phrase from <paramref name="k"/> that a relative clause or a comma ends: <c>a prominent Republican
    /// National Committee member</c> in <c>said a prominent ... member who supports Trump</c>.
    /// </summary>
    private Mention? RelativeSpeakerPhrase(int k, out int end)
    {
        end = k;
        var j = k;
        while (j < Count && j - k < MaxNounPhraseTokens + 3 && !inQuote[j] && (tokens[j].Kind == TokenKind.Number || IsAbbreviationDot(j) || (tokens[j].Kind == TokenKind.Word && !QuoteRules.ClauseWords.Contains(lower[j]))))
        {
            j++;
        }

        if (j == k || j >= Count || !(lower[j] is "who" || IsPunct(j, ',')) || tokens[j - 1].Kind != TokenKind.Word || !HasSpeakerNoun(k, j - 1))
        {
            return null;
        }

        end = j;
        return new Mention(tokens[k].Start, tokens[j - 1].End, MentionKind.Group, JoinWords(k, j - 1));
    }

    /// <summary>
    /// True when a report starts where the phrase after <paramref name="verb"/> ends: <c>that</c>, an opening quote
    /// mark or a word that can open a clause, with at least <see cref="MinInterruptedTail"/> tokens to go.
    /// </summary>
    private bool IntroducesContent(int verb, int phraseEnd)
    {
        var k = phraseEnd;
        if (k >= Count || k + MinInterruptedTail > Count)
        {
            return false;
        }

        if (lower[k] == "that" || (IsQuoteMark(k) && inQuote[k]) || IsPunct(k, ':'))
        {
            return true;
        }

        // `told a crowd in Ohio`, `said Monday at a rally`: a listener or a circumstance, not a report.
        // After `told` the listener must have been read (`told The Huffington Post he's not ...`).
        if ((QuoteRules.ListenerVerbs.Contains(lower[verb]) && k == verb + 1) || inQuote[k] || tokens[k].Kind is not (TokenKind.Word or TokenKind.Number) || CannotStartContent(k))
        {
            return false;
        }

        return true;
    }

    /// <summary>A word that does not open reported content after a cue (<see cref="QuoteRules.NotContentStarts"/>), unless it is a pronoun clause.</summary>
    private bool CannotStartContent(int k) => QuoteRules.NotContentStarts.Contains(lower[k]) && !IsPronounClause(k);

    /// <summary>
    /// <c>said it is looking for ...</c>, <c>said you can't ...</c>: a pronoun that would be the verb's object opens a
    /// clause when an auxiliary follows it (polnear-train: <c>the State Department said it found no evidence</c> went unread).
    /// </summary>
    private bool IsPronounClause(int k) =>
        lower[k] is "it" or "you" && k + 1 < Count && !inQuote[k + 1] && QuoteRules.ClauseAuxiliaries.Contains(lower[k + 1]);

    /// <summary>
    /// True when tokens <c>[s, e)</c> hold a quotation mark: <c>When Sanders accused Clinton of ..., she said "I stood up
    /// ..."</c> has none before the comma, so that stretch is a clause introducing the subject, never the report.
    /// </summary>
    private bool HasQuotation(int s, int e)
    {
        for (var m = Math.Max(0, s); m < e; m++)
        {
            if (inQuote[m] || tokens[m].Kind is TokenKind.Quote)
            {
                return true;
            }
        }

        return false;
    }

    private bool OpensReport(int k) => k < Count && (lower[k] == "that" || (IsQuoteMark(k) && inQuote[k]) || IsPunct(k, ':'));

    /// <summary>
    /// <c>Trump doubled down on his comments and said the judge had ...</c>: a speech verb after <c>and</c> or <c>but</c> shares the
    /// sentence's subject.
    /// </summary>
    private Attribution? CoordinatedAttribution(int verb)
    {
        var j = verb - 1;
        while (j > first && IsBetweenSubjectAndCue(j))
        {
            j--;
        }

        if (j <= first || lower[j] is not ("and" or "but") || inQuote[j] || verb - first > MaxSubjectTokens * 2)
        {
            return null;
        }

        var subject = ParseRight(first, out var subjectEnd);
        if (subject is null || subject.Kind == MentionKind.Group || subjectEnd >= j)
        {
            return null;
        }

        for (var m = subjectEnd; m < j; m++)
        {
            if (tokens[m].Kind == TokenKind.Word && !inQuote[m] && (IsCue(m) || QuoteRules.ClauseWords.Contains(lower[m]) && lower[m] is not ("and" or "but")))
            {
                return null;
            }
        }

        var a = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[j].Start, Mention = subject, Cue = Text(verb) };
        var phraseEnd = AfterVerb(verb + 1, a, trailing: false);
        if (!IntroducesContent(verb, phraseEnd))
        {
            return null;
        }

        a.PhraseEnd = SkipIntroducer(phraseEnd);
        return a;
    }

    /// <summary>
    /// Tokens <c>[s, e)</c> read as an introduction before a subject: no quotation, no cue, no clause word, and either
    /// short or opened by an intro word, a participle, an adverb or a day.
    /// </summary>
    private bool IsIntroduction(int s, int e, bool reportOpens)
    {
        if (e <= s || e - s > MaxIntroTokens * 2)
        {
            return false;
        }

        for (var m = s; m < e; m++)
        {
            // A subordinate clause may open the introduction (`As the party's top donor, Adelson said that ...`).
            if (inQuote[m] || tokens[m].Kind is TokenKind.Quote || (tokens[m].Kind == TokenKind.Word && ((QuoteRules.ClauseWords.Contains(lower[m]) && !(m == s && reportOpens)) || IsCue(m))))
            {
                return false;
            }
        }

        // `that` or a quotation after the verb marks a report; the part before the subject can only introduce it.
        if (reportOpens)
        {
            return true;
        }

        if (e - s <= MaxShortIntroTokens || tokens[s].Kind != TokenKind.Word)
        {
            return e - s <= MaxShortIntroTokens;
        }

        var word = tokens[s].Of(body);
        return QuoteRules.IntroPrepositions.Contains(lower[s]) || QuoteRules.DayWords.Contains(lower[s]) || IsLyAdverb(s) || QuoteRules.IntroOpeners.Contains(lower[s]) ||
            (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal));
    }

    /// <summary>
    /// A cue whose subject the name and apposition readers did not take: <c>Republican Rep. Lee Zeldin of New York, a
    /// Trump supporter, said ...</c>, <c>Saturday at the convention Sen. Elizabeth Warren (D-MA) said ...</c>,
    /// <c>Just 28 percent of voters said ...</c>. The whole stretch from the subject's start to the verb must read as a
    /// subject (no quotation, no other cue, clause words only inside a comma-set aside), and a report must follow.
    /// </summary>
    private Attribution? SubjectAttribution(int verb)
    {
        if (verb - first > MaxSubjectTokens || verb <= first || IsCapitalized(verb) || QuoteRules.NotSubjectCues.Contains(lower[verb]) || (verb > 0 && lower[verb - 1] is "to" or "not" or "and" or "or" or "of" or "the" or "a" or "an"))
        {
            return null;
        }

        var aside = false;
        var clauseInSegment = false;
        var relative = -1;
        var segmentStart = first;
        for (var m = first; m < verb; m++)
        {
            if (inQuote[m] || tokens[m].Kind is TokenKind.Quote)
            {
                return null;
            }

            if (IsPunct(m, ',') || IsPunct(m, '(') || IsPunct(m, '\u2014'))
            {
                segmentStart = m + 1;
                aside = segmentStart < verb && tokens[segmentStart].Kind is TokenKind.Word or TokenKind.Number;
                clauseInSegment = false;
                continue;
            }

            if (IsPunct(m, ')'))
            {
                aside = false;
                continue;
            }

            if (tokens[m].Kind != TokenKind.Word)
            {
                if (IsPunct(m, '.') && !IsAbbreviationDot(m) && !(m > 0 && tokens[m - 1].Length == 1))
                {
                    return null;
                }

                continue;
            }

            if (QuoteRules.ClauseWords.Contains(lower[m]) || IsCue(m) || QuoteRules.NotSubjectWords.Contains(lower[m]))
            {
                // A relative clause set off by commas may hold anything (`, who has endorsed Clinton,`); the verb's own
                // stretch may not (`Beck, who has in the past described ...`).
                if (!(aside && segmentStart > first) || QuoteRules.NotSubjectWords.Contains(lower[m]))
                {
                    return null;
                }

                clauseInSegment = true;
                relative = QuoteRules.RelativeSubjects.Contains(lower[m]) ? m : -1;
            }
        }

        if (clauseInSegment && relative < 0)
        {
            return null;
        }

        var a = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[first].Start, Cue = Text(verb) };
        var phraseEnd = AfterVerb(verb + 1, a, trailing: false);
        if (!IntroducesContent(verb, phraseEnd))
        {
            return null;
        }

        // `Beck, who has in the past described Trump as ...`: the relative pronoun is the subject, as PolNeAR marks it.
        a.Mention = relative >= 0 ? new Mention(tokens[relative].Start, tokens[relative].End, MentionKind.Pronoun, Text(relative)) : LooseSubject(first, verb);
        if (a.Mention is null)
        {
            return null;
        }

        a.PhraseEnd = SkipIntroducer(phraseEnd);
        return a;
    }

    /// <summary>
    /// The speaker in a subject stretch <c>[s, e)</c>: the last name or pronoun before the first comma (so <c>Saturday at
    /// the convention Sen. Elizabeth Warren</c> is Warren), else the first comma segment as a noun phrase.
    /// </summary>
    private Mention? LooseSubject(int s, int e)
    {
        var end = s;
        while (end < e && !IsPunct(end, ',') && !IsPunct(end, '(') && !IsPunct(end, '\u2014'))
        {
            end++;
        }

        while (end > s && tokens[end - 1].Kind != TokenKind.Word && !IsAbbreviationDot(end - 1))
        {
            end--;
        }

        if (end <= s)
        {
            return null;
        }

        // The name run that ends the segment, if the segment ends with one.
        var j = end - 1;
        if (tokens[j].Kind == TokenKind.Word && (QuoteRules.PersonPronouns.Contains(lower[j]) || QuoteRules.GroupPronouns.Contains(lower[j])) && j == s)
        {
            return new Mention(tokens[j].Start, tokens[j].End, MentionKind.Pronoun, Text(j));
        }

        if (IsRunWord(j))
        {
            var k = j;
            while (k - 1 >= s && (IsRunWord(k - 1) || (IsAbbreviationDot(k - 1) && k - 2 >= s) || (IsNameConnector(k - 1) && k - 2 >= s && IsCapitalized(k - 2) && IsCapitalized(k))))
            {
                k--;
            }

            if (k - 1 >= s && lower[k - 1] is "the" or "a" or "an")
            {
                k--;
            }

            if (ClassifyRun(k, j) is { } run && !(k == s && QuoteRules.DayWords.Contains(lower[k])))
            {
                return run;
            }

            // `Rep. Tom Cole of Oklahoma`: the name is the part before the place.
            for (var c = k + 1; c < j; c++)
            {
                if (IsNameConnector(c))
                {
                    if (ClassifyRun(k, c - 1) is { } named && !(k == s && QuoteRules.DayWords.Contains(lower[k])))
                    {
                        return named;
                    }

                    break;
                }
            }
        }

        var right = ParseRight(s, out var rightEnd);
        var capitalOnly = right is { Kind: MentionKind.Name } && rightEnd == s + 1 && rightEnd < end;
        if (right is not null && rightEnd <= end && right.Kind != MentionKind.Pronoun && !capitalOnly)
        {
            return right;
        }

        // `One in three said`, `Nearly nine out of 10 say`: a capital that only opens the sentence heads no name.
        if (!capitalOnly && !HasSpeakerNoun(s, end - 1) && !HasGroupHead(s, end - 1))
        {
            return null;
        }

        return new Mention(tokens[s].Start, tokens[end - 1].End, MentionKind.Group, JoinWords(s, end - 1));
    }

    private bool HasGroupHead(int s, int e)
    {
        for (var m = s; m <= e; m++)
        {
            if (tokens[m].Kind == TokenKind.Word && (QuoteRules.CollectiveNouns.Contains(lower[m]) || QuoteRules.PersonPronouns.Contains(lower[m]) || QuoteRules.GroupPronouns.Contains(lower[m])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>"Very good reporter," Trump, the 2016 GOP presidential frontrunner ..., said</c>: a quotation closed by a comma
    /// and followed by a subject too long for the apposition reader, then the verb at the end of the unit.
    /// </summary>
    private Attribution? QuotationBeforeSubject(int verb)
    {
        var close = -1;
        for (var m = verb - 1; m >= Math.Max(0, verb - MaxRolePhraseTokens * MaxAppositionSegments); m--)
        {
            if (IsQuoteMark(m) && inQuote[m])
            {
                close = m;
                break;
            }

            if (inQuote[m] || tokens[m].Kind is TokenKind.Quote || (tokens[m].Kind == TokenKind.Word && IsCue(m)) || IsPunct(m, '.'))
            {
                return null;
            }
        }

        if (close < 1 || close + 1 >= verb || !(IsPunct(close - 1, ',') || IsPunct(close - 1, '?') || IsPunct(close - 1, '!') || IsPunct(close + 1, ',')))
        {
            return null;
        }

        var a = new Attribution { Kind = AttributionKind.Trailing, Boundary = tokens[close].End, Cue = Text(verb) };
        var k = AfterVerb(verb + 1, a, trailing: true);
        if (k < Count && !IsPunct(k, '.') && !IsPunct(k, ',') && !QuoteRules.NotContentStarts.Contains(lower[k]))
        {
            return null;
        }

        var s = IsPunct(close + 1, ',') ? close + 2 : close + 1;
        a.Mention = s < verb ? LooseSubject(s, verb) : null;
        if (a.Mention is null)
        {
            return null;
        }

        a.PhraseEnd = k;
        return a;
    }

    /// <summary>
    /// A cue right before a quotation that no sentence form read: <c>Fiorina, speaking to Iowans, said, "..."</c>,
    /// <c>As Michael Dell said last week in Tel Aviv, "..."</c>, <c>he looked up and said, "..."</c>. The quotation is
    /// the report; the speaker is the name or pronoun right before the verb, else the sentence's subject.
    /// </summary>
    private Attribution? QuotedReport(int verb, List<Attribution> result)
    {
        // `Cruz said he thinks "..."`: a cue inside an open report belongs to that report.
        if (IsCapitalized(verb) || (verb > 0 && lower[verb - 1] is "to" or "not" or "the" or "a" or "an") || (result.Count > 0 && result[^1].TakesContentAfter))
        {
            return null;
        }

        var a = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[verb].Start, Cue = Text(verb) };
        var k = AfterVerb(verb + 1, a, trailing: false);
        if (k < Count && (IsPunct(k, ',') || IsPunct(k, ':')))
        {
            k++;
        }

        if (k + 1 >= Count || !IsQuoteMark(k) || !inQuote[k] || !inQuote[k + 1])
        {
            return null;
        }

        var j = verb - 1;
        while (j >= 0 && IsBetweenSubjectAndCue(j))
        {
            j--;
        }

        Mention? subject = null;
        var subjectStart = verb;
        if (j >= 0 && !inQuote[j] && tokens[j].Kind == TokenKind.Word)
        {
            if (QuoteRules.PersonPronouns.Contains(lower[j]) || QuoteRules.GroupPronouns.Contains(lower[j]) || QuoteRules.RelativeSubjects.Contains(lower[j]))
            {
                subject = new Mention(tokens[j].Start, tokens[j].End, MentionKind.Pronoun, Text(j));
                subjectStart = j;
            }
            else if (IsRunWord(j))
            {
                subjectStart = j;
                while (subjectStart - 1 >= 0 && (IsRunWord(subjectStart - 1) || (IsAbbreviationDot(subjectStart - 1) && subjectStart - 2 >= 0)))
                {
                    subjectStart--;
                }

                if (subjectStart - 1 >= 0 && lower[subjectStart - 1] is "the" or "a" or "an")
                {
                    subjectStart--;
                }

                subject = ClassifyRun(subjectStart, j);
            }
        }

        if (subject is null && first < verb && !inQuote[first])
        {
            subject = ParseRight(first, out var subjectEnd);
            subjectStart = subjectEnd <= verb ? first : verb;
            if (subject is not null && (subject.Kind == MentionKind.Group || subjectEnd > verb || (subjectEnd == first + 1 && IsParticipleOrAdverb(first))))
            {
                subject = null;
            }
        }

        var quoted = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[Math.Min(subjectStart, verb)].Start, Mention = subject, Cue = a.Cue, PhraseEnd = k };
        quoted.Via.AddRange(a.Via);
        return quoted;
    }

    /// <summary>An unquoted word that may stand between a subject and its cue: <c>has</c>, <c>also</c>, <c>repeatedly</c>.</summary>
    private bool IsBetweenSubjectAndCue(int i) =>
        !inQuote[i] && tokens[i].Kind == TokenKind.Word && (QuoteRules.SkippedBeforeCue.Contains(lower[i]) || IsLyAdverb(i));

    // `Appearing on CNN, ...`, `Lately ...`: a sentence's first word that opens no name.
    private bool IsParticipleOrAdverb(int i) =>
        tokens[i].Kind == TokenKind.Word && (tokens[i].Of(body).EndsWith("ing", StringComparison.Ordinal) || tokens[i].Of(body).EndsWith("ly", StringComparison.Ordinal));

    /// <summary>
    /// A speech verb inside a clause the sentence forms do not cover: <c>though he said "budget reforms" would ...</c>,
    /// <c>an architect who said he was stiffed</c>, <c>after Trump said he believes ...</c>. The subject is the pronoun
    /// or name right before the verb; the content is what follows it.
    /// </summary>
    private Attribution? EmbeddedAttribution(int verb)
    {
        var j = verb - 1;
        while (j >= 0 && IsBetweenSubjectAndCue(j))
        {
            j--;
        }

        if (j < 0 || inQuote[j] || tokens[j].Kind != TokenKind.Word)
        {
            return null;
        }

        Mention? subject;
        var subjectStart = j;
        if (QuoteRules.PersonPronouns.Contains(lower[j]) || QuoteRules.GroupPronouns.Contains(lower[j]) || QuoteRules.RelativeSubjects.Contains(lower[j]))
        {
            subject = new Mention(tokens[j].Start, tokens[j].End, MentionKind.Pronoun, Text(j));
        }
        else if (IsRunWord(j))
        {
            while (subjectStart - 1 >= 0 && (IsRunWord(subjectStart - 1) || (IsAbbreviationDot(subjectStart - 1) && subjectStart - 2 >= 0)))
            {
                subjectStart--;
            }

            if (subjectStart - 1 >= 0 && lower[subjectStart - 1] is "the" or "a" or "an")
            {
                subjectStart--;
            }

            subject = ClassifyRun(subjectStart, j);
        }
        else
        {
            return null;
        }

        if (subject is null)
        {
            return null;
        }

        var a = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[subjectStart].Start, Mention = subject, Cue = Text(verb) };
        var k = SkipIntroducer(AfterVerb(verb + 1, a, trailing: false));
        if (k >= Count || inQuote[k] && !IsQuoteMark(k) || tokens[k].Kind is TokenKind.Punctuation or TokenKind.Symbol || CannotStartContent(k))
        {
            return null;
        }

        a.PhraseEnd = k;
        return a;
    }

    /// <summary>
    /// <c>..., and experts say it may be years</c>, <c>Sanders' aides say their campaign ...</c>: a common noun phrase that
    /// opens a clause right before a speech verb, read when no other form took the verb (polnear-train: the largest
    /// share of missed <c>said</c>/<c>say</c> reports). The head must name people or sources: a plural or a listed noun.
    /// </summary>
    private Attribution? CommonNounAttribution(int verb)
    {
        var j = verb - 1;
        while (j >= 0 && IsBetweenSubjectAndCue(j))
        {
            j--;
        }

        if (j < 0 || !IsCommonNounSubjectWord(j) || !IsSpeakerHead(j))
        {
            return null;
        }

        var s = j;
        while (s - 1 >= 0 && s - 1 > j - MaxNounPhraseTokens && (IsCommonNounSubjectWord(s - 1) || IsPossessive(s - 1) || (tokens[s - 1].Kind == TokenKind.Number && !inQuote[s - 1]) || (tokens[s - 1].Kind == TokenKind.Word && !inQuote[s - 1] && lower[s - 1] is "the" or "a" or "an")))
        {
            s--;
        }

        // The phrase must open a clause: the unit's start, a comma, or a conjunction or clause word.
        if (!(s <= first || IsPunct(s - 1, ',') || IsPunct(s - 1, ';') || (tokens[s - 1].Kind == TokenKind.Word && !inQuote[s - 1] && (QuoteRules.ClauseWords.Contains(lower[s - 1]) || lower[s - 1] is "but" or "and"))))
        {
            return null;
        }

        var a = new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[s].Start, Mention = new Mention(tokens[s].Start, tokens[j].End, MentionKind.Group, JoinWords(s, j)), Cue = Text(verb) };
        var phraseEnd = AfterVerb(verb + 1, a, trailing: false);
        if (!IntroducesContent(verb, phraseEnd))
        {
            return null;
        }

        a.PhraseEnd = SkipIntroducer(phraseEnd);
        return a;
    }

    private bool IsSpeakerHead(int i)
    {
        var word = tokens[i].Of(body);
        return (word.Length > 3 && word[^1] == 's' && word[^2] != 's') || QuoteRules.GroupNouns.Contains(lower[i]) || QuoteRules.CollectiveNouns.Contains(lower[i]) ||
            QuoteRules.SpeakerNouns.Contains(lower[i]) || QuoteRules.RoleNouns.Contains(lower[i]);
    }

    /// <summary>A lowercase word that can end or sit inside a common-noun subject: no function word, clause word, cue or adverb.</summary>
    private bool IsCommonNounSubjectWord(int i) =>
        tokens[i].Kind == TokenKind.Word && !inQuote[i] && tokens[i].Length > 2 && !IsCapitalized(i) && !IsCue(i) && !IsLyAdverb(i) &&
        !QuoteRules.NotInNounPhrase.Contains(lower[i]) && !QuoteRules.ClauseWords.Contains(lower[i]) && !QuoteRules.IntroPrepositions.Contains(lower[i]) &&
        !QuoteRules.NotContentStarts.Contains(lower[i]) && !QuoteRules.PossessivePronouns.ContainsKey(lower[i]);

    // `"...," he said, "..."`: the second quotation is the same speaker's.
    private void AddContinuation(Attribution a, List<Attribution> result)
    {
        var k = a.PhraseEnd;
        if (a.Kind == AttributionKind.Trailing && k + 1 < Count && (IsPunct(k, ',') || IsPunct(k, ':')) && IsQuoteMark(k + 1) && inQuote[k + 1])
        {
            result.Add(new Attribution { Kind = AttributionKind.Continuation, Boundary = tokens[k].Start, PhraseEnd = k + 1, Mention = a.Mention, Cue = a.Cue });
        }
    }

    /// <summary>After the verb: the listener of <c>told</c>, time and occasion phrases, and for a trailing cue the relaying channel.</summary>
    private int AfterVerb(int k, Attribution a, bool trailing)
    {
        if (a.Cue is not null && (a.Cue.Equals("told", StringComparison.OrdinalIgnoreCase) || a.Cue.Equals("tells", StringComparison.OrdinalIgnoreCase)) && k < Count && !inQuote[k])
        {
            var channel = ParseChannel(k, out var end);
            if (channel is not null)
            {
                a.Via.Add(channel);
                k = end;
            }
            else if (tokens[k].Kind == TokenKind.Word && QuoteRules.NotChannels.Contains(lower[k]))
            {
                k++;
                if (k < Count && lower[k - 1] is "the" or "a" or "an")
                {
                    k++;
                }
            }
        }

        k = SkipAdverbials(k, a);
        if (trailing && k + 1 < Count && IsPunct(k, ','))
        {
            var channel = ParseChannel(k + 1, out var end);
            if (channel is not null && end < Count && QuoteRules.ChannelVerbs.Contains(lower[end]))
            {
                a.Via.Add(channel);
                k = SkipAdverbials(end + 1, a);
            }
        }

        return k;
    }

    private int SkipAdverbials(int k, Attribution a)
    {
        while (k < Count && tokens[k].Kind == TokenKind.Word && !inQuote[k])
        {
            var w = lower[k];
            if (w == "on" && k + 1 < Count && (IsCapitalized(k + 1) || tokens[k + 1].Kind == TokenKind.Number) && !QuoteRules.GovernmentNames.Contains(lower[k + 1]))
            {
                k += 2;
                while (k < Count && tokens[k].Kind == TokenKind.Number)
                {
                    k++;
                }

                continue;
            }

            if (w is "in" or "at" or "during" && k + 1 < Count && lower[k + 1] is "a" or "an" or "the" or "his" or "her" or "its" or "their")
            {
                var eventEnd = -1;
                for (var m = k + 2; m < Math.Min(Count, k + 6); m++)
                {
                    if (tokens[m].Kind == TokenKind.Word && QuoteRules.EventNouns.Contains(lower[m]))
                    {
                        eventEnd = m + 1;
                    }
                    else if (tokens[m].Kind != TokenKind.Word)
                    {
                        break;
                    }
                }

                if (eventEnd < 0)
                {
                    break;
                }

                k = eventEnd;
                if (k + 1 < Count && lower[k] is "with" or "to")
                {
                    var channel = ParseChannel(k + 1, out var end);
                    if (channel is not null)
                    {
                        a.Via.Add(channel);
                        k = end;
                    }
                }

                continue;
            }

            if (w is "yesterday" or "today" or "tonight" or "earlier" or "later" or "also" or "further" or "again" or "recently" or "separately" or "previously" or "however")
            {
                k++;
                continue;
            }

            if (QuoteRules.DayWords.Contains(w))
            {
                // `said Friday`, `said Tuesday night`.
                k++;
                continue;
            }

            if (w == "last" && k + 1 < Count)
            {
                k += 2;
                continue;
            }

            if (IsLyAdverb(k))
            {
                k++;
                continue;
            }

            break;
        }

        return k;
    }

    private int SkipIntroducer(int k)
    {
        if (k < Count && !inQuote[k] && (lower[k] == "that" || IsPunct(k, ':') || IsPunct(k, ',')))
        {
            return k + 1;
        }

        return k;
    }

    /// <summary>A channel's name from <paramref name="k"/>: <c>Sputnik</c>, <c>Press TV</c>, <c>the IRNA news agency</c> (→ <c>IRNA</c>).</summary>
    private string? ParseChannel(int k, out int end)
    {
        end = k;
        var j = k;
        if (j < Count && lower[j] == "the")
        {
            j++;
        }

        var words = new List<string>();
        var hasName = false;
        while (j < Count && tokens[j].Kind == TokenKind.Word && !inQuote[j] && (IsCapitalized(j) || QuoteRules.ChannelGenericWords.Contains(lower[j])))
        {
            if (QuoteRules.NotNames.Contains(lower[j]) && !hasName)
            {
                return null;
            }

            if (!QuoteRules.ChannelGenericWords.Contains(lower[j]) || (IsCapitalized(j) && lower[j] is "tv" or "news"))
            {
                hasName |= IsCapitalized(j);
            }

            words.Add(Text(j));
            j++;
        }

        if (!hasName || words.Count == 0 || (!IsCapitalized(k) && QuoteRules.NotChannels.Contains(lower[k]) && lower[k] != "the"))
        {
            return null;
        }

        // Drop lowercase generic words around the name ("the IRNA news agency" is IRNA) and a leading "The"; a
        // capitalised one is part of the name: "Press TV", "Meridian Wire", "Eastline News".
        var s = 0;
        var e = words.Count;
        while (s < e && QuoteRules.ChannelGenericWords.Contains(words[s]) && (!char.IsUpper(words[s][0]) || words[s] == "The"))
        {
            s++;
        }

        while (e > s && QuoteRules.ChannelGenericWords.Contains(words[e - 1]) && !char.IsUpper(words[e - 1][0]))
        {
            e--;
        }

        if (s >= e)
        {
            return null;
        }

        end = j;
        return string.Join(' ', words.GetRange(s, e - s));
    }


    private Mention? ParseLeft(int verb, out int leftStart)
    {
        leftStart = verb;
        var j = verb - 1;
        while (j >= first && !inQuote[j] && tokens[j].Kind == TokenKind.Word && (QuoteRules.SkippedBeforeCue.Contains(lower[j]) || IsLyAdverb(j) || IsDayBeforeVerb(j)))
        {
            j -= IsDayBeforeVerb(j) && j - 1 >= first && lower[j - 1] == "on" ? 2 : 1;
        }

        if (j < first || inQuote[j])
        {
            return null;
        }

        if (tokens[j].Kind == TokenKind.Word && (QuoteRules.PersonPronouns.Contains(lower[j]) || QuoteRules.GroupPronouns.Contains(lower[j])))
        {
            leftStart = j;
            return new Mention(tokens[j].Start, tokens[j].End, MentionKind.Pronoun, Text(j));
        }

        if (IsPunct(j, ','))
        {
            return ParseApposition(j, out leftStart);
        }

        // `Rep. Gwen Moore (D-Wis.) said`: the party tag is not part of the run.
        if (IsPunct(j, ')'))
        {
            var open = j - 1;
            while (open > first && open > j - MaxParentheticalTokens && !IsPunct(open, '(') && !inQuote[open])
            {
                open--;
            }

            if (!IsPunct(open, '(') || open - 1 < first)
            {
                return null;
            }

            j = open - 1;
        }

        if (!IsRunWord(j))
        {
            return ParseNounPhraseLeft(j, out leftStart);
        }

        var k = j;
        while (k - 1 >= first && (IsRunWord(k - 1) || (IsAbbreviationDot(k - 1) && k - 2 >= first) || (IsNameConnector(k - 1) && k - 2 >= first && IsCapitalized(k - 2) && IsCapitalized(k))))
        {
            k--;
        }

        if (k - 1 >= first && lower[k - 1] is "the" or "a" or "an")
        {
            k--;
        }

        var run = ClassifyRun(k, j);
        if (run is null || !(k <= first || IsSeparator(k - 1) || IsLooseIntro(k)))
        {
            // The run is part of a longer subject: `Foreign policy analysts said`, `Mr. Morgan of the Sierra Club said`.
            var phrase = ParseNounPhraseLeft(j, out var phraseStart);
            if (phrase is not null)
            {
                leftStart = phraseStart;
                return phrase;
            }
        }

        leftStart = k;
        return run;
    }

    // `Iran's Foreign Ministry on Monday rejected`: a weekday between a subject and its verb.
    private bool IsDayBeforeVerb(int j) => QuoteRules.Weekdays.Contains(lower[j]) && j - 1 >= 0 && lower[j - 1] == "on";

    /// <summary>The dot of a title or an initial inside a name: <c>Mr. Obama</c>, <c>Leonard E. Burman</c>.</summary>
    private bool IsAbbreviationDot(int i) =>
        i > 0 && i < Count && IsPunct(i, '.') && tokens[i].Start == tokens[i - 1].End && tokens[i - 1].Kind == TokenKind.Word && !inQuote[i] &&
        (QuoteRules.TitleAbbreviations.Contains(lower[i - 1]) || (tokens[i - 1].Length == 1 && IsCapitalized(i - 1))) &&
        i + 1 < Count && IsCapitalized(i + 1);

    /// <summary>
    /// A common noun phrase ending at <paramref name="j"/> that is the whole subject of a cue: <c>a source said</c>,
    /// <c>the senators said</c>, <c>Federal and state officials said</c>. It must reach the subject's start or a separator.
    /// </summary>
    private Mention? ParseNounPhraseLeft(int j, out int leftStart)
    {
        leftStart = j + 1;
        var k = j;
        while (k >= first && k > j - MaxNounPhraseTokens && !inQuote[k] &&
               (tokens[k].Kind == TokenKind.Number || IsAbbreviationDot(k) || (tokens[k].Kind == TokenKind.Word && !QuoteRules.NotInNounPhrase.Contains(lower[k]) && !IsCue(k))))
        {
            k--;
        }

        k++;
        if (k > j || !(k == first || (k > first && k - 1 >= 0 && IsSeparator(k - 1))) || tokens[j].Kind != TokenKind.Word || lower[j] is "and" or "of" or "the" or "a" or "an")
        {
            return null;
        }

        if (lower[k] is "and" or "of" or "or")
        {
            return null;
        }

        leftStart = k;
        var head = j;
        return new Mention(tokens[k].Start, tokens[head].End, IsCapitalized(head) ? MentionKind.Name : MentionKind.Group, JoinWords(k, head));
    }

    /// <summary>Where a speaker label can stand: the unit's first token, or the first after its opening quote mark.</summary>
    private int LabelPosition() => Count > 1 && IsQuoteMark(0) ? 1 : 0;

    /// <summary>
    /// A transcript or headline label: <c>PENCE: Well, look, ...</c>. In body text only an upper-case name counts,
    /// so that <c>Update:</c> or <c>Note:</c> do not.
    /// </summary>
    private Attribution? SpeakerLabel(int i)
    {
        var k = i;
        while (k < Count && k - i < MaxLabelTokens && tokens[k].Kind == TokenKind.Word && IsUpperCaseWord(k))
        {
            k++;
        }

        if (k == i && IsHeadline())
        {
            return HeadlineLabel(i);
        }

        if (k == i || k + 1 >= Count || !IsPunct(k, ':') || QuoteRules.NotNames.Contains(lower[i]))
        {
            return null;
        }

        var mention = new Mention(tokens[i].Start, tokens[k - 1].End, MentionKind.Name, JoinWords(i, k - 1));
        return new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[i].Start, Mention = mention, Cue = ":", PhraseEnd = k + 1 };
    }

    /// <summary>
    /// A headline's speaker label in title case: <c>Kanaani: Iran-Russia defense cooperation not hostile ...</c>,
    /// <c>Clinton to Planned Parenthood: Trump will reverse Roe v. Wade</c> (the listener is not part of the speaker).
    /// </summary>
    private Attribution? HeadlineLabel(int i)
    {
        var k = i;
        while (k < Count && k - i < MaxHeadlineLabelTokens && (IsCapitalized(k) || IsAbbreviationDot(k)) && !inQuote[k])
        {
            k++;
        }

        var nameEnd = k;
        if (k > i && k < Count && lower[k] == "to" && tokens[k].Kind == TokenKind.Word)
        {
            k++;
            while (k < Count && k - nameEnd < MaxHeadlineLabelTokens && (IsCapitalized(k) || IsAbbreviationDot(k)) && !inQuote[k])
            {
                k++;
            }
        }

        if (nameEnd == i || k + MinInterruptedTail >= Count || !IsPunct(k, ':') || QuoteRules.NotNames.Contains(lower[i]))
        {
            return null;
        }

        var mention = ClassifyRun(i, nameEnd - 1) ?? new Mention(tokens[i].Start, tokens[nameEnd - 1].End, MentionKind.Name, JoinWords(i, nameEnd - 1));
        return new Attribution { Kind = AttributionKind.Leading, Boundary = tokens[i].Start, Mention = mention, Cue = ":", PhraseEnd = k + 1 };
    }

    /// <summary>
    /// The unit is a headline: the body's first paragraph, or a line with no closing sentence mark (a repeated title or
    /// a section heading).
    /// </summary>
    private bool IsHeadline()
    {
        if (paragraph == 0)
        {
            return true;
        }

        var end = unitEnd;
        while (end > unitStart && char.IsWhiteSpace(body[end - 1]))
        {
            end--;
        }

        return end > unitStart && body[end - 1] is not ('.' or '!' or '?' or '"' or '\u201D' or ':' or ',' or ';') && (end == body.Length || body[end] == '\n' || (end < body.Length && char.IsWhiteSpace(body[end]) && body.IndexOf('\n', end, Math.Min(2, body.Length - end)) >= 0));
    }

    private bool IsUpperCaseWord(int i)
    {
        var t = tokens[i];
        if (t.Length < 2)
        {
            return false;
        }

        for (var c = t.Start; c < t.End; c++)
        {
            if (char.IsLower(body[c]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An introduction without its comma before a pronoun or name subject: <c>In a Bloomberg interview Trump declared</c>.
    /// It opens with an intro word and holds no clause word or cue.
    /// </summary>
    private bool IsLooseIntro(int subject)
    {
        if (subject - first > MaxIntroTokens || first >= subject || tokens[first].Kind != TokenKind.Word || !QuoteRules.IntroPrepositions.Contains(lower[first]))
        {
            return false;
        }

        for (var m = first; m < subject; m++)
        {
            if (inQuote[m] || tokens[m].Kind is TokenKind.Quote || (tokens[m].Kind == TokenKind.Word && (QuoteRules.ClauseWords.Contains(lower[m]) || IsCue(m))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A common noun phrase from <paramref name="k"/> to the next punctuation or clause word: <c>a new national poll</c>.</summary>
    private Mention? ParseNounPhraseRight(int k, out int end)
    {
        end = k;
        var j = k;
        while (j < Count && j - k < MaxNounPhraseTokens + 3 && !inQuote[j] && (tokens[j].Kind == TokenKind.Number || IsAbbreviationDot(j) || (tokens[j].Kind == TokenKind.Word && !QuoteRules.ClauseWords.Contains(lower[j]))))
        {
            j++;
        }

        if (j == k || (j < Count && tokens[j].Kind is TokenKind.Word or TokenKind.Quote) || tokens[j - 1].Kind != TokenKind.Word)
        {
            return null;
        }

        end = j;
        return new Mention(tokens[k].Start, tokens[j - 1].End, MentionKind.Group, JoinWords(k, j - 1));
    }

    private bool IsCue(int i) => QuoteRules.FiniteCues.Contains(lower[i]) || QuoteRules.ParticipleCues.Contains(lower[i]);

    /// <summary><c>Nasser Kanaani, Iran's foreign ministry spokesman, said</c> or <c>The spokesperson of ..., Nasser Kanaani, announced</c>.</summary>
    private Mention? ParseApposition(int comma, out int leftStart)
    {
        leftStart = comma;
        var previousComma = -1;
        for (var m = comma - 1; m >= first; m--)
        {
            if (inQuote[m])
            {
                return null;
            }

            if (IsPunct(m, ','))
            {
                previousComma = m;
                break;
            }
        }

        if (previousComma < 0 || previousComma + 1 >= comma)
        {
            return null;
        }

        // The role phrase before the name starts at the unit, or right after a quotation that ends before it
        // (`"...," the alliance's spokesperson, Sam Ortiz, told Eastline News`).
        var roleStart = previousComma - 1;
        while (roleStart - 1 >= first && !inQuote[roleStart - 1] && tokens[roleStart - 1].Kind != TokenKind.Quote)
        {
            roleStart--;
        }

        var inner = ClassifyRun(previousComma + 1, comma - 1);
        if (inner is { Kind: MentionKind.Name } && AllRunWords(previousComma + 1, comma - 1) && previousComma - roleStart <= MaxRolePhraseTokens && HasRoleNoun(roleStart, previousComma - 1))
        {
            leftStart = roleStart;
            return inner with { Roles = [.. inner.Roles, NormalizeRole(roleStart, previousComma - 1)] };
        }

        // `Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, said`: the
        // name stands before the first of up to MaxAppositionSegments comma-separated phrases.
        var segmentEnd = comma;
        for (var segment = 0; segment < MaxAppositionSegments && previousComma >= 0; segment++)
        {
            if (segment > 0 && HasCue(previousComma + 1, segmentEnd - 1))
            {
                return null;
            }

            var hasRole = HasRoleNoun(previousComma + 1, segmentEnd - 1);
            // `Khizr Khan, 66, said`: an age opens an apposition too.
            var opensApposition = hasRole || lower[previousComma + 1] is "a" or "an" or "the" or "who" or "whose" or "now" or "then" or "formerly" or "himself" or "herself" || IsCapitalized(previousComma + 1) ||
                (tokens[previousComma + 1].Kind == TokenKind.Number && previousComma + 2 == segmentEnd);
            if (opensApposition && segmentEnd - previousComma <= MaxRolePhraseTokens && comma - previousComma <= MaxRolePhraseTokens * MaxAppositionSegments && previousComma - 1 >= first && IsRunWord(previousComma - 1))
            {
                var k = previousComma - 1;
                while (k - 1 >= first && (IsRunWord(k - 1) || IsAbbreviationDot(k - 1)))
                {
                    k--;
                }

                var name = ClassifyRun(k, previousComma - 1);
                if (name is { Kind: MentionKind.Name })
                {
                    leftStart = k;
                    return hasRole ? name with { Roles = [.. name.Roles, NormalizeRole(previousComma + 1, segmentEnd - 1)] } : name;
                }
            }

            segmentEnd = previousComma;
            previousComma = -1;
            for (var m = segmentEnd - 1; m >= first; m--)
            {
                if (inQuote[m])
                {
                    return null;
                }

                if (IsPunct(m, ','))
                {
                    previousComma = m + 1 < segmentEnd ? m : -1;
                    break;
                }
            }
        }

        return null;
    }

    /// <summary>The owner of a noun cue: <c>Trump's</c> (a name), <c>his</c> (a pronoun).</summary>
    private Mention? PossessiveSpeaker(int i)
    {
        if (inQuote[i] || tokens[i].Kind != TokenKind.Word)
        {
            return null;
        }

        if (QuoteRules.PossessivePronouns.TryGetValue(lower[i], out var pronoun))
        {
            return new Mention(tokens[i].Start, tokens[i].End, MentionKind.Pronoun, pronoun);
        }

        var word = tokens[i].Of(body);
        if (!IsCapitalized(i) || word.Length < 4 || !(word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal)))
        {
            return null;
        }

        var name = word[..^2].ToString();
        return QuoteRules.NotNames.Contains(name) ? null : new Mention(tokens[i].Start, tokens[i].End, MentionKind.Name, name);
    }

    private bool HasSpeakerNoun(int s, int e)
    {
        for (var m = s; m <= e; m++)
        {
            if (tokens[m].Kind == TokenKind.Word && (QuoteRules.RoleNouns.Contains(lower[m]) || QuoteRules.GroupNouns.Contains(lower[m]) || QuoteRules.SpeakerNouns.Contains(lower[m])))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasCue(int s, int e)
    {
        for (var m = s; m <= e; m++)
        {
            if (tokens[m].Kind == TokenKind.Word && IsCue(m))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A speaker written from <paramref name="i"/> on: <c>he</c>, <c>the spokesman</c>, <c>Tehran</c>, <c>Iranian Foreign Minister X</c>.</summary>
    private Mention? ParseRight(int i, out int end)
    {
        end = i;
        if (i >= Count || inQuote[i] || tokens[i].Kind != TokenKind.Word)
        {
            return null;
        }

        if (QuoteRules.PersonPronouns.Contains(lower[i]) || QuoteRules.GroupPronouns.Contains(lower[i]))
        {
            end = i + 1;
            return new Mention(tokens[i].Start, tokens[i].End, MentionKind.Pronoun, Text(i));
        }

        var j = lower[i] is "the" or "a" or "an" ? i + 1 : i;
        while (j < Count && (IsRunWord(j) || IsAbbreviationDot(j) || (IsNameConnector(j) && j > i && IsCapitalized(j - 1) && j + 1 < Count && IsCapitalized(j + 1))))
        {
            j++;
            if (j - 1 > i && !IsCapitalized(j - 1) && (QuoteRules.RoleNouns.Contains(lower[j - 1]) || QuoteRules.GroupNouns.Contains(lower[j - 1])))
            {
                break;
            }
        }

        if (j == i || (j == i + 1 && lower[i] is "the" or "a" or "an"))
        {
            return null;
        }

        end = j;
        return ClassifyRun(i, j - 1);
    }

    /// <summary>Reads tokens <c>[s, e]</c> (a capitalised run, role words, an optional leading article) as a mention.</summary>
    private Mention? ClassifyRun(int s, int e)
    {
        var determiner = -1;
        if (lower[s] is "the" or "a" or "an")
        {
            determiner = s;
            s++;
        }

        if (s > e)
        {
            return null;
        }

        var role = -1;
        for (var m = e; m >= s; m--)
        {
            if (QuoteRules.RoleNouns.Contains(lower[m]))
            {
                role = m;
                break;
            }
        }

        var spanStart = tokens[determiner >= 0 ? determiner : s].Start;
        if (role >= 0 && role < e)
        {
            for (var m = role + 1; m <= e; m++)
            {
                if ((!IsCapitalized(m) && !IsAbbreviationDot(m)) || QuoteRules.NotNames.Contains(lower[m]))
                {
                    return null;
                }
            }

            var roles = role >= s ? new[] { NormalizeRole(s, role) } : [];
            return new Mention(tokens[role + 1].Start, tokens[e].End, MentionKind.Name, JoinWords(role + 1, e)) { Roles = roles };
        }

        if (role == e)
        {
            var normalized = NormalizeRole(s, e);
            return new Mention(spanStart, tokens[e].End, MentionKind.Role, normalized) { Roles = [normalized] };
        }

        if (QuoteRules.GroupNouns.Contains(lower[e]) && !IsCapitalized(e))
        {
            return new Mention(spanStart, tokens[e].End, MentionKind.Group, JoinWords(s, e));
        }

        for (var m = s; m <= e; m++)
        {
            if (QuoteRules.OrganizationNouns.Contains(lower[m]))
            {
                return new Mention(spanStart, tokens[e].End, MentionKind.Organization, JoinWords(s, e));
            }
        }

        for (var m = s; m <= e; m++)
        {
            if ((!IsCapitalized(m) && !IsAbbreviationDot(m)) || (m == s && QuoteRules.NotNames.Contains(lower[m])))
            {
                return null;
            }
        }

        if (determiner >= 0)
        {
            // `The Post has learned`, `The New York Times reported`: a named outlet or body.
            return new Mention(spanStart, tokens[e].End, MentionKind.Organization, JoinWords(s, e));
        }

        return new Mention(tokens[s].Start, tokens[e].End, MentionKind.Name, JoinWords(s, e));
    }

    /// <summary><c>spokesperson of the Iranian Foreign Ministry</c> → <c>Iranian Foreign Ministry Spokesperson</c>.</summary>
    private string NormalizeRole(int s, int e)
    {
        var words = new List<string>();
        for (var m = s; m <= e; m++)
        {
            if (tokens[m].Kind == TokenKind.Word && !(words.Count == 0 && lower[m] is "the" or "a" or "an" or "his" or "her" or "its" or "their"))
            {
                words.Add(Text(m));
            }
        }

        var of = words.FindIndex(w => w.Equals("of", StringComparison.OrdinalIgnoreCase));
        if (of > 0 && of < words.Count - 1)
        {
            var tail = words.GetRange(of + 1, words.Count - of - 1);
            if (tail.Count > 1 && tail[0].Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                tail.RemoveAt(0);
            }

            tail.AddRange(words.GetRange(0, of));
            words = tail;
        }

        for (var m = 0; m < words.Count; m++)
        {
            var w = words[m];
            if (m > 0 && QuoteRules.RoleSmallWords.Contains(w))
            {
                words[m] = w.ToLowerInvariant();
            }
            else if (char.IsLower(w[0]))
            {
                words[m] = char.ToUpperInvariant(w[0]) + w[1..];
            }
        }

        return string.Join(' ', words);
    }

    private bool IsWholeQuotation(TextSpan span)
    {
        foreach (var q in quotations)
        {
            if (q.Outer.Start == span.Start && q.Outer.End == span.End)
            {
                return true;
            }
        }

        return false;
    }

    private void AddIfWholeQuotation(int start, int end, Attribution a, List<QuoteDraft> drafts)
    {
        var span = TrimContent(start, end);
        foreach (var q in quotations)
        {
            if (q.Outer.Start == span.Start && q.Outer.End == span.End)
            {
                var draft = MakeDraft(span, null, a.Mention);
                if (draft is not null)
                {
                    draft.Via.AddRange(a.Via);
                    drafts.Add(draft);
                }

                return;
            }
        }
    }

    private void AddDraft(int start, int end, Attribution a, List<QuoteDraft> drafts)
    {
        var draft = MakeDraft(TrimContent(start, end), a.Cue, a.Mention);
        if (draft is not null)
        {
            draft.Via.AddRange(a.Via);
            drafts.Add(draft);
        }
    }

    private QuoteDraft? MakeDraft(TextSpan span, string? cue, Mention? mention)
    {
        if (span.Length < QuoteExtractor.MinContentLength)
        {
            return null;
        }

        var kind = QuoteKinds.Indirect;
        int? group = null;
        foreach (var q in quotations)
        {
            if (q.Outer.Start == span.Start && (q.Outer.End == span.End || (!q.HasClosingMark && q.Outer.End >= span.End)))
            {
                var inner = TrimInner(q.Inner.Start, Math.Min(q.Inner.End, span.End));
                if (inner.Length < QuoteExtractor.MinContentLength)
                {
                    return null;
                }

                return new QuoteDraft { Start = inner.Start, End = inner.End, Kind = QuoteKinds.Direct, Cue = cue, Mention = mention, Paragraph = paragraph, Group = q.Group };
            }

            if (q.Outer.Overlaps(span))
            {
                kind = QuoteKinds.Mixed;
                group = q.Group;
            }
        }

        if (kind == QuoteKinds.Indirect && WordCount(span) < QuoteExtractor.MinIndirectWords)
        {
            // "answering critics", "denying it": the object of a cue, not a reported statement.
            return null;
        }

        return new QuoteDraft { Start = span.Start, End = span.End, Kind = kind, Cue = cue, Mention = mention, Paragraph = paragraph, Group = kind == QuoteKinds.Mixed ? null : group };
    }

    private int WordCount(TextSpan span)
    {
        var words = 0;
        var inWord = false;
        for (var i = span.Start; i < span.End; i++)
        {
            var letter = char.IsLetterOrDigit(body[i]);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    /// <summary>Content without surrounding blanks, separators or a final period (an ellipsis stays).</summary>
    private TextSpan TrimContent(int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(body[start]) || body[start] is ',' or ':' or ';'))
        {
            start++;
        }

        return TrimInner(start, end);
    }

    internal TextSpan TrimInner(int start, int end) => QuoteExtractor.TrimEnd(body, start, end);

    private int SubjectStart()
    {
        if (Count < 2 || tokens[0].Kind != TokenKind.Word || inQuote[0])
        {
            return 0;
        }

        // `But Trump said ...`, `And, he added, ...`: a leading conjunction is not part of the subject.
        var s = lower[0] is "but" or "and" or "so" or "yet" or "still" or "now" or "then" or "also" or "or" ? 1 : 0;
        if (s == 1 && IsPunct(1, ','))
        {
            s = 2;
        }

        if (s < Count && tokens[s].Kind == TokenKind.Word && !inQuote[s] && (QuoteRules.IntroPrepositions.Contains(lower[s]) || (IsLyAdverb(s) && IsPunct(s + 1, ','))))
        {
            for (var m = s + 1; m < Math.Min(Count, s + MaxIntroTokens); m++)
            {
                // A title in quotes (`On "Fox News Sunday,"`) and a cue without its own subject (`In a message posted
                // Friday,`) stay in the introduction; a cue after a name or pronoun opens a clause (`When he said ...`).
                if (tokens[m].Kind == TokenKind.Word && !inQuote[m] && IsCue(m) && (IsCapitalized(m - 1) || QuoteRules.PersonPronouns.Contains(lower[m - 1]) || QuoteRules.GroupPronouns.Contains(lower[m - 1])))
                {
                    break;
                }

                if (IsPunct(m, ',') && (!inQuote[m] || (IsQuoteMark(m + 1) && inQuote[m + 1])))
                {
                    return inQuote[m] ? m + 2 : m + 1;
                }
            }
        }

        return s;
    }

    private bool HasRoleNoun(int s, int e)
    {
        for (var m = Math.Max(s, 0); m <= e; m++)
        {
            if (inQuote[m])
            {
                return false;
            }

            if (tokens[m].Kind == TokenKind.Word && QuoteRules.RoleNouns.Contains(lower[m]))
            {
                return true;
            }
        }

        return false;
    }

    private bool AllRunWords(int s, int e)
    {
        for (var m = s; m <= e; m++)
        {
            if (!IsRunWord(m))
            {
                return false;
            }
        }

        return true;
    }

    // Words that can make up a speaker phrase: capitalised words and role vocabulary.
    private bool IsRunWord(int i) =>
        !inQuote[i] && tokens[i].Kind == TokenKind.Word &&
        ((IsCapitalized(i) && !QuoteRules.PersonPronouns.Contains(lower[i])) || QuoteRules.RoleModifiers.Contains(lower[i]) || QuoteRules.RoleNouns.Contains(lower[i]) || QuoteRules.GroupNouns.Contains(lower[i]));

    // "Ministry of Energy", "Bank for International Settlements".
    private bool IsNameConnector(int i) => !inQuote[i] && tokens[i].Kind == TokenKind.Word && lower[i] is "of" or "for";

    private bool IsCapitalized(int i) => tokens[i].Kind == TokenKind.Word && char.IsUpper(body[tokens[i].Start]);

    private bool IsLyAdverb(int i) =>
        tokens[i].Kind == TokenKind.Word && tokens[i].Length > 4 && tokens[i].Of(body).EndsWith("ly", StringComparison.Ordinal) && !IsCapitalized(i) &&
        !QuoteRules.NotLyAdverbs.Contains(lower[i]);

    private bool IsPunct(int i, char c) => i >= 0 && i < Count && tokens[i].Kind == TokenKind.Punctuation && body[tokens[i].Start] == c;

    private bool IsQuoteMark(int i) =>
        i >= 0 && i < Count && tokens[i].Kind == TokenKind.Quote &&
        (body[tokens[i].Start] is '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u201E' || IsDoubledApostrophe(i));

    // `''` stands for a double quote in some archives; either apostrophe of the pair is the mark.
    private bool IsDoubledApostrophe(int i) =>
        body[tokens[i].Start] == '\'' &&
        ((i + 1 < Count && tokens[i + 1].Start == tokens[i].End && body[tokens[i + 1].Start] == '\'') ||
         (i > 0 && tokens[i - 1].End == tokens[i].Start && body[tokens[i - 1].Start] == '\''));

    private bool IsSeparator(int i) =>
        i >= 0 && i < Count && (IsPunct(i, ',') || IsPunct(i, ':') || IsPunct(i, ';') || IsPunct(i, '\u2014') || IsPunct(i, '\u2013') || IsPunct(i, '\u2015') || (IsQuoteMark(i) && inQuote[i] && i > 0));

    private string Text(int i) => body.Substring(tokens[i].Start, tokens[i].Length);

    private string JoinWords(int s, int e)
    {
        var text = new System.Text.StringBuilder();
        for (var m = s; m <= e; m++)
        {
            if (m > s && tokens[m].Start > tokens[m - 1].End)
            {
                text.Append(' ');
            }

            text.Append(body, tokens[m].Start, tokens[m].Length);
        }

        return text.ToString();
    }
}
