using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Links;

namespace TalentReview.Web.Links;

/// <summary>A request through a verified link: the token as it came in, and what it grants.</summary>
public sealed record LinkContext(HttpContext Http, string Token, LinkClaims Claims)
{
    /// <summary>Where the page's forms post back to: the same link, so the token travels in the path, never in a query string.</summary>
    public string ActionPath => $"/l/{Token}";

    /// <summary>The browser's language; pages use the recipient's own language once they know who that is.</summary>
    public Language BrowserLanguage => Cultures.FromAcceptLanguage(Http.Request.Headers.AcceptLanguage);
}

/// <summary>The page behind one kind of link: GET only shows, POST acts (after the dispatcher checked the form's origin and size).</summary>
public interface ILinkStepHandler
{
    LinkStep Step { get; }

    Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken);

    Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken);
}
