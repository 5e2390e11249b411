namespace RapidResponse.Alerts;

/// <summary>Something that happened to an alert, in the words shown to its organizer.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text);
