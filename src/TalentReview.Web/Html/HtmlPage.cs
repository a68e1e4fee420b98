using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Html;

/// <summary>
/// A whole page: the shared layout around a body, sent with headers that keep the link token in
/// the address bar from leaking (no referrer, no caching) and a script policy that only runs the
/// page's own nonce-tagged script.
/// </summary>
public sealed class HtmlPage : IResult
{
    private readonly Language language;
    private readonly string title;
    private readonly Func<string, Markup> body;

    /// <param name="body">Receives the response's script nonce, for pages with an inline script.</param>
    public HtmlPage(Language language, string title, Func<string, Markup> body, int statusCode = StatusCodes.Status200OK)
    {
        this.language = language;
        this.title = title;
        this.body = body;
        StatusCode = statusCode;
    }

    public HtmlPage(Language language, string title, Markup body, int statusCode = StatusCodes.Status200OK)
        : this(language, title, _ => body, statusCode)
    {
    }

    public int StatusCode { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var html = Layout.Render(language, title, nonce, body(nonce));
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        await response.WriteAsync(html.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }
}

internal static class Layout
{
    public static Markup Render(Language language, string title, string nonce, Markup body) => H.Html($"""
        <!DOCTYPE html>
        <html lang="{Cultures.Code(language)}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex, nofollow">
        <title>{title} · TalentReview</title>
        <style nonce="{nonce}">{Styles.Css}</style>
        </head>
        <body>
        <a class="skip" href="#main">{Texts.SkipToContent[language]}</a>
        <header class="top"><span class="brand">TalentReview</span></header>
        <main id="main" tabindex="-1">
        <h1>{title}</h1>
        {body}
        </main>
        <footer class="foot">{Texts.Confidential[language]}</footer>
        </body>
        </html>
        """);
}
