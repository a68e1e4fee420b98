using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>
/// Puts a <see cref="TemplateText"/> into the shared layout: a table-based HTML email with inline
/// styles and bgcolor attributes only (what Outlook and Gmail render alike), and its plain-text twin.
/// </summary>
internal static class TemplateCompiler
{
    public const string LinkSlot = "link";
    public const string NameSlot = "name";
    public const string CycleSlot = "cycle";

    /// <summary>Keeps accented letters readable in the source while escaping markup characters.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Paragraph = "<p style=\"margin:0 0 16px 0;\">";

    public static CompiledTemplate Compile(LanguagePack pack, TemplateId id, TemplateText text)
    {
        var subject = new SegmentBuilder().AppendWords(text.Subject, s => s).Build();
        return new CompiledTemplate(id, subject, Html(pack, text), PlainText(pack, text));
    }

    private static Segment[] Html(LanguagePack pack, TemplateText text)
    {
        Func<string, string> encode = Encoder.Encode;
        var html = new SegmentBuilder()
            .Raw("<!DOCTYPE html><html lang=\"").Raw(pack.HtmlLanguage).Raw("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .AppendWords(text.Subject, encode)
            .Raw("</title></head><body style=\"margin:0;padding:0;background-color:#f3f4f6;\">")
            .Raw("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#f3f4f6\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Raw("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\" style=\"width:100%;max-width:600px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:22px;color:#1f2937;\">")
            .Raw("<tr><td bgcolor=\"#1e3a5f\" style=\"padding:16px 28px;color:#ffffff;font-size:14px;font-weight:bold;\">").Slot(CycleSlot).Raw("</td></tr>")
            .Raw("<tr><td style=\"padding:28px;\">")
            .Raw(Paragraph).AppendWords(pack.Layout.Greeting, encode).Raw("</p>");
        foreach (var paragraph in text.Introduction)
        {
            html.Raw(Paragraph).AppendWords(paragraph, encode).Raw("</p>");
        }

        if (text.Block is not null)
        {
            html.Slot(text.Block);
        }

        if (text.ActionLabel is not null)
        {
            html.Raw("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:8px 0 16px 0;\"><tr><td bgcolor=\"#1d4ed8\" style=\"border-radius:4px;\">")
                .Raw("<a href=\"").Slot(LinkSlot).Raw("\" style=\"display:inline-block;padding:12px 22px;color:#ffffff;text-decoration:none;font-weight:bold;\">")
                .AppendWords(text.ActionLabel, encode).Raw("</a></td></tr></table>")
                .Raw("<p style=\"margin:0 0 16px 0;font-size:13px;line-height:19px;color:#4b5563;\">").AppendWords(pack.Layout.LinkFallback, encode)
                .Raw("<br><a href=\"").Slot(LinkSlot).Raw("\" style=\"color:#1d4ed8;word-break:break-all;\">").Slot(LinkSlot).Raw("</a></p>");
        }

        foreach (var paragraph in text.Closing ?? [])
        {
            html.Raw(Paragraph).AppendWords(paragraph, encode).Raw("</p>");
        }

        return html
            .Raw("<p style=\"margin:24px 0 0 0;\">").AppendWords(pack.Layout.SignOff, encode).Raw("<br>").AppendWords(pack.Layout.Sender, encode).Raw("</p>")
            .Raw("</td></tr><tr><td bgcolor=\"#f9fafb\" style=\"padding:16px 28px;font-size:12px;line-height:18px;color:#6b7280;\">")
            .AppendWords(pack.Layout.Footer, encode)
            .Raw("</td></tr></table></td></tr></table></body></html>")
            .Build();
    }

    private static Segment[] PlainText(LanguagePack pack, TemplateText text)
    {
        static string Same(string s) => s;
        var plain = new SegmentBuilder().Slot(CycleSlot).Raw("\n\n").AppendWords(pack.Layout.Greeting, Same).Raw("\n\n");
        foreach (var paragraph in text.Introduction)
        {
            plain.AppendWords(paragraph, Same).Raw("\n\n");
        }

        if (text.Block is not null)
        {
            plain.Slot(text.Block).Raw("\n");
        }

        if (text.ActionLabel is not null)
        {
            plain.AppendWords(text.ActionLabel, Same).Raw("\n").Slot(LinkSlot).Raw("\n\n");
        }

        foreach (var paragraph in text.Closing ?? [])
        {
            plain.AppendWords(paragraph, Same).Raw("\n\n");
        }

        return plain
            .AppendWords(pack.Layout.SignOff, Same).Raw("\n").AppendWords(pack.Layout.Sender, Same).Raw("\n\n-- \n")
            .AppendWords(pack.Layout.Footer, Same).Raw("\n")
            .Build();
    }
}
