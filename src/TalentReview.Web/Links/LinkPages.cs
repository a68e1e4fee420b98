using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;

namespace TalentReview.Web.Links;

/// <summary>The pages a link shows when it cannot be used, each saying why and what to do next.</summary>
public static class LinkPages
{
    public static HtmlPage Invalid(Language language)
        => Message(language, LinkTexts.InvalidTitle, LinkTexts.InvalidBody, StatusCodes.Status404NotFound);

    public static HtmlPage Replaced(Language language)
        => Message(language, LinkTexts.ReplacedTitle, LinkTexts.ReplacedBody, StatusCodes.Status410Gone);

    public static HtmlPage Closed(Language language)
        => Message(language, LinkTexts.ClosedTitle, LinkTexts.ClosedBody, StatusCodes.Status410Gone);

    /// <summary>A write to a step, board or decisions that closed: refused, and the page says that nothing changed.</summary>
    public static HtmlPage WriteRefused(Language language, Phrase why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new(language, LinkTexts.ClosedTitle[language], H.Html($"""<div class="notice bad" role="alert"><p>{why[language]}</p></div>"""), StatusCodes.Status409Conflict);
    }

    public static HtmlPage NotForYou(Language language)
        => Message(language, LinkTexts.NotForYouTitle, LinkTexts.NotForYouBody, StatusCodes.Status403Forbidden);

    public static HtmlPage Expired(Language language, HttpContext http, string token)
    {
        var title = LinkTexts.ExpiredTitle[language];
        return new HtmlPage(language, title, H.Html($"""
            <p class="lead">{LinkTexts.ExpiredBody[language]}</p>
            <form method="post" action="/l/{token}/renew">
            {AntiforgeryField.For(http)}
            <button type="submit">{LinkTexts.RequestNewLink[language]}</button>
            </form>
            """), StatusCodes.Status410Gone);
    }

    public static HtmlPage NewLinkRequested(Language language)
        => Message(language, LinkTexts.NewLinkRequested, LinkTexts.NewLinkRequestedBody, StatusCodes.Status202Accepted);

    public static HtmlPage TooManyRenewals(Language language, TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return new(language, LinkTexts.TooManyRenewalsTitle[language], H.Html($"""<p class="lead">{LinkTexts.TooManyRenewalsBody.Format(language, minutes)}</p>"""), StatusCodes.Status429TooManyRequests);
    }

    public static HtmlPage FormRejected(Language language, FormReadFailure failure, string token) => new(
        language,
        LinkTexts.FormRejectedTitle[language],
        H.Html($"""
            <div class="notice bad" role="alert"><p>{(failure == FormReadFailure.TooLarge ? LinkTexts.TooLargeBody : LinkTexts.MalformedBody)[language]}</p></div>
            <p><a href="/l/{token}">{LinkTexts.BackToForm[language]}</a></p>
            """),
        failure switch
        {
            FormReadFailure.TooLarge => StatusCodes.Status413PayloadTooLarge,
            FormReadFailure.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        });

    public static HtmlPage Forgery(Language language, string token) => new(
        language,
        LinkTexts.FormRejectedTitle[language],
        H.Html($"""
            <div class="notice bad" role="alert"><p>{LinkTexts.ForgeryBody[language]}</p></div>
            <p><a href="/l/{token}">{LinkTexts.BackToForm[language]}</a></p>
            """),
        StatusCodes.Status400BadRequest);

    private static HtmlPage Message(Language language, Phrase title, Phrase body, int status)
        => new(language, title[language], H.Html($"""<p class="lead">{body[language]}</p>"""), status);
}
