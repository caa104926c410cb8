using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Tests.Domain;

/// <summary>The catalogue is the one description of a kind; these hold its entries consistent with themselves.</summary>
public class RecordCatalogueTests
{
    [Fact]
    public void EveryKindOnASheet_SaysHowItsRowsAreRead_AsRecordsOfItsOwnType()
    {
        foreach (var entry in RecordCatalogue.All.Where(e => e.Sheet is not null))
        {
            Assert.True(entry.Rows is not null, $"{entry.Kind} has a sheet but no rows: the pack reader would skip it");
            Assert.Equal(entry.RecordType, entry.Rows.Ask(new RecordTypeOfRows()));
        }
    }

    [Fact]
    public void AKindNamedByReference_IsWrittenIntoRecordsOneWay_ASnapshotKind_AsASnapshot()
    {
        foreach (var entry in RecordCatalogue.All.Where(e => e.Rows is not null))
        {
            var written = entry.Rows!.Ask(new HowRowsAreWritten());
            Assert.Equal(entry is SiteRecordKind ? "one way into records" : "as a snapshot", written);
            Assert.True(written == "as a snapshot" || entry.ReferenceColumn is not null, $"{entry.Kind} is read as records but has no reference column");
        }
    }

    private sealed class RecordTypeOfRows : ISheetRowsQuery<Type>
    {
        public Type Records<TRecord, TDetails>(RecordRows<TRecord, TDetails> rows)
            where TRecord : SiteRecord => typeof(TRecord);

        public Type Snapshot<TRecord, TDetails>(SnapshotRows<TRecord, TDetails> rows)
            where TRecord : Entity => typeof(TRecord);
    }

    private sealed class HowRowsAreWritten : ISheetRowsQuery<string>
    {
        public string Records<TRecord, TDetails>(RecordRows<TRecord, TDetails> rows)
            where TRecord : SiteRecord => (rows.Record is null) == (rows.RecordAll is null) ? "both or neither of Record and RecordAll" : "one way into records";

        public string Snapshot<TRecord, TDetails>(SnapshotRows<TRecord, TDetails> rows)
            where TRecord : Entity => "as a snapshot";
    }
}
