using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Browser;

/// <summary>A browser journey over the app with its workflow running in virtual time: one app and one browser per test.</summary>
public abstract class EngineBrowserTest : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    protected BrowserSession Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await TestApp.StartAsync(engine: true);
        Browser = await BrowserSession.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
