using TalentReview.Durable.Conformance;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Durable.Embedded.Tests;

/// <summary>Runs conformance scenarios on the embedded engine, on virtual time, in memory or on a SQLite file.</summary>
internal sealed class EmbeddedScenarioHostFactory(bool onSqliteFile) : IDurableScenarioHostFactory
{
    public async Task<IDurableScenarioHost> StartAsync(Action<DurableTaskRegistry> register, CancellationToken cancellationToken)
    {
        var database = onSqliteFile ? TempDatabase.Create() : null;
        var host = await EmbeddedDurableTestHost.StartAsync(register, options: o => o.DatabasePath = database?.Path, cancellationToken: cancellationToken);
        return new EmbeddedScenarioHost(host, database);
    }
}

internal sealed class EmbeddedScenarioHost(EmbeddedDurableTestHost host, TempDatabase? database) : IDurableScenarioHost
{
    public DurableTaskClient Client => host.Client;

    public Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
        => host.RunToCompletionAsync(instanceId, cancellationToken);

    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellationToken)
    {
        await host.Engine.WaitForIdleAsync(cancellationToken);
        var state = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return state is not null && condition(state)
            ? state
            : throw new InvalidOperationException($"Instance '{instanceId}' is idle in a state that does not meet the condition: {state?.RuntimeStatus} {state?.SerializedCustomStatus}.");
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        database?.Dispose();
    }
}

/// <summary>A SQLite file in a fresh temporary folder, deleted with its WAL files afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private TempDatabase(string folder) => Folder = folder;

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "engine.db");

    public static TempDatabase Create()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "talentreview-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TempDatabase(folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a killed child process; the temp folder is cleaned by the OS.
        }
    }
}
