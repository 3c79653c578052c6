#!/usr/bin/env bash
# Runs once, on the first start of an empty data volume (postgres image: /docker-entrypoint-initdb.d/).
# Creates one database and one owning user per service: database per service, no service can read another's tables.
# ENTENTE_DATABASES lists them; the password of <name> comes from <NAME>_DB_PASSWORD and defaults to the name
# itself (DEMO DEFAULT, see docs/CONVENTIONS.md; set the variables for anything but a demo).
set -euo pipefail

for db in ${ENTENTE_DATABASES:-backlog sprint decision governance}; do
  var="$(echo "$db" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"
  password="${!var:-$db}"
  echo "entente: creating database $db owned by user $db"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$db" -v password="$password" <<'SQL'
CREATE USER :"db" WITH PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
