using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace TalentReview.Durable.Embedded.Tests.Crash;

/// <summary>
/// The workload of the crash test, run in a child process that the test SIGKILLs: review
/// orchestrations with activity chains, a fan-out, a sub-orchestration and a durable timer.
/// Each activity records its side effect in a separate SQLite file, so the test can show that
/// every effect happened at least once.
/// </summary>
internal static class CrashWorkload
{
    public const int Instances = 40;
    public const string WorkerArgument = "--crash-worker";

    public static string InstanceId(int i) => $"review-{i}";

    /// <summary>The output each instance must end with.</summary>
    public static int ExpectedOutput(int i) => (i + 3) + (2 * 5) + (i * 10) + 1;

    /// <summary>The side effects every instance must have caused (each at least once).</summary>
    public static IEnumerable<string> ExpectedEffects(int i)
        => new[] { "step-1", "step-2", "step-3", "child" }.Concat(Enumerable.Range(0, 5).Select(k => $"fan-{k}")).Select(step => $"{InstanceId(i)}/{step}");

    /// <summary>Runs the workload to the end (the test kills the process before, several times).</summary>
    public static int Run(string database, string effects)
    {
        RunAsync(database, effects).GetAwaiter().GetResult();
        return 0;
    }

    public static void Register(DurableTaskRegistry registry)
        => registry.AddOrchestrator<CrashReviewOrchestrator>().AddOrchestrator<CrashChildOrchestrator>().AddActivity<RecordEffectActivity>();

    private static async Task RunAsync(string database, string effects)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new EffectLog(effects));
        services.AddEmbeddedDurableEngine(Register, o => o.DatabasePath = database);
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<EmbeddedDurableEngine>();
        await engine.StartAsync(CancellationToken.None);
        for (var i = 0; i < Instances; i++)
        {
            if (await engine.Client.GetInstanceAsync(InstanceId(i)) is null)
            {
                await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashReviewOrchestrator), i, new StartOrchestrationOptions(InstanceId(i)));
            }
        }

        for (var i = 0; i < Instances; i++)
        {
            await engine.Client.WaitForInstanceCompletionAsync(InstanceId(i));
        }

        await engine.StopAsync(CancellationToken.None);
    }
}

public sealed class CrashReviewOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var value = input;
        for (var step = 1; step <= 3; step++)
        {
            value = await context.CallActivityAsync<int>(nameof(RecordEffectActivity), new Effect($"{context.InstanceId}/step-{step}", value, 1));
        }

        var fanned = await Task.WhenAll(Enumerable.Range(0, 5).Select(k => context.CallActivityAsync<int>(nameof(RecordEffectActivity), new Effect($"{context.InstanceId}/fan-{k}", 0, 2))));
        await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(200), CancellationToken.None);
        var child = await context.CallSubOrchestratorAsync<int>(nameof(CrashChildOrchestrator), input, new SubOrchestrationOptions(instanceId: context.InstanceId + "-child"));
        return value + fanned.Sum() + child;
    }
}

public sealed class CrashChildOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        => await context.CallActivityAsync<int>(nameof(RecordEffectActivity), new Effect($"review-{input}/child", input * 10, 1));
}

public sealed record Effect(string Key, int Value, int Add);

/// <summary>Does the "work" (adds) and records that it happened, outside the engine's database.</summary>
public sealed class RecordEffectActivity(EffectLog effects) : TaskActivity<Effect, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, Effect input)
    {
        effects.Record(input.Key);
        return Task.FromResult(input.Value + input.Add);
    }
}

/// <summary>A side-effect table in its own SQLite file: one row per execution of an activity.</summary>
public sealed class EffectLog(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    public void Record(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO effects(key) VALUES ($key)";
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    }

    public Dictionary<string, int> Counts()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, COUNT(*) FROM effects GROUP BY key";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=10000; CREATE TABLE IF NOT EXISTS effects(key TEXT NOT NULL)";
        command.ExecuteNonQuery();
        return connection;
    }
}
