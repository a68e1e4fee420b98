using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TalentReview.Web.Security;

/// <summary>Says in the OpenAPI document how cross-site requests are refused: in the description and as a 403 on every state-changing operation.</summary>
internal static class CrossSiteOpenApi
{
    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Description = (document.Info.Description is { Length: > 0 } given ? given + "\n\n" : string.Empty)
                + "Cross-site requests: " + CrossSiteRequests.Explanation;
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var method = context.Description.HttpMethod ?? HttpMethods.Get;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                operation.Responses ??= [];
                operation.Responses.TryAdd(
                    StatusCodes.Status403Forbidden.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    new OpenApiResponse { Description = "Forbidden: the caller lacks the role, or a browser sent the request from another site. " + CrossSiteRequests.Explanation });
            }

            return Task.CompletedTask;
        });
    }
}
