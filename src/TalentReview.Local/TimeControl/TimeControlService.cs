using TalentReview.Durable.Embedded;
using TalentReview.Durable.Embedded.Time;

namespace TalentReview.Local.TimeControl;

/// <summary>How far to move the virtual clock.</summary>
public enum AdvanceTarget
{
    /// <summary>To the next deadline of a running cycle (reminders and escalations on the way fire in order).</summary>
    NextDeadline,

    /// <summary>To the engine's next durable timer, whatever it is for.</summary>
    NextTimer,

    /// <summary>A number of days.</summary>
    Days,
}

/// <summary>Where the clock stood before and after a move, and what is due next.</summary>
public sealed record ClockPosition(DateTimeOffset Now, DateTimeOffset? NextTimer, DateTimeOffset? NextDeadline);

/// <summary>
/// The development time control: moves the virtual clock forward the way time would pass, timer by
/// timer, letting the engine finish the work each timer starts before taking the next, so reminders
/// and escalations happen as they would over real days.
/// </summary>
public sealed class TimeControlService(EmbeddedDurableEngine engine, VirtualTimeProvider clock, VirtualClockFile file, IDeadlineCalendar deadlines) : IDisposable
{
    private readonly SemaphoreSlim oneMoveAtATime = new(1, 1);

    public async Task<ClockPosition> PositionAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return new ClockPosition(now, engine.NextTimerDueAt, await deadlines.NextDeadlineAfterAsync(now, cancellationToken));
    }

    /// <summary>Moves the clock by real elapsed time, unless a jump is under way (it owns the clock until it ends).</summary>
    public void FlowRealTime(TimeSpan elapsed)
    {
        if (!oneMoveAtATime.Wait(0))
        {
            return;
        }

        try
        {
            clock.Advance(elapsed);
            file.Save(clock.GetUtcNow());
        }
        finally
        {
            oneMoveAtATime.Release();
        }
    }

    public void Dispose() => oneMoveAtATime.Dispose();

    public void SavePosition() => file.Save(clock.GetUtcNow());

    public async Task<ClockPosition> AdvanceAsync(AdvanceTarget target, int days, CancellationToken cancellationToken)
    {
        await oneMoveAtATime.WaitAsync(cancellationToken);
        try
        {
            // Work under way (a cycle just launched, still planning its timeline) settles first, so the
            // next timer and the next deadline are the ones it is about to set.
            await engine.WaitForIdleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            DateTimeOffset? until = target switch
            {
                AdvanceTarget.NextTimer => engine.NextTimerDueAt,
                AdvanceTarget.Days => now.AddDays(Math.Clamp(days, 1, 366)),
                _ => await deadlines.NextDeadlineAfterAsync(now, cancellationToken) ?? engine.NextTimerDueAt,
            };
            if (until > now)
            {
                await engine.RunUntilIdleAdvancingTimeAsync(until, cancellationToken: cancellationToken);
            }
            else
            {
                await engine.WaitForIdleAsync(cancellationToken);
            }

            file.Save(clock.GetUtcNow());
            return await PositionAsync(cancellationToken);
        }
        finally
        {
            oneMoveAtATime.Release();
        }
    }
}

/// <summary>The deadlines of the cycles that are running, as moments in time.</summary>
public interface IDeadlineCalendar
{
    Task<DateTimeOffset?> NextDeadlineAfterAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
