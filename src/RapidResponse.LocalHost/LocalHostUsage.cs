namespace RapidResponse.LocalHost;

/// <summary>What <c>--help</c> prints.</summary>
public static class LocalHostUsage
{
    public const string Text = """
        RapidResponse local host: the Functions app's own function classes on this machine, for development.

        Usage: scripts/run-local.sh [options]    (or: dotnet run --project src/RapidResponse.LocalHost -- [options])

          --urls <url>   where to listen (default http://127.0.0.1:7071)
          --demo         seed a demo region (KZ-SHY -> KZ -> INTL) and organizer; print a sign-in link and a curl press
          -h, --help     this text

        Settings are read from the environment (`__` separates sections: RapidResponse__AdminKey, Twilio__AuthToken, ...),
        then appsettings.json. What is missing is filled for local use, and said so at start:
          AzureWebJobsStorage            embedded Azurite (npm package pinned in package.json), in memory
          RapidResponse__AdminKey        generated for this run and printed once
          RapidResponse__PublicBaseUrl   the --urls address
          Twilio__* / SendGrid__*        recording stand-ins on this host; what they record is at /stand-ins
        Stop with Ctrl+C (or SIGTERM): the host and its Azurite stop together.
        """;
}
