using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using TalentReview.Web.Security;

namespace TalentReview.Web.Talent.Succession;

/// <summary>Reading the talent pages' forms: bounded, with a valid anti-forgery token, values trimmed.</summary>
internal static class TalentForms
{
    /// <summary>The form, or null when it is too large, malformed or lacks a valid anti-forgery token.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(http.Request, cancellationToken);
        return read.Form is not null && await antiforgery.IsRequestValidAsync(http) ? read.Form : null;
    }

    public static Dictionary<string, string> Values(IFormCollection form, params string[] fields)
        => fields.ToDictionary(f => f, f => form[f].ToString().Trim(), StringComparer.Ordinal);

    /// <summary>A choice as its name; null (which the use case refuses, naming the field) when empty or unknown.</summary>
    public static TEnum? Enum<TEnum>(string value)
        where TEnum : struct, System.Enum
        => System.Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}

/// <summary>303 See Other: after a POST, the browser GETs the page, so a reload does not post again.</summary>
internal sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
