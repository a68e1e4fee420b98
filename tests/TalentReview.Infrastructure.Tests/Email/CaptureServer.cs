using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentReview.MailCapture;

namespace TalentReview.Infrastructure.Tests.Email;

/// <summary>The capture endpoint on Kestrel, on a free port of 127.0.0.1, for one test.</summary>
public sealed class CaptureServer : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key";

    private readonly WebApplication _app;

    private CaptureServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Mailbox = app.Services.GetRequiredService<CaptureMailbox>();
        Faults = app.Services.GetRequiredService<CaptureFaults>();
    }

    public Uri Address { get; }

    public CaptureMailbox Mailbox { get; }

    public CaptureFaults Faults { get; }

    public static async Task<CaptureServer> StartAsync(int mailboxCapacity = 10_000)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSendGridCapture(options =>
        {
            options.ApiKeys.Add(ApiKey);
            options.MailboxCapacity = mailboxCapacity;
        });
        var app = builder.Build();
        app.MapSendGridCapture();
        app.MapSendGridActivity();
        app.MapDevMailbox();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CaptureServer(app, new Uri(address));
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
