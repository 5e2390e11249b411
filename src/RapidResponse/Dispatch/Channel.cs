namespace RapidResponse.Dispatch;

/// <summary>How a recipient is reached.</summary>
public enum Channel
{
    Sms,
    Email,

    /// <summary>A phone call that reads the alert and takes a key press (an escalation step's <c>call</c>).</summary>
    Call,

    /// <summary>WhatsApp through Twilio (<c>whatsapp:+…</c>), for contacts who prefer it; a failed send falls back to SMS.</summary>
    WhatsApp,
}

public static class ChannelNames
{
    /// <summary>The channel as the timeline names it: "SMS to Aigerim (lawyer) failed".</summary>
    public static string Display(this Channel channel) => channel switch
    {
        Channel.Sms => "SMS",
        Channel.Email => "Email",
        Channel.Call => "Call",
        Channel.WhatsApp => "WhatsApp",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
