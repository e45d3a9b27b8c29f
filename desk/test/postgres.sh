#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the desk's tests (CI and local runs).
#   eval "$(desk/test/postgres.sh start)"   # prints: export SP_TEST_DATABASE_URL=… SP_TEST_PG_DIR=…
#   desk/test/postgres.sh stop [DIR]         # stops it and removes its folder
# PostgreSQL refuses to run as root, so under root the cluster belongs to the "postgres" user
# (created by Debian's package) or "nobody". Authentication is "trust" on 127.0.0.1 only: the
# cluster lives for one test run in a temporary folder and listens on no other address.
set -euo pipefail

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  # Debian's package keeps the server tools out of PATH, in /usr/lib/postgresql/<major>/bin.
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] || { echo "postgres.sh: $1 not found (apt-get install postgresql)" >&2; exit 1; }
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

OWNER=postgres
getent passwd postgres >/dev/null || OWNER=nobody

# Like scripts/ensure-chromium.mjs for the browser: as root on Debian, install the server when missing,
# so `npm test` on a fresh machine needs no step of its own.
ensure_installed() {
  if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "postgres.sh: installing Debian's postgresql for the desk's tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

case "${1:-}" in
  start)
    ensure_installed
    # The package creates the "postgres" user; it may have been installed just now.
    getent passwd postgres >/dev/null && OWNER=postgres
    PG_CTL=$(find_bin pg_ctl)
    INITDB=$(find_bin initdb)
    DIR=$(mktemp -d /tmp/sp-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown "$OWNER" "$DIR"
    PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$INITDB" -D "$DIR/data" -U sp --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$PG_CTL" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off -c max_connections=200" \
      start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    echo "export SP_TEST_DATABASE_URL=postgres://sp@127.0.0.1:$PORT/postgres SP_TEST_PG_DIR=$DIR"
    ;;
  stop)
    DIR=${2:-${SP_TEST_PG_DIR:-}}
    [ -n "$DIR" ] && [ -d "$DIR/data" ] || { echo "postgres.sh: no cluster folder to stop" >&2; exit 1; }
    as_owner "$(find_bin pg_ctl)" -D "$DIR/data" -m fast -w stop >/dev/null
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: desk/test/postgres.sh start | stop [DIR]" >&2
    exit 2
    ;;
esac
