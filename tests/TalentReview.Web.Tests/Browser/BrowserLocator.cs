namespace TalentReview.Web.Tests.Browser;

/// <summary>
/// Where the browser tests find a browser, the way a developer has one: a path they configured
/// (<see cref="Variable"/>, also settable in a .runsettings file), else Playwright's own installed
/// browser (tried by <see cref="BrowserSession"/>), else a chromium or Chrome on PATH.
/// </summary>
public static class BrowserLocator
{
    public const string Variable = "TALENTREVIEW_BROWSER";

    /// <summary>The names a system chromium or Chrome goes by, in the order they are preferred.</summary>
    public static IReadOnlyList<string> SystemNames { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    /// <summary>What to do when there is no browser: every way to get one, exactly.</summary>
    public static string HowToGetOne { get; } = $"""
        The browser tests found no browser. Any one of these gives them one:
          - point {Variable} at a Chromium or Chrome executable (export {Variable}=/path/to/chromium);
          - on Debian or Ubuntu, install the system chromium: sudo apt-get install chromium (./test.sh does this when run as root);
          - install Playwright's own browser: pwsh tests/TalentReview.Web.Tests/bin/Debug/net10.0/playwright.ps1 install chromium
            (after a build; pwsh is PowerShell, installable as the dotnet tool PowerShell);
          - put chromium, chromium-browser or google-chrome on PATH.
        """;

    /// <summary>The configured path, or null when none is; a configured path that is not there is an error, not a fallback.</summary>
    public static string? Configured(string? value, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return exists(value)
            ? value
            : throw new InvalidOperationException($"{Variable} is '{value}', but there is no file there. Point it at a Chromium or Chrome executable, or unset it to use the browser found otherwise.");
    }

    /// <summary>The first system browser on <paramref name="path"/> (the PATH variable), trying each name in every folder in turn.</summary>
    public static string? OnPath(string? path, Func<string, bool> exists, bool windows = false)
    {
        ArgumentNullException.ThrowIfNull(exists);
        var folders = (path ?? string.Empty).Split(windows ? ';' : ':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return SystemNames
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, windows ? name + ".exe" : name)))
            .FirstOrDefault(exists);
    }
}
