namespace Verivius.Tests.E2E;

/// <summary>
/// Browser tests run one at a time, beside at most one other test class: xunit runs as many classes at once as there
/// are cores, two here. They used to wait until every other class had finished, so that a sign-in (210,000 PBKDF2
/// rounds) in Chromium never competed with the rest of the suite; each browser step may take a minute
/// (<see cref="BrowserPortal"/>), far more than one other class can cost it, while running them last left a core idle
/// for their two minutes at the end of every run. They start first (<see cref="Support.LongestCollectionsFirst"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestsOneAtATime
{
    public const string Name = "Browser";
}
