using Parallax.Model;
using Parallax.Text;

namespace Parallax.Quotes;

/// <summary>
/// Finds direct, mixed and indirect quotes in an article body and attributes them.
/// The body is cut into units (sentences, merged where a quotation runs across them); each unit is read once
/// for reporting cues (<see cref="QuoteRules"/>), then speakers are resolved across the article and quotes
/// without a speaker of their own take the speaker of the adjacent quote before them.
/// </summary>
public sealed class QuoteExtractor
{
    // Shorter content is punctuation or a stray word, not a statement.
    internal const int MinContentLength = 2;

    // Reported speech of one or two words is the object of a cue ("answering critics", "denying it"), not a statement
    // a reader compares across outlets. PolNeAR does annotate such objects (2,055 of the 19,832 train attributions
    // have one or two words of content: "it", "the NRA", "witness tampering"), so the rule costs a little recall there;
    // its effect on polnear-dev is in docs/quality.md.
    internal const int MinIndirectWords = 3;

    // An attribution between two parts of one quote (`," Douglas Holtz-Eakin, an economist at X, said. "`) is short;
    // longer gaps hold other text.
    private const int MaxInterruptionLength = 160;

    // `Trump said.`, `the senator said of Apple.`: a detached attribution sentence after a closing `."` is this short
    // (polnear-train: most run to 4-6 tokens).
    private const int MaxDetachedTokens = 8;

    // Name words before the verb of a detached attribution: `Rep. Tom Cole said`.
    private const int MaxDetachedSubjectTokens = 4;

    // Characters read from a sentence's start to find a detached attribution's subject and verb.
    private const int MaxDetachedLookahead = 80;

    private readonly QuoteExtractorOptions options;

    public QuoteExtractor()
        : this(new QuoteExtractorOptions())
    {
    }

    public QuoteExtractor(QuoteExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public ArticleQuotes Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = article.Body ?? string.Empty;
        var limit = Math.Clamp(options.MaxBodyLength, 0, body.Length);
        var quotations = QuotationScanner.Scan(body, 0, limit);
        var drafts = new List<QuoteDraft>();
        var units = new List<(TextSpan Span, int Paragraph)>();
        var paragraphs = Lines(body, Paragraphs.Split(body, 0, limit));
        for (var p = 0; p < paragraphs.Count; p++)
        {
            foreach (var unit in Units(body, paragraphs[p], quotations))
            {
                units.Add((unit, p));
                var start = unit.Start;
                // After the first paragraph, `HOLT: ...` is a transcript's speaker label, not a dateline.
                if (start == paragraphs[p].Start && Datelines.Match(body, start) is { } dateline && (p == 0 || !IsColonLabel(body, dateline)))
                {
                    start = dateline.End;
                }

                ClauseAttributor.Analyze(body, start, unit.End, p, Within(quotations, start, unit.End), drafts);
            }
        }

        AddStandaloneQuotations(body, quotations, units, drafts);
        drafts.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        RemoveOverlaps(drafts);
        MergeInterrupted(drafts);
        return Build(article, drafts);
    }

    /// <summary>
    /// <c>"X," he said, "Y."</c> and <c>"X," he said. "Y."</c> are one statement cut by its attribution: the two
    /// direct quotes become one span from X to Y (the cue sits inside it, as in PolNeAR's discontinuous contents).
    /// </summary>
    private static void MergeInterrupted(List<QuoteDraft> drafts)
    {
        for (var i = drafts.Count - 2; i >= 0; i--)
        {
            var d = drafts[i];
            var n = drafts[i + 1];
            if (d.InterruptedBy is not { } cue || n.Kind != QuoteKinds.Direct || n.Paragraph != d.Paragraph || n.Start - cue > MaxInterruptionLength)
            {
                continue;
            }

            if (n.Mention is not null && (d.Mention is null || n.Mention.Start != d.Mention.Start))
            {
                continue;
            }

            var merged = new QuoteDraft { Start = d.Start, End = n.End, Kind = QuoteKinds.Direct, Cue = d.Cue, Mention = d.Mention, Paragraph = d.Paragraph, Group = d.Group };
            merged.Via.AddRange(d.Via);
            merged.Via.AddRange(n.Via.Where(v => !d.Via.Contains(v)));
            drafts[i] = merged;
            drafts.RemoveAt(i + 1);
        }
    }

    private static bool IsColonLabel(string body, TextSpan dateline) => body.AsSpan(dateline.Start, dateline.Length).TrimEnd().EndsWith(':');

    /// <summary>
    /// Paragraphs cut at single line breaks too: many bodies put one paragraph (or a signed quote) per line without
    /// a blank line between them.
    /// </summary>
    private static List<TextSpan> Lines(string body, List<TextSpan> paragraphs)
    {
        var lines = new List<TextSpan>(paragraphs.Count);
        foreach (var p in paragraphs)
        {
            var start = p.Start;
            var i = body.IndexOf('\n', p.Start, p.Length);
            while (i >= 0)
            {
                var line = Paragraphs.Trim(body, start, i);
                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                start = i + 1;
                i = start < p.End ? body.IndexOf('\n', start, p.End - start) : -1;
            }

            var last = Paragraphs.Trim(body, start, p.End);
            if (last.Length > 0)
            {
                lines.Add(last);
            }
        }

        return lines;
    }

    /// <summary>End of a content span without blanks, separators or a final period (an ellipsis stays).</summary>
    internal static TextSpan TrimEnd(string body, int start, int end)
    {
        while (true)
        {
            while (end > start && char.IsWhiteSpace(body[end - 1]))
            {
                end--;
            }

            if (end > start && body[end - 1] is ',' or ';' or ':')
            {
                end--;
                continue;
            }

            if (end > start && body[end - 1] == '.' && !(end - 2 >= start && body[end - 2] == '.'))
            {
                end--;
                continue;
            }

            break;
        }

        while (start < end && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        return new TextSpan(start, end);
    }

    private static List<TextSpan> Units(string body, TextSpan paragraph, List<Quotation> quotations)
    {
        var sentences = SentenceSplitter.Split(body, paragraph.Start, paragraph.End);
        var units = new List<TextSpan>(sentences.Count);
        foreach (var sentence in sentences)
        {
            if (units.Count > 0 && (CrossesBoundary(units[^1], sentence, quotations) || IsDetachedAttribution(body, units[^1], sentence)))
            {
                units[^1] = new TextSpan(units[^1].Start, sentence.End);
            }
            else
            {
                units.Add(sentence);
            }
        }

        return units;
    }

    /// <summary>
    /// <c>"Who do they think they are?" Trump said of Apple.</c>: the splitter ends a sentence at <c>?"</c>, but a
    /// sentence that opens with a short subject and a speech verb (or with the verb) attributes the quotation before it.
    /// After <c>."</c> only a short sentence counts, since <c>"..." Trump said the plan ...</c> starts a new report.
    /// </summary>
    private static bool IsDetachedAttribution(string body, TextSpan previous, TextSpan next)
    {
        var last = TrimEnd(body, previous.Start, previous.End).End;
        while (last > previous.Start && char.IsWhiteSpace(body[last - 1]))
        {
            last--;
        }

        if (last < previous.Start + 3 || body[last - 1] is not ('\u201D' or '"') || body[last - 2] is not ('?' or '!' or '.'))
        {
            return false;
        }

        var tokens = Tokenizer.Tokenize(body, next.Start, Math.Min(next.End, next.Start + MaxDetachedLookahead));
        if (tokens.Count == 0 || tokens[0].Kind != TokenKind.Word)
        {
            return false;
        }

        var shortSentence = Tokenizer.Tokenize(body, next.Start, next.End).Count <= MaxDetachedTokens;
        if (body[last - 2] == '.' && !shortSentence)
        {
            return false;
        }

        for (var i = 0; i < tokens.Count && i <= MaxDetachedSubjectTokens; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word && !(t.Kind == TokenKind.Punctuation && body[t.Start] == '.'))
            {
                return false;
            }

            var word = t.Of(body);
            if (QuoteRules.SpeechVerbs.Contains(word.ToString()) && char.IsLower(word[0]))
            {
                return true;
            }

            if (!char.IsUpper(word[0]) && !(i == 0 && QuoteRules.PersonPronouns.Contains(word.ToString())) && !(i == 0 && word.Equals("the", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool CrossesBoundary(TextSpan previous, TextSpan next, List<Quotation> quotations)
    {
        foreach (var q in quotations)
        {
            if (q.Outer.Start < previous.End && q.Outer.End > next.Start)
            {
                return true;
            }

            if (q.Outer.Start >= next.Start)
            {
                break;
            }
        }

        return false;
    }

    private static List<Quotation> Within(List<Quotation> quotations, int start, int end) =>
        quotations.FindAll(q => q.Outer.Start < end && q.Outer.End > start);

    /// <summary>
    /// A unit that is only a quotation (a paragraph of a multi-paragraph quote, or a quote after its
    /// attribution's paragraph) is a direct quote whose speaker comes from its neighbours.
    /// </summary>
    private static void AddStandaloneQuotations(string body, List<Quotation> quotations, List<(TextSpan Span, int Paragraph)> units, List<QuoteDraft> drafts)
    {
        foreach (var q in quotations)
        {
            if (drafts.Exists(d => d.Start < q.Outer.End && d.End > q.Outer.Start))
            {
                continue;
            }

            foreach (var (span, paragraph) in units)
            {
                if (span.Start != q.Outer.Start)
                {
                    continue;
                }

                var rest = TrimEnd(body, q.Outer.End, span.End);
                var inner = TrimEnd(body, q.Inner.Start, q.Inner.End);
                if (rest.Length == 0 && inner.Length >= MinContentLength)
                {
                    drafts.Add(new QuoteDraft { Start = inner.Start, End = inner.End, Kind = QuoteKinds.Direct, Paragraph = paragraph, Group = q.Group });
                }

                break;
            }
        }
    }

    private static void RemoveOverlaps(List<QuoteDraft> drafts)
    {
        for (var i = drafts.Count - 1; i > 0; i--)
        {
            if (drafts[i].Start < drafts[i - 1].End)
            {
                // Keep the quote that has a speaker mention; else the longer one.
                var drop = drafts[i].Mention is null && drafts[i - 1].Mention is not null ? i
                    : drafts[i - 1].Mention is null && drafts[i].Mention is not null ? i - 1
                    : drafts[i].End - drafts[i].Start <= drafts[i - 1].End - drafts[i - 1].Start ? i : i - 1;
                drafts.RemoveAt(drop);
            }
        }
    }

    /// <summary>A recognised person's name without the titles and roles written before it ("Councillor", "Mayor", "Dr."), or null when nothing else is left.</summary>
    private static Mention? WithoutLeadingTitles(int start, string text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var space = text.IndexOf(' ', offset);
            if (space < 0)
            {
                break;
            }

            var word = text[offset..space].TrimEnd('.');
            if (!QuoteRules.RoleNouns.Contains(word) && !QuoteRules.RoleModifiers.Contains(word) && !QuoteRules.TitleAbbreviations.Contains(word))
            {
                break;
            }

            offset = space + 1;
        }

        return offset < text.Length ? new Mention(start + offset, start + text.Length, MentionKind.Name, text[offset..]) : null;
    }

    private static ArticleQuotes Build(Article article, List<QuoteDraft> drafts)
    {
        var mentions = drafts.Where(d => d.Mention is not null).Select(d => d.Mention!).DistinctBy(m => m.Start).OrderBy(m => m.Start).ToList();
        var speakers = new LocalSpeakers(mentions, () => Entities.EntityRecognizer.Recognize(article.Body)
            .Where(e => e.Kind == Entities.EntityKind.Person)
            .Select(e => WithoutLeadingTitles(e.Start, e.Text))
            .OfType<Mention>());
        var byMention = new Dictionary<int, LocalSpeakers.Entity?>();
        foreach (var mention in mentions)
        {
            byMention[mention.Start] = speakers.Resolve(mention);
        }

        var entities = new LocalSpeakers.Entity?[drafts.Count];
        // A quote that carries its speaker over from an earlier one points at that one's mention, as PolNeAR marks the
        // source of a continued quotation at its earlier mention.
        var carried = new Mention?[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d.Mention is not null)
            {
                entities[i] = byMention[d.Mention.Start];
                carried[i] = d.Mention;
                continue;
            }

            // The segments of one multi-paragraph quote share a speaker.
            var sameGroup = d.Group is { } g ? drafts.FindIndex(o => o.Group == g && o.Mention is not null) : -1;
            if (sameGroup >= 0)
            {
                entities[i] = byMention[drafts[sameGroup].Mention!.Start];
                carried[i] = drafts[sameGroup].Mention;
            }
            else if (i + 1 < drafts.Count && drafts[i + 1].Mention is { } after && drafts[i + 1].Paragraph == d.Paragraph && after.Start > d.End && (i == 0 || drafts[i - 1].Paragraph != d.Paragraph))
            {
                // `"Meh," ... "What does Ford know about it," wrote a Trump supporter.`: a quotation that opens a
                // paragraph takes the speaker named after it in that paragraph.
                entities[i] = byMention[after.Start];
                carried[i] = after;
            }
            else if (i > 0 && drafts[i - 1].Paragraph >= d.Paragraph - 1)
            {
                entities[i] = entities[i - 1];
                carried[i] = carried[i - 1];
            }
        }

        var ids = new Dictionary<LocalSpeakers.Entity, string>(ReferenceEqualityComparer.Instance);
        var speakerList = new List<Speaker>();
        var quotes = new List<Quote>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var mention = carried[i];
            string? speakerId = null;
            if (entities[i] is { } entity)
            {
                if (!ids.TryGetValue(entity, out speakerId))
                {
                    speakerId = $"s{ids.Count + 1}";
                    ids[entity] = speakerId;
                }
            }

            quotes.Add(new Quote
            {
                Id = $"{article.Id}:q{i + 1}",
                Article = article.Id,
                Speaker = speakerId,
                SpeakerMention = mention is null ? null : article.Body[mention.Start..mention.End],
                SpeakerStart = mention?.Start,
                SpeakerEnd = mention?.End,
                Cue = d.Cue,
                Kind = d.Kind,
                Text = article.Body[d.Start..d.End],
                Start = d.Start,
                End = d.End,
                Via = [.. d.Via.Distinct()],
            });
        }

        foreach (var (entity, id) in ids)
        {
            speakerList.Add(LocalSpeakers.ToSpeaker(entity, id));
        }

        speakerList.Sort((a, b) => int.Parse(a.Id.AsSpan(1)).CompareTo(int.Parse(b.Id.AsSpan(1))));
        return new ArticleQuotes(quotes, speakerList);
    }
}
