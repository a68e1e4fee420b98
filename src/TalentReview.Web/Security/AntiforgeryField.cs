using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Web.Html;

namespace TalentReview.Web.Security;

internal static class AntiforgeryField
{
    /// <summary>The hidden field every posting form carries; also issues the matching cookie on this response.</summary>
    public static Markup For(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return H.Html($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }
}
