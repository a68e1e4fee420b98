using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Hr;

/// <summary>A launch request as read: the settings, and the roster as imported (or every problem with it).</summary>
public sealed record LaunchInput(LaunchCycleBody Body, RosterImportResult Roster);

/// <summary>
/// Reads a launch from JSON (roster inline), multipart (a <c>settings</c> JSON part and a
/// <c>roster</c> file, CSV, Excel .xlsx or JSON) or a bare <c>text/csv</c> roster with the settings as query
/// parameters (see <see cref="FromQuery"/>). Malformed input becomes a problem that names the field.
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
                    return (null, Problems.Field("roster", "required", "Attach the roster as a file part named 'roster' (CSV, Excel .xlsx or JSON)."));
                }

                var bytes = await ReadAllAsync(file.OpenReadStream(), cancellationToken);
                var isJson = file.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                return WithRoster(body, isJson ? RosterImport.FromJson(bytes) : RosterWorkbook.IsWorkbook(bytes) ? RosterWorkbook.Import(bytes) : RosterImport.FromCsv(bytes));
            }

            if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            {
                return FromQuery(request.Query, RosterImport.FromCsv(await ReadAllAsync(request.Body, cancellationToken)));
            }
        }
        catch (JsonException exception) when (exception.Path?.EndsWith(".workingHour", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (null, Problems.Field(exception.Path.TrimStart('$', '.'), "format", "Give the working hour as HH:mm, from 00:00 to 23:59."));
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

        return (null, Problems.Field("body", "unsupportedMediaType", "Send application/json, multipart/form-data with a 'settings' part and a 'roster' file, or a text/csv roster with the settings as query parameters.", StatusCodes.Status415UnsupportedMediaType));
    }

    /// <summary>
    /// The settings of a bare CSV launch: <c>name</c> and <c>start</c> (yyyy-MM-dd) for the default plan,
    /// optional <c>cycleId</c>, <c>previousCycleId</c>, <c>hrCalibrators</c>, <c>timeZone</c> and <c>workingHour</c>, and <c>hr</c> and
    /// <c>leadership</c> as roster employee ids (comma-separated). Ids only: names and email addresses
    /// stay out of URLs and logs, so contacts come from the roster.
    /// </summary>
    private static (LaunchInput?, IResult?) FromQuery(IQueryCollection query, RosterImportResult roster)
    {
        DateOnly? start = null;
        if (query["start"].ToString() is { Length: > 0 } startText)
        {
            if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, Problems.Field("start", "format", "Give the start date as yyyy-MM-dd."));
            }

            start = parsed;
        }

        var body = new LaunchCycleBody(
            Name: Text(query, "name"),
            Start: start,
            CycleId: Text(query, "cycleId"),
            HrCalibrators: Ids(query, "hrCalibrators") is { Count: > 0 } calibrators ? calibrators : null,
            PreviousCycleId: Text(query, "previousCycleId"),
            TimeZone: Text(query, OrganisationTimeInput.ZoneField),
            WorkingHour: Text(query, OrganisationTimeInput.HourField));
        if (roster.Roster is not { } employees)
        {
            return (new LaunchInput(body, roster), null);
        }

        var hr = new List<Contact>();
        var leadership = new List<Contact>();
        foreach (var (field, contacts) in new[] { ("hr", hr), ("leadership", leadership) })
        {
            foreach (var id in Ids(query, field))
            {
                if (employees.Find(id) is not { } employee)
                {
                    return (null, Problems.Field(field, "notInRoster", $"'{id}' is not an employee id in the roster."));
                }

                contacts.Add(new Contact(employee.Id, employee.Name, employee.Email, employee.Language));
            }
        }

        return (new LaunchInput(body with { Hr = hr, Leadership = leadership }, roster), null);
    }

    /// <summary>The raw bytes, so the roster's encoding is detected (UTF-8 or Windows-1252) rather than assumed.</summary>
    private static async Task<byte[]> ReadAllAsync(Stream source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

    private static List<string> Ids(IQueryCollection query, string name)
        => [.. query[name].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

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
