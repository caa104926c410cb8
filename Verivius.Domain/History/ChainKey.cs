using System.Security.Cryptography;
using System.Text;
using Verivius.Domain.Common;

namespace Verivius.Domain.History;

/// <summary>
/// The secret the change log is sealed with (HMAC-SHA256). It is kept outside the database, so
/// someone who can edit the database can neither recompute the chain after an edit nor forge a
/// checkpoint: what they change no longer verifies.
/// </summary>
public sealed class ChainKey
{
    public const int MinimumBytes = 32;

    private readonly byte[] _secret;

    public ChainKey(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumBytes)
        {
            throw new DomainException($"The change-log key must be at least {MinimumBytes} bytes; this one is {secret.Length}.");
        }

        _secret = [.. secret];
    }

    public static ChainKey New() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>The HMAC-SHA256 of the text under this key, as lower-case hex.</summary>
    public string Seal(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether a seal is this key's seal of the text, compared in constant time.</summary>
    public bool Sealed(string text, string seal) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal(text)), Encoding.ASCII.GetBytes(seal));
}
