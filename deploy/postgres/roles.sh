#!/bin/sh
# The portal's two database roles and its database, made once by the server's superuser.
#   khcn owner (KHCN_OWNER_USER): owns the database and every table; runs `migrate` (and `create-admin`).
#   app role   (KHCN_APP_USER):   what the portal serves as; owns nothing. `migrate` with Database:AppRole set grants
#                                 it the portal's rights after every migration (AppRoleGrants.cs).
# docker compose runs this from /docker-entrypoint-initdb.d on a new data volume. On an existing server run it once as
# the superuser:  PGHOST=… PGUSER=postgres KHCN_OWNER_PASSWORD=… KHCN_APP_PASSWORD=… sh deploy/postgres/roles.sh
set -eu
: "${KHCN_DB:=khcn}" "${KHCN_OWNER_USER:=khcn_owner}" "${KHCN_APP_USER:=khcn_app}"
: "${KHCN_OWNER_PASSWORD:?set KHCN_OWNER_PASSWORD}" "${KHCN_APP_PASSWORD:?set KHCN_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-${PGUSER:-postgres}}" --dbname postgres \
  -v db="$KHCN_DB" -v owner="$KHCN_OWNER_USER" -v owner_password="$KHCN_OWNER_PASSWORD" \
  -v app="$KHCN_APP_USER" -v app_password="$KHCN_APP_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
-- NOINHERIT and no membership anywhere: the app role's rights are exactly its grants.
CREATE ROLE :"app" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
-- Only the two roles connect (the owner by owning it; the app role is granted CONNECT by migrate).
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
