using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalentReview.Domain;
using TalentReview.Infrastructure.Email;
using TalentReview.Infrastructure.Links;
using TalentReview.MailCapture;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Bench;

/// <summary>
/// A wave of 10,000 self-assessment invitations (Belgian language mix, real signed links) rendered
/// and sent through the SendGrid adapter to the capture endpoint on Kestrel over real HTTP.
/// </summary>
internal sealed class EmailSuite : IBenchSuite
{
    private const int WaveSize = 10_000;
    private const string ApiKey = "SG.bench";
    private const string CycleId = "bench-cycle";

    public string Name => "email";

    public async Task RunAsync(string[] args, FigureWriter figures)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSendGridCapture(o =>
        {
            o.ApiKeys.Add(ApiKey);
            o.MailboxCapacity = WaveSize;
        });
        await using var app = builder.Build();
        app.MapSendGridCapture();
        await app.StartAsync();
        var host = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var mailbox = app.Services.GetRequiredService<CaptureMailbox>();

        var store = new InMemoryDocumentStore();
        var options = new EmailOptions { FromAddress = "talentreview@example.be", SendGrid = new SendGridSettings { ApiKey = ApiKey, Host = host } };
        using var sender = new SendGridEmailSender(Options.Create(options), store, TimeProvider.System, NullLogger<SendGridEmailSender>.Instance);

        await sender.SendWaveAsync(Wave("warm-up", 500), CancellationToken.None);
        mailbox.Clear();
        var documentsBefore = store.Count;
        var wave = Wave("invite-1", WaveSize);

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await sender.SendWaveAsync(wave, CancellationToken.None);
        clock.Stop();
        process.Refresh();

        var bytes = mailbox.Requests().Where(r => r.StatusCode == 202).Sum(r => r.Bytes);
        figures.Write("email.calls_per_1000", result.ApiCalls * 1000.0 / WaveSize, "calls");
        figures.Write("email.bytes_per_1000", bytes * 1000.0 / WaveSize, "bytes");
        figures.Write("email.wave_10k_ms", clock.Elapsed.TotalMilliseconds, "ms");

        // CPU time of adapter and capture endpoint together (one process): steadier than wall time on a shared machine.
        figures.Write("email.wave_10k_cpu_ms", (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, "ms");
        figures.Write("email.wave_10k_delivered", mailbox.Count, "emails");
        figures.Write("email.dedupe_documents_per_1000", (store.Count - documentsBefore) * 1000.0 / WaveSize, "documents");
        await app.StopAsync();
    }

    /// <summary>About 55% Dutch, 40% French and 5% English, each with a real signed link.</summary>
    private static EmailWave Wave(string waveId, int size)
    {
        var linkOptions = new LinkSigningOptions { PublicBaseUrl = new Uri("https://talentreview.example.be"), CurrentKeyId = "bench" };
        linkOptions.Keys["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var signer = new SealedLinkSigner(Options.Create(linkOptions));
        var deadline = new DateTimeOffset(2026, 3, 15, 16, 0, 0, TimeSpan.Zero);
        var messages = Enumerable.Range(1, size).Select(i =>
        {
            var language = (i % 20) switch { < 11 => Language.Nl, < 19 => Language.Fr, _ => Language.En };
            var personId = $"E{i:D6}";
            var link = signer.CreateLink(new LinkClaims(CycleId, personId, personId, LinkStep.SelfAssessment, deadline.AddDays(14), "n1"));
            var content = new SelfAssessmentInvitation(link, DateOnly.FromDateTime(deadline.UtcDateTime));
            return new EmailMessage(new EmailRecipient(personId, $"employee{i}@example.be", $"Employee {i}", language), content)
            {
                DedupeKey = EmailMessage.CreateDedupeKey(CycleId, personId, content.Kind, waveId),
            };
        }).ToList();
        return new EmailWave(CycleId, "Talent review 2026", waveId, messages);
    }
}
