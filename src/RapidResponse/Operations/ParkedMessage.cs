namespace RapidResponse.Operations;

/// <summary>A queue message that failed every attempt, parked off its poison queue until an operator replays it.</summary>
public sealed record ParkedMessage(string Queue, string Id, string Body, DateTimeOffset ParkedAt, bool OperatorAlerted);
