using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentReview.Functions.Hosting;
using TalentReview.Infrastructure.Email;
using TalentReview.Infrastructure.Links;
using TalentReview.Infrastructure.Storage;
using TalentReview.Web;
using TalentReview.Workflow;

// The same registrations as the one-machine host; the Durable Functions engine replaces the embedded one.
// In Azure the store reaches Cosmos DB with the managed identity (Storage:Cosmos:ManagedIdentityClientId),
// and the SendGrid and link-signing keys are app settings that resolve Key Vault references.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddTalentReviewFunctionsHost();
builder.Services.AddTalentReviewKeyRing(builder.Configuration);
builder.Services.AddTalentReviewStorage();
builder.Services.AddTalentReviewLinks();
builder.Services.AddTalentReviewEmail();
builder.Services.AddTalentReviewWorkflow();
builder.Services.AddTalentReviewWeb(builder.Configuration);
builder.Build().Run();
