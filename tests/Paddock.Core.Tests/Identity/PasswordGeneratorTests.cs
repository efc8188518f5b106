using Paddock.Core.Identity.Users;

namespace Paddock.Core.Tests.Identity;

public sealed class PasswordGeneratorTests
{
    // The rules configured for Identity in Web: at least 10 characters, an upper-case letter, a lower-case letter and a digit.
    private const int MinimumLength = 10;

    [Fact]
    public void Generated_passwords_satisfy_every_password_rule()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = PasswordGenerator.Generate();

            password.Length.ShouldBeGreaterThanOrEqualTo(MinimumLength);
            password.ShouldContain(c => char.IsUpper(c), password);
            password.ShouldContain(c => char.IsLower(c), password);
            password.ShouldContain(c => char.IsDigit(c), password);
            password.ShouldContain(c => !char.IsLetterOrDigit(c), password);
        }
    }

    [Fact]
    public void Generated_passwords_have_the_requested_length() =>
        PasswordGenerator.Generate(32).Length.ShouldBe(32);

    [Fact]
    public void Generated_passwords_differ_each_time() =>
        Enumerable.Range(0, 100).Select(_ => PasswordGenerator.Generate()).ShouldBeUnique();

    [Fact]
    public void The_guaranteed_characters_alone_include_a_lower_case_letter()
    {
        // With length 4 only the four guaranteed characters remain: upper, lower, digit, symbol.
        for (var i = 0; i < 2000; i++)
        {
            var password = PasswordGenerator.Generate(4);

            password.ShouldContain(c => char.IsLower(c), password);
        }
    }
}
