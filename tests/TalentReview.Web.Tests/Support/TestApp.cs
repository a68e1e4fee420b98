using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Embedded;
using TalentReview.Durable.Embedded.Time;
using TalentReview.Infrastructure.Email;
using TalentReview.Infrastructure.Links;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.MailCapture;
using TalentReview.Web;
using TalentReview.Workflow;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Support;

/// <summary>
/// The web layer on Kestrel (127.0.0.1, a free port) with the in-memory store, the real link signer
/// and SendGrid sender, and a SendGrid capture endpoint on its own port. With <c>engine: true</c>
/// the embedded durable engine runs the workflow on a virtual clock; otherwise a substitute
/// <see cref="DurableTaskClient"/> records the events the use cases raise.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string PublicBaseUrl = "http://talentreview.test";
    private const string CaptureKey = "capture-key";

    private readonly WebApplication capture;
    private readonly WebApplication app;

    private TestApp(WebApplication capture, WebApplication app, VirtualTimeProvider clock, InMemoryDocumentStore store, DurableTaskClient? substitute)
    {
        this.capture = capture;
        this.app = app;
        Clock = clock;
        Store = store;
        ClientSubstitute = substitute;
        BaseAddress = AddressOf(app);
    }

    /// <summary>Makes the substituted client report the cycle's workflow as <paramref name="status"/> (null: there is none).</summary>
    public void WorkflowIs(string cycleId, OrchestrationRuntimeStatus? status)
    {
        var instanceId = InstanceIds.Cycle(cycleId);
        var instance = status is { } known ? new OrchestrationMetadata(nameof(Workflow.Cycle.ReviewCycleOrchestration), instanceId) { RuntimeStatus = known, DataConverter = DurablePayloads.Converter } : null;
        ClientSubstitute!.GetInstanceAsync(instanceId, Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(instance);
        ClientSubstitute!.GetInstanceAsync(instanceId, Arg.Any<CancellationToken>()).Returns(instance);
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public Uri BaseAddress { get; }

    public VirtualTimeProvider Clock { get; }

    public InMemoryDocumentStore Store { get; }

    /// <summary>The recording client, when the engine does not run.</summary>
    public DurableTaskClient? ClientSubstitute { get; }

    public IServiceProvider Services => app.Services;

    public ReviewStore Reviews => app.Services.GetRequiredService<ReviewStore>();

    public ILinkSigner Signer => app.Services.GetRequiredService<ILinkSigner>();

    public WorkflowLinks Links => app.Services.GetRequiredService<WorkflowLinks>();

    public CaptureMailbox Mailbox => capture.Services.GetRequiredService<CaptureMailbox>();

    public EmbeddedDurableEngine Engine => app.Services.GetRequiredService<EmbeddedDurableEngine>();

    /// <param name="storeInFront">Wraps the in-memory store, for a test that makes the store fail.</param>
    /// <param name="configureServices">Changes the app's services last, for a test of one framework setting.</param>
    public static async Task<TestApp> StartAsync(
        bool engine = false, IDictionary<string, string?>? settings = null, Func<IDocumentStore, IDocumentStore>? storeInFront = null, Action<IServiceCollection>? configureServices = null)
    {
        var captureBuilder = WebApplication.CreateSlimBuilder();
        captureBuilder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        captureBuilder.Logging.ClearProviders();
        captureBuilder.Services.AddSendGridCapture(o => o.ApiKeys.Add(CaptureKey));
        var capture = captureBuilder.Build();
        capture.MapSendGridCapture();
        await capture.StartAsync();

        var clock = new VirtualTimeProvider(Start);
        var store = new InMemoryDocumentStore();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:PublicBaseUrl"] = PublicBaseUrl,
            ["Links:CurrentKeyId"] = "k1",
            ["Links:Keys:k1"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Email:FromAddress"] = "hr@meridia.example",
            ["Email:SendGrid:ApiKey"] = CaptureKey,
            ["Email:SendGrid:Host"] = AddressOf(capture).ToString(),
            ["TalentReview:Web:Authentication:Mode"] = "AppService",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var services = builder.Services;
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(storeInFront?.Invoke(store) ?? store);
        services.AddTalentReviewWorkflow();
        services.AddTalentReviewLinks();
        services.AddTalentReviewEmail();
        DurableTaskClient? substitute = null;
        if (engine)
        {
            services.AddEmbeddedDurableEngine(r => r.AddTalentReviewWorkflow(), o => o.TimeProvider = clock);
        }
        else
        {
            substitute = Substitute.For<DurableTaskClient>("substitute");
            services.AddSingleton(substitute);
        }

        services.AddTalentReviewWeb(builder.Configuration);
        services.AddSingleton<IStoreOutageDescriber, SqliteOutageDescriber>();
        configureServices?.Invoke(services);
        var app = builder.Build();
        app.MapTalentReviewWeb();
        await app.StartAsync();
        return new TestApp(capture, app, clock, store, substitute);
    }

    /// <summary>A client that does not follow redirects (tests look at them) and keeps cookies like a browser.</summary>
    public HttpClient CreateClient(string? acceptLanguage = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    /// <summary>The path of a link as emailed (its public host replaced by this server).</summary>
    public static string PathOf(Uri link) => link.AbsolutePath;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await capture.StopAsync();
        await capture.DisposeAsync();
    }

    private static Uri AddressOf(WebApplication application)
        => new(application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
