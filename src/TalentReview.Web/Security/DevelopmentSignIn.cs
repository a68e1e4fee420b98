using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TalentReview.Domain;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Security;

/// <summary>
/// The one-machine host's sign-in: a page listing the configured users; choosing one signs in as
/// them with a cookie. Mapped only when <see cref="AuthenticationMode.DevelopmentSignIn"/> is set.
/// </summary>
internal static class DevelopmentSignIn
{
    public const string Scheme = "TalentReview.DevSignIn";
    public const string Path = "/dev/sign-in";
    public const string SignOutPath = "/dev/sign-out";

    /// <summary>Where a signed-in person lands on a page their roles do not open: the sign-in page again, saying why.</summary>
    public const string DeniedPath = "/dev/sign-in/denied";

    private static readonly Phrase Title = new("Aanmelden (ontwikkeling)", "Connexion (développement)", "Sign in (development)");
    private static readonly Phrase Intro = new(
        "Kies als wie u zich aanmeldt. Deze pagina bestaat alleen op de lokale installatie.",
        "Choisissez sous quelle identité vous connecter. Cette page n'existe que sur l'installation locale.",
        "Choose who to sign in as. This page only exists on the local installation.");
    private static readonly Phrase Denied = new(
        "U bent aangemeld als {0}, die deze pagina niet mag openen. Meld u aan als iemand met de juiste rol.",
        "Vous êtes connecté en tant que {0}, qui ne peut pas ouvrir cette page. Connectez-vous sous une identité qui a le rôle voulu.",
        "You are signed in as {0}, who may not open this page. Sign in as someone with the role it needs.");
    private static readonly Phrase SignInAs = new("Aanmelden als {0}", "Se connecter en tant que {0}", "Sign in as {0}");

    public static void MapDevelopmentSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ShowPage).ExcludeFromDescription();
        routes.MapGet(DeniedPath, ShowDeniedPage).ExcludeFromDescription();
        routes.MapPost(Path, SignInAsync).ExcludeFromDescription();
        routes.MapPost(SignOutPath, SignOutAsync).ExcludeFromDescription();
    }

    private static HtmlPage ShowPage(HttpContext http, IOptions<WebAuthenticationOptions> options, string? returnUrl)
        => SignInPage(http, options, returnUrl, denied: false);

    private static HtmlPage ShowDeniedPage(HttpContext http, IOptions<WebAuthenticationOptions> options, string? returnUrl)
        => SignInPage(http, options, returnUrl, denied: true);

    private static HtmlPage SignInPage(HttpContext http, IOptions<WebAuthenticationOptions> options, string? returnUrl, bool denied)
    {
        var language = Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
        var users = options.Value.Users.Select(user => H.Html($"""
            <li><form method="post" action="{Path}">
            {AntiforgeryField.For(http)}
            <input type="hidden" name="userId" value="{user.Id}">
            <input type="hidden" name="returnUrl" value="{SafeReturnUrl(returnUrl)}">
            <button type="submit">{SignInAs.Format(language, user.Name)}</button>
            <span class="hint">{string.Join(", ", user.Roles)}</span>
            </form></li>
            """));
        var lead = denied ? Denied.Format(language, http.User.Identity?.Name ?? string.Empty) : Intro[language];
        return new HtmlPage(language, Title[language], H.Html($"""
            <p class="lead">{lead}</p>
            <ul class="signin">{users}</ul>
            """), denied ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IOptions<WebAuthenticationOptions> options, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = options.Value.Users.FirstOrDefault(u => u.Id == form["userId"].ToString());
        if (user is null)
        {
            return Results.BadRequest();
        }

        var identity = new ClaimsIdentity(Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Name));
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(SafeReturnUrl(form["returnUrl"]));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        await http.SignOutAsync(Scheme);
        return Results.LocalRedirect(Path);
    }

    /// <summary>Only paths on this site, so the sign-in page cannot be used to send people elsewhere.</summary>
    private static string SafeReturnUrl(string? returnUrl)
        => returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
