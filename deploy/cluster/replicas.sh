#!/usr/bin/env bash
# 码上联络 — N app replicas on the local Galera cluster, behind nginx (issue 20).
#
#   deploy/cluster/replicas.sh start [N]   # N replicas (default 3) on 127.0.0.1:8181.., replica i on Galera node ((i-1)%3)+1,
#                                          # nginx on 127.0.0.1:8180 (round robin), Redis on 127.0.0.1:6379
#                                          # (CLUSTER_PORT=P moves nginx to P and replica i to P+i)
#   deploy/cluster/replicas.sh stop        # stops the replicas, nginx and the redis-server this script started
#   deploy/cluster/replicas.sh status
#
# Needs the cluster (deploy/cluster/galera.sh start). Builds the packaged jar when missing (SKIP_BUILD=1 reuses it),
# loads a small generated city (BenchCity: CITY_STATIONS=20 stations, 100 deputies, 200 concerns) once into the
# `mashang` database, runs the replicas in the prod environment. REDIS=0 leaves redis.uri unset (single-node limits).
# Extra JDBC options: DB_OPTS (default wsrep_sync_wait=1 for read-your-writes across nodes, see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${CLUSTER_OUT:-$ROOT/target/cluster}
mkdir -p "$OUT"
DB=${GALERA_DB:-mashang}
REDIS=${REDIS:-1}
BASE=${CLUSTER_PORT:-8180}   # nginx; replica i on BASE+i (apart from src/bench/run.sh's 8081-8088)
DB_OPTS=${DB_OPTS:-sessionVariables=wsrep_sync_wait=1}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx192m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"}
log() { printf '\033[1m[replicas %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
jdbc() { echo "jdbc:mysql://127.0.0.1:$((3306 + $1))/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=utf8&allowPublicKeyRetrieval=true&useSSL=false${DB_OPTS:+&$DB_OPTS}"; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
JAVA=""
for j in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$j" ] && "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then JAVA=$j; break; fi
done

tools() {
  local need=()
  [ -x "$NGINX" ] || need+=(nginx)
  command -v redis-server >/dev/null || need+=(redis-server)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} (apt-get)"
    $SUDO apt-get install -y "${need[@]}" >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need[@]}" >/dev/null; }
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  fi
  [ -n "$JAVA" ] || { echo "no JDK >= 21 found" >&2; exit 1; }
}

app_jar() { ls target/mashang-lianluo-*.jar 2>/dev/null | grep -v original | head -1; }

build() {
  # the packaged jar holds every runtime dependency (Flyway, the driver, BCrypt): the city generator needs no more
  if [ "${SKIP_BUILD:-0}" = 1 ] && [ -n "$(app_jar)" ] && [ -d target/test-classes ]; then return; fi
  log "building the jar (mvnw package, tests not run)"
  ./mvnw -B -q -DskipTests package
}

seed() {
  local have
  have=$(mariadb -uroot -h127.0.0.1 -P3307 -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB' AND table_name='station'")
  if [ "$have" = 1 ] && [ -f "$OUT/city/codes.txt" ]; then return; fi
  log "loading a small city into $DB on node 1 (BenchCity)"
  "$JAVA" -Xmx512m -cp "target/test-classes:$(app_jar)" cn.mashang.bench.BenchCity "$(jdbc 1)" root '' \
    "${CITY_STATIONS:-20}" "${CITY_DEPUTIES:-100}" "${CITY_CONCERNS:-200}" "$OUT/city" >"$OUT/seed.log" 2>&1 \
    || { tail -30 "$OUT/seed.log" >&2; exit 1; }
}

redis_up() {
  [ "$REDIS" = 1 ] || return 0
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting redis-server on 127.0.0.1:6379"
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --pidfile "$OUT/redis.pid" --save '' --appendonly no
    touch "$OUT/redis.started-here"
  fi
}

start_one() { # i
  local i=$1 port=$((BASE + $1)) node=$(( ($1 - 1) % 3 + 1 ))
  [ -f "$OUT/app-$port.pid" ] && kill -0 "$(cat "$OUT/app-$port.pid")" 2>/dev/null && { log "replica $i already up"; return 0; }
  [ -f "$OUT/secrets.env" ] || printf 'JWT_SECRET=%s\nPII_KEY=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 56)" \
      "$(head -c 32 /dev/urandom | base64)" > "$OUT/secrets.env"
  set -a; . "$OUT/secrets.env"; set +a
  local redis_env=()
  [ "$REDIS" = 1 ] && redis_env=(REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379})
  env MICRONAUT_ENVIRONMENTS=prod PORT=$port DB_URL="$(jdbc "$node")" DB_USER=root DB_PASSWORD= DB_POOL_SIZE=${DB_POOL_SIZE:-10} \
    PUBLIC_BASE_URL=http://127.0.0.1:$BASE TRUSTED_PROXIES=127.0.0.1/32 STORAGE_DIR="$OUT/storage" "${redis_env[@]}" \
    setsid "$JAVA" $JAVA_OPTS -jar "$(app_jar)" </dev/null >"$OUT/app-$port.log" 2>&1 &
  echo $! > "$OUT/app-$port.pid"
  for _ in $(seq 1 900); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ] && { log "replica $i on :$port -> node$node"; return 0; }
    kill -0 "$(cat "$OUT/app-$port.pid")" 2>/dev/null || { tail -30 "$OUT/app-$port.log" >&2; echo "replica $i died" >&2; exit 1; }
    sleep 0.2
  done
  echo "replica $i did not answer" >&2; exit 1
}

nginx_up() { # n
  local n=$1
  sed -e 's|access_log .*|access_log '"$OUT"'/nginx-access.log mashang_local;|' -e '/limit_req/d' deploy/nginx/local-replicas.conf \
    | awk -v n="$n" -v base="$BASE" '/server 127.0.0.1:808[1-9]/ { p = substr($2, 14, 1) + 0; if (p > n) next; sub(/:808[1-9]/, ":" (base + p)) }
        /listen 127.0.0.1:8088/ { sub(/:8088/, ":" base) } { print }' > "$OUT/local-replicas.conf"
  cat > "$OUT/nginx.conf" <<NG
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
worker_processes 1;
events { worker_connections 1024; }
http { include /etc/nginx/mime.types; include $OUT/local-replicas.conf; }
NG
  if [ -f "$OUT/nginx.pid" ] && kill -0 "$(cat "$OUT/nginx.pid")" 2>/dev/null; then "$NGINX" -c "$OUT/nginx.conf" -s reload
  else "$NGINX" -c "$OUT/nginx.conf"; fi
  log "nginx on 127.0.0.1:$BASE -> $n replica(s)"
}

stop() {
  local f p
  for f in "$OUT"/app-*.pid; do
    [ -f "$f" ] || continue; p=$(cat "$f")
    kill "$p" 2>/dev/null && while kill -0 "$p" 2>/dev/null; do sleep 0.1; done
    rm -f "$f"
  done
  if [ -f "$OUT/nginx.pid" ]; then "$NGINX" -c "$OUT/nginx.conf" -s quit 2>/dev/null || true; rm -f "$OUT/nginx.pid"; fi
  if [ -f "$OUT/redis.started-here" ] && [ -f "$OUT/redis.pid" ]; then kill "$(cat "$OUT/redis.pid")" 2>/dev/null || true; rm -f "$OUT/redis.started-here"; fi
  log "stopped"
}

case "${1:-}" in
  start) N=${2:-3}; tools; build; seed; redis_up; for i in $(seq 1 "$N"); do start_one "$i"; done; nginx_up "$N" ;;
  stop) stop ;;
  status) for f in "$OUT"/app-*.pid; do [ -f "$f" ] && echo "$(basename "$f" .pid) pid $(cat "$f") $(kill -0 "$(cat "$f")" 2>/dev/null && echo up || echo down)"; done; true ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
