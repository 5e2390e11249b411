namespace RapidResponse.LocalHost.Demo;

/// <summary>What a newcomer needs to press panic on the demo data, and to watch it from the coordinators' console.</summary>
public static class DemoBanner
{
    /// <summary>The banner; the console link signs in with <paramref name="adminKey"/> when this run generated it (null: it was configured, and is not printed).</summary>
    public static string Render(Uri baseUrl, DemoTokens tokens, string? adminKey = null)
    {
        var organizerToken = tokens.Organizer;
        var api = baseUrl.AbsoluteUri.TrimEnd('/');
        var console = adminKey is null
            ? $"{api}/api/console (sign in with the admin key)"
            : $"{api}/api/console#token={Uri.EscapeDataString(adminKey)}";
        return $$"""

              Demo data: region KZ-SHY (Shymkent) → KZ → INTL; 2 tier-1 lawyers, a national and an international NGO.
              Demo organizer token: {{organizerToken}}
              Panic page, signed in (open on this machine, or on a phone that reaches it):
                {{api}}/api/app#token={{Uri.EscapeDataString(organizerToken)}}
              Coordinators' console, signed in (live board, contacts, organizers, statements, escalation):
                {{console}}

              Press panic:
                curl -sS -X POST {{api}}/api/panic -H "Authorization: Bearer {{organizerToken}}" -H "Content-Type: application/json" \
                  -d '{"incident":"attack","location":{"lat":42.3417,"lon":69.5901,"text":"Community centre, Tauke Khan Ave"},"message":"About 30 men inside, police not helping","people":[{"name":"Zhanar S.","role":"co-founder","publicName":true}]}'

              Then watch this console, or open {{api}}/stand-ins, for the SMS and emails that would have been sent.
              Alert status: curl -sS {{api}}/api/alerts/<alertId> -H "Authorization: Bearer {{organizerToken}}"

              Demo coordinator (role coordinator, regions KZ and its cities): {{tokens.Coordinator}}
                curl -sS {{api}}/api/manage/me -H "Authorization: Bearer {{tokens.Coordinator}}"
              The console as that coordinator: {{api}}/api/console#token={{Uri.EscapeDataString(tokens.Coordinator)}}

            """;
    }
}
