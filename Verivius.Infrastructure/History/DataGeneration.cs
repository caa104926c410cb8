namespace Verivius.Infrastructure.History;

/// <summary>
/// Counts the saves this process has made to the portal's database. A page that caches what it
/// computed keys it by this number, so any change made here shows at once; changes made by another
/// process (a command-line verb, another instance) are not counted, which is why such caches also
/// expire after a short while.
/// </summary>
public static class DataGeneration
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    public static void Advance() => Interlocked.Increment(ref _current);
}
