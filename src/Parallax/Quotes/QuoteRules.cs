using System.Collections.Frozen;

namespace Parallax.Quotes;

/// <summary>Word lists that drive quote finding and attribution. All lookups are case-insensitive.</summary>
internal static class QuoteRules
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finite reporting verbs: <c>X said</c>, <c>..., he stated.</c>, <c>X announced that ...</c>.</summary>
    public static readonly FrozenSet<string> FiniteCues = Set(
        "said", "says", "told", "tells", "stated", "states", "added", "adds", "noted", "notes", "stressed", "stresses",
        "underlined", "underlines", "announced", "announces", "highlighted", "highlights", "argued", "argues", "warned",
        "warns", "insisted", "insists", "explained", "explains", "claimed", "claims", "accused", "accuses", "reiterated",
        "reiterates", "emphasized", "emphasised", "emphasizes", "emphasises", "asserted", "asserts", "declared", "declares",
        "confirmed", "confirms", "denied", "denies", "remarked", "remarks", "maintained", "maintains", "wrote", "writes",
        "tweeted", "replied", "urged", "urges", "commented", "observed", "acknowledged", "admitted", "affirmed", "affirms",
        "reminded", "pointed", "cautioned", "suggested", "revealed", "alleged", "vowed", "pledged", "predicted",
        // PolNeAR attributes beliefs, intentions and findings as well as speech (polnear-train cue counts).
        "say", "tell", "add", "note", "insist", "argue", "claim", "deny", "warn", "suggest", "predict", "explain",
        "tweets", "posted", "posts", "asked", "asks", "responded", "responds", "acknowledges", "admits", "admit",
        "suggests", "reveals", "alleges", "vows", "pledges", "predicts", "contended", "contends", "promised", "promises",
        "recalled", "recalls", "conceded", "concedes", "complained", "complains", "testified", "indicated", "indicates",
        "disclosed", "demanded", "demands", "concluded", "concludes", "reported", "reports", "learned", "learns",
        "believes", "believe", "believed", "thinks", "think", "thought", "wants", "want", "wanted", "hopes", "hope", "hoped",
        "expects", "expect", "fears", "fear", "feared", "worries", "worried", "found", "finds", "shows", "show",
        "showed", "estimates", "estimated", "projected", "projects", "called", "calls", "agreed", "agrees", "cited",
        "cites", "described", "describes", "mentioned", "questioned", "criticized", "criticised", "condemned", "blasted",
        "praised", "accused", "charged", "countered", "joked", "boasted", "bragged", "lamented", "quipped", "mused",
        "wondered", "proposed", "proposes", "plans", "planned", "signaled", "signalled", "hinted", "speculated", "recommended",
        "recommends", "assured", "informed", "announces", "knows", "know", "knew", "understood", "felt", "feels",
        "doubts", "doubted", "agree", "worry", "claimed", "insisted", "stressed", "repeated", "repeats", "recounted",
        "observed", "acknowledged", "attacked", "slammed", "dismissed", "defended", "rejected", "opposed", "supported",
        "supports", "endorsed", "pointed", "threatened", "threatens", "offered", "vowed",
        // Shouted and written words (polnear-train misses: `a man yelled "Stay there!"`, `the sign read "..."`).
        "yelled", "shouted", "chanted", "screamed", "exclaimed", "reads", "read", "wrote", "labeled", "labelled", "dubbed",
        "branded", "touted", "derided", "mocked", "ridiculed", "decried", "denounced", "hailed", "lauded", "bemoaned",
        "tells", "explained", "answered", "retorted", "shot", "snapped", "declared", "continued", "continues", "echoed");

    /// <summary>
    /// Verbs that name or describe something in the speaker's words: <c>called him a "moderate,"</c>, <c>referred to
    /// Mexican immigrants as "criminals"</c>. A quotation right after one is the speaker's however short.
    /// </summary>
    public static readonly FrozenSet<string> NamingCues = Set(
        "called", "calls", "calling", "call", "labeled", "labelled", "labeling", "labelling", "labels", "dubbed", "dubbing",
        "branded", "branding", "brands", "described", "describes", "describing", "referred", "refers", "referring",
        "characterized", "characterizes", "characterizing", "characterised", "termed", "terms", "framed", "portrayed",
        "portraying", "portrays", "deemed", "declared", "pronounced", "proclaimed");

    /// <summary>Participles that continue a report: <c>..., adding that ...</c>, <c>..., stressing ...</c>.</summary>
    public static readonly FrozenSet<string> ParticipleCues = Set(
        "adding", "stressing", "noting", "saying", "emphasizing", "emphasising", "underlining", "reminding", "arguing",
        "warning", "insisting", "explaining", "claiming", "highlighting", "stating", "asserting", "accusing",
        "reiterating", "declaring", "confirming", "denying", "telling", "urging", "pointing", "calling", "affirming",
        "cautioning", "acknowledging", "maintaining", "asking", "vowing", "citing", "suggesting", "promising", "predicting",
        "describing", "complaining", "recalling", "questioning", "admitting", "conceding", "contending", "alleging",
        "tweeting", "writing", "announcing", "demanding", "pledging", "threatening", "criticizing", "blasting", "praising",
        "expressing", "charging", "observing", "revealing", "signaling", "hinting", "showing", "indicating", "referring",
        "dismissing", "defending", "rejecting", "calling", "arguing", "joking", "boasting", "repeating", "recounting",
        "shouting", "chanting", "yelling", "screaming", "exclaiming", "reading", "stating", "noting", "labeling", "dubbing",
        "touting", "mocking", "answering", "replying", "responding", "explaining", "interjecting", "concluding", "continuing");

    /// <summary>Title abbreviations written before a name with a dot (<c>Mr.</c>, <c>Sen.</c>), lowercase.</summary>
    public static readonly FrozenSet<string> TitleAbbreviations = Set(
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "adm", "sgt", "rev", "hon", "pres", "amb", "jr", "sr", "st");

    /// <summary>Words that end a common-noun subject read leftwards from a cue: clause words, verbs, negation.</summary>
    public static readonly FrozenSet<string> NotInNounPhrase = Set(
        "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if", "as", "than", "is", "was", "were",
        "are", "be", "been", "being", "not", "never", "to", "it", "this", "he", "she", "they", "we", "you", "him", "her",
        "them", "us", "me", "there", "here", "what", "how", "why", "but", "so", "yet", "or", "nor", "for", "with", "by",
        "from", "in", "on", "at", "into", "about", "after", "before", "since", "until", "also", "even", "just", "only",
        "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
        "said", "says", "say", "told", "according");

    /// <summary>Words that make a sentence opening a clause rather than an introduction: <c>When he said that ...</c>.</summary>
    public static readonly FrozenSet<string> ClauseWords = Set(
        "that", "which", "who", "whom", "whose", "because", "if", "when", "while", "where", "whether", "although", "though",
        "is", "was", "were", "are", "and", "or", "but", "than", "as", "since", "until", "unless");

    /// <summary>Pronouns that can be a speaker.</summary>
    public static readonly FrozenSet<string> PersonPronouns = Set("he", "she", "i", "we");

    public static readonly FrozenSet<string> GroupPronouns = Set("they", "it");

    /// <summary>
    /// Common given names read as female or male, from our own list of frequent names in English-language news
    /// (European, American and a few Middle Eastern and Asian names). Only used to keep "she" from resolving to a
    /// man and "he" to a woman; a name on neither list says nothing.
    /// </summary>
    public static readonly FrozenSet<string> FemaleGivenNames = Set(
        "anna", "anne", "anja", "alice", "amanda", "amy", "angela", "ann", "barbara", "beatrice", "brigitte", "britt", "carla",
        "carmen", "caroline", "catherine", "charlotte", "christine", "claire", "claudia", "diana", "donna", "dorothy", "elena",
        "elif", "elisabeth", "elizabeth", "ellen", "emily", "emma", "eva", "fatima", "francesca", "giulia", "hannah", "heather",
        "helen", "helena", "hillary", "ingrid", "irene", "isabel", "jane", "janet", "jennifer", "jessica", "joan", "julia",
        "julie", "karen", "katarina", "katherine", "kathleen", "kelly", "kristin", "laura", "leila", "linda", "lisa", "lucia",
        "lucy", "margaret", "maria", "marie", "marina", "martha", "mary", "maryam", "melania", "melissa", "michelle", "monica",
        "nadia", "nancy", "natalia", "nicole", "nina", "olga", "olivia", "patricia", "paula", "rachel", "rebecca", "roberta",
        "rosa", "ruth", "sandra", "sara", "sarah", "silvia", "sofia", "sophie", "susan", "tanya", "teresa", "ursula", "valentina",
        "victoria", "yasmin", "yulia", "zeynep");

    /// <summary>Title words before a woman's or a man's name (<c>Mrs Berg</c>, <c>Mr. Lind</c>), lowercase, without the dot.</summary>
    public static readonly FrozenSet<string> FemaleTitles = Set("mrs", "ms");

    public static readonly FrozenSet<string> MaleTitles = Set("mr");

    /// <summary>Common given names read as male: see <see cref="FemaleGivenNames"/>.</summary>
    public static readonly FrozenSet<string> MaleGivenNames = Set(
        "abbas", "ahmed", "alan", "alexander", "ali", "andrew", "anthony", "antonio", "barack", "ben", "bernard", "bill", "bob",
        "boris", "brian", "carlos", "charles", "chris", "christopher", "daniel", "david", "dmitry", "donald", "edward", "emmanuel",
        "eric", "francis", "frank", "fritz", "george", "giorgio", "hans", "hassan", "henry", "hossein", "ibrahim", "ivan",
        "jack", "james", "jan", "jean", "jeb", "jeff", "jim", "joe", "johan", "john", "jonathan", "jose", "joseph", "juan",
        "karl", "kevin", "klaus", "lars", "leon", "luis", "marco", "mark", "martin", "matthew", "michael", "mikael", "mike",
        "mohammad", "mohammed", "muhammad", "nasser", "nicolas", "oleg", "olaf", "omar", "patrick", "paul", "pedro", "peter",
        "pierre", "rahul", "reza", "richard", "robert", "ron", "ronald", "rudy", "sergei", "sergey", "stefan", "stephen",
        "steve", "steven", "ted", "thomas", "tim", "tom", "vladimir", "walter", "william", "xi", "yusuf");

    /// <summary>Words skipped between a speaker and the verb: <c>Kanaani further added</c>, <c>Tehran has strongly rejected</c>.</summary>
    public static readonly FrozenSet<string> SkippedBeforeCue = Set(
        "also", "further", "then", "again", "once", "later", "earlier", "previously", "reportedly", "has", "have", "had",
        "will", "would", "could", "may", "might", "did", "does", "do", "subsequently", "meanwhile", "too", "already", "had", "once",
        "separately", "publicly", "recently");

    /// <summary>Nouns naming a person by role. Spokesman, spokesperson and spokeswoman are one role.</summary>
    public static readonly FrozenSet<string> RoleNouns = Set(
        "spokesman", "spokesperson", "spokeswoman", "minister", "president", "premier", "ambassador", "envoy", "secretary",
        "chief", "director", "head", "chairman", "chairwoman", "chair", "leader", "official", "commander", "general",
        "governor", "senator", "lawmaker", "legislator", "mayor", "deputy", "adviser", "advisor", "diplomat",
        "councillor", "councilor", "councilman", "councilwoman",
        "representative", "analyst", "expert", "professor", "researcher", "negotiator", "king", "queen", "prince", "emir",
        "ayatollah", "cleric", "judge", "prosecutor", "attorney", "lawyer", "ceo", "founder", "chancellor",
        "secretary-general", "speaker", "mp", "correspondent", "editor", "economist", "officer", "coordinator", "manager",
        "executive", "activist", "member", "vice-president", "sheikh", "imam", "pope", "marshal", "colonel", "captain");

    /// <summary>Plural nouns for a collective speaker: <c>Western countries have accused ...</c>.</summary>
    public static readonly FrozenSet<string> GroupNouns = Set(
        "officials", "countries", "sources", "analysts", "experts", "diplomats", "critics", "lawmakers", "residents",
        "witnesses", "activists", "authorities", "leaders", "states", "governments", "observers", "ministers", "protesters",
        "scientists", "investigators", "prosecutors", "police");

    /// <summary>Lowercase words that can sit inside a role phrase: <c>the Iranian foreign ministry spokesman</c>.</summary>
    public static readonly FrozenSet<string> RoleModifiers = Set(
        "foreign", "ministry", "deputy", "prime", "vice", "senior", "former", "defense", "defence", "interior", "economy",
        "state", "top", "chief", "military", "government", "finance", "oil", "health", "security", "national", "army",
        "police", "party", "presidential", "white", "house", "kremlin", "affairs", "general", "assistant", "acting");

    /// <summary>Last words of an organisation's name: <c>the Foreign Ministry said</c>.</summary>
    public static readonly FrozenSet<string> OrganizationNouns = Set(
        "ministry", "government", "agency", "office", "department", "council", "committee", "army", "military", "police",
        "parliament", "embassy", "kremlin", "commission", "organization", "organisation", "union", "bank", "court",
        "foundation", "party", "group", "company", "corporation", "association", "institute", "university", "administration",
        "cabinet", "forces", "guard", "corps", "house", "pentagon", "nato", "assembly", "authority", "secretariat", "mission",
        "majlis", "presidency", "spokesman's office", "watchdog", "iaea", "un", "eu", "opec");

    /// <summary>Organisation nouns that make a speaker a government rather than an organisation.</summary>
    public static readonly FrozenSet<string> GovernmentNouns = Set(
        "ministry", "government", "kremlin", "embassy", "cabinet", "administration", "presidency", "parliament", "majlis",
        "pentagon", "house", "army", "military", "forces", "corps", "guard", "police", "department", "office");

    /// <summary>Countries and capitals used as speakers (<c>Tehran has rejected ...</c>): governments.</summary>
    public static readonly FrozenSet<string> GovernmentNames = Set(
        "Iran", "Tehran", "Russia", "Moscow", "Ukraine", "Kiev", "Kyiv", "China", "Beijing", "US", "U.S.", "USA", "America",
        "Washington", "Israel", "Britain", "London", "UK", "U.K.", "France", "Paris", "Germany", "Berlin", "Turkey", "Ankara",
        "Riyadh", "Syria", "Damascus", "Iraq", "Baghdad", "Qatar", "Doha", "Brussels", "Japan", "Tokyo", "India",
        "Pakistan", "Islamabad", "Egypt", "Cairo", "Lebanon", "Beirut", "Yemen", "Sanaa", "Jordan", "Amman", "Afghanistan",
        "Kabul", "Venezuela", "Caracas", "Cuba", "Havana", "Canada", "Ottawa", "Australia", "Canberra", "Italy", "Rome",
        "Spain", "Madrid", "Poland", "Warsaw", "Belarus", "Minsk", "Armenia", "Yerevan", "Azerbaijan", "Baku", "Oman",
        "Muscat", "Kuwait", "Bahrain", "Manama", "Libya", "Tripoli", "Algeria", "Algiers", "Tunisia", "Tunis", "Morocco",
        "Rabat", "Sudan", "Khartoum", "Ethiopia", "Nigeria", "Abuja", "Kenya", "Nairobi", "Brazil", "Brasilia", "Mexico",
        "Seoul", "Pyongyang", "Taiwan", "Taipei", "Vietnam", "Hanoi", "Indonesia", "Jakarta", "Kremlin", "West", "Europe");

    /// <summary>Capitalised words that start a sentence or name a time, never a speaker.</summary>
    public static readonly FrozenSet<string> NotNames = Set(
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "In", "On", "At",
        "But", "And", "However", "Meanwhile", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Significantly", "Also", "According", "Earlier", "Later", "Last", "Since", "As", "If", "When", "While",
        "Late", "Early", "Together", "Then", "Now", "Still", "Yet", "Here", "There", "Today", "Yesterday", "Tonight");

    /// <summary>First words of an introductory phrase before the subject: <c>On February 19, Iran ...</c>.</summary>
    public static readonly FrozenSet<string> IntroPrepositions = Set(
        "on", "in", "at", "during", "after", "before", "earlier", "later", "meanwhile", "however", "separately",
        "significantly", "moreover", "furthermore", "additionally", "speaking", "addressing", "since", "last", "also",
        "elsewhere", "yesterday", "today", "besides", "still", "instead", "notably", "similarly", "likewise", "while", "when",
        "as", "although", "though", "because", "despite", "asked", "if", "under", "with", "for", "from", "by",
        "throughout", "amid", "following", "over", "within", "unlike", "like", "until", "once", "then", "now", "so");

    /// <summary>Listeners after <c>told</c> that are not channels.</summary>
    public static readonly FrozenSet<string> NotChannels = Set(
        "reporters", "journalists", "the", "a", "an", "press", "media", "him", "her", "them", "us", "me", "lawmakers",
        "parliament", "audience", "crowd", "supporters", "students", "attendees", "participants", "delegates", "viewers");

    /// <summary>Events a statement was made at: <c>in a press conference</c>, <c>in an interview with X</c>.</summary>
    public static readonly FrozenSet<string> EventNouns = Set(
        "statement", "interview", "conference", "briefing", "speech", "message", "tweet", "post", "letter", "meeting",
        "remarks", "comments", "address", "session", "call", "broadcast", "video", "report", "summit", "gathering");

    /// <summary>Verbs of a channel that relayed a report: <c>..., Press TV reported.</c>.</summary>
    public static readonly FrozenSet<string> ChannelVerbs = Set("reported", "reports", "quoted", "cited");

    /// <summary>Generic words dropped from a channel's name: <c>the IRNA news agency</c> is <c>IRNA</c>.</summary>
    public static readonly FrozenSet<string> ChannelGenericWords = Set(
        "the", "news", "agency", "newspaper", "daily", "website", "outlet", "channel", "broadcaster", "network", "state",
        "official", "semi-official", "state-run", "state-owned", "television", "tv", "radio", "wire", "service");

    /// <summary>Small words kept lowercase in a normalised role.</summary>
    public static readonly FrozenSet<string> RoleSmallWords = Set("of", "the", "and", "for", "on", "in", "to", "at");

    /// <summary>Canonical head of a role noun, so that <c>the spokesman</c> matches a spokesperson.</summary>
    public static string RoleHead(string noun) => noun.ToLowerInvariant() switch
    {
        "spokesman" or "spokeswoman" or "spokesperson" => "spokesperson",
        "chairman" or "chairwoman" or "chair" => "chair",
        "advisor" => "adviser",
        "lawmaker" or "legislator" or "mp" => "lawmaker",
        var other => other,
    };

    /// <summary>Verbs of speech proper, read as a report wherever they stand: <c>though he said ...</c>, <c>who said ...</c>.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Set(
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes", "argued", "argues",
        "claimed", "claims", "insisted", "insists", "warned", "warns", "explained", "explains", "wrote", "writes", "declared",
        "announced", "acknowledged", "admitted", "stressed", "suggested", "predicted", "complained", "testified", "tweeted");

    /// <summary>Relative pronouns that stand for a speaker: <c>an architect who said ...</c>.</summary>
    public static readonly FrozenSet<string> RelativeSubjects = Set("who", "which");

    /// <summary>Words after a speech verb that open no report: <c>what he said when ...</c>, <c>said to be</c>.</summary>
    public static readonly FrozenSet<string> NotContentStarts = Set(
        "to", "when", "while", "before", "after", "because", "as", "so", "and", "or", "but", "by", "of", "for", "about",
        "with", "so", "too", "then", "nothing", "anything", "something", "much", "more", "little", "yes", "no", "goodbye",
        "hello", "thanks", "sorry", "otherwise", "in", "on", "at", "during", "from", "into", "over", "up", "down", "out",
        "back", "off", "again", "afterward", "afterwards", "later", "earlier", "him", "her", "them", "me", "us", "you", "it", "this", "these", "those", "what", "how", "why", "where");

    /// <summary>Nouns that report a statement or belief when followed by <c>that</c>: <c>Trump's claim that ...</c>.</summary>
    public static readonly FrozenSet<string> NounCues = Set(
        "claim", "claims", "statement", "assertion", "argument", "promise", "pledge", "warning", "suggestion", "belief",
        "insistence", "charge", "accusation", "allegation", "contention", "view", "prediction", "vow", "boast", "admission",
        "complaint", "remark", "comments", "declaration", "announcement", "threat", "proclamation");

    /// <summary>Possessive pronouns owning a noun cue, with the pronoun that stands for the speaker.</summary>
    public static readonly FrozenDictionary<string, string> PossessivePronouns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["his"] = "he", ["her"] = "she", ["their"] = "they", ["its"] = "it", ["my"] = "I", ["our"] = "we",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Auxiliaries after a pronoun that make it a clause's subject rather than an object: <c>said it was ...</c>.</summary>
    public static readonly FrozenSet<string> ClauseAuxiliaries = Set(
        "is", "was", "has", "had", "would", "will", "could", "should", "can", "may", "might", "must", "does", "did", "were", "are", "have");

    /// <summary>Verbs that take <c>(on) to say</c>: <c>he went on to say</c>, <c>the email continues to say</c>.</summary>
    public static readonly FrozenSet<string> GoOnVerbs = Set("went", "goes", "go", "continued", "continues", "proceeded", "moved", "took", "wanted", "had");

    /// <summary>Verbs whose object is a listener, so that a word after them opens no report: <c>told a crowd</c>.</summary>
    public static readonly FrozenSet<string> ListenerVerbs = Set("told", "tells", "tell", "informed", "assured", "reminded", "urged", "asked", "asks", "thanked");

    /// <summary>
    /// Finite cues not read after a subject that the name readers did not take (<c>Gov. John Kasich of Ohio, a
    /// Republican, said</c>): words that are as often nouns or adjectives, so that <c>758 pledged delegates</c> or
    /// <c>CNN's show</c> are not cues.
    /// </summary>
    public static readonly FrozenSet<string> NotSubjectCues = Set(
        "pledged", "states", "plans", "calls", "claims", "reports", "remarks", "promises", "posts", "projects", "estimates",
        "fears", "hopes", "notes", "demands", "charges", "doubts", "cites", "supports", "threatens");

    /// <summary>
    /// Cue words that are nouns far more often than verbs after a name (<c>four Super Tuesday states</c>): a cue only
    /// before <c>that</c>, a colon or a quotation.
    /// </summary>
    public static readonly FrozenSet<string> NounFirstCues = Set("states", "remarks", "notes", "plans");

    /// <summary>Words that make a stretch before a cue something other than its subject: <c>Let me just say</c>.</summary>
    public static readonly FrozenSet<string> NotSubjectWords = Set("let", "me", "you", "what", "how", "why", "if", "whether");

    /// <summary>Words that open an introduction before a subject: <c>Moments earlier, Trump said ...</c>.</summary>
    public static readonly FrozenSet<string> IntroOpeners = Set(
        "moments", "minutes", "hours", "days", "weeks", "months", "years", "shortly", "soon", "asked", "pressed", "of",
        "in", "for", "to", "regarding", "about", "overall", "still", "indeed", "instead", "again", "here", "there", "back",
        "even", "with", "amid", "unlike", "like", "beyond", "besides", "speaking", "asked", "responding", "citing");

    /// <summary>Heads of a common-noun subject that speaks for many: <c>47 percent said</c>, <c>some families said</c>.</summary>
    public static readonly FrozenSet<string> CollectiveNouns = Set(
        "percent", "voters", "people", "families", "members", "majority", "half", "third", "quarter", "most", "many", "some",
        "several", "workers", "americans", "democrats", "republicans", "respondents", "delegates", "supporters", "aides",
        "advisers", "them", "campaign", "administration", "staff", "team", "committee", "group", "organization", "company",
        "spokesman", "spokeswoman", "spokesperson", "statement", "report", "poll", "survey", "study", "government", "board",
        "panel", "court", "judge", "officials", "others", "both", "all", "none", "everyone", "nobody", "someone", "friend",
        "sources", "source", "police", "department", "agency", "office", "leaders", "lawmakers", "senators", "members");

    /// <summary>Weekdays, which may stand between a subject and its verb: <c>the ministry on Monday rejected</c>.</summary>
    public static readonly FrozenSet<string> Weekdays = Set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>Singular nouns for a speaker that are not roles: <c>said one Democratic source on the panel</c>.</summary>
    public static readonly FrozenSet<string> SpeakerNouns = Set(
        "source", "aide", "voter", "resident", "supporter", "critic", "witness", "ruling", "report", "statement", "study",
        "poll", "survey", "memo", "complaint", "lawsuit", "filing", "letter", "campaign", "spokesman", "person", "man", "woman");

    /// <summary>Days and parts of days written bare after a verb: <c>said Friday</c>, <c>said Tuesday night</c>.</summary>
    public static readonly FrozenSet<string> DayWords = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night");

    /// <summary>Words ending in <c>ly</c> that are not adverbs.</summary>
    public static readonly FrozenSet<string> NotLyAdverbs = Set("only", "italy", "family", "july", "early");

    /// <summary>Function words the attributor compares against directly (<c>lower[k] is "the" or "a"</c>).</summary>
    public static readonly FrozenSet<string> CodeWords = Set(
        "a", "according", "again", "also", "an", "and", "are", "at", "been", "but", "during", "earlier", "early", "family",
        "for", "formerly", "further", "had", "has", "have", "her", "herself", "himself", "his", "however", "i", "in", "is",
        "italy", "its", "july", "last", "later", "news", "now", "of", "on", "only", "or", "out", "previously", "recently",
        "separately", "so", "still", "tells", "that", "the", "their", "then", "to", "today", "told", "tonight", "tv", "was",
        "were", "who", "whose", "with", "yesterday", "yet", "which", "whom", "what", "when", "where", "after", "before",
        "while", "as", "because", "he", "she", "they", "it", "we", "by", "from", "not", "be", "said", "says", "say");

    /// <summary>Stands for every word outside <see cref="Lexicon"/>: equal to no word of any list.</summary>
    public const string OtherWord = "\u0000";

    /// <summary>
    /// Every word of every list, mapped to its lowercase form, so the attributor reads a token's lowercase form without
    /// allocating: words outside the lists are never compared, so they all read as <see cref="OtherWord"/>.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Lexicon = new[]
        {
            FiniteCues, ParticipleCues, NamingCues, TitleAbbreviations, NotInNounPhrase, ClauseWords, PersonPronouns, GroupPronouns,
            SkippedBeforeCue, RoleNouns, GroupNouns, RoleModifiers, OrganizationNouns, GovernmentNouns, GovernmentNames,
            NotNames, IntroPrepositions, NotChannels, EventNouns, ChannelVerbs, ChannelGenericWords, RoleSmallWords, NotLyAdverbs, SpeechVerbs, RelativeSubjects, NotContentStarts, DayWords, Weekdays, ListenerVerbs, GoOnVerbs, IntroOpeners, CollectiveNouns, NotSubjectCues, NounFirstCues, NotSubjectWords, SpeakerNouns, NounCues, CodeWords, ClauseAuxiliaries, PossessivePronouns.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
        }
        .SelectMany(set => set)
        .Select(word => word.ToLowerInvariant())
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(word => word, word => word, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> LexiconBySpan = Lexicon.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lowercase form of <paramref name="word"/> when some list holds it, else <see cref="OtherWord"/>.</summary>
    public static string Lower(ReadOnlySpan<char> word) => LexiconBySpan.TryGetValue(word, out var lower) ? lower : OtherWord;
}
