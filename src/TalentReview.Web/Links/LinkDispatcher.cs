using Microsoft.AspNetCore.Http;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Links;

namespace TalentReview.Web.Links;

/// <summary>Verifies a token and picks the page for its step, or the page that explains why it cannot be used.</summary>
internal sealed class LinkDispatcher(ILinkSigner signer, TimeProvider time, IEnumerable<ILinkStepHandler> handlers)
{
    private readonly Dictionary<LinkStep, ILinkStepHandler> handlersByStep = handlers.ToDictionary(h => h.Step);

    public (LinkContext? Link, IResult? Rejection, ILinkStepHandler? Handler) Resolve(HttpContext http, string token)
    {
        var language = Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
        var verification = signer.Verify(token, time.GetUtcNow());
        if (verification.Rejection == LinkRejection.Expired && verification.Claims is not null)
        {
            return (null, LinkPages.Expired(language, http, token), null);
        }

        if (!verification.IsValid || verification.Claims is null || !handlersByStep.TryGetValue(verification.Claims.Step, out var handler))
        {
            return (null, LinkPages.Invalid(language), null);
        }

        return (new LinkContext(http, token, verification.Claims), null, handler);
    }
}
