namespace RapidResponse.Statements;

/// <summary>What happened next to the people of an alert; each has its own follow-up statement template.</summary>
public enum FollowUp
{
    StillHeld,
    Charged,
    Released,
    Injured,
    Resolved,
}

public static class FollowUps
{
    public static string ToWire(this FollowUp followUp) =>
        followUp switch
        {
            FollowUp.StillHeld => "still-held",
            FollowUp.Charged => "charged",
            FollowUp.Released => "released",
            FollowUp.Injured => "injured",
            _ => "resolution",
        };
}
