using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TrainingRenewalIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RecordDayIndexes.Create(migrationBuilder, RecordDayIndexes.TrainingRenewals);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RecordDayIndexes.Drop(migrationBuilder, RecordDayIndexes.TrainingRenewals);
        }
    }
}
