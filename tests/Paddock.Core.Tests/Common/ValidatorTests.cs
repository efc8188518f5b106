using Paddock.Core.Common;

namespace Paddock.Core.Tests.Common;

public sealed class ValidatorTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("a")]
    [InlineData("dev-2")]
    [InlineData("staging-eu-west-1")]
    [InlineData("a23456789012345678901234567890123456789z")]
    public void Slugs_of_lower_case_letters_digits_and_dashes_are_accepted(string slug) =>
        new Validator().Slug("name", slug, "Name").IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("Prod")]
    [InlineData("2prod")]
    [InlineData("-prod")]
    [InlineData("prod_eu")]
    [InlineData("prod eu")]
    [InlineData("prod.eu")]
    [InlineData("prød")]
    [InlineData("a234567890123456789012345678901234567890z")]
    public void Other_slugs_are_refused_on_their_field(string slug)
    {
        var error = new Validator().Slug("name", slug, "Name").ToError();

        var field = error.ShouldBeOfType<ValidationError>().Errors.ShouldHaveSingleItem();
        field.Field.ShouldBe("name");
        field.Message.ShouldContain("lower-case letters, digits and dashes");
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+paddock@mail.example.org")]
    [InlineData(" ada@example.com ")]
    public void Valid_e_mail_addresses_are_accepted(string email) =>
        new Validator().Email("email", email).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada@example")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@@example.com")]
    public void Invalid_e_mail_addresses_are_refused_on_the_email_field(string email)
    {
        var error = new Validator().Email("email", email).ToError();

        var field = error.ShouldBeOfType<ValidationError>().Errors.ShouldHaveSingleItem();
        field.Field.ShouldBe("email");
        field.Message.ShouldContain("not a valid e-mail address");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_e_mail_says_it_is_required(string? email) =>
        new Validator().Email("email", email).ToError().ShouldBeOfType<ValidationError>()
            .Errors.ShouldHaveSingleItem().Message.ShouldBe("E-mail is required.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_blank_required_value_is_reported_with_its_label(string? value) =>
        new Validator().Required("name", value, "Name").ToError().ShouldBeOfType<ValidationError>()
            .Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("name", "Name is required."));

    [Fact]
    public void A_blank_value_is_not_also_reported_as_a_bad_slug() =>
        new Validator().Required("name", "", "Name").Slug("name", "", "Name").ToError().ShouldBeOfType<ValidationError>()
            .Errors.Count.ShouldBe(1);

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var error = new Validator()
            .Required("name", null, "Name")
            .Email("email", "nope")
            .MaxLength("description", new string('x', 11), 10, "Description")
            .ToError();

        error.ShouldBeOfType<ValidationError>().Errors.Select(e => e.Field).ShouldBe(["name", "email", "description"]);
        error.Message.ShouldBe("3 fields are invalid.");
    }

    [Fact]
    public void A_valid_input_has_no_error() =>
        new Validator().Required("name", "shop", "Name").Slug("name", "shop", "Name").Email("email", "a@b.io").ToError().ShouldBeNull();
}
