using System.Net.Http.Json;

namespace TalentReview.Local.Tests.Harness;

/// <summary>The development time control's API, as HR calls it.</summary>
public static class TimeControlClient
{
    public static async Task<ClockPosition> AdvanceAsync(this Browser browser, string to = "next-deadline")
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var response = await browser.Http.PostAsync(new Uri($"/api/dev/time/advance?to={to}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ClockPosition>())!;
    }

    public static async Task<ClockPosition> ClockAsync(this Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return (await browser.Http.GetFromJsonAsync<ClockPosition>(new Uri("/api/dev/time", UriKind.Relative)))!;
    }
}

public sealed record ClockPosition(DateTimeOffset Now, DateTimeOffset? NextTimer, DateTimeOffset? NextDeadline);
