using TalentReview.Local.Configuration;
using TalentReview.Local.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddLocalConfiguration();
builder.Services.AddHostedService<StartupBanner>();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.Run();
