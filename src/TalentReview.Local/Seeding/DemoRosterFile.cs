using Microsoft.Extensions.Options;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Rosters;
using TalentReview.Local.Configuration;

namespace TalentReview.Local.Seeding;

/// <summary>
/// The demo organisation's roster, generated on first start into the data folder as the CSV an HR
/// export would be, so the demo cycle and a person looking at the file see the same people.
/// </summary>
public sealed class DemoRosterFile(IOptions<LocalHostOptions> options, TimeProvider time)
{
    public const string FileName = "demo-roster.csv";

    public string FilePath => Path.Combine(options.Value.FullDataFolder, FileName);

    /// <summary>Writes the roster unless it exists; a restart keeps the same people.</summary>
    public void EnsureSeeded()
    {
        if (File.Exists(FilePath))
        {
            return;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var organisation = DemoOrganisation.Generate(options.Value.DemoEmployees, options.Value.DemoSeed, today);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, organisation.ToCsv());
        File.Move(temporary, FilePath, overwrite: true);
    }

    public Roster Load()
    {
        EnsureSeeded();
        var result = RosterImport.FromCsv(File.ReadAllText(FilePath));
        return result.Roster ?? throw new InvalidDataException(
            $"{FilePath} is not a valid roster: {string.Join("; ", result.Problems.Take(5).Select(p => $"line {p.Line} {p.Field}: {p.Message}"))}");
    }
}

/// <summary>Seeds the demo organisation when the host starts, before anyone asks for it.</summary>
public sealed class DemoSeeding(DemoRosterFile roster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        roster.EnsureSeeded();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
