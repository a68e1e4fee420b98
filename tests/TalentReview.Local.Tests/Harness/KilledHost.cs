namespace TalentReview.Local.Tests.Harness;

/// <summary>
/// The local host as a crash test runs it: a step of the walk can be cut by a kill -9 at a random moment (while
/// the step's requests run, or in the background work they started); the host then starts again on the same data
/// folder and port (the links in the emails stay valid), HR signs in again, and a step the kill cut short is taken
/// again, as a person would after an error page. The moments come from a seed, so a failing run can be repeated.
/// </summary>
public sealed class KilledHost : IAsyncDisposable
{
    private readonly string dataFolder;
    private readonly Random random;
    private readonly int port;
    private LocalHostProcess host;

    private KilledHost(string dataFolder, int seed, LocalHostProcess host)
    {
        this.dataFolder = dataFolder;
        random = new Random(seed);
        port = host.BaseAddress.Port;
        this.host = host;
        Hr = new Browser(host.BaseAddress);
    }

    /// <summary>HR's browser, signed in again after each restart.</summary>
    public Browser Hr { get; private set; }

    public Uri BaseAddress => host.BaseAddress;

    /// <summary>When each kill came, in milliseconds after its step began, and what the step was.</summary>
    public List<string> Kills { get; } = [];

    public static async Task<KilledHost> StartAsync(string dataFolder, int seed)
    {
        var killed = new KilledHost(dataFolder, seed, await LocalHostProcess.StartAsync(dataFolder, PinnedClock.MondayMorning));
        await killed.Hr.SignInAsync("hr");
        return killed;
    }

    /// <summary>Runs the step; with <paramref name="killWithinMs"/>, kills the host at a random moment within that many milliseconds of its start.</summary>
    public async Task<T> StepAsync<T>(string name, Func<Browser, Task<T>> step, int killWithinMs = 0)
    {
        ArgumentNullException.ThrowIfNull(step);
        var began = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await TakeAsync(name, step, killWithinMs);
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {began.ElapsedMilliseconds} ms");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hr.Dispose();
        await host.DisposeAsync();
    }

    private async Task<T> TakeAsync<T>(string name, Func<Browser, Task<T>> step, int killWithinMs)
    {
        if (killWithinMs <= 0)
        {
            return await step(Hr);
        }

        var delay = random.Next(killWithinMs);
        var kill = KillAfterAsync(delay);
        T result;
        try
        {
            result = await step(Hr);
        }
        catch (Exception cut) when (cut is HttpRequestException or TaskCanceledException or IOException)
        {
            await kill;
            Record($"{name}: at {delay} ms, during the step");
            await RestartAsync();
            return await step(Hr);
        }

        await kill;
        Record($"{name}: at {delay} ms, after the step (in its background work)");
        await RestartAsync();
        return result;
    }

    /// <summary>Keeps the kill for the failure messages and says it in the test's output as it happens.</summary>
    private void Record(string kill)
    {
        Kills.Add(kill);
        TestContext.Current.TestOutputHelper?.WriteLine($"kill {Kills.Count}: {kill}");
    }

    private async Task KillAfterAsync(int delayMs)
    {
        await Task.Delay(delayMs);
        await host.KillAsync();
    }

    private async Task RestartAsync()
    {
        await host.DisposeAsync();
        Hr.Dispose();
        host = await LocalHostProcess.StartAsync(dataFolder, PinnedClock.MondayMorning, port);
        Hr = new Browser(host.BaseAddress);
        await Hr.SignInAsync("hr");
    }
}
