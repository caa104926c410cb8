namespace Verivius.Infrastructure.History;

/// <summary>
/// Counts the writes this process has made to the portal's database past the change log (a bulk seed).
/// A page that keeps what it computed keys it by this number as well as by the head of the change log,
/// which every recorded save of any process moves on: together they change whenever what it shows can.
/// </summary>
public static class DataGeneration
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    public static void Advance() => Interlocked.Increment(ref _current);
}
