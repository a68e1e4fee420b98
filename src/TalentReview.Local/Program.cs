using TalentReview.Infrastructure.Email;
using TalentReview.Infrastructure.Links;
using TalentReview.Infrastructure.Storage;
using TalentReview.Local.Configuration;
using TalentReview.Local.Hosting;
using TalentReview.Local.Mailbox;
using TalentReview.Local.Simulation;
using TalentReview.Local.TimeControl;
using TalentReview.Web;
using TalentReview.Workflow;

if (SimulateArguments.IsRequested(args))
{
    return await SimulationCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var local = builder.AddLocalConfiguration();
if (LoopbackOnly.Refusal(builder.Configuration) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 2;
}

builder.Services.AddLocalVirtualTime(local.FullDataFolder, builder.Configuration);
builder.Services.AddLocalDurableEngine(local);
builder.Services.AddLocalKeyRing(local);
builder.Services.AddTalentReviewStorage();
builder.Services.AddTalentReviewLinks();
builder.Services.AddTalentReviewEmail();
builder.Services.AddTalentReviewWorkflow();
builder.Services.AddTalentReviewWeb(builder.Configuration);
builder.Services.AddLocalDevMailbox(local.FullDataFolder, LocalConfiguration.CaptureApiKey);
builder.Services.AddLocalDevelopmentPages();

var app = builder.Build();
app.MapTalentReviewWeb();
app.MapLocalDevelopmentPages();
await app.RunAsync();
return 0;
