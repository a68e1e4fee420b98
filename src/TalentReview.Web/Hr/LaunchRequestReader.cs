using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TalentReview.Domain.Rosters;

namespace TalentReview.Web.Hr;

/// <summary>A launch request as read: the settings, and the roster as imported (or every problem with it).</summary>
public sealed record LaunchInput(LaunchCycleBody Body, RosterImportResult Roster);

/// <summary>
/// Reads a launch from JSON (roster inline) or multipart (a <c>settings</c> JSON part and a
/// <c>roster</c> file, CSV or JSON). Malformed input becomes a problem that names the field.
/// </summary>
public sealed class LaunchRequestReader(IOptions<JsonOptions> json)
{
    /// <summary>Large enough for a roster of 200,000 employees as CSV.</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public async Task<(LaunchInput? Input, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.Field("body", "tooLarge", $"The request is larger than {MaxBodyBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            if (request.HasJsonContentType())
            {
                var body = await JsonSerializer.DeserializeAsync<LaunchCycleBody>(request.Body, json.Value.SerializerOptions, cancellationToken);
                return body is null ? (null, Problems.Field("body", "required", "Send the launch settings as JSON.")) : WithRoster(body, null);
            }

            if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = MaxBodyBytes, ValueCountLimit = 16 }));
                var form = await request.ReadFormAsync(cancellationToken);
                var settings = form["settings"].ToString();
                var body = string.IsNullOrWhiteSpace(settings)
                    ? new LaunchCycleBody()
                    : JsonSerializer.Deserialize<LaunchCycleBody>(settings, json.Value.SerializerOptions) ?? new LaunchCycleBody();
                if (form.Files.GetFile("roster") is not { } file)
                {
                    return (null, Problems.Field("roster", "required", "Attach the roster as a file part named 'roster' (CSV or JSON)."));
                }

                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                var text = await reader.ReadToEndAsync(cancellationToken);
                var isJson = file.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                return WithRoster(body, isJson ? RosterImport.FromJson(text) : RosterImport.FromCsv(text));
            }
        }
        catch (JsonException exception)
        {
            return (null, Problems.Field(string.IsNullOrEmpty(exception.Path) ? "body" : exception.Path.TrimStart('$', '.'), "malformedJson", "This value is not valid JSON of the expected shape."));
        }
        catch (InvalidDataException)
        {
            return (null, Problems.Field("body", "malformed", "The multipart body is malformed or too large."));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, Problems.Field("body", "malformed", "The request body could not be read.", exception.StatusCode));
        }

        return (null, Problems.Field("body", "unsupportedMediaType", "Send application/json, or multipart/form-data with a 'settings' part and a 'roster' file.", StatusCodes.Status415UnsupportedMediaType));
    }

    private static (LaunchInput?, IResult?) WithRoster(LaunchCycleBody body, RosterImportResult? fromFile)
    {
        var roster = fromFile
            ?? (body.Roster is { ValueKind: JsonValueKind.Array or JsonValueKind.Object } inline ? RosterImport.FromJson(inline.GetRawText())
                : body.RosterCsv is { Length: > 0 } csv ? RosterImport.FromCsv(csv)
                : null);
        return roster is null
            ? (null, Problems.Field("roster", "required", "Give the roster: 'roster' (a JSON array of employees) or 'rosterCsv' (CSV text)."))
            : (new LaunchInput(body, roster), null);
    }
}
