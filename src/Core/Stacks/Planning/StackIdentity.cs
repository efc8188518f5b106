using System.Text;

namespace Paddock.Core.Stacks;

/// <summary>The stack a desired or observed state belongs to. <see cref="Slug"/> is its name made safe for engine object names.</summary>
public sealed record StackIdentity(Guid Id, string Name)
{
    public string Slug
    {
        get
        {
            var slug = new StringBuilder();
            foreach (var c in Name.ToLowerInvariant())
            {
                slug.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-' ? c : '-');
            }

            var text = slug.ToString().Trim('-', '.', '_');
            return text.Length == 0 ? Id.ToString("N")[..12] : text[..Math.Min(text.Length, 48)];
        }
    }
}
