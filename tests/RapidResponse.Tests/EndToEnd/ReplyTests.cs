using System.Net;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>SMS replies as lawyers actually write them, over the local host.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ReplyTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Theory]
    [InlineData("Yes, on my way")]
    [InlineData("Да, еду")]
    public async Task A_yes_followed_by_words_acknowledges(string reply)
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], Responders.Reference(alertId)).Count > 0, Timeout);

        using var response = await Responders.SmsAsync(host, scenario.LawyerPhones[0], reply);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await Responders.WaitForTimelineAsync(host, alertId, "acknowledged", 1, Timeout);
        Assert.Equal("Lawyer0", Assert.Single(status["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Yes_with_a_reference_picks_that_alert_when_several_are_open()
    {
        var scenario = await Scenario.CreateAsync(host);
        var older = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var other = await scenario.NewOrganizerAsync();
        var newer = await Responders.PressAsync(host, scenario, other);
        await host.StandIns.WaitForAsync(_ => new[] { older, newer }.All(a => Responders.SmsTo(host, scenario.LawyerPhones[0], Responders.Reference(a)).Count > 0), Timeout);

        using var response = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "YES " + Responders.Reference(older));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Responders.WaitForTimelineAsync(host, older, "acknowledged", 1, Timeout);
        Assert.Empty((await Responders.StatusAsync(host, newer, host.Host.AdminKey))["acknowledgements"]!.AsArray());
    }

    [Fact]
    public async Task No_says_the_lawyer_cannot_go_and_anything_else_gets_a_one_line_help_answer()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], Responders.Reference(alertId)).Count > 0, Timeout);

        using var unclear = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "who is this?");
        Assert.Contains("not understood. Reply YES to respond, NO if you can", await unclear.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var no = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "No, in court all day");
        Assert.Contains("thank you, noted that you can", await no.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var status = await Responders.WaitForTimelineAsync(host, alertId, "declined", 1, Timeout);
        Assert.Contains(status["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Lawyer0 (lawyer) cannot go");

        using var stranger = await Responders.SmsAsync(host, TestData.Phone(), "who is this?");
        Assert.DoesNotContain("<Message>", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
