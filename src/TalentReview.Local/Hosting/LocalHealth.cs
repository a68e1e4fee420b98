using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TalentReview.Local.Configuration;
using TalentReview.Local.TimeControl;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.Hosting;

/// <summary>
/// <c>/health</c> as things are: the store (a write and a read), the engine's database (can it take
/// a write lock), and the data folder's disk (free space; the virtual clock's file). Unhealthy answers
/// 503, Degraded 200; each entry says why. Every check runs on each call, so it recovers with the disk.
/// </summary>
public static class LocalHealth
{
    public const string Path = "/health";

    /// <summary>Below this the disk is reported Degraded: SQLite needs room to grow its files and their write-ahead logs.</summary>
    public const long LowDiskBytes = 64L * 1024 * 1024;

    public static IHealthChecksBuilder AddLocalHealthChecks(this IServiceCollection services)
        => services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store")
            .AddCheck<EngineHealthCheck>("engine")
            .AddCheck<DataFolderHealthCheck>("disk");

    public static IEndpointConventionBuilder MapLocalHealth(this IEndpointRouteBuilder routes)
        => routes.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    /// <summary>An outage (full or read-only disk, I/O error) as the reason of an unhealthy check, else the exception as it is.</summary>
    internal static HealthCheckResult Failed(IEnumerable<IStoreOutageDescriber> describers, string what, Exception exception)
        => StoreOutages.Find(describers, exception) is { } outage
            ? HealthCheckResult.Unhealthy($"{what}: {StoreOutages.Describe(outage)}")
            : HealthCheckResult.Unhealthy($"{what}: {exception.Message}", exception);
}

/// <summary>The store takes a write and reads it back (a full or read-only disk still reads).</summary>
public sealed class StoreHealthCheck(IDocumentStore store, TimeProvider time, IEnumerable<IStoreOutageDescriber> describers) : IHealthCheck
{
    private static readonly DocumentKey ProbeKey = new(ReviewStore.OrganisationPartition, "health-probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.UpsertAsync(ProbeKey, "health-probe", new HealthProbe(time.GetUtcNow()), cancellationToken);
            await store.ReadAsync<HealthProbe>(ProbeKey, cancellationToken);
            return HealthCheckResult.Healthy("The store reads and writes.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return LocalHealth.Failed(describers, "The store cannot write", exception);
        }
    }

    private sealed record HealthProbe(DateTimeOffset At);
}

/// <summary>The engine's database takes a write lock: what every step of every workflow needs.</summary>
public sealed class EngineHealthCheck(Microsoft.Extensions.Options.IOptions<LocalHostOptions> options, IEnumerable<IStoreOutageDescriber> describers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = System.IO.Path.Combine(options.Value.FullDataFolder, LocalHostRegistration.EngineFileName);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 5 }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

            // Rewriting the header's own value is a real write (it fails on a full or read-only disk) that changes nothing.
            command.CommandText = $"BEGIN IMMEDIATE; PRAGMA user_version = {version}; COMMIT;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy("The engine's database takes writes.");
        }
        catch (SqliteException exception)
        {
            return LocalHealth.Failed(describers, "The engine cannot write", exception);
        }
    }
}

/// <summary>Room on the data folder's disk, and whether the virtual clock's position is being saved.</summary>
public sealed class DataFolderHealthCheck(Microsoft.Extensions.Options.IOptions<LocalHostOptions> options, TimeControlService clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = options.Value.FullDataFolder;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        var megabytes = (free / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);
        if (clock.SaveFailure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"The virtual clock's position cannot be saved since {failure.Since:u} ({failure.Reason}); {megabytes} MB free in {folder}."));
        }

        return Task.FromResult(free < LocalHealth.LowDiskBytes
            ? HealthCheckResult.Degraded($"Only {megabytes} MB free on the disk of {folder}: writes fail once it is full.")
            : HealthCheckResult.Healthy($"{megabytes} MB free in {folder}."));
    }
}
