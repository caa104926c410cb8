using System.Text;
using Verivius.Infrastructure.Files;

namespace Verivius.Tests.Infrastructure;

public class SecretFileTests
{
    /// <summary>
    /// Writers racing for one new key file, as two portals or test runs started at once on a fresh machine are, each making a key
    /// that takes a while (as a certificate's does): one key wins, and every one of them reads it whole as soon as it returns.
    /// The race is run several times over, since a writer that replaced a key another had read showed only now and then.
    /// </summary>
    [Fact]
    public async Task WritersRacingForANewFile_AllReadTheSameWholeKey()
    {
        for (var round = 0; round < 10; round++)
        {
            await RaceForANewFileAsync(writers: 8);
        }
    }

    private static async Task RaceForANewFileAsync(int writers)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"verivius-secret-{Guid.NewGuid():N}");
        var path = Path.Combine(directory, "chain.key");
        try
        {
            using var start = new Barrier(writers);
            var read = await Task.WhenAll(Enumerable.Range(1, writers).Select(writer => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    SecretFile.WriteOnce(path, () =>
                    {
                        Thread.Sleep(100);
                        return Encoding.ASCII.GetBytes($"key made by writer {writer}");
                    });
                    return File.ReadAllText(path);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)));

            Assert.Matches("^key made by writer [1-8]$", read[0]);
            Assert.All(read, key => Assert.Equal(read[0], key));
            Assert.Equal([path], Directory.GetFiles(directory));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
