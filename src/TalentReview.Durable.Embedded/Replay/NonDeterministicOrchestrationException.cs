namespace TalentReview.Durable.Embedded.Replay;

/// <summary>The orchestration's code no longer matches its recorded history; the instance fails with this.</summary>
internal sealed class NonDeterministicOrchestrationException(string message) : InvalidOperationException(message);
