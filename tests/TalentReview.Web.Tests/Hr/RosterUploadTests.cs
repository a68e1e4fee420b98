using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Hr;

/// <summary>Rosters as HR has them (Excel in Belgium), the template to start from, and contacts checked on every launch path.</summary>
public sealed class RosterUploadTests : IAsyncLifetime
{
    private const string BelgianRoster =
        "id;name;email;managerId;department;jobTitle;level;hireDate;contractType;status;language;location\r\n"
        + "E1;Hélène Lefèvre;helene.lefevre@meridia.example;;Direction;Directrice générale;L9;04/01/2010;permanent;active;fr;Liège\r\n"
        + "E2;Jean-François Müller;jean-francois.muller@meridia.example;E1;Ventes;Gestionnaire de comptes;L3;15/03/2021;permanent;active;fr;Namur\r\n"
        + "E3;Anke Peeters;anke.peeters@meridia.example;E1;Ventes;Verkoper;L2;01/09/2022;permanent;active;nl;Gent\r\n";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient HrClient(string? acceptLanguage = null)
    {
        var client = app.CreateClient(acceptLanguage);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private static string Settings(string email = "hanne.peeters@meridia.example") => JsonSerializer.Serialize(new
    {
        name = "Revue 2026",
        start = "2026-01-05",
        cycleId = "be2026",
        hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email, language = "Nl" } },
        leadership = new[] { new { id = "lead-1", name = "Luc Janssens", email = "luc.janssens@meridia.example", language = "Nl" } },
    });

    private static MultipartFormDataContent Upload(byte[] roster, string settings)
    {
        var file = new ByteArrayContent(roster);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { new StringContent(settings), "settings" }, { file, "roster", "roster.csv" } };
    }

    [Fact]
    public async Task A_roster_saved_by_excel_in_belgium_launches_with_the_names_spelled_right()
    {
        using var client = HrClient();
        using var content = Upload(Windows1252.GetBytes(BelgianRoster), Settings());

        using var response = await client.PostAsync("/api/cycles", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cycle = await app.Reviews.GetCycleAsync("be2026");
        var roster = await app.Reviews.ReadRosterAsync(cycle!);
        Assert.Equal(["Hélène Lefèvre", "Jean-François Müller", "Anke Peeters"], roster.Select(e => e.Name));
    }

    [Fact]
    public async Task A_bare_csv_roster_in_windows1252_launches_with_the_names_spelled_right()
    {
        using var client = HrClient();
        using var body = new ByteArrayContent(Windows1252.GetBytes(BelgianRoster));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await client.PostAsync("/api/cycles?name=Revue&start=2026-01-05&cycleId=bare2026&hr=E1&leadership=E1", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cycle = await app.Reviews.GetCycleAsync("bare2026");
        Assert.Equal("Hélène Lefèvre", Assert.Single(cycle!.Hr).Name);
        Assert.Contains("Jean-François Müller", (await app.Reviews.ReadRosterAsync(cycle)).Select(e => e.Name));
    }

    [Fact]
    public async Task A_roster_that_is_no_known_text_encoding_is_refused_with_line_1_and_launches_nothing()
    {
        var bytes = Windows1252.GetBytes(BelgianRoster);
        bytes[BelgianRoster.IndexOf('ç', StringComparison.Ordinal)] = 0x81;
        using var client = HrClient();
        using var content = Upload(bytes, Settings());

        using var response = await client.PostAsync("/api/cycles", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var only = Assert.Single(problem.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(1, only.GetProperty("line").GetInt32());
        Assert.Contains("save it again as CSV UTF-8", only.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task An_invalid_contact_email_in_a_multipart_launch_names_the_contact_and_field_and_launches_nothing()
    {
        using var client = HrClient();
        using var content = Upload(Encoding.UTF8.GetBytes(BelgianRoster), Settings(email: "hanne.peeters at meridia"));

        using var response = await client.PostAsync("/api/cycles", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = problem.RootElement.GetProperty("errors").GetProperty("hr[0].email");
        Assert.Equal("'hanne.peeters at meridia' is not a valid email address.", error[0].GetString());
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task An_invalid_contact_email_in_a_json_launch_is_refused_like_a_roster_email()
    {
        using var client = HrClient();
        var body = JsonSerializer.Serialize(new
        {
            name = "Revue 2026",
            start = "2026-01-05",
            rosterCsv = BelgianRoster,
            hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
            leadership = new[] { new { id = "lead-1", name = "Luc Janssens", email = "", language = "Nl" } },
        });

        using var response = await client.PostAsync("/api/cycles", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Contact 1 of leadership has no email address.", problem.RootElement.GetProperty("errors").GetProperty("leadership[0].email")[0].GetString());
        Assert.Equal(0, app.Store.Count);
    }

    [Theory]
    [InlineData("fr-BE", null, ';')]
    [InlineData("nl-BE", null, ';')]
    [InlineData("en-GB", null, ',')]
    [InlineData("fr-BE", "comma", ',')]
    public async Task The_roster_template_downloads_with_the_separator_the_reader_expects(string language, string? separator, char expected)
    {
        using var client = HrClient(language);

        using var response = await client.GetAsync("/api/rosters/template" + (separator is null ? string.Empty : $"?separator={separator}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("roster-template.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFid" + expected + "name" + expected + "email", text, StringComparison.Ordinal);
        Assert.Contains("Hélène Dubois", text, StringComparison.Ordinal);
    }
}
