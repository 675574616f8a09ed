# Sourced by tools/test.sh: provides HANDOFF_TEST_POSTGRES, a throwaway PostgreSQL cluster on loopback, unless
# one is given. Installs Debian's postgresql when its binaries are missing. `handoff_pg_stop` removes it all.

handoff_pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

handoff_pg_start() {
  if [ -n "${HANDOFF_TEST_POSTGRES:-}" ]; then
    echo "postgres: using the server in HANDOFF_TEST_POSTGRES"
    return 0
  fi
  local bindir
  bindir=$(handoff_pg_bindir)
  if [ ! -x "${bindir:-/nonexistent}/initdb" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres: installing Debian's postgresql"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(handoff_pg_bindir)
  fi
  if [ ! -x "${bindir:-/nonexistent}/initdb" ]; then
    echo "postgres: initdb not found (install Debian's postgresql); PostgreSQL tests fail under CI, are ignored locally"
    return 1
  fi

  HANDOFF_PG_DIR=$(mktemp -d /tmp/handoff-pg.XXXXXX)
  mkdir -p "$HANDOFF_PG_DIR/sock"
  # initdb refuses to run as root: run the cluster as the postgres user (created if the package did not).
  HANDOFF_PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown -R postgres "$HANDOFF_PG_DIR"
    HANDOFF_PG_AS=(runuser -u postgres --)
  fi
  HANDOFF_PG_BIN=$bindir
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  "${HANDOFF_PG_AS[@]}" "$bindir/initdb" -D "$HANDOFF_PG_DIR/data" -U postgres -A trust --no-locale -E UTF8 >"$HANDOFF_PG_DIR/initdb.log" 2>&1 ||
    { echo "postgres: initdb failed:"; tail -n 5 "$HANDOFF_PG_DIR/initdb.log"; return 1; }
  # Loopback only, a private socket folder, and no fsync: the cluster is thrown away after the run.
  "${HANDOFF_PG_AS[@]}" "$bindir/pg_ctl" -D "$HANDOFF_PG_DIR/data" -l "$HANDOFF_PG_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $HANDOFF_PG_DIR/sock -F" start >/dev/null ||
    { echo "postgres: the server did not start:"; tail -n 5 "$HANDOFF_PG_DIR/server.log"; return 1; }
  export HANDOFF_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "postgres: throwaway cluster on 127.0.0.1:$port ($("$bindir/postgres" --version))"
}

handoff_pg_stop() {
  [ -n "${HANDOFF_PG_DIR:-}" ] || return 0
  "${HANDOFF_PG_AS[@]}" "$HANDOFF_PG_BIN/pg_ctl" -D "$HANDOFF_PG_DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$HANDOFF_PG_DIR"
  HANDOFF_PG_DIR=
}
