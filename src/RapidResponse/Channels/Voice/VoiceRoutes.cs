namespace RapidResponse.Channels.Voice;

/// <summary>The webhook routes Twilio is given for a call (under <c>/api</c>), each with the call's <c>ref</c>.</summary>
public static class VoiceRoutes
{
    public const string Twiml = "webhooks/twilio/voice";
    public const string Gather = "webhooks/twilio/voice/gather";
    public const string Status = "webhooks/twilio/voice/status";

    public static string For(string route, string reference) => $"api/{route}?ref={Uri.EscapeDataString(reference)}";
}
