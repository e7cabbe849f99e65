namespace Parallax.Stories;

/// <summary>Settings of <see cref="StoryClusterer"/>.</summary>
public sealed record StoryOptions
{
    /// <summary>
    /// Default of <see cref="Threshold"/> and of the internal weights below, tuned on ECB+ train only (objective = mean of
    /// pairwise and BCubed F1; grids of threshold 0.16-0.30 × year factors × young-story margin × title, entity and number
    /// weights). Session 2 chose 0.22 without year factors (train 0.809/0.870, dev 0.881/0.906): years then came from any
    /// four-digit number ("since 1991", "a 2008 GMC Sierra") and did not transfer. With years read only from written dates,
    /// the best train setting is 0.20, year factors 1.3/0.6 and young-story margin 0.03 (train 0.837/0.887; dev check
    /// 0.888/0.915). Number weight 1.5 and title weight 3 tie on train and lose on dev; entity-only cosine did not help.
    /// Session 5 added event-signature agreement: a shared toll, sum or score (<see cref="NumberMatchFactor"/> 1.4) and the
    /// named weekday (<see cref="WeekdayMatchFactor"/> 1.1 / 0.9), with year factors 1.2 / 0.7: train 0.859/0.905 (objective
    /// 0.882, was 0.862), dev unchanged 0.888/0.915. Those are the mildest of the settings tied at the top of
    /// <see cref="Parallax.Evaluation.StoryEvaluation.Sweep"/> on train (number factors 1.4-1.7, weekday 1.1/0.9 or 1.2/1).
    /// A number mismatch penalty (0.6-0.9) lifted train further (0.885) but split young dev stories (dev 0.80-0.875): not kept.
    /// </summary>
    public const double DefaultThreshold = 0.20;

    /// <summary>
    /// Minimum similarity (0..1) between an article and a story for the article to join it; below, it starts a new
    /// story. Default <see cref="DefaultThreshold"/>.
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// Largest gap in days between an article's publication date and the date range of a story it may join. Ignored
    /// when either date is unknown (such articles are placed by content alone). Default <see cref="DefaultWindowDays"/>:
    /// recurring events of one kind (a second storm, another pirate capture) are usually further apart.
    /// </summary>
    public double WindowDays { get; init; } = DefaultWindowDays;

    /// <summary>Default of <see cref="WindowDays"/>: the choice; news on one event mostly appears within a few days.</summary>
    public const double DefaultWindowDays = 3;

    /// <summary>
    /// Terms kept in each story's centroid, by weight. Default 300: enough for the vocabulary of a story with a few
    /// dozen articles; the tail beyond it is single-article noise and only costs memory.
    /// </summary>
    public int MaxCentroidTerms { get; init; } = 300;

    /// <summary>Multiplier for title words. Default 2.</summary>
    internal double TitleWeight { get; init; } = 2;

    /// <summary>Multiplier for name-like words (capitalised, not sentence-initial). 1 since entity keys carry names
    /// (<see cref="EntityTermWeight"/>); the first train sweep put 1 above 2 (pairwise F1 0.809 vs 0.803 at 0.22).</summary>
    internal double EntityWeight { get; init; } = 1;

    /// <summary>Weight of each entity mention (<see cref="Parallax.Entities.EntityRecognizer"/> keys, before sublinear TF); 0 turns entity terms off.</summary>
    internal double EntityTermWeight { get; init; } = 2;

    /// <summary>Multiplier for numbers (tolls, sums, scores, dates): two events of one kind differ in them.</summary>
    internal double NumberWeight { get; init; } = 1;

    /// <summary>Extra score a story of n articles asks of a newcomer, divided by n: an article scores lower against one
    /// article than against a centroid of many, and the second article of a topic is where two events of one kind get
    /// fused. 0.03 from the train sweep (see <see cref="DefaultThreshold"/>); 0.06 and up split more than they save.</summary>
    internal double YoungStoryMargin { get; init; } = 0.03;

    /// <summary>Share of the entity-only cosine in the score (the rest is the full cosine); 0 turns it off.</summary>
    internal double EntityAgreementWeight { get; init; }

    /// <summary>Score factor when the article and the story name the same event year in their text (time agreement
    /// for undated articles). 1.2 from the train sweep: see <see cref="DefaultThreshold"/>.</summary>
    internal double YearMatchFactor { get; init; } = 1.2;

    /// <summary>Score factor when both name an event year and the years differ: two events of one kind years apart.</summary>
    internal double YearMismatchFactor { get; init; } = 0.7;

    /// <summary>Score factor when the article and the story name the same weekday as their event's day
    /// (<see cref="TimeAgreement.EventWeekday"/>).</summary>
    internal double WeekdayMatchFactor { get; init; } = 1.1;

    /// <summary>Score factor when both name an event weekday and the days differ: two events of one kind rarely share it.</summary>
    internal double WeekdayMismatchFactor { get; init; } = 0.9;

    /// <summary>Score factor when the article and the story share a signature number (a toll, a sum, a score: see
    /// <see cref="TermTable.IsSignatureNumber(ReadOnlySpan{char})"/>).</summary>
    internal double NumberMatchFactor { get; init; } = 1.4;

    /// <summary>Score factor when both hold signature numbers and share none. 1: a penalty split young stories whose first
    /// reports give different early tolls (see <see cref="DefaultThreshold"/>).</summary>
    internal double NumberMismatchFactor { get; init; } = 1;

    /// <summary>Centroid cosine above which two stories that one article scores above their thresholds are merged
    /// (see <see cref="StoryAssignment.MergedStories"/>); 1 turns merging off. Default <see cref="DefaultMergeThreshold"/>.</summary>
    public double MergeThreshold { get; init; } = DefaultMergeThreshold;

    /// <summary>Default of <see cref="MergeThreshold"/>: on ECB+ train and dev 0.5 scores the same as no merging (ECB+ has
    /// no dates, so the window never splits a story there) while 0.35 lowers precision; in dated streams it joins the two
    /// halves of an event reported more than a window apart once an article in between shows they are one.</summary>
    public const double DefaultMergeThreshold = 0.5;

}
