using System.Globalization;

namespace TalentReview.Local.TimeControl;

/// <summary>
/// Where the local host's virtual clock stood, kept in the data folder so that a restart resumes
/// at the same virtual moment: the engine's timers and the store's dates are in virtual time.
/// </summary>
public sealed class VirtualClockFile(string dataFolder)
{
    public const string FileName = "virtual-clock.txt";

    private readonly string path = Path.Combine(dataFolder, FileName);

    /// <summary>The saved position, or null on first start.</summary>
    public DateTimeOffset? Load()
        => File.Exists(path)
            ? DateTimeOffset.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    /// <summary>
    /// Replaces the file in one move, so a crash mid-write never leaves half a date; the new content is on the
    /// disk before the move, so a power cut cannot leave an empty file either.
    /// </summary>
    public void Save(DateTimeOffset position)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(position.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
