using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Local.Configuration;
using TalentReview.Local.Hosting;
using TalentReview.Local.Tests.Harness;
using TalentReview.Local.TimeControl;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.Tests;

/// <summary>/health reports the store, the engine and the disk as they are, and a disk that fails does not stop the host.</summary>
public sealed class HealthTests
{
    private static readonly IStoreOutageDescriber[] Describers = [new SqliteOutageDescriber()];

    [Fact]
    public async Task The_store_check_says_the_disk_is_full_when_the_store_cannot_write_and_healthy_once_it_can()
    {
        var store = Substitute.For<IDocumentStore>();
        store.UpsertAsync(Arg.Any<DocumentKey>(), Arg.Any<string>(), Arg.Any<object>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13), _ => Task.FromResult("\"etag\""));
        var check = new StoreHealthCheck(store, new FakeTimeProvider(PinnedClock.MondayMorning), Describers);

        var full = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        var back = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal((HealthStatus.Unhealthy, "The store cannot write: The disk that holds the data is full."), (full.Status, full.Description));
        Assert.Equal(HealthStatus.Healthy, back.Status);
    }

    [Fact]
    public async Task The_engine_check_is_unhealthy_when_its_database_cannot_be_opened_and_healthy_when_it_takes_writes()
    {
        using var data = new TemporaryFolder();
        var check = new EngineHealthCheck(Options.Create(new LocalHostOptions { DataFolder = data.Path }), Describers);

        var missing = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        await using (var engine = new SqliteConnection($"Data Source={Path.Combine(data.Path, LocalHostRegistration.EngineFileName)}"))
        {
            await engine.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = engine.CreateCommand();
            create.CommandText = "PRAGMA user_version = 7; CREATE TABLE history (id TEXT);";
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var present = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();

        Assert.Equal((HealthStatus.Unhealthy, "The engine cannot write: A data file cannot be opened."), (missing.Status, missing.Description));
        Assert.Equal(HealthStatus.Healthy, present.Status);
    }

    [Fact]
    public async Task A_clock_file_that_cannot_be_written_leaves_the_host_running_and_health_says_why()
    {
        using var data = new TemporaryFolder();
        await using var host = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        // The clock is saved through a temporary file; a folder in its place makes every save fail, even for root.
        var blocker = Directory.CreateDirectory(Path.Combine(data.Path, VirtualClockFile.FileName + ".tmp"));
        var failing = await WaitForDiskAsync(client, "Degraded");
        blocker.Delete();
        var saving = await WaitForDiskAsync(client, "Healthy");

        Assert.False(host.HasExited, host.Output);
        Assert.StartsWith("The virtual clock's position cannot be saved since ", failing.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.EndsWith( " MB free in " + data.Path + ".", saving.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForDiskAsync(HttpClient client, string status)
    {
        JsonElement disk = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await client.GetAsync(new Uri(LocalHealth.Path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            disk = report.RootElement.GetProperty("checks").GetProperty("disk").Clone();
            if (disk.GetProperty("status").GetString() == status)
            {
                return disk;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The disk never became {status}: {disk}");
        return disk;
    }
}
