using TalentReview.Durable.Embedded.Tests.Crash;

namespace TalentReview.Durable.Embedded.Tests;

/// <summary>
/// The test executable's entry point: it runs the tests, or, started by the crash test with
/// <see cref="CrashWorkload.WorkerArgument"/>, the workload of the process that gets killed.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
        => args is [CrashWorkload.WorkerArgument, var database, var effects]
            ? CrashWorkload.Run(database, effects)
            : Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
}
