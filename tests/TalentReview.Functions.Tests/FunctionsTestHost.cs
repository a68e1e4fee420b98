using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Functions.Hosting;
using TalentReview.Infrastructure.Email;
using TalentReview.Infrastructure.Links;
using TalentReview.Infrastructure.Storage;
using TalentReview.Web;
using TalentReview.Workflow;

namespace TalentReview.Functions.Tests;

/// <summary>The same registrations as Program.cs, on a web host like the one the Functions worker runs.</summary>
internal static class FunctionsTestHost
{
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>>? settings = null, IKeyRingCertificateSource? keyRingCertificates = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "InMemory",
            ["Links:PublicBaseUrl"] = "http://localhost:7071",
            ["Links:CurrentKeyId"] = "test",
            ["Links:Keys:test"] = Convert.ToBase64String(new byte[32]),
            ["Email:FromAddress"] = "reviews@talentreview.test",
            ["Email:SendGrid:ApiKey"] = "SG.test",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddTalentReviewFunctionsHost();
        builder.Services.AddTalentReviewKeyRing(builder.Configuration, keyRingCertificates);
        builder.Services.AddTalentReviewStorage();
        builder.Services.AddTalentReviewLinks();
        builder.Services.AddTalentReviewEmail();
        builder.Services.AddTalentReviewWorkflow();
        builder.Services.AddTalentReviewWeb(builder.Configuration);
        return builder.Build();
    }
}
