using Verivius.Domain.Common;

namespace Verivius.Domain.Packs;

/// <summary>One upload of a month's pack: who sent it, when, the file's fingerprint and what it held.</summary>
public sealed class PackVersion : Entity
{
    private PackVersion()
    {
    }

    internal PackVersion(Guid packId, int number, string fileName, string storedName, long sizeBytes, string sha256, string uploadedBy, DateTimeOffset uploadedAt, string rowCounts)
    {
        PackId = packId;
        Number = number;
        FileName = fileName;
        StoredName = storedName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        RowCounts = rowCounts;
    }

    public Guid PackId { get; private set; }

    public int Number { get; private set; }

    public string FileName { get; private set; } = "";

    public string StoredName { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Rows per sheet, as JSON (<c>{"Incidents":12,...}</c>).</summary>
    public string RowCounts { get; private set; } = "";

    /// <summary>Whether the challenge engine is still to check the site after this version: an upload is answered first, and checked in the background.</summary>
    public bool AwaitingChallengeCheck { get; private set; }

    /// <summary>What the engine changed when it checked the site after this version, in a sentence; null until then, or when it was not checked for it.</summary>
    public string? ChallengeCheck { get; private set; }

    public void AwaitChallengeCheck() => AwaitingChallengeCheck = true;

    public void ChallengesChecked(string outcome)
    {
        AwaitingChallengeCheck = false;
        ChallengeCheck = outcome;
    }
}
