using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Web.Localization;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Workflow.Links;

namespace TalentReview.Web.Links;

/// <summary>
/// <c>/l/{token}</c>: the one address every emailed link points to. GET verifies the token and shows
/// the step's page, and never changes anything (mail scanners open links); POST checks the form's
/// size and origin before the step acts on it.
/// </summary>
internal static class LinkEndpoints
{
    private const string TokenRoute = "/l/{token:maxlength(2048)}";

    public static void MapLinkPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(TokenRoute, ShowAsync).ExcludeFromDescription();
        routes.MapPost(TokenRoute, SubmitAsync).ExcludeFromDescription();
        routes.MapPost(TokenRoute + "/renew", RenewAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, LinkDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var (link, rejection, handler) = dispatcher.Resolve(http, token);
        return handler is null ? rejection! : await handler.ShowAsync(link!, cancellationToken);
    }

    private static async Task<IResult> SubmitAsync(
        string token, HttpContext http, LinkDispatcher dispatcher, BoundedFormReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (link, rejection, handler) = dispatcher.Resolve(http, token);
        if (handler is null)
        {
            return rejection!;
        }

        var language = link!.BrowserLanguage;
        var read = await reader.ReadAsync(http.Request, cancellationToken);
        if (read.Form is null)
        {
            return LinkPages.FormRejected(language, read.Failure, token);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return LinkPages.Forgery(language, token);
        }

        return await handler.SubmitAsync(link, read.Form, cancellationToken);
    }

    private static async Task<IResult> RenewAsync(
        string token,
        HttpContext http,
        ILinkSigner signer,
        TimeProvider time,
        BoundedFormReader reader,
        IAntiforgery antiforgery,
        ILinkRenewal renewal,
        RequestLimiter limiter,
        CancellationToken cancellationToken)
    {
        var language = Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
        var verification = signer.Verify(token, time.GetUtcNow());
        if (verification.Claims is null || verification.Rejection is not (LinkRejection.Expired or LinkRejection.None))
        {
            return LinkPages.Invalid(language);
        }

        var read = await reader.ReadAsync(http.Request, cancellationToken);
        if (read.Form is null)
        {
            return LinkPages.FormRejected(language, read.Failure, token);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return LinkPages.Forgery(language, token);
        }

        // A link that still works needs no new one; each request sends an email, so each is limited per link and per recipient
        // before anything is looked up. Otherwise the same answer whether or not a link was sent: the page reveals nothing about the step.
        var claims = verification.Claims;
        if (verification.Rejection == LinkRejection.Expired)
        {
            var wait = limiter.TryAcquire(RequestLimit.LinkRenewalPerLink, $"{claims.CycleId}/{claims.Step}/{claims.SubjectId}/{claims.RecipientId}/{claims.Nonce}")
                ?? limiter.TryAcquire(RequestLimit.LinkRenewalPerRecipient, $"{claims.CycleId}/{claims.RecipientId}");
            if (wait is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = RequestLimiter.RetryAfterSeconds(retryAfter);
                return LinkPages.TooManyRenewals(language, retryAfter);
            }

            await renewal.RequestNewLinkAsync(claims, cancellationToken);
        }

        return LinkPages.NewLinkRequested(language);
    }
}
