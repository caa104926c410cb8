using System.Security.Cryptography;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>Passwords an admin hands over once; the person must replace them at first sign-in.</summary>
public static class OneTimePasswords
{
    // No 0/o, 1/l/i: the password is read aloud or copied by hand.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Four groups of four, about 79 bits of entropy, well over the 12-character minimum.</summary>
    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems(Alphabet.AsSpan(), 16);
        return string.Join('-', Enumerable.Range(0, 4).Select(group => new string(chars, group * 4, 4)));
    }
}
