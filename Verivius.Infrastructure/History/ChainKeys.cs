using Microsoft.Extensions.Configuration;
using Verivius.Domain.History;
using Verivius.Infrastructure.Files;

namespace Verivius.Infrastructure.History;

/// <summary>
/// Where the change log's key comes from: <c>History:ChainKey</c> (base64 of at least 32 bytes, from
/// a secret store or the environment), or else the file <c>History:ChainKeyFile</c>, created with a
/// new random key on first use and readable only by its owner. Never the database: a key kept beside
/// the log would let whoever edits the log reseal it.
/// </summary>
public static class ChainKeys
{
    public const string Setting = "History:ChainKey";
    public const string FileSetting = "History:ChainKeyFile";
    public const string DefaultFile = "keys/history-chain.key";

    public static ChainKey Load(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return FromBase64(configured, Setting);
        }

        var path = Path.GetFullPath(Path.Combine(contentRoot, configuration[FileSetting] ?? DefaultFile));
        SecretFile.WriteOnce(path, () => System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(ChainKey.MinimumBytes))));
        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    private static ChainKey FromBase64(string text, string source)
    {
        try
        {
            return new ChainKey(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The change-log key in {source} is not base64; it should be at least {ChainKey.MinimumBytes} random bytes, base64-encoded.");
        }
    }
}
