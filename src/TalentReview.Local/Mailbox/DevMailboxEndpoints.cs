using System.Globalization;
using TalentReview.Local.Dev;
using TalentReview.Local.Hosting;
using TalentReview.MailCapture;
using TalentReview.Web.Html;

namespace TalentReview.Local.Mailbox;

/// <summary>
/// The dev mailbox over the archive: a page listing every email sent with its links, and JSON for
/// scripts and tests (<c>GET /dev/mailbox/messages[?to=]</c>). It shows everyone's email, so it
/// exists only on the local host, which refuses to start on anything but loopback (<see cref="Hosting.LoopbackOnly"/>).
/// </summary>
public static class DevMailboxEndpoints
{
    public const string Path = "/dev/mailbox";
    private const int MaxShown = 200;

    public static IServiceCollection AddLocalDevMailbox(this IServiceCollection services, string dataFolder, string captureApiKey)
    {
        var archive = new MailboxArchive(dataFolder);
        services.AddSingleton(archive);

        // Asked after a restart what was accepted before it: the archive outlives the process.
        services.AddSingleton<IAcceptedMail>(archive);
        services.AddSendGridCapture(options => options.ApiKeys.Add(captureApiKey));
        services.AddSingleton<MailboxRecorder>();
        services.AddSingleton<IStartupBannerLine>(new BannerLine());
        return services;
    }

    public static IEndpointRouteBuilder MapLocalDevMailbox(this IEndpointRouteBuilder routes)
    {
        routes.MapSendGridCapture().AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            context.HttpContext.RequestServices.GetRequiredService<MailboxRecorder>().RecordNew();
            return result;
        }).ExcludeFromDescription();
        routes.MapSendGridActivity().ExcludeFromDescription();
        var group = routes.MapGroup(Path).ExcludeFromDescription();
        group.MapGet("/", ShowPage);
        group.MapGet("/messages", (MailboxArchive archive, string? to) => Results.Json(archive.List(to)));
        group.MapGet("/messages/{id:long}", (MailboxArchive archive, long id) => archive.Find(id) is { } email ? Results.Json(email) : Results.NotFound());
        group.MapGet("/messages/{id:long}/html", ShowHtml);
        return routes;
    }

    private static HtmlPage ShowPage(MailboxArchive archive, TimeProvider time, string? to)
    {
        var emails = archive.List(to);
        var shown = emails.Reverse().Take(MaxShown).Select(email => H.Html($"""
            <article class="report">
            <h2>{email.Subject}</h2>
            <dl class="facts">
            <dt>To</dt><dd>{email.To.Name} &lt;{email.To.Email}&gt;</dd>
            <dt>Received</dt><dd>{email.ReceivedAt.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} (virtual time)</dd>
            </dl>
            <ul>{email.Links.Select(link => H.Html($"""<li><a href="{link}">{Shorten(link)}</a></li>"""))}</ul>
            <details><summary>Text</summary><pre>{email.Text}</pre></details>
            {H.When(email.Html is not null, H.Html($"""<p><a href="{Path}/messages/{email.Id}/html">View as HTML</a></p>"""))}
            </article>
            """));
        return DevPage.Render("Mailbox", time.GetUtcNow(), H.Html($"""
            <p class="lead">Every email the system sent on this machine, newest first. Nothing here reached a real mailbox.
            Open a link to act as its recipient.</p>
            <form method="get" action="{Path}" role="search">
            <label for="to">Recipient address</label>
            <input type="text" id="to" name="to" value="{to}">
            <div class="actions"><button type="submit" class="secondary">Filter</button></div>
            </form>
            <p role="status">{emails.Count.ToString(CultureInfo.InvariantCulture)} email(s){(emails.Count > MaxShown ? $", the newest {MaxShown} shown" : string.Empty)}.</p>
            {shown}
            """));
    }

    private static IResult ShowHtml(HttpContext http, MailboxArchive archive, long id)
    {
        if (archive.Find(id) is not { Html: { } html })
        {
            return Results.NotFound();
        }

        // Shown as a mail client would: its own inline styles, nothing it could run or fetch.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Links carry long tokens; the page shows where they lead without the noise.</summary>
    private static string Shorten(string link) => link.Length > 60 ? link[..57] + "..." : link;

    private sealed class BannerLine : IStartupBannerLine
    {
        public string Describe(string baseUrl) => $"mailbox: {baseUrl}{Path}";
    }
}
