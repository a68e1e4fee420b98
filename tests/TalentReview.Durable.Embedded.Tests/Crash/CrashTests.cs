using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Durable.Embedded.Tests.Crash;

public sealed class CrashTests
{
    [Fact]
    public async Task Killing_the_engine_process_repeatedly_loses_nothing_and_every_activity_effect_happens_at_least_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var database = TempDatabase.Create();
        var effectsPath = Path.Combine(database.Folder, "effects.db");
        string[] arguments = [CrashWorkload.WorkerArgument, database.Path, effectsPath];
        var random = new Random(20261123);

        var kills = 0;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var worker = StartWorker(arguments);
            var lifetime = TimeSpan.FromMilliseconds(random.Next(400, 2500));
            if (await ExitsWithinAsync(worker, lifetime, cancellation))
            {
                break; // it finished the workload before this kill
            }

            worker.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await worker.WaitForExitAsync(cancellation);
            kills++;
        }

        using (var final = StartWorker(arguments))
        {
            Assert.True(await ExitsWithinAsync(final, TimeSpan.FromMinutes(3), cancellation), "The restarted worker did not finish the workload.");
            Assert.Equal(0, final.ExitCode);
        }

        Assert.True(kills > 0, "The worker was never killed mid-run, so the test showed nothing.");
        await using var host = await EmbeddedDurableTestHost.StartAsync(CrashWorkload.Register, s => s.AddSingleton(new EffectLog(effectsPath)), o => o.DatabasePath = database.Path, cancellationToken: cancellation);
        for (var i = 0; i < CrashWorkload.Instances; i++)
        {
            var state = await host.Client.GetInstanceAsync(CrashWorkload.InstanceId(i), getInputsAndOutputs: true, cancellation);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, state!.RuntimeStatus);
            Assert.Equal(CrashWorkload.ExpectedOutput(i), state.ReadOutputAs<int>());
        }

        var effects = new EffectLog(effectsPath).Counts();
        var missing = Enumerable.Range(0, CrashWorkload.Instances).SelectMany(CrashWorkload.ExpectedEffects).Where(key => !effects.ContainsKey(key)).ToList();
        Assert.Empty(missing);
    }

    private static Process StartWorker(string[] arguments)
    {
        // The test assembly is an executable whose entry point runs the workload when given these arguments (see Program).
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(CrashTests).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan time, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(time);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }
}
