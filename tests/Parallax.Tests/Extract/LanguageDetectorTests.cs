using Parallax.Extract;

namespace Parallax.Tests.Extract;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The minister said that the talks were not against any third country and that the two states have been working on it for years.")]
    [InlineData("fr", "Le ministre a déclaré que les discussions ne sont pas dirigées contre un pays tiers et que les deux États travaillent dans cette direction depuis des années.")]
    [InlineData("de", "Der Minister sagte, dass die Gespräche nicht gegen ein drittes Land gerichtet sind und die beiden Staaten seit Jahren auf dem Weg sind, der auch für die Region wichtig ist.")]
    [InlineData("es", "El ministro dijo que las conversaciones no están dirigidas contra un tercer país y que los dos estados trabajan en ello desde hace años para la región.")]
    [InlineData("ru", "Министр заявил, что переговоры не направлены против третьих стран и что это сотрудничество было начато задолго до того, как он стал министром, и оно также продолжается.")]
    [InlineData("ar", "وقال الوزير إن المحادثات لا تستهدف أي دولة ثالثة وإن التعاون بين البلدين بدأ قبل سنوات في مجالات عدة على أن يستمر في هذا الإطار مع ذلك.")]
    [InlineData("fa", "سخنگوی وزارت امور خارجه گفت که همکاری ایران و روسیه علیه کشور ثالثی نیست و این همکاری از سال‌ها پیش آغاز شده است و با هدف منافع دو کشور در حال گسترش است.")]
    [InlineData("zh", "外交部发言人表示，伊朗与俄罗斯的防务合作不针对任何第三国，双方合作早在乌克兰战争之前就已开始。")]
    public void Detects_language_of_a_news_sentence(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("Kanaani Tehran Moscow")]
    [InlineData("12345 67890 !!! ???")]
    public void Too_little_evidence_gives_no_language(string text) =>
        Assert.Null(LanguageDetector.Detect(text));
}
