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
