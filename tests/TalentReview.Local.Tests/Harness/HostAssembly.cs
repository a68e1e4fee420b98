namespace TalentReview.Local.Tests.Harness;

/// <summary>
/// Finds TalentReview.Local.dll: the project reference copies it next to the tests, with its
/// runtimeconfig and deps files, so <c>dotnet TalentReview.Local.dll</c> runs from there.
/// </summary>
public static class HostAssembly
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var candidate = System.IO.Path.Combine(AppContext.BaseDirectory, "TalentReview.Local.dll");
        var runtimeConfig = System.IO.Path.ChangeExtension(candidate, ".runtimeconfig.json");
        if (File.Exists(candidate) && File.Exists(runtimeConfig))
        {
            return candidate;
        }

        throw new FileNotFoundException($"TalentReview.Local.dll with its runtimeconfig was not found next to the tests in {AppContext.BaseDirectory}.");
    }
}
