# Backups and point-in-time restore of the local PostgreSQL with Debian's pgBackRest (sourced by services.sh).
# The repository is Debian's /var/lib/pgbackrest: WAL archiving is the whole cluster's, so it must not live in a
# clone that can be deleted (ADR 0022). The stanza is "bazaar"; its options are in /etc/pgbackrest/conf.d/bazaar.conf.

STANZA=bazaar
RESTORE_PORT=${BAZAAR_RESTORE_PORT:-5434}

pg_version() { ls /etc/postgresql | sort -V | tail -n 1; }

pgbr() { runuser -u postgres -- pgbackrest --stanza="$STANZA" "$@"; }

# ensure_pgbackrest: installed, configured, WAL archived through it (one restart of PostgreSQL the first time)
ensure_pgbackrest() {
  command -v pgbackrest >/dev/null || apt_install pgbackrest
  local version; version=$(pg_version)
  local conf=/etc/pgbackrest/conf.d/bazaar.conf
  if [ ! -f "$conf" ]; then
    say "Configuring pgBackRest stanza $STANZA for PostgreSQL $version ($conf, repository /var/lib/pgbackrest)"
    mkdir -p /etc/pgbackrest/conf.d
    cat >"$conf" <<CONF
[$STANZA]
pg1-path=/var/lib/postgresql/$version/main
pg1-port=5432
pg1-socket-path=/var/run/postgresql
repo1-retention-full=2
compress-type=lz4
start-fast=y
process-max=2
CONF
    chmod 644 "$conf"
  fi
  local command="pgbackrest --stanza=$STANZA archive-push %p"
  if [ "$(psql_admin -c 'SHOW archive_mode')" != on ] || [ "$(psql_admin -c 'SHOW archive_command')" != "$command" ]; then
    say "Archiving WAL through pgBackRest (archive_mode needs a restart of PostgreSQL, once)"
    psql_admin -c "ALTER SYSTEM SET archive_mode = 'on'" >/dev/null
    psql_admin -c "ALTER SYSTEM SET archive_command = '$command'" >/dev/null
    # a quiet database still closes a WAL segment every 30 s, so no committed event waits longer to be archived
    psql_admin -c "ALTER SYSTEM SET archive_timeout = '30s'" >/dev/null
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart || fail "PostgreSQL did not restart"
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! pgbr info 2>/dev/null | grep -q "status: ok\|status: error (no valid backups)"; then
    say "Creating the pgBackRest stanza $STANZA"
    pgbr stanza-create >/dev/null || fail "pgbackrest stanza-create failed (log: /var/log/pgbackrest)"
  fi
}

# pitr_backup [full|diff|incr]: a backup of the whole cluster, then the repository's contents
pitr_backup() {
  ensure_pgbackrest
  local type=${1:-full}
  say "Taking a $type backup with pgBackRest (stanza $STANZA)"
  pgbr --type="$type" backup || fail "the backup failed (log: /var/log/pgbackrest)"
  pgbr info
}

# pitr_window: the earliest instant a restore can reach (epoch seconds): the end of the oldest backup
pitr_window() {
  pgbr --output=json info | python3 -c '
import json, sys
stanza = json.load(sys.stdin)[0]
backups = stanza.get("backup", [])
if not backups:
    sys.exit("no backup yet: run ./bazaar backup first")
print(min(b["timestamp"]["stop"] for b in backups))'
}

restore_dir() { echo "/var/lib/postgresql/$(pg_version)/bazaar-restore"; }

stop_restored() {
  local dir; dir=$(restore_dir)
  if [ -f "$dir/postmaster.pid" ]; then
    runuser -u postgres -- "/usr/lib/postgresql/$(pg_version)/bin/pg_ctl" -D "$dir" -m fast stop >/dev/null || true
  fi
}

# pitr_restore INSTANT DATABASE: the database as it was at INSTANT (anything date -d reads), in a new cluster on
# $RESTORE_PORT; the primary is not touched. Refuses an instant outside the recoverable window, changing nothing.
pitr_restore() {
  local instant=$1 database=$2
  ensure_pgbackrest
  local target; target=$(date -u -d "$instant" +%s 2>/dev/null) || fail "not an instant: $instant"
  local earliest; earliest=$(pitr_window) || fail "nothing to restore from: run ./bazaar backup first"
  local now; now=$(date -u +%s)
  if [ "$target" -lt "$earliest" ] || [ "$target" -gt "$now" ]; then
    fail "$instant is outside the recoverable window: from $(date -u -d "@$earliest" +%FT%TZ) (end of the oldest backup) to now ($(date -u -d "@$now" +%FT%TZ)); nothing was changed"
  fi
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    fail "no database $database on the primary; nothing was changed"
  fi
  # every commit up to now reaches the archive: close the current WAL segment and wait until it is archived
  pgbr check >/dev/null || fail "WAL archiving does not work (pgbackrest check; log: /var/log/pgbackrest)"
  local version; version=$(pg_version)
  local bin="/usr/lib/postgresql/$version/bin" conf="/etc/postgresql/$version/main" dir; dir=$(restore_dir)
  stop_restored
  rm -rf "$dir" && mkdir -p "$dir" && chown postgres "$dir" && chmod 700 "$dir"
  local stamp; stamp=$(date -u -d "@$target" '+%F %T+00')
  say "Restoring $database as of $stamp into $dir"
  pgbr restore --pg1-path="$dir" --type=time --target="$stamp" --target-action=promote --db-include="$database" \
    --archive-mode=off >/dev/null || fail "the restore failed (log: /var/log/pgbackrest)"
  say "Starting the restored cluster on 127.0.0.1:$RESTORE_PORT (log: $dir/restore.log)"
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -l "$dir/restore.log" -w -t 600 -o \
    "-c config_file=$conf/postgresql.conf -c data_directory=$dir -c port=$RESTORE_PORT -c archive_mode=off -c external_pid_file=$dir/restore.pid -c hba_file=$conf/pg_hba.conf -c ident_file=$conf/pg_ident.conf" start >/dev/null \
    || fail "the restored cluster did not start; see $dir/restore.log"
  for _ in $(seq 1 600); do
    [ "$(psql -h 127.0.0.1 -p "$RESTORE_PORT" -U postgres -d postgres -qAt -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break
    sleep 1
  done
  # the databases left out of the restore are empty shells that PostgreSQL cannot open: drop them
  local other
  for other in $(psql -h 127.0.0.1 -p "$RESTORE_PORT" -U postgres -d postgres -qAt -c \
      "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname NOT IN ('postgres', '$database')"); do
    psql -h 127.0.0.1 -p "$RESTORE_PORT" -U postgres -d postgres -qAt -c "DROP DATABASE \"$other\"" >/dev/null 2>&1 || true
  done
  say "Restored: jdbc:postgresql://127.0.0.1:$RESTORE_PORT/$database"
}
