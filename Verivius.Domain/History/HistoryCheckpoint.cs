using System.Globalization;

namespace Verivius.Domain.History;

/// <summary>
/// The change log's position at a moment (the last entry's sequence and seal), itself sealed under
/// the log's key. Copies leave the database (every governance document carries the latest), so a log
/// cut short or rewritten after it is found by comparing it with a copy the board already holds.
/// </summary>
public sealed class HistoryCheckpoint
{
    /// <summary>How many characters of the entry's seal a document shows: 64 bits, enough that no rewrite matches by chance.</summary>
    public const int ShownSealLength = 16;

    private HistoryCheckpoint()
    {
    }

    public HistoryCheckpoint(ChangeLogEntry last, DateTimeOffset at, ChainKey key)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(key);
        Sequence = last.Sequence;
        EntryHash = last.Hash;
        At = ChainTime.Of(at);
        Signature = key.Seal(Text);
    }

    public long Sequence { get; private set; }

    /// <summary>The seal of entry <see cref="Sequence"/> when the checkpoint was taken.</summary>
    public string EntryHash { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string Signature { get; private set; } = "";

    /// <summary>How a document prints it and an operator types it back: <c>1234:9f3a1c2e7b4d0a11</c>.</summary>
    public string Reference => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{EntryHash[..ShownSealLength]}";

    private string Text => $"{Sequence.ToString(CultureInfo.InvariantCulture)}\n{EntryHash}\n{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    public bool IsGenuine(ChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sealed(Text, Signature);
    }

    /// <summary>
    /// What a checkpoint reference says of the log now: null when the log still holds the entry it
    /// saw, with the seal it saw; otherwise why not.
    /// </summary>
    /// <param name="reference">A reference as <see cref="Reference"/> prints it.</param>
    /// <param name="lastSequence">The log's last entry now.</param>
    /// <param name="hashAtSequence">The seal of the entry the reference names, if the log still has it.</param>
    public static string? Disagreement(string reference, long lastSequence, string? hashAtSequence)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var parts = reference.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || parts[1].Length < ShownSealLength || !parts[1].All(char.IsAsciiHexDigitLower))
        {
            return $"\"{reference}\" is not a checkpoint reference; it is written SEQUENCE:SEAL, such as 1234:9f3a1c2e7b4d0a11, as the footer of a governance document shows it";
        }

        if (lastSequence < sequence)
        {
            return $"the checkpoint saw entry {sequence}, but the log now ends at entry {lastSequence}: entries were removed from its end";
        }

        return hashAtSequence is not null && hashAtSequence.StartsWith(parts[1], StringComparison.Ordinal)
            ? null
            : $"entry {sequence} is not the entry the checkpoint saw: the log was rewritten at or before it";
    }
}
