#!/usr/bin/env bash
# A local two-shard ClickHouse cluster for development and CI: two clickhouse-server processes on loopback ports,
# configs and data under one temporary directory, Faultline's tables created on each shard.
#
#   scripts/clickhouse-cluster.sh start    # prints the value for FAULTLINE_CLICKHOUSE as its last line
#   scripts/clickhouse-cluster.sh status
#   scripts/clickhouse-cluster.sh stop     # ends both servers by their PIDs and removes the directory
#
# Environment: FAULTLINE_CH_DIR (state directory; default $TMPDIR/faultline-clickhouse), FAULTLINE_CH_PORT (first
# HTTP port, default 18123; the second shard takes the next one; TCP ports are 19000 and 19001 above it),
# FAULTLINE_CH_DATABASE (default faultline).
set -euo pipefail

cd "$(dirname "$0")/.."
DIR="${FAULTLINE_CH_DIR:-${TMPDIR:-/tmp}/faultline-clickhouse}"
HTTP0="${FAULTLINE_CH_PORT:-18123}"
TCP0=$((HTTP0 + 877))
DATABASE="${FAULTLINE_CH_DATABASE:-faultline}"
CLUSTER=faultline
SHARDS=(0 1)

server_bin() {
  if command -v clickhouse-server >/dev/null 2>&1; then command -v clickhouse-server
  elif [ -x /usr/sbin/clickhouse-server ]; then echo /usr/sbin/clickhouse-server
  elif command -v clickhouse >/dev/null 2>&1; then echo "$(command -v clickhouse) server"
  else return 1; fi
}

http_port() { echo $((HTTP0 + $1)); }
tcp_port() { echo $((TCP0 + $1)); }
pid_of() { cat "$DIR/shard$1/pid" 2>/dev/null || true; }
alive() { local p; p="$(pid_of "$1")"; [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
ping() { curl -fsS --max-time 2 "http://127.0.0.1:$(http_port "$1")/ping" >/dev/null 2>&1; }
url() { echo "http://127.0.0.1:$(http_port 0)/?database=${DATABASE}&cluster=${CLUSTER}"; }

write_config() {
  local i=$1 d="$DIR/shard$1"
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas" "$d/log"
  local remote=""
  for j in "${SHARDS[@]}"; do
    remote+="<shard><replica><host>127.0.0.1</host><port>$(tcp_port "$j")</port></replica></shard>"
  done
  cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><size>50M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http_port "$i")</http_port>
  <tcp_port>$(tcp_port "$i")</tcp_port>
  <interserver_http_port>$(($(tcp_port "$i") + 100))</interserver_http_port>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <max_connections>256</max_connections>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <remote_servers><${CLUSTER}>${remote}</${CLUSTER}></remote_servers>
</yandex>
XML
  cat >"$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

start() {
  local bin
  if ! bin="$(server_bin)"; then
    echo "clickhouse-cluster: clickhouse-server is not installed (apt-get install -y clickhouse-server clickhouse-client)" >&2
    exit 3
  fi
  mkdir -p "$DIR"
  for i in "${SHARDS[@]}"; do
    if alive "$i"; then continue; fi
    write_config "$i"
    # A plain background process, its own session so that it outlives this script; its PID is kept for `stop`.
    setsid $bin --config-file="$DIR/shard$i/config.xml" >"$DIR/shard$i/log/stdout.log" 2>&1 </dev/null &
    echo $! >"$DIR/shard$i/pid"
  done
  for i in "${SHARDS[@]}"; do
    local waited=0
    until ping "$i"; do
      if ! alive "$i"; then
        echo "clickhouse-cluster: shard $i exited; see $DIR/shard$i/log/" >&2
        tail -5 "$DIR/shard$i/log/error.log" "$DIR/shard$i/log/stdout.log" >&2 2>/dev/null || true
        exit 1
      fi
      if [ "$waited" -ge 600 ]; then echo "clickhouse-cluster: shard $i did not answer /ping within 60 s" >&2; exit 1; fi
      sleep 0.1
      waited=$((waited + 1))
    done
  done
  local shards=()
  for i in "${SHARDS[@]}"; do shards+=("http://127.0.0.1:$(http_port "$i")"); done
  node --import tsx src/store/clickhouse/create-tables.ts --database "$DATABASE" --cluster "$CLUSTER" "${shards[@]}" >&2
  url
}

status() {
  local ok=0
  for i in "${SHARDS[@]}"; do
    if alive "$i" && ping "$i"; then echo "shard $i: running (pid $(pid_of "$i"), http $(http_port "$i"), tcp $(tcp_port "$i"))"
    else echo "shard $i: stopped"; ok=1; fi
  done
  [ "$ok" = 0 ] && url
  return $ok
}

stop() {
  for i in "${SHARDS[@]}"; do
    local p
    p="$(pid_of "$i")"
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
      kill "$p"
      for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null || true
    fi
    rm -f "$DIR/shard$i/pid"
  done
  rm -rf "$DIR"
  echo "clickhouse-cluster: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
