namespace Verivius.Web.Features.Records;

/// <summary>What every add-or-change form of a record has: the record's reference and whether it is new.</summary>
public interface IRecordForm
{
    string Reference { get; set; }

    bool IsNew { get; set; }
}
