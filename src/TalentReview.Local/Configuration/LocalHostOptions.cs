using System.ComponentModel.DataAnnotations;

namespace TalentReview.Local.Configuration;

/// <summary>The local host's own settings, at the root of the configuration (e.g. <c>--DataFolder /tmp/x</c>).</summary>
public sealed class LocalHostOptions
{
    /// <summary>Where the engine, the store, the mailbox, the virtual clock and the dev signing key live.</summary>
    [Required]
    public string DataFolder { get; set; } = ".local-data";

    /// <summary>The port on 127.0.0.1 when no <c>--urls</c> is given.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>Employees in the demo organisation seeded on first start.</summary>
    [Range(2, 10_000)]
    public int DemoEmployees { get; set; } = 120;

    /// <summary>Seed of the demo organisation: the same seed gives the same people.</summary>
    public int DemoSeed { get; set; } = 2026;

    public string FullDataFolder => Path.GetFullPath(DataFolder);
}
