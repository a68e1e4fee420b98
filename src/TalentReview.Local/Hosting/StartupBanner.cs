using Microsoft.Extensions.Options;
using TalentReview.Local.Configuration;

namespace TalentReview.Local.Hosting;

/// <summary>Prints where everything is once the host listens, so a person knows where to click.</summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IOptions<LocalHostOptions> options,
    IEnumerable<IStartupBannerLine> lines) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var baseUrl = configuration["Links:PublicBaseUrl"]?.TrimEnd('/');
        Console.WriteLine();
        Console.WriteLine($"TalentReview is running at {baseUrl}");
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line.Describe(baseUrl ?? string.Empty));
        }

        Console.WriteLine($"  data folder: {options.Value.FullDataFolder}");
        Console.WriteLine(LocalConfiguration.SendsToCapture(configuration)
            ? "  email: captured locally (no SendGrid key configured)"
            : "  email: sent through SendGrid");
        Console.WriteLine("Press Ctrl+C to stop; everything is kept in the data folder.");
        Console.WriteLine();
    }
}

/// <summary>One line of the start-up banner, contributed by a feature (mailbox, time control, sign-in).</summary>
public interface IStartupBannerLine
{
    string Describe(string baseUrl);
}
