using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ComplaintsReceivedInTheMonthIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RecordDayIndexes.Create(migrationBuilder, RecordDayIndexes.ComplaintsReceived);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RecordDayIndexes.Drop(migrationBuilder, RecordDayIndexes.ComplaintsReceived);
        }
    }
}
