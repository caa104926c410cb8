#!/usr/bin/env bash
# Compiles SQLite's model ahead into Verivius.Infrastructure/Persistence/CompiledModels/Sqlite, so that no
# verb or portal start spends a second building it. Run it after any change to an entity's configuration;
# MigrationTests fails while the compiled model lags the configurations.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef dbcontext optimize \
  --project Verivius.Infrastructure \
  --startup-project Verivius.Infrastructure \
  --context SqliteVeriviusDbContext \
  --output-dir Persistence/CompiledModels/Sqlite \
  --namespace Verivius.Infrastructure.Persistence.CompiledModels.Sqlite
