#!/usr/bin/env bash
# Adds a migration with the same name to every database provider, so the two never drift apart.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/../src/Duban.Core"
command -v dotnet-ef >/dev/null || dotnet tool install -g dotnet-ef --version 10.0.15
export PATH="$PATH:$HOME/.dotnet/tools"
dotnet ef migrations add "$name" --context SqliteDubanDb --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresDubanDb --output-dir Data/Migrations/Postgres
