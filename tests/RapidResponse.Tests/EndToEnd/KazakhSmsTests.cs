using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Kazakh over the inbound SMS webhook: an organizer's panic with a Kazakh codeword, a lawyer's ИӘ and ЖОҚ.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class KazakhSmsTests(LocalHostFixture host)
{
    [Fact]
    public async Task Sos_WithAKazakhCodeword_TypedDecomposed_RaisesTheAlert_AndTheOrganizerIsAnsweredInKazakh()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        using var created = await host.SendAsync(HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey,
            new { name = "Дана Ұйымдастырушы", regions = new[] { scenario.Region }, phone, language = "kk" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using (var me = await host.SendAsync(HttpMethod.Put, "api/me", token, new { smsCodeword = "Қайың" }))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var wrong = await Responders.SmsAsync(host, phone, "SOS қайын полиция-келді-емес");
        using var raised = await Responders.SmsAsync(host, phone, "SOS қаи\u0306ың полиция келді");

        Assert.DoesNotContain("дабыл көтерілді", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("RapidResponse: дабыл көтерілді, №", await raised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.StandIns.WaitForAsync(_ => host.StandIns.Sms.Any(s => s.To == scenario.LawyerPhones[0] && s.Body.Contains("полиция келді", StringComparison.Ordinal)), Patience.Delivery);
        Assert.DoesNotContain(host.StandIns.Sms, s => s.Body.Contains("полиция-келді-емес", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kazakh_lawyer_who_answers_ЖОҚ_is_thanked_in_kazakh_and_one_who_answers_ИӘ_gets_the_confirmation_in_kazakh()
    {
        var scenario = await Scenario.CreateAsync(host);
        var (declining, coming) = (TestData.Phone(), TestData.Phone());
        await Scenario.PutContactAsync(host, "lawyer-kk-no", new { name = "Әйгерім Нұрланқызы", region = scenario.Region, role = "lawyer", tier = 1, phone = declining, language = "kk" });
        await Scenario.PutContactAsync(host, "lawyer-kk-yes", new { name = "Сәуле Тоқаева", region = scenario.Region, role = "lawyer", tier = 1, phone = coming, language = "kk" });
        var reference = Responders.Reference((await scenario.PressAsync())["alertId"]!.GetValue<string>());
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, declining, reference).Count > 0 && Responders.SmsTo(host, coming, reference).Count > 0, Patience.Delivery);

        using var no = await Responders.SmsAsync(host, declining, "Жоқ, сотта отырмын");
        using var yes = await Responders.SmsAsync(host, coming, "ИӘ барамын");
        using var unclear = await Responders.SmsAsync(host, declining, "бұл кім?");

        Assert.Contains("RapidResponse: рақмет, бара алмайтыныңыз белгіленді.", await no.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("RapidResponse: түсініксіз.", await unclear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, coming, reference).Any(s => s.StartsWith("RapidResponse: рақмет, Сәуле.", StringComparison.Ordinal)), Patience.Delivery);
    }
}
