using System.Text;
using Parallax.Extract;

namespace Parallax.Tests.Extract;

public sealed class CharsetDetectorTests
{
    static CharsetDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Our own sentences, in the style of a news lead, one per script.
    [Theory]
    [InlineData(1252, "windows-1252", "Le ministre a déclaré jeudi que les négociations reprendront à Genève après l’été, selon l’agence.")]
    [InlineData(1250, "windows-1250", "Minister oświadczył w czwartek, że rozmowy zostaną wznowione w Gdańsku po świętach, podała agencja.")]
    [InlineData(1251, "windows-1251", "Министр заявил в четверг, что переговоры возобновятся в Женеве после лета, сообщило агентство.")]
    [InlineData(20866, "koi8-r", "Министр заявил в четверг, что переговоры возобновятся в Женеве после лета, сообщило агентство.")]
    [InlineData(1256, "windows-1256", "قال الوزير يوم الخميس إن المفاوضات ستستأنف في جنيف بعد الصيف، بحسب الوكالة.")]
    [InlineData(936, "gbk", "部长星期四表示，谈判将在夏季之后于日内瓦恢复，通讯社报道。")]
    [InlineData(932, "shift_jis", "大臣は木曜日、交渉は夏の後にジュネーブで再開されると述べた、と通信社が伝えた。")]
    public void Legacy_encodings_are_recognised(int codePage, string name, string text)
    {
        var bytes = Encoding.GetEncoding(codePage).GetBytes(string.Concat(Enumerable.Repeat(text + " ", 3)));
        var guess = CharsetDetector.Detect(bytes);
        Assert.NotNull(guess);
        // Central European text is also valid Latin in places; what matters is that it decodes back exactly.
        Assert.Equal(text, guess.Value.Encoding.GetString(bytes)[..text.Length]);
        if (codePage is not 1250)
        {
            Assert.Equal(name, guess.Value.Name);
        }
    }

    [Fact]
    public void Random_bytes_are_not_guessed()
    {
        var bytes = new byte[4096];
        new Random(11).NextBytes(bytes);
        Assert.Null(CharsetDetector.Detect(bytes));
    }

    [Fact]
    public void Pure_ascii_gives_no_verdict_to_act_on()
    {
        Assert.Null(CharsetDetector.Detect("plain ascii text only"u8));
    }
}
