using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TalentReview.Domain.Demo;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage.Privacy;

public sealed class PersonalDataExportTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly ReviewStore _store = new(new InMemoryDocumentStore());
    private readonly PersonalDataExport _export;
    private readonly DemoOrganisation _organisation = DemoOrganisation.Generate(30, 3, Today);

    public PersonalDataExportTests()
        => _export = new PersonalDataExport(_store, new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_employee_gets_every_document_about_them_in_every_cycle_and_nothing_about_colleagues()
    {
        await CycleSeed.WriteAsync(_store, _organisation, "c2024", new DateOnly(2024, 9, 1), CycleState.Released);
        await CycleSeed.WriteAsync(_store, _organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Running);
        var employee = Sorted()[1];

        var export = await _export.ExportAsync(employee, Cancellation);

        Assert.Equal(employee, (string?)export["employeeId"]);
        var cycles = export["cycles"]!.AsArray();
        Assert.Equal(["c2024", "c2025"], cycles.Select(c => (string?)c!["cycleId"]));
        foreach (var cycle in cycles)
        {
            var documents = cycle!["documents"]!.AsArray();
            var kinds = documents.Select(d => (string)d!["kind"]!).ToList();
            Assert.Contains(DocumentKinds.Participant, kinds);
            Assert.Contains(DocumentKinds.Acknowledgement, kinds);
            Assert.Contains(DocumentKinds.CalibrationAudit, kinds);
            Assert.Contains(DocumentKinds.RosterChunk, kinds);
            Assert.Contains(DocumentKinds.CalibrationChunk, kinds);
            Assert.Contains(DocumentKinds.DecisionChunk, kinds);
            Assert.Contains(DocumentKinds.PreviousResults, kinds);
            Assert.Single(documents, d => (string)d!["kind"]! == DocumentKinds.Participant);
            Assert.All(documents.Where(d => (string)d!["kind"]! != DocumentKinds.Team), d => Assert.Equal(employee, EmployeeIdOf(d!["value"]!)));
        }
    }

    [Fact]
    public async Task A_manager_also_gets_the_team_that_names_them()
    {
        await CycleSeed.WriteAsync(_store, _organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Running);
        var manager = _organisation.Employees.First(e => e.ManagerId is null).Id;

        var export = await _export.ExportAsync(manager, Cancellation);

        var documents = Assert.Single(export["cycles"]!.AsArray())!["documents"]!.AsArray();
        var team = Assert.Single(documents, d => (string)d!["kind"]! == DocumentKinds.Team);
        Assert.Equal(manager, (string?)team!["value"]!["managerId"]);
        Assert.Contains(documents, d => (string)d!["kind"]! == DocumentKinds.Cycle);
    }

    [Fact]
    public async Task Someone_the_store_does_not_know_gets_an_empty_export()
    {
        await CycleSeed.WriteAsync(_store, _organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Running);

        var export = await _export.ExportAsync("nobody", Cancellation);

        Assert.Empty(export["cycles"]!.AsArray());
    }

    private List<string> Sorted() => _organisation.Employees.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>The employee a document is about: its employeeId, or a roster entry's id.</summary>
    private static string? EmployeeIdOf(JsonNode value)
        => (string?)value["employeeId"] ?? (string?)value["decision"]?["employeeId"] ?? (string?)value["contact"]?["id"] ?? (string?)value["id"];
}
