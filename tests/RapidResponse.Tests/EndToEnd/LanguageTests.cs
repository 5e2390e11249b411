using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A lawyer who works in Russian gets the alert, the confirmation and the follow-up in Russian.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class LanguageTests(LocalHostFixture host)
{
    [Fact]
    public async Task ARussianSpeakingLawyer_IsAnsweredInRussian_FromTheAlertToTheResolution()
    {
        var scenario = await Scenario.CreateAsync(host);
        var lawyer = TestData.Phone();
        await Scenario.PutContactAsync(host, "ru-lawyer-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Айгерим Нурланова", region = scenario.Region, role = "lawyer", tier = 1, phone = lawyer, language = "ru" });

        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Count > 0, Patience.Delivery);
        Assert.Contains("Ответьте ДА.", Responders.SmsTo(host, lawyer, reference)[0], StringComparison.Ordinal);

        using var reply = await Responders.SmsAsync(host, lawyer, "да");
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);

        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Any(b => b.Contains("спасибо, Айгерим", StringComparison.Ordinal)), Patience.Delivery);
        using var resolve = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "released" });
        Assert.Equal(System.Net.HttpStatusCode.OK, resolve.StatusCode);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Any(b => b.Contains("закрыта (освобождены)", StringComparison.Ordinal)), Patience.Delivery);

        // The English-speaking lawyers of the same alert hear it in English.
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], reference).Any(b => b.Contains("is resolved (released)", StringComparison.Ordinal)), Patience.Delivery);
    }
}
