namespace TalentReview.Web.Tests.Browser;

public sealed class BrowserLocatorTests
{
    [Fact]
    public void Configured_PathThatExists_IsTheBrowser()
        => Assert.Equal("/opt/chrome/chrome", BrowserLocator.Configured("/opt/chrome/chrome", path => path == "/opt/chrome/chrome"));

    [Fact]
    public void Configured_PathThatIsNotThere_FailsNamingTheVariableAndThePath()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => BrowserLocator.Configured("/nowhere/chromium", _ => false));

        Assert.Equal("TALENTREVIEW_BROWSER is '/nowhere/chromium', but there is no file there. Point it at a Chromium or Chrome executable, or unset it to use the browser found otherwise.", failure.Message);
    }

    [Fact]
    public void Configured_Unset_LeavesTheChoiceToWhatIsInstalled()
        => Assert.Null(BrowserLocator.Configured(" ", _ => true));

    [Fact]
    public void OnPath_ChromiumLaterOnPathThanChrome_IsPreferred()
    {
        var installed = new HashSet<string>(StringComparer.Ordinal) { "/opt/google/google-chrome", "/usr/bin/chromium" };

        Assert.Equal("/usr/bin/chromium", BrowserLocator.OnPath("/usr/local/bin:/opt/google:/usr/bin", installed.Contains));
    }

    [Fact]
    public void OnPath_DebianAndUbuntuNames_AreBothFound()
    {
        Assert.Equal("/usr/bin/chromium-browser", BrowserLocator.OnPath("/usr/bin", path => path == "/usr/bin/chromium-browser"));
        Assert.Equal("/snap/bin/chromium", BrowserLocator.OnPath("/usr/bin:/snap/bin", path => path == "/snap/bin/chromium"));
    }

    [Fact]
    public void OnPath_OnWindows_ReadsSemicolonsAndExeNames()
    {
        var chrome = Path.Combine(@"C:\Chrome", "chrome.exe");

        Assert.Equal(chrome, BrowserLocator.OnPath(@"C:\Windows;C:\Chrome", path => path == chrome, windows: true));
    }

    [Fact]
    public void OnPath_NoBrowserAnywhere_IsNull()
        => Assert.Null(BrowserLocator.OnPath("/usr/bin:/bin", _ => false));

    [Fact]
    public void HowToGetOne_NamesEveryWayToGetABrowser()
    {
        Assert.Contains("export TALENTREVIEW_BROWSER=/path/to/chromium", BrowserLocator.HowToGetOne, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install chromium", BrowserLocator.HowToGetOne, StringComparison.Ordinal);
        Assert.Contains("pwsh tests/TalentReview.Web.Tests/bin/Debug/net10.0/playwright.ps1 install chromium", BrowserLocator.HowToGetOne, StringComparison.Ordinal);
    }
}
