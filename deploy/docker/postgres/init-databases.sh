#!/usr/bin/env bash
# Runs once, on the first start of an empty data volume (postgres image: /docker-entrypoint-initdb.d/).
# Per service: one database and two login roles, so that no service can read another's tables and the application
# cannot rewrite its own audit trail:
#   <name>_owner  owns the database and its tables; the service's migrations (Flyway) run as it;
#   <name>        the application role; it gets only what the migrations grant it (no UPDATE/DELETE/TRUNCATE on
#                 audit_log, no DDL), see services/platform/runtime/src/main/resources/db/platform/.
# ENTENTE_DATABASES lists them; passwords come from <NAME>_DB_PASSWORD and <NAME>_OWNER_DB_PASSWORD and default to
# the role names (DEMO DEFAULT, see docs/CONVENTIONS.md; set the variables for anything but a demo).
set -euo pipefail

for db in ${ENTENTE_DATABASES:-backlog sprint decision governance notification}; do
  prefix="$(echo "$db" | tr '[:lower:]-' '[:upper:]_')"
  app_var="${prefix}_DB_PASSWORD"
  owner_var="${prefix}_OWNER_DB_PASSWORD"
  password="${!app_var:-$db}"
  owner_password="${!owner_var:-${db}_owner}"
  echo "entente: creating database $db owned by ${db}_owner, used by $db"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$db" -v owner="${db}_owner" -v password="$password" -v owner_password="$owner_password" <<'SQL'
CREATE USER :"owner" WITH PASSWORD :'owner_password';
CREATE USER :"db" WITH PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"db";
SQL
done
