#!/usr/bin/env bash
# Adds a migration with the same name to each provider's migration set, from the one model.
# Usage: ./scripts/add-migration.sh MigrationName
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: $0 MigrationName}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project Verivius.Infrastructure \
    --startup-project Verivius.Infrastructure \
    --context "${provider}VeriviusDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
# The model changed, so SQLite's compiled copy of it must too.
./scripts/compile-model.sh
