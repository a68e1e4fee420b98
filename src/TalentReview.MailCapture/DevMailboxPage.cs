using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace TalentReview.MailCapture;

/// <summary>A plain, accessible HTML page listing the captured emails with their links, newest first.</summary>
internal static class DevMailboxPage
{
    public const int MaxShown = 200;

    public static string Render(IReadOnlyList<CapturedEmail> emails, string? recipientFilter, string basePath)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(16_384);
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Dev mailbox</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1f2937}")
            .Append("article{border:1px solid #d1d5db;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}")
            .Append("h2{font-size:1.1rem;margin:0 0 .25rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:.25rem 0}dt{font-weight:600}dd{margin:0}")
            .Append("pre{white-space:pre-wrap;background:#f9fafb;padding:.5rem}a{color:#1d4ed8}a:focus{outline:3px solid #f59e0b}")
            .Append("</style></head><body><header><h1>Dev mailbox</h1>")
            .Append("<p>Emails accepted by the local SendGrid capture endpoint. Nothing here is sent to a real mailbox.</p>")
            .Append("<form method=\"get\" role=\"search\"><label for=\"to\">Recipient address</label> ")
            .Append("<input id=\"to\" name=\"to\" type=\"email\" value=\"").Append(html.Encode(recipientFilter ?? "")).Append("\"> ")
            .Append("<button type=\"submit\">Filter</button></form></header><main>");

        var shown = emails.Reverse().Take(MaxShown).ToList();
        page.Append(CultureInfo.InvariantCulture, $"<p role=\"status\">{emails.Count} email(s){(emails.Count > MaxShown ? $", the newest {MaxShown} shown" : "")}.</p>");
        foreach (var email in shown)
        {
            page.Append("<article><h2>").Append(html.Encode(email.Subject)).Append("</h2><dl>")
                .Append("<dt>To</dt><dd>").Append(html.Encode(Display(email.To))).Append("</dd>")
                .Append("<dt>From</dt><dd>").Append(html.Encode(Display(email.From))).Append("</dd>")
                .Append("<dt>Received</dt><dd><time datetime=\"").Append(email.ReceivedAt.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
                .Append(email.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append("</time></dd></dl>");
            if (email.Links.Count > 0)
            {
                page.Append("<h3>Links</h3><ul>");
                foreach (var link in email.Links)
                {
                    page.Append("<li><a href=\"").Append(html.Encode(link)).Append("\">").Append(html.Encode(link)).Append("</a></li>");
                }

                page.Append("</ul>");
            }

            if (email.Html is not null)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{html.Encode(basePath)}/messages/{email.Id}/html\">View the HTML version</a></p>");
            }

            if (email.Text is not null)
            {
                page.Append("<details><summary>Plain text</summary><pre>").Append(html.Encode(email.Text)).Append("</pre></details>");
            }

            page.Append("</article>");
        }

        return page.Append("</main></body></html>").ToString();
    }

    private static string Display(MailAddressData address)
        => string.IsNullOrEmpty(address.Name) ? address.Email : $"{address.Name} <{address.Email}>";
}
