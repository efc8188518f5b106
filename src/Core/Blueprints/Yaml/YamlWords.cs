using System.Text;

namespace Paddock.Core.Blueprints;

/// <summary>The kebab-case word an enum value is written as in YAML (<c>OnFailure</c> -> <c>on-failure</c>).</summary>
internal static class YamlWords
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var word = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                word.Append('-');
            }

            word.Append(char.ToLowerInvariant(name[i]));
        }

        return word.ToString();
    }
}
