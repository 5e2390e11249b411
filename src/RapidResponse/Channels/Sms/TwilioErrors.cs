namespace RapidResponse.Channels.Sms;

/// <summary>
/// Which Twilio refusals are about our account rather than the recipient. A recipient-level refusal (21211 invalid
/// number, 21610 unsubscribed, 21614 not a mobile, 21612 cannot route, …) is final for that number; an account-level
/// one fails every send alike until someone fixes the account, so it is an outage, never a recipient's failure.
/// </summary>
public static class TwilioErrors
{
    // https://www.twilio.com/docs/api/errors
    private static readonly HashSet<int> AccountCodes =
    [
        20003, // authentication failed (rotated or wrong token)
        20005, // account not active (suspended, closed)
        20008, // resource not accessible with a test account
        21212, // invalid From number
        21408, // no geo-permission for the region of the To number
        21606, // the From number cannot send SMS
        21608, // trial account: unverified To number
        21611, // the From number's queue is full
        30002, // account suspended
    ];

    public static bool IsAccountLevel(int status, int code) => status is 401 or 403 || AccountCodes.Contains(code);
}
