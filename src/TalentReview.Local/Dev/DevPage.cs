using Microsoft.AspNetCore.Antiforgery;
using TalentReview.Domain;
using TalentReview.Web.Html;

namespace TalentReview.Local.Dev;

/// <summary>The local host's own development pages: the shared layout, a navigation line and the virtual date.</summary>
public static class DevPage
{
    public const string Home = "/dev";

    public static HtmlPage Render(string title, DateTimeOffset virtualNow, Markup body, int statusCode = StatusCodes.Status200OK)
        => new(Language.En, title, H.Html($"""
            <nav class="panel" aria-label="Development">
            <strong>Virtual date: {virtualNow.ToString("dddd d MMMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC</strong> ·
            <a href="{Home}">Home</a> · <a href="/dev/hr">HR: cycles</a> · <a href="/dev/time">Time control</a> ·
            <a href="/dev/mailbox">Mailbox</a> · <a href="/dev/sign-in">Sign in</a>
            </nav>
            {body}
            """), statusCode);

    /// <summary>The hidden anti-forgery field for a form on these pages (and the cookie that goes with it).</summary>
    public static Markup AntiforgeryField(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return H.Html($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }
}
