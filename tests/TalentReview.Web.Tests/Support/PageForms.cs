using System.Net;
using System.Text.RegularExpressions;

namespace TalentReview.Web.Tests.Support;

/// <summary>What a browser does with a page's form: read its anti-forgery field, post fields back.</summary>
public static partial class PageForms
{
    public static async Task<string> GetPageAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {response.StatusCode}\n{html}");
        return html;
    }

    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no anti-forgery field.");

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string? antiforgery, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        if (antiforgery is not null)
        {
            values.Add(KeyValuePair.Create("__rvt", antiforgery));
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex("name=\"__rvt\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
