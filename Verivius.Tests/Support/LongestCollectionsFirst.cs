using Verivius.Tests.Cli;
using Verivius.Tests.E2E;
using Verivius.Tests.Features;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Verivius.Tests.Support.LongestCollectionsFirst", "Verivius.Tests")]

namespace Verivius.Tests.Support;

/// <summary>
/// Starts the test classes that take longest first, longest of all first, and the rest in xunit's own order after
/// them. xunit runs two classes at a time here and starts each when a thread frees up, in an order of its own: a
/// class of one or two minutes started near the end ran alone while the other core idled. The list is from a run's
/// results (the sum of each class's tests); a class missing from it only costs time, never a result.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        typeof(OperatorCommandTests).FullName!,
        BrowserTestsOneAtATime.Name,
        typeof(IncrementalChallengeOnGeneratedDataTests).FullName!,
        typeof(IntegrityCommandTests).FullName!,
        typeof(IncrementalChallengeTests).FullName!,
        typeof(PackImportCommandTests).FullName!,
        typeof(TwoInstanceTests).FullName!,
        typeof(DocumentPdfTests).FullName!,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.Select((collection, order) => (Collection: collection, Order: order))
            .OrderBy(c => RankOf(c.Collection))
            .ThenBy(c => c.Order)
            .Select(c => c.Collection);

    /// <summary>A class's own collection is named after it; a shared one (the browser tests') by its definition.</summary>
    private static int RankOf(ITestCollection collection)
    {
        var rank = Array.FindIndex(Longest, name => collection.DisplayName == name || collection.DisplayName == $"Test collection for {name}");
        return rank < 0 ? Longest.Length : rank;
    }
}
