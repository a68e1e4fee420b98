namespace TalentReview.Durable.Embedded;

/// <summary>
/// How much of an inbox one episode takes in. External events are capped (a burst enters the
/// history a slice at a time, so an orchestration that continues as new keeps a bounded history);
/// results of the orchestration's own calls are not, as it waits for them and started them itself:
/// a fan-out then takes in its results in a few episodes rather than one per slice. Each episode
/// replays the whole history, so the fewer episodes a fan-out's results need, the less it replays:
/// a fan-out of a few thousand takes its results in one or two. Messages are still read a bounded
/// number at a time, so a huge inbox is never loaded at once.
/// </summary>
internal sealed record EpisodeLimits(int EventsPerEpisode, int MessagesRead)
{
    private const int MessagesReadPerEventTaken = 40;

    public static EpisodeLimits From(EmbeddedEngineOptions options)
    {
        var events = Math.Max(1, options.MaxMessagesPerEpisode);
        return new(events, events * MessagesReadPerEventTaken);
    }
}
