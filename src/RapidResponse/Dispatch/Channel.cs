namespace RapidResponse.Dispatch;

/// <summary>How a recipient is reached.</summary>
public enum Channel
{
    Sms,
    Email,
}
