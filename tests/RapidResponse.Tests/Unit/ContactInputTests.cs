using RapidResponse.Contacts;
using RapidResponse.Http;

namespace RapidResponse.Tests.Unit;

public sealed class ContactInputTests
{
    [Fact]
    public void Validate_NormalizesAValidContact()
    {
        var errors = new FieldErrors();

        var contact = new ContactInput(" Aigerim N. ", "kz-shy", "Lawyer", null, "+7 701 123 45 67", "aigerim@example.org", "RU", null)
            .Validate("c1", errors);

        Assert.False(errors.Any);
        Assert.Equal(new Contact("c1", "KZ-SHY", "Aigerim N.", ContactRole.Lawyer, 1, "+77011234567", "aigerim@example.org", "ru", true), contact);
    }

    [Theory]
    [InlineData("+7123")]
    [InlineData("87011234567")]
    [InlineData("+7701123456789012")]
    public void Validate_InvalidPhone_IsNamed(string phone)
    {
        var errors = new FieldErrors();

        new ContactInput("A", "KZ", "lawyer", 1, phone, null, null, null).Validate("c1", errors);

        Assert.Contains("phone", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_NeitherPhoneNorEmail_IsNamed()
    {
        var errors = new FieldErrors();

        new ContactInput("A", "KZ", "ngo", 1, null, null, null, null).Validate("c1", errors);

        Assert.Contains("phone", errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Validate_TierOutOfRange_IsNamed(int tier)
    {
        var errors = new FieldErrors();

        new ContactInput("A", "KZ", "ngo", tier, null, "a@example.org", null, null).Validate("c1", errors);

        Assert.Contains("tier", errors.ToDictionary().Keys);
    }
}
