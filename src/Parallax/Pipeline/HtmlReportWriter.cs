using Parallax.Model;

namespace Parallax.Pipeline;

public static class HtmlReportWriter
{
    public static string Write(Report report) => report.Parallax;
}
