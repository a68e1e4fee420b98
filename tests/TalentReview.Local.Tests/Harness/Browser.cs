using System.Net;
using System.Net.Http.Json;

namespace TalentReview.Local.Tests.Harness;

/// <summary>A person at a browser: keeps cookies, follows redirects, reads pages and posts their forms.</summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient client;

    public Browser(Uri baseAddress)
    {
        client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(3),
        };
    }

    public HttpClient Http => client;

    public async Task<(string Html, Uri Address)> OpenAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {html}");
        return (html, response.RequestMessage!.RequestUri!);
    }

    /// <summary>Posts the form and returns the page that follows (after a redirect, as a browser shows it).</summary>
    public async Task<(string Html, HttpStatusCode Status)> SubmitAsync(HtmlForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(form.Action), content);
        return (await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    /// <summary>Signs in on the development sign-in page as one of the configured users.</summary>
    public async Task SignInAsync(string userId)
    {
        var (html, address) = await OpenAsync("/dev/sign-in");
        var form = HtmlForm.FindAll(html, address).First(f => f.Hidden.Any(h => h.Key == "userId" && h.Value == userId));
        var (_, status) = await SubmitAsync(form, form.Hidden);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    public async Task<IReadOnlyList<MailboxEmail>> MailboxAsync()
        => await client.GetFromJsonAsync<List<MailboxEmail>>(new Uri("/dev/mailbox/messages", UriKind.Relative)) ?? [];

    public void Dispose() => client.Dispose();
}

/// <param name="CustomArgs">What the sender told the provider about the email: its cycle, kind, wave and batch.</param>
public sealed record MailboxEmail(
    long Id, DateTimeOffset ReceivedAt, MailboxAddress To, string Subject, string? Text, IReadOnlyList<string> Links, IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string>? CustomArgs = null)
{
    public bool Is(string kind) => Categories.Contains(kind);

    /// <summary>
    /// What makes an email one email (its idempotency key without the sender's secret): recipient, kind and wave; a
    /// follow-up reminder, one per plan, also names the plan's person (in its subject), as its key does.
    /// </summary>
    public string Key => $"{To.Email.ToUpperInvariant()} {CustomArgs?.GetValueOrDefault("email_kind")} {CustomArgs?.GetValueOrDefault("wave_id")}{(Is("FollowUpReminder") ? " " + Subject : string.Empty)}";
}

public sealed record MailboxAddress(string Email, string? Name);
