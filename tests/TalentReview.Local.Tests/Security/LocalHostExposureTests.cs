using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using TalentReview.Local.Hosting;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests.Security;

/// <summary>The local host's development pages have no real sign-in: it listens on loopback only, and refuses writes from other sites.</summary>
public sealed class LocalHostExposureTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.2:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("https://review.example.be", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback)
        => Assert.Equal(loopback, LoopbackOnly.IsLoopback(address));

    [Fact]
    public void A_kestrel_endpoint_on_every_interface_is_refused_with_the_address_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5080",
            ["Kestrel:Endpoints:Public:Url"] = "http://0.0.0.0:8080",
        }).Build();

        var refusal = LoopbackOnly.Refusal(configuration);

        Assert.NotNull(refusal);
        Assert.Contains("http://0.0.0.0:8080", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:5080,", refusal, StringComparison.Ordinal);
        Assert.Null(LoopbackOnly.Refusal(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://localhost:5080" }).Build()));
    }

    [Fact]
    public async Task The_host_does_not_start_on_every_interface_and_says_why()
    {
        using var data = new TemporaryFolder();
        var port = FreePort();

        var (exitCode, output) = await LocalHostProcess.RunToCompletionAsync(data.Path, TimeSpan.FromMinutes(2), "--urls", $"http://0.0.0.0:{port}", "--DataFolder", data.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"does not start on http://0.0.0.0:{port}", output, StringComparison.Ordinal);
        Assert.Contains("listens on loopback only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_control_refuses_an_advance_a_browser_sends_from_another_site()
    {
        using var data = new TemporaryFolder();
        await using var host = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning);
        using var hr = new Browser(host.BaseAddress);
        await hr.SignInAsync("hr");
        var before = await hr.ClockAsync();

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/dev/time/advance?to=days&days=30");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var refused = await hr.Http.SendAsync(crossSite, TestContext.Current.CancellationToken);
        var afterRefusal = await hr.ClockAsync();
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/dev/time/advance?to=days&days=30");
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var accepted = await hr.Http.SendAsync(sameSite, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(afterRefusal.Now - before.Now < TimeSpan.FromDays(1), $"The clock moved from {before.Now} to {afterRefusal.Now}.");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
