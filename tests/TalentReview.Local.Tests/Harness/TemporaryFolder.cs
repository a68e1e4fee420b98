namespace TalentReview.Local.Tests.Harness;

/// <summary>A fresh data folder for one test, removed afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("talentreview-local-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed host may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
