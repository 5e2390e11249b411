using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Organizers;
using RapidResponse.Responses;
using RapidResponse.Statements;
using RapidResponse.Tests.Storage;

namespace RapidResponse.Tests.Statements;

/// <summary>What follows an alert reaches each person in the language their alert SMS was in.</summary>
public sealed class FollowUpTextsTests
{
    private static readonly Alert Alert = AlertStoreTests.Alert("01a20fcae897785eb5c5056bb0d4a194");

    private static readonly Organizer Organizer = new("org1", "Zhanar", ["KZ-SHY"], "+77011112233", "ru", "hash", DateTimeOffset.UnixEpoch)
    {
        SharePhone = true,
    };

    [Fact]
    public void ARussianSpeakingLawyer_GetsTheConfirmationInRussian_WithEveryFactTheyNeed()
    {
        var text = FollowUpTexts.For("ru").Confirmation(Alert, "Айгерим", Organizer);

        Assert.StartsWith($"RapidResponse: спасибо, Айгерим. Вы откликнулись на тревогу №{AlertFactsText.Reference(Alert)}.", text, StringComparison.Ordinal);
        Assert.Contains("ЗАДЕРЖАНИЕ: Zhanar S. (co-founder), Gulzada S.", text, StringComparison.Ordinal);
        Assert.Contains("Где: Community centre https://maps.google.com/?q=42.3417,69.5901.", text, StringComparison.Ordinal);
        Assert.Contains("Сообщение: «Police took both».", text, StringComparison.Ordinal);
        Assert.Contains("Мероприятие: Workshop.", text, StringComparison.Ordinal);
        Assert.Contains("№" + AlertFactsText.Reference(Alert) + ". Организатор: Zhanar, +77011112233. ЗАДЕРЖАНИЕ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AReminderSaysNobodyHasResponded_OnlyWhileNobodyHas_AndOtherwiseWhoIsResponding()
    {
        IReadOnlyList<Acknowledgement> ngo = [new("d1", "c1", "Kazakhstan Bureau for Human Rights", ContactRole.Ngo, Channel.Email, DateTimeOffset.UnixEpoch)];
        IReadOnlyList<Acknowledgement> both = [.. ngo, new("d2", "c2", "Aigerim Bekova", ContactRole.Lawyer, Channel.Sms, DateTimeOffset.UnixEpoch)];

        Assert.Equal("REMINDER, nobody has responded yet: ", FollowUpTexts.English.Reminder([]));
        Assert.Equal("REMINDER, responding so far: Kazakhstan Bureau for Human Rights (ngo). More help is needed: ", FollowUpTexts.English.Reminder(ngo));
        Assert.Equal("НАПОМИНАНИЕ, уже откликнулись: Kazakhstan Bureau for Human Rights (НКО), Aigerim (адвокат). Нужна ещё помощь: ", FollowUpTexts.Russian.Reminder(both));
        Assert.DoesNotContain("nobody", FollowUpTexts.English.Reminder(both), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheConfirmation_NeverEndsANameOrPlaceThatEndsWithADot_WithASecondOne()
    {
        var alert = Alert with
        {
            People = [new Person("Dana A.", null, PublicName: true)],
            Location = new Location(null, null, null, "Police station No. 3, Tauke Khan Ave."),
            EventName = "Workshop, Jan.",
        };

        var text = FollowUpTexts.English.Confirmation(alert, "Aigerim", null);

        Assert.Contains(": Dana A. Where: Police station No. 3, Tauke Khan Ave. When: ", text, StringComparison.Ordinal);
        Assert.EndsWith("Event: Workshop, Jan.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("..", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdatesResolutionsAndNotices_UseTheLanguagesOwnWords()
    {
        var ru = FollowUpTexts.For("ru");

        Assert.Contains("предъявлено обвинение. «Court at 10»", ru.UpdateSms(Alert, "charged", "Court at 10"), StringComparison.Ordinal);
        Assert.Contains("закрыта (ложная тревога). Спасибо", ru.ResolutionSms(Alert, "false-alarm", null), StringComparison.Ordinal);
        Assert.Contains("Айгерим (адвокат) откликается", ru.Notice(Alert, "Айгерим", ContactRole.Lawyer), StringComparison.Ordinal);
        Assert.EndsWith("откликнулся помощник.", ru.Notice(Alert, null, null), StringComparison.Ordinal);
        Assert.StartsWith(ru.DuressPrefix, ru.DuressSms(Alert), StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishAndUnknownLanguages_ReadAsBefore()
    {
        var en = FollowUpTexts.For("de");

        Assert.Same(FollowUpTexts.English, en);
        Assert.Same(FollowUpTexts.English, FollowUpTexts.For(null));
        Assert.Contains("is resolved (false alarm). Thank you for standing by.", en.ResolutionSms(Alert, "false-alarm", null), StringComparison.Ordinal);
        Assert.Contains("update, ref " + AlertFactsText.Reference(Alert) + ": still held. \"Court at 10\"", en.UpdateSms(Alert, "still-held", "Court at 10"), StringComparison.Ordinal);
        Assert.Contains("Lawyer0 (lawyer) is responding", en.Notice(Alert, "Lawyer0", ContactRole.Lawyer), StringComparison.Ordinal);
        Assert.Contains("The organiser's number is not shared", en.Confirmation(Alert, "Aigerim", Organizer with { SharePhone = false }), StringComparison.Ordinal);
    }

    [Fact]
    public void Emails_SubjectsAndTheAcknowledgementLink_FollowTheLanguageToo()
    {
        var link = new Uri("https://rr.example.org/api/alerts/a1/ack?token=t");
        var reference = AlertFactsText.Reference(Alert);

        Assert.Equal($"НОВОСТИ: задержание (Шымкент), сигнал {reference}", FollowUpTexts.For("ru").Subject(FollowUpTexts.UpdateKind, Alert, "Шымкент"));
        Assert.Equal($"RESOLVED: detention in Shymkent (ref {reference})", FollowUpTexts.English.Subject(FollowUpTexts.ResolvedKind, Alert, "Shymkent"));
        Assert.Equal($"RapidResponse: detention in Shymkent (ref {reference})", FollowUpTexts.English.Subject("notice", Alert, "Shymkent"));
        Assert.StartsWith("Откликаетесь?", FollowUpTexts.For("ru").AckLine(link), StringComparison.Ordinal);
        Assert.EndsWith(link.AbsoluteUri, FollowUpTexts.For("ru").AckLine(link), StringComparison.Ordinal);
        Assert.Contains(">Я откликаюсь</a>", FollowUpTexts.For("ru").AckHtml(link), StringComparison.Ordinal);
        Assert.Contains("href=\"https://rr.example.org/api/alerts/a1/ack?token=t\"", FollowUpTexts.English.AckHtml(link), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("still-held")]
    [InlineData("charged")]
    [InlineData("released")]
    [InlineData("injured")]
    [InlineData("other")]
    public void EveryUpdateStatus_FitsInTwoRussianSegments(string status)
    {
        var text = FollowUpTexts.For("ru").UpdateSms(Alert, status, null);

        Assert.DoesNotContain("-", text.Split(':')[^1], StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(text) <= 2, text);
    }
}
