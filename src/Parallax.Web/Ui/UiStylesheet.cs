using System.Security.Cryptography;
using System.Text;

namespace Parallax.Web.Ui;

/// <summary>
/// The one stylesheet of the UI, served at <see cref="UiEndpoints.StylesheetPath"/>: no external assets, no inline
/// styles (a content security policy may forbid both), readable from a 375 px phone to a 1600 px screen, light or dark
/// as the reader's system prefers.
/// </summary>
internal static class UiStylesheet
{
    public const string Css = """
        :root{color-scheme:light dark;--ink:#1d2433;--muted:#5b6578;--line:#dfe3ea;--bg:#f6f7f9;--card:#fff;--acc:#2456a6;--head:#1d2433;--headink:#fff;
        --only:#fff4d6;--left:#fde8e8;--ins:#d9f2dd;--insink:#14522a;--del:#fbdada;--delink:#8a1f1f;--mark:#fff0a8;--who:#e4ebf7}
        @media (prefers-color-scheme:dark){:root{--ink:#e3e7ef;--muted:#9aa4b6;--line:#343b49;--bg:#15181e;--card:#1d2129;--acc:#8fb4ff;--head:#0d0f13;
        --only:#3b3420;--left:#44262a;--ins:#1f4a2b;--insink:#c8f0d2;--del:#562526;--delink:#ffd2d2;--mark:#5a4d12;--who:#26324a}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        a{color:var(--acc)}a:hover,a:focus{text-decoration-thickness:2px}
        :focus-visible{outline:3px solid var(--acc);outline-offset:2px}
        .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:var(--card);padding:6px 10px;z-index:2}
        header.site{background:var(--head);color:var(--headink);padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center}
        header.site a{color:var(--headink);text-decoration:none}header.site .brand{font-weight:700;font-size:20px}
        header.site nav ul{list-style:none;margin:0;padding:0;display:flex;gap:16px}
        header.site form{margin-left:auto;display:flex;gap:6px}
        main{max-width:1600px;margin:0 auto;padding:16px;overflow-wrap:anywhere}
        h1{font-size:1.6rem;line-height:1.25;margin:8px 0}h2{font-size:1.25rem;margin:28px 0 8px;border-top:3px solid var(--acc);padding-top:10px}
        h3{font-size:1.05rem;margin:0 0 4px}
        .meta{color:var(--muted);font-size:.9rem;margin:2px 0 8px}
        input,select,button{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--ink);max-width:100%}
        button{background:var(--acc);color:var(--card);border-color:var(--acc);cursor:pointer}
        form.filter,form.search{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0 16px}
        form.search input{flex:1 1 14rem}
        ol.stories,ol.hits,ol.quotes{list-style:none;margin:0;padding:0;display:grid;gap:10px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:0;overflow-wrap:anywhere}
        .stories h2,.hits h2{font-size:1.1rem;margin:0;border:0;padding:0}
        .n{display:inline-block;min-width:1.4em;padding:0 6px;border-radius:9px;background:var(--who);color:var(--acc);font-size:.8rem;font-weight:600;text-align:center}
        .pager{display:flex;gap:16px;align-items:center;margin:16px 0}
        .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:12px;align-items:start}
        .outlet ul{margin:4px 0 8px;padding-left:18px;font-size:.92rem}.outlet li{margin:3px 0}
        .outlet li.only{background:var(--only)}.outlet li.left{background:var(--left)}
        details.more summary{cursor:pointer;color:var(--acc);font-size:.9rem}
        .label{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin-top:8px}
        .legend span{display:inline-block;padding:0 6px;border-radius:4px;margin-right:8px}.legend .only{background:var(--only)}.legend .left{background:var(--left)}
        details.variants{margin:0 0 10px}details.variants summary{cursor:pointer;font-weight:600}
        details.variants[open] summary{margin-bottom:8px}
        .versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:10px;margin:6px 0;padding:0;list-style:none}
        .versions .src{font-size:.8rem;color:var(--muted)}
        .diff{font-size:.92rem;border-top:1px dashed var(--line);padding-top:6px;margin-top:6px}
        .badge{display:inline-block;font-size:.75rem;padding:0 7px;border-radius:9px;margin-left:6px;background:var(--who);color:var(--muted);font-weight:400}
        ins{background:var(--ins);color:var(--insink);text-decoration:none;border-radius:3px;padding:0 2px}
        del{background:var(--del);color:var(--delink);border-radius:3px;padding:0 2px}
        .table{overflow-x:auto}table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);font-size:.92rem}
        th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{color:var(--muted);font-weight:600}
        .chain .arrow{color:var(--muted);padding:0 6px}
        .body{white-space:pre-wrap;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 18px;max-width:48rem;font-size:1.05rem;overflow-wrap:anywhere}
        mark{background:var(--mark);color:inherit;border-radius:3px}
        .body mark.quote:target{outline:3px solid var(--acc)}
        .body a.who{background:var(--who);border-radius:3px;text-decoration:none}
        dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 14px;margin:8px 0 12px}dl.facts dt{font-weight:600;color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
        .reading{display:grid;gap:8px 28px;grid-template-columns:minmax(0,1fr)}
        @media (min-width:1100px){.reading{grid-template-columns:minmax(0,48rem) minmax(18rem,1fr)}.reading>section h2{margin-top:0}}
        blockquote{margin:0 0 6px;font-size:1.02rem}
        .problem{background:var(--left);border-radius:8px;padding:10px 14px}
        footer{color:var(--muted);font-size:.8rem;max-width:1600px;margin:24px auto;padding:0 16px}
        @media (max-width:600px){main{padding:10px}h1{font-size:1.3rem}header.site form{margin-left:0;width:100%}header.site form input{flex:1}}
        """;

    /// <summary>
    /// The site icon, two overlapping columns; linked from every page so browsers do not ask for a missing
    /// <c>/favicon.ico</c>.
    /// </summary>
    public const string Icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="2" width="8" height="12" rx="2" fill="#2456a6"/><rect x="7" y="2" width="8" height="12" rx="2" fill="#8fb4ff" fill-opacity=".8"/></svg>
        """;

    /// <summary>A strong validator for the stylesheet: it changes only with the program.</summary>
    public static string ETag { get; } = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))[..16] + "\"";
}
