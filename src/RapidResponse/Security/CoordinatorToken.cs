namespace RapidResponse.Security;

/// <summary>
/// A coordinator account's bearer token: <c>{coordinatorId}.{secret}</c>, shaped like an organizer's
/// (<see cref="OrganizerToken"/>). Account ids start with <see cref="IdPrefix"/>, so a token says which table it is
/// checked against with one point read.
/// </summary>
public static class CoordinatorToken
{
    public const string IdPrefix = "co-";

    public static bool IsCoordinatorId(string id) => id.StartsWith(IdPrefix, StringComparison.Ordinal);
}
