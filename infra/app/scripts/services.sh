#!/usr/bin/env bash
# Installs (where missing) and starts PostgreSQL, Redis and Elasticsearch on this machine, idempotently.
# Sourced by the bazaar entry script; every step says what it does, and a failure says what to do about it.
set -euo pipefail

BAZAAR_OPT=${BAZAAR_OPT:-/opt/bazaar}
# the checkout's root: set by the bazaar script; found from here when a test sources this file alone
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
ES_VERSION=8.19.21
ES_HOME="$BAZAAR_OPT/elasticsearch-$ES_VERSION"
ES_DATA="$BAZAAR_OPT/es-data"
ES_LOGS="$BAZAAR_OPT/es-logs"
ES_RUN="$BAZAAR_OPT/es-run"
ES_USER=bazaar-es
ES_PORT=${BAZAAR_ES_PORT:-9200}
ES_HEAP=${BAZAAR_ES_HEAP:-512m}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

apt_install() {
  say "Installing $* from Debian packages"
  if [ "$(id -u)" -ne 0 ]; then fail "installing $* needs root (or install it yourself: apt-get install $*)"; fi
  if [ -z "${BAZAAR_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null || fail "apt-get update failed"; export BAZAAR_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || fail "apt-get install $* failed"
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then say "PostgreSQL is running on 127.0.0.1:5432"; return; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql; fi
  command -v pg_isready >/dev/null || apt_install postgresql-client
  local version; version=$(ls /etc/postgresql | sort -V | tail -n 1)
  say "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start \
    || fail "PostgreSQL $version did not start; see /var/log/postgresql/"
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  fail "PostgreSQL is not accepting connections on 127.0.0.1:5432"
}

# As the PostgreSQL superuser: over loopback where that is trusted (machines of this kind), else as the postgres OS
# user over the local socket (peer authentication, Debian's default for a cluster this script installed itself).
psql_admin() {
  if psql -h 127.0.0.1 -U "${BAZAAR_PG_ADMIN:-postgres}" -d postgres -w -qAt -c 'SELECT 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U "${BAZAAR_PG_ADMIN:-postgres}" -d postgres -w -v ON_ERROR_STOP=1 -qAt "$@"
  else
    runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
  fi
}

# ensure_database NAME: the role "bazaar" and a database owned by it
ensure_database() {
  local db=$1
  psql_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bazaar') THEN CREATE ROLE bazaar LOGIN PASSWORD 'bazaar'; END IF; END \$\$;" \
    || fail "cannot create the PostgreSQL role bazaar (is trust or password auth set up for ${BAZAAR_PG_ADMIN:-postgres}?)"
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    say "Creating database $db"
    psql_admin -c "CREATE DATABASE \"$db\" OWNER bazaar" || fail "cannot create database $db"
  fi
}

drop_database() { psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true; }

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then say "Redis is running on 127.0.0.1:6379"; return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  say "Starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis \
    --logfile /var/log/redis/ci.log || fail "Redis did not start; see /var/log/redis/ci.log"
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG && return; sleep 0.5; done
  fail "Redis is not answering on 127.0.0.1:6379"
}

es_healthy() { curl -fsS -m 5 "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=3s" >/dev/null 2>&1; }

es_java_home() {
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64; do
    [ -x "$candidate/bin/java" ] && { echo "$candidate"; return; }
  done
  fail "no JDK for Elasticsearch under /usr/lib/jvm (it needs 17 or newer)"
}

install_elasticsearch() {
  say "Installing Elasticsearch $ES_VERSION into $ES_HOME (from Maven Central, ~107 MB once)"
  command -v unzip >/dev/null || apt_install unzip
  mkdir -p "$BAZAAR_OPT/dist"
  "$ROOT/mvnw" -q -B dependency:copy -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$BAZAAR_OPT/dist" -f "$ROOT/pom.xml" -N || fail "could not fetch the Elasticsearch zip from Maven Central"
  rm -rf "$ES_HOME.tmp" && mkdir -p "$ES_HOME.tmp"
  unzip -q "$BAZAAR_OPT/dist/elasticsearch-$ES_VERSION.zip" -d "$ES_HOME.tmp"
  mv "$ES_HOME.tmp/elasticsearch-$ES_VERSION" "$ES_HOME" && rm -rf "$ES_HOME.tmp"
}

ensure_elasticsearch() {
  if es_healthy; then say "Elasticsearch is running on 127.0.0.1:$ES_PORT"; return; fi
  [ -x "$ES_HOME/bin/elasticsearch" ] || install_elasticsearch
  id -u "$ES_USER" >/dev/null 2>&1 || { say "Creating system user $ES_USER (Elasticsearch refuses to run as root)"; useradd -r -m -s /bin/bash "$ES_USER"; }
  mkdir -p "$ES_DATA" "$ES_LOGS" "$ES_RUN"
  chown -R "$ES_USER" "$ES_HOME" "$ES_DATA" "$ES_LOGS" "$ES_RUN"
  chmod o+rx "$BAZAAR_OPT"
  local java_home; java_home=$(es_java_home)
  say "Starting Elasticsearch $ES_VERSION (heap $ES_HEAP, JDK $java_home)"
  su "$ES_USER" -s /bin/bash -c "ES_JAVA_HOME='$java_home' ES_JAVA_OPTS='-Xms$ES_HEAP -Xmx$ES_HEAP' '$ES_HOME/bin/elasticsearch' -d -p '$ES_RUN/es.pid' \
    -E discovery.type=single-node -E xpack.security.enabled=false -E http.port=$ES_PORT -E network.host=127.0.0.1 \
    -E path.data='$ES_DATA' -E path.logs='$ES_LOGS' -E cluster.routing.allocation.disk.threshold_enabled=false \
    -E action.destructive_requires_name=false" >/dev/null \
    || fail "Elasticsearch did not start; see $ES_LOGS"
  for _ in $(seq 1 90); do es_healthy && { say "Elasticsearch is ready"; return; }; sleep 1; done
  fail "Elasticsearch did not become healthy within 90 s; see $ES_LOGS"
}

ensure_services() {
  command -v curl >/dev/null || apt_install curl
  ensure_postgres
  ensure_redis
  ensure_elasticsearch
}

KAFKA_VERSION=4.4.0
KAFKA_HOME="$BAZAAR_OPT/kafka-$KAFKA_VERSION"
KAFKA_PORT=${BAZAAR_KAFKA_PORT:-9092}
KAFKA_HEAP=${BAZAAR_KAFKA_HEAP:-256m}

# the broker's jars from Maven Central (org.apache.kafka:kafka_2.13 and what it depends on): no tarball mirror needed
ensure_kafka_installed() {
  [ -f "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ] && return
  say "Installing the Kafka $KAFKA_VERSION broker into $KAFKA_HOME (jars from Maven Central, ~40 MB once)"
  rm -rf "$KAFKA_HOME.tmp"
  "$ROOT/mvnw" -q -B -f "$ROOT/infra/app/scripts/kafka/broker-pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$KAFKA_HOME.tmp/libs" || fail "could not fetch Kafka's jars from Maven Central"
  rm -rf "$KAFKA_HOME" && mv "$KAFKA_HOME.tmp" "$KAFKA_HOME"
}

kafka_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_kafka [data dir] [port] [controller port]: a single-node KRaft broker, its storage formatted on first start
start_kafka() {
  local dir=${1:-$BAZAAR_OPT/kafka-data} port=${2:-$KAFKA_PORT} controller=${3:-$((${2:-$KAFKA_PORT} + 1))}
  if kafka_answers "$port"; then say "Kafka is running on 127.0.0.1:$port"; return; fi
  ensure_kafka_installed
  mkdir -p "$dir/logs"
  sed -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$controller#g" -e "s#@DATA@#$dir/logs#g" \
    "$ROOT/infra/app/scripts/kafka/server.properties.template" >"$dir/server.properties"
  local broker=("-Dlog4j2.configurationFile=$ROOT/infra/app/scripts/kafka/log4j2.properties" -cp "$KAFKA_HOME/libs/*")
  if [ ! -f "$dir/logs/meta.properties" ]; then
    java "${broker[@]}" kafka.tools.StorageTool format -t "$(java "${broker[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$dir/server.properties" >"$dir/format.log" 2>&1 || fail "could not format Kafka's storage; see $dir/format.log"
  fi
  say "Starting Kafka $KAFKA_VERSION on 127.0.0.1:$port (KRaft, heap $KAFKA_HEAP, log: $dir/kafka.log)"
  nohup java -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" "${broker[@]}" kafka.Kafka "$dir/server.properties" >"$dir/kafka.log" 2>&1 &
  echo $! >"$dir/kafka.pid"
  for _ in $(seq 1 60); do kafka_answers "$port" && return; sleep 0.5; done
  fail "Kafka did not start within 30 s; see $dir/kafka.log"
}

stop_kafka() {
  local dir=${1:-$BAZAAR_OPT/kafka-data}
  [ -f "$dir/kafka.pid" ] || return 0
  local pid; pid=$(cat "$dir/kafka.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/kafka.pid"
}

ensure_nginx() {
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

# render_nginx_conf OUT RUN_DIR PORT "command ports" "projector ports" "query ports": nginx.conf.template filled in
render_nginx_conf() {
  local out=$1 run=$2 port=$3
  local servers=() role ports line
  for ports in "$4" "$5" "$6"; do
    line=""
    for p in $ports; do line+="        server 127.0.0.1:$p max_fails=1 fail_timeout=2s;"$'\n'; done
    servers+=("${line%$'\n'}")
  done
  mkdir -p "$run/nginx-temp"
  awk -v run="$run" -v port="$port" -v c="${servers[0]}" -v pr="${servers[1]}" -v q="${servers[2]}" '
    { gsub(/@RUN@/, run); gsub(/@PORT@/, port); gsub(/@DAEMON@/, "on") }
    /^@COMMAND_SERVERS@$/ { print c; next }
    /^@PROJECTOR_SERVERS@$/ { print pr; next }
    /^@QUERY_SERVERS@$/ { print q; next }
    { print }' "$ROOT/infra/app/scripts/nginx.conf.template" >"$out"
}

# start_nginx CONF: (re)starts the project's own nginx with the configuration, never the system's site
start_nginx() {
  local conf=$1 run; run=$(dirname "$conf")
  stop_nginx "$run"
  "$(nginx_bin)" -t -q -c "$conf" -p "$run" 2>"$run/nginx-error.log" || fail "nginx refused $conf; see $run/nginx-error.log"
  "$(nginx_bin)" -c "$conf" -p "$run" || fail "nginx did not start; see $run/nginx-error.log"
}

stop_nginx() {
  local run=$1
  if [ -f "$run/nginx.pid" ]; then
    local pid; pid=$(cat "$run/nginx.pid")
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$run/nginx.pid"
  fi
}

# A streaming standby of the local PostgreSQL on another port, made with Debian's own pg_basebackup (-R writes the
# standby's primary_conninfo and standby.signal): hot, read-only, replaying the primary's WAL as it is written.
REPLICA_PORT=${BAZAAR_REPLICA_PORT:-5433}
ensure_replica() {
  if pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" 2>/dev/null; then say "PostgreSQL standby is running on 127.0.0.1:$REPLICA_PORT"; return; fi
  local version; version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local bin="/usr/lib/postgresql/$version/bin" conf="/etc/postgresql/$version/main"
  local data="/var/lib/postgresql/$version/bazaar-replica"
  # replication connections match only a "replication" line in pg_hba.conf, never "all"
  if ! grep -Eq '^host\s+replication\s+\S+\s+127\.0\.0\.1/32' "$conf/pg_hba.conf"; then
    say "Allowing replication connections from 127.0.0.1 (pg_hba.conf) and reloading PostgreSQL"
    echo "host replication all 127.0.0.1/32 trust" >>"$conf/pg_hba.conf"
    psql_admin -c 'SELECT pg_reload_conf()' >/dev/null
  fi
  if [ ! -f "$data/standby.signal" ]; then
    say "Copying the primary into a standby at $data (pg_basebackup)"
    rm -rf "$data" && mkdir -p "$data" && chown postgres "$data" && chmod 700 "$data"
    runuser -u postgres -- "$bin/pg_basebackup" -h 127.0.0.1 -p 5432 -U postgres -D "$data" -R -X stream -c fast \
      || fail "pg_basebackup failed"
  fi
  say "Starting the standby on 127.0.0.1:$REPLICA_PORT (log: $data/standby.log)"
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/standby.log" -w -t 60 -o \
    "-c config_file=$conf/postgresql.conf -c data_directory=$data -c port=$REPLICA_PORT -c hot_standby=on -c hot_standby_feedback=on -c external_pid_file=$data/standby.pid -c hba_file=$conf/pg_hba.conf -c ident_file=$conf/pg_ident.conf" start >/dev/null \
    || fail "the standby did not start; see $data/standby.log"
}

stop_replica() {
  local version; version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local data="/var/lib/postgresql/$version/bazaar-replica"
  [ -f "$data/postmaster.pid" ] && runuser -u postgres -- "/usr/lib/postgresql/$version/bin/pg_ctl" -D "$data" -m fast stop >/dev/null || true
}

# shellcheck source=infra/app/scripts/recovery.sh
source "$(dirname "${BASH_SOURCE[0]}")/recovery.sh"
