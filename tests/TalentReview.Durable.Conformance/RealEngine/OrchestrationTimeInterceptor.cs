using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace TalentReview.Durable.Conformance.RealEngine;

/// <summary>
/// Gives orchestrations the virtual clock's time. An orchestration's current time is the timestamp
/// of its latest "orchestrator started" event, which the backend stamps with the machine's clock; this
/// interceptor, on the worker's channel, restamps each such event with the virtual time it was first
/// seen at, and keeps that stamp for every replay.
/// </summary>
internal sealed class OrchestrationTimeInterceptor(TimeProvider clock) : Interceptor
{
    private readonly ConcurrentDictionary<string, List<Timestamp>> _stamps = new();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var call = continuation(request, context);
        return new AsyncServerStreamingCall<TResponse>(
            new RestampingReader<TResponse>(call.ResponseStream, this), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private void Restamp(P.OrchestratorRequest request)
    {
        var events = request.PastEvents.Concat(request.NewEvents).ToList();
        var execution = events.FirstOrDefault(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionStarted)
            ?.ExecutionStarted.OrchestrationInstance.ExecutionId ?? request.ExecutionId;
        var stamps = _stamps.GetOrAdd($"{request.InstanceId}/{execution}", _ => []);
        lock (stamps)
        {
            var ordinal = 0;
            foreach (var started in events.Where(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.OrchestratorStarted))
            {
                if (ordinal == stamps.Count)
                {
                    stamps.Add(Timestamp.FromDateTimeOffset(clock.GetUtcNow()));
                }

                started.Timestamp = stamps[ordinal++];
            }
        }
    }

    private sealed class RestampingReader<T>(IAsyncStreamReader<T> inner, OrchestrationTimeInterceptor owner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = await inner.MoveNext(cancellationToken);
            if (moved && inner.Current is P.WorkItem { OrchestratorRequest: { } request })
            {
                owner.Restamp(request);
            }

            return moved;
        }
    }
}
