using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Errors;

/// <summary>
/// The answer to any exception a request did not handle, never a blank 500: a store that cannot be
/// used for now (a full or read-only disk, see <see cref="IStoreOutageDescriber"/>) answers 503 with
/// Retry-After and what is wrong; anything else 500 with a reference to find it in the log. Browsers
/// get a page in their language, everything else RFC 9457 problem details.
/// </summary>
internal sealed partial class ExceptionAnswers(IEnumerable<IStoreOutageDescriber> describers, IProblemDetailsService problems, ILogger<ExceptionAnswers> logger) : IExceptionHandler
{
    private const string RetryAfterSeconds = "60";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        // A request the framework could not read (in Development it throws instead of answering 400) keeps its own status.
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "The request is not valid.", Detail = bad.Message },
            });
        }

        var reference = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        var outage = StoreOutages.Find(describers, exception);
        if (outage is { } known)
        {
            LogOutage(logger, StoreOutages.Describe(known), httpContext.Request.Path, exception);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else
        {
            LogFailure(logger, httpContext.Request.Path, reference, exception);
        }

        var status = outage is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
        if (WantsPage(httpContext.Request))
        {
            var language = Cultures.FromAcceptLanguage(httpContext.Request.Headers.AcceptLanguage);
            await Page(language, outage, reference, status).ExecuteAsync(httpContext);
            return true;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = outage is { } down
                ? new ProblemDetails { Status = status, Title = "The store is unavailable for now.", Detail = $"{StoreOutages.Describe(down)} It recovers by itself once this is fixed; try again later.", Extensions = { ["outage"] = down.ToString() } }
                : new ProblemDetails { Status = status, Title = "The request failed.", Detail = $"Nothing was changed by the part that failed; give this reference to support: {reference}.", Extensions = { ["reference"] = reference } },
        });
    }

    /// <summary>A browser navigating (not a script, not the JSON API) reads a page.</summary>
    private static bool WantsPage(HttpRequest request)
        => !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static HtmlPage Page(Domain.Language language, StoreOutage? outage, string reference, int status) => outage is { } known
        ? new HtmlPage(language, ErrorTexts.UnavailableTitle[language], H.Html($"""
            <div class="notice bad" role="alert"><p>{ErrorTexts.UnavailableBody[language]}</p>
            <p>{ErrorTexts.CauseLabel[language]}: {ErrorTexts.Cause(known)[language]}</p></div>
            """), status)
        : new HtmlPage(language, ErrorTexts.ErrorTitle[language], H.Html($"""
            <div class="notice bad" role="alert"><p>{ErrorTexts.ErrorBody.Format(language, reference)}</p></div>
            """), status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable while answering {Path}: {Outage} Answered 503.")]
    private static partial void LogOutage(ILogger logger, string outage, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed (reference {Reference}); answered 500.")]
    private static partial void LogFailure(ILogger logger, PathString path, string reference, Exception exception);

    /// <summary>First in the pipeline, so whatever fails after it is answered by <see cref="ExceptionAnswers"/>.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseExceptionHandler();
            next(app);
        };
    }
}
