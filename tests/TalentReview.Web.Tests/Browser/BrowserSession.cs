using Microsoft.Playwright;

namespace TalentReview.Web.Tests.Browser;

/// <summary>A headless Chromium driven by Playwright, found by <see cref="BrowserLocator"/>; every browser test starts it here.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] Arguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
    private readonly IPlaywright playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where screenshots go for a person to look at; outside the repository on purpose.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "talentreview-web-screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new BrowserSession(playwright, await LaunchAsync(playwright.Chromium));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }

    private static async Task<IBrowser> LaunchAsync(IBrowserType chromium)
    {
        if (BrowserLocator.Configured(Environment.GetEnvironmentVariable(BrowserLocator.Variable), File.Exists) is { } configured)
        {
            return await chromium.LaunchAsync(Options(configured));
        }

        try
        {
            return await chromium.LaunchAsync(Options(executablePath: null));
        }
        catch (PlaywrightException notInstalled) when (notInstalled.Message.Contains("Executable doesn't exist", StringComparison.Ordinal))
        {
            // Playwright's own browser is not installed: a system one will do.
        }

        var system = BrowserLocator.OnPath(Environment.GetEnvironmentVariable("PATH"), File.Exists, OperatingSystem.IsWindows())
            ?? throw new InvalidOperationException(BrowserLocator.HowToGetOne);
        return await chromium.LaunchAsync(Options(system));
    }

    private static BrowserTypeLaunchOptions Options(string? executablePath)
        => new() { ExecutablePath = executablePath, Headless = true, Args = Arguments };
}
