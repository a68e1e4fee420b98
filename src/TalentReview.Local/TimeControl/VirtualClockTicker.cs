namespace TalentReview.Local.TimeControl;

/// <summary>
/// Lets virtual time flow with real time between jumps (so retries and short timers behave as
/// they would in production) and saves the clock's position every tick and at shutdown.
/// </summary>
public sealed class VirtualClockTicker(TimeControlService timeControl) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, TimeProvider.System);
        var last = TimeProvider.System.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = TimeProvider.System.GetTimestamp();
            timeControl.FlowRealTime(TimeProvider.System.GetElapsedTime(last, now));
            last = now;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        timeControl.SavePosition();
    }
}
