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
public sealed partial class TimeControlService(
    EmbeddedDurableEngine engine, VirtualTimeProvider clock, VirtualClockFile file, IDeadlineCalendar deadlines, ILogger<TimeControlService> logger) : IDisposable
{
    private readonly SemaphoreSlim oneMoveAtATime = new(1, 1);

    /// <summary>Why the clock's position could not be saved, and since when (real time); null while saves succeed.</summary>
    public ClockSaveFailure? SaveFailure { get; private set; }

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
            Save();
        }
        finally
        {
            oneMoveAtATime.Release();
        }
    }

    public void Dispose() => oneMoveAtATime.Dispose();

    public void SavePosition() => Save();

    /// <summary>
    /// Saves the clock's position. A full or read-only disk must not stop the host: the clock goes on
    /// in memory, /health says the position is not saved, and the next tick tries again.
    /// </summary>
    private void Save()
    {
        try
        {
            file.Save(clock.GetUtcNow());
            if (SaveFailure is not null)
            {
                LogSavedAgain(logger);
                SaveFailure = null;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (SaveFailure is null)
            {
                LogCannotSave(logger, exception.Message, exception);
                SaveFailure = new ClockSaveFailure(exception.Message, TimeProvider.System.GetUtcNow());
            }
        }
    }

    /// <summary>A jump whose target cannot be saved is not made: after a kill its clock could go back.</summary>
    private void SaveTarget(DateTimeOffset target)
    {
        try
        {
            file.Save(target);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            SaveFailure ??= new ClockSaveFailure(exception.Message, TimeProvider.System.GetUtcNow());
            throw new InvalidOperationException($"The virtual clock did not move: where it is going cannot be saved ({exception.Message}). Free space or make the data folder writable, then try again.", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The virtual clock's position cannot be saved ({Reason}); the clock goes on in memory and saving is tried every second")]
    private static partial void LogCannotSave(ILogger logger, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The virtual clock's position is saved again")]
    private static partial void LogSavedAgain(ILogger logger);

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
                // The engine commits what each timer starts as it goes: the target is saved first, so a kill
                // mid-jump restarts the clock there, never before work already done.
                SaveTarget(until.Value);
                await engine.RunUntilIdleAdvancingTimeAsync(until, cancellationToken: cancellationToken);
            }
            else
            {
                await engine.WaitForIdleAsync(cancellationToken);
            }

            Save();
            return await PositionAsync(cancellationToken);
        }
        finally
        {
            oneMoveAtATime.Release();
        }
    }
}

/// <summary>Why the virtual clock's position could not be saved, since when (real time).</summary>
public sealed record ClockSaveFailure(string Reason, DateTimeOffset Since);

/// <summary>The deadlines of the cycles that are running, as moments in time.</summary>
public interface IDeadlineCalendar
{
    Task<DateTimeOffset?> NextDeadlineAfterAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
