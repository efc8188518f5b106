namespace Paddock.Testing;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public TestClock()
        : this(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
