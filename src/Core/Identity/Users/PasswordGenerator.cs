using System.Security.Cryptography;

namespace Paddock.Core.Identity.Users;

public static class PasswordGenerator
{
    // Look-alikes (l, I, O) are left out so a password read aloud or copied by hand survives.
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Letters = Lower + Upper;
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%&*?";

    /// <summary>A random password that satisfies every password rule (upper, lower, digit, symbol, length).</summary>
    public static string Generate(int length = 20)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        }

        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
