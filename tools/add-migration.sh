#!/usr/bin/env bash
# Adds an EF Core migration for BOTH providers (SQLite and PostgreSQL keep separate migration sets).
# Usage: bash tools/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
cd api/Handoff.Storage
dotnet ef migrations add "$name" --context SqliteHandoffDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresHandoffDbContext --output-dir Migrations/Postgres
