namespace Verivius.Tests.E2E;

/// <summary>
/// Browser tests run on their own, not beside the other test classes: on a two-core machine a sign-in
/// (210,000 PBKDF2 rounds) in Chromium next to a dozen parallel imports could outlast any sane timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestsRunAlone
{
    public const string Name = "Browser";
}
