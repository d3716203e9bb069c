#!/usr/bin/env bash
# 码上联络 — benchmark harness (issue 10). One command from a fresh clone:
#
#   src/bench/run.sh                     # 2,000 stations, 10,000 deputies, 1,000,000 concerns; 1 replica
#   src/bench/run.sh --scale-out         # … then 2 and 3 replicas behind nginx + the cross-replica checks
#   src/bench/run.sh --concerns 20000 --duration 5     # a quick smoke run
#
# Needs: a MariaDB/MySQL on 127.0.0.1:3306 (root, empty password by default: DB_HOST/DB_PORT/DB_USER/DB_PASSWORD),
# a JDK >= 21, and wrk + nginx (installed with apt-get when missing). Everything is local: loopback only.
# Prints one table (also written to target/bench/results.md; results-cluster.md with --cluster). Options:
#   --stations N --deputies N --concerns N   city size (generated once per size; --regenerate forces it)
#   --db NAME            database (default mashang_bench; dropped and re-created on generation)
#   --duration S         seconds per wrk run (default 12; each run is preceded by a 4 s warm-up)
#   --connections N      wrk connections (default 64), --threads N wrk threads (default 2)
#   --pool N             Hikari pool size of the app (default 20)
#   --pool-sweep "A B C" submission rps per pool size (restarts the app per size)
#   --replicas N         replicas for the main table (default 1; >1 puts nginx in front)
#   --scale-out          after the main table: landing and submission with 1, 2, 3 replicas + ScaleOutCheck
#   --skip-build         reuse target/ (jar and test classes)
#   --dash-calls N       in-process dashboard calls per kind after the HTTP runs (DashBench; default 300, 0 = skip)
#   SEARCH_CALLS=N       (environment) in-process searches per scope (SearchBench; default 270, 0 = skip)
#   LEDGER=0             (environment) skip the in-process ledger exports (LedgerBench, at the app's heap)
#   --jfr                record a JFR profile of replica 1 during the submission run (target/bench/submit.jfr)
#   PROFILE="a b"        (environment) a JFR recording (settings=profile) of replica 1 over the measured part of the
#                        named wrk runs (names as in the log: landing, queue, dashboard, queue_c4, dashboard_c4, …): jfr-<name>.jfr
#   EXTRA_OPTS="…"       (environment) more JVM options of the app, e.g. -Xlog:gc:file=target/bench/gc.log (kept
#                        beside the AOT cache flags)
#   --cluster            the same table on the local 3-node Galera cluster (deploy/cluster/galera.sh: 127.0.0.1:3307-3309,
#                        data under /tmp/mashang-galera-bench, stopped at the end unless KEEP_CLUSTER=1): replica i on
#                        node ((i-1)%3)+1 with wsrep_sync_wait=1, 3 replicas behind nginx unless --replicas; a smaller
#                        default city (200 stations, 1,000 deputies, 100,000 concerns) unless sizes are given
#   --buffer-pool-mb N   SET GLOBAL innodb_buffer_pool_size first (default: raised to a third of the RAM, at most
#                        8192 MB, when the city has >= 500,000 concerns; 0 = leave the server alone).
#                        Durability settings are never changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH_DIR=$ROOT/src/bench/wrk
OUT=$ROOT/target/bench
mkdir -p "$OUT"

STATIONS=2000 DEPUTIES=10000 CONCERNS=1000000 DB=mashang_bench DURATION=12 CONNS=64 THREADS=2 POOL=20
REGENERATE=0 REPLICAS=1 SCALE_OUT=0 SKIP_BUILD=0 POOL_SWEEP="" JFR=0 BUFFER_POOL_MB=auto DASH_CALLS=300 CLUSTER=0
SIZED=0 REPLICAS_SET=0
while [ $# -gt 0 ]; do
  case "$1" in
    --stations) STATIONS=$2; SIZED=1; shift ;;
    --deputies) DEPUTIES=$2; SIZED=1; shift ;;
    --concerns) CONCERNS=$2; SIZED=1; shift ;;
    --db) DB=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --pool) POOL=$2; shift ;;
    --pool-sweep) POOL_SWEEP=$2; shift ;;
    --replicas) REPLICAS=$2; REPLICAS_SET=1; shift ;;
    --cluster) CLUSTER=1 ;;
    --scale-out) SCALE_OUT=1 ;;
    --regenerate) REGENERATE=1 ;;
    --skip-build) SKIP_BUILD=1 ;;
    --jfr) JFR=1 ;;
    --dash-calls) DASH_CALLS=$2; shift ;;
    --buffer-pool-mb) BUFFER_POOL_MB=$2; shift ;;
    -h|--help) sed -n "2,32p" "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$CLUSTER" = 1 ]; then
  [ "$SIZED" = 1 ] || { STATIONS=200 DEPUTIES=1000 CONCERNS=100000; }
  [ "$REPLICAS_SET" = 1 ] || REPLICAS=3
  [ "$DB" = mashang_bench ] && DB=mashang_cbench
  DB_PORT=3307 BUFFER_POOL_MB=0
fi
DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-3306} DB_USER=${DB_USER:-root} DB_PASSWORD=${DB_PASSWORD:-}
# jdbc_url PORT -> the app's URL on that server port (on the cluster: read-your-writes across nodes, wsrep_sync_wait=1)
jdbc_url() { echo "jdbc:mysql://$DB_HOST:$1/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=utf8&allowPublicKeyRetrieval=true&useSSL=false$([ "$CLUSTER" = 1 ] && echo '&sessionVariables=wsrep_sync_wait=1')"; }
JDBC=$(jdbc_url "$DB_PORT")
# The app's JVM: small heap, serial GC (2 cores: no parallel GC threads to pay for), capped metaspace/code cache.
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms96m -Xmx192m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError"}
log() { printf '\033[1m[bench %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -N -B "$@"; }

# ---- tools ------------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v mariadb >/dev/null || need+=(mariadb-client)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y "${need[@]}" >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
JAVA=""
for j in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$j" ] && [ "$(java_major "$j" || echo 0)" -ge 21 ] 2>/dev/null; then JAVA=$j; break; fi
done
[ -n "$JAVA" ] || { echo "no JDK >= 21 found" >&2; exit 1; }
JBIN=$(dirname "$JAVA")

# ---- build ------------------------------------------------------------------------------------------------
if [ "$SKIP_BUILD" = 0 ] || [ ! -f "$OUT/cp.txt" ]; then
  log "building the jar and the bench runners (mvnw package, tests not run)"
  ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
fi
JAR=$(ls target/mashang-lianluo-*.jar | grep -v original | head -1)
RUNNER_CP="target/test-classes:target/classes:$(cat "$OUT/cp.txt")"
runner() { "$JAVA" -Xmx1g -cp "$RUNNER_CP" "$@"; }

# ---- the Galera cluster (--cluster) ----
if [ "$CLUSTER" = 1 ]; then
  export GALERA_DIR=${GALERA_DIR:-/tmp/mashang-galera-bench} GALERA_DB=$DB
  log "starting the 3-node Galera cluster (deploy/cluster/galera.sh start, $GALERA_DIR)"
  deploy/cluster/galera.sh start >&2
fi

# ---- database server memory ----
bp=$(sql -e 'SELECT @@innodb_buffer_pool_size DIV 1048576')
if [ "$BUFFER_POOL_MB" = auto ]; then
  BUFFER_POOL_MB=0
  # a 1M-concern city is ~4.5 GB of data and indexes once searchable (concern_term 2.3 GB): with 2 GB the search
  # index build turned I/O-bound (1,759 page reads/s, 540 → 100 concerns/s); a third of the RAM, at most 8 GB
  want_mb=$(awk '/MemTotal/ { m = int($2 / 1024 / 3); print (m > 8192 ? 8192 : m) }' /proc/meminfo)
  [ "$CONCERNS" -ge 500000 ] && [ "$bp" -lt "$want_mb" ] && BUFFER_POOL_MB=$want_mb
fi
if [ "$BUFFER_POOL_MB" != 0 ] && [ "$bp" != "$BUFFER_POOL_MB" ]; then
  log "innodb_buffer_pool_size ${bp} MB -> ${BUFFER_POOL_MB} MB (a 1M-concern city's indexes do not fit in less; --buffer-pool-mb 0 to keep)"
  sql -e "SET GLOBAL innodb_buffer_pool_size = $((BUFFER_POOL_MB * 1048576))" || log "could not resize the buffer pool (privilege?)"
fi

# ---- city -------------------------------------------------------------------------------------------------
want="stations=$STATIONS deputies=$DEPUTIES concerns=$CONCERNS referrals=1"
have=""
if [ -f "$OUT/city-$DB.properties" ] && [ "$(sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB' AND table_name='concern'" 2>/dev/null)" = 1 ]; then
  have=$(grep -E '^(stations|deputies|concerns|referrals)=' "$OUT/city-$DB.properties" | tr '\n' ' ' | sed 's/ $//')
fi
GEN_SECONDS="(reused)"
if [ "$REGENERATE" = 1 ] || [ "$have" != "$want" ]; then
  log "generating the city into $DB: $want (drops the database)"
  sql -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  g0=$(date +%s)
  runner cn.mashang.bench.BenchCity "$JDBC" "$DB_USER" "$DB_PASSWORD" "$STATIONS" "$DEPUTIES" "$CONCERNS" "$OUT/city-$DB"
  GEN_SECONDS=$(( $(date +%s) - g0 ))
  echo "$GEN_SECONDS" > "$OUT/city-$DB/generation-seconds"
  cp "$OUT/city-$DB/city.properties" "$OUT/city-$DB.properties"
else
  log "city already generated in $DB ($have); --regenerate to rebuild"
  GEN_SECONDS="$(cat "$OUT/city-$DB/generation-seconds" 2>/dev/null || echo '?') (earlier run)"
fi
CITY=$OUT/city-$DB
# committee roll-ups: a bulk load marks nothing dirty, so they are rebuilt once per generated city
if [ ! -f "$CITY/rollup-seconds" ]; then
  log "building the dashboard roll-ups (RollupJob.rebuild, 13 months × every station)"
  r0=$(date +%s)
  runner -Dbench.user="$DB_USER" -Dbench.password="$DB_PASSWORD" cn.mashang.dashboard.DashBench "$JDBC" 0
  echo $(( $(date +%s) - r0 )) > "$CITY/rollup-seconds"
fi
# the overdue job's first pass over the bulk-loaded city (every concern never looked at): a one-off, done here once
# per city so the measured runs see the job's steady state (each pass walks only the concerns whose next look passed)
if [ ! -f "$CITY/first-pass-seconds" ]; then
  log "first passes of the supervision and overdue jobs and the roll-up over the generated city (JobsFirstPass, once per city)"
  sql "$DB" -e "UPDATE job_lock SET locked_until = '2000-01-01', locked_by = NULL"
  f0=$(date +%s)
  runner -Dbench.user="$DB_USER" -Dbench.password="$DB_PASSWORD" cn.mashang.bench.JobsFirstPass "$JDBC" 2>/dev/null | grep 'first pass' >&2 || true
  echo $(( $(date +%s) - f0 )) > "$CITY/first-pass-seconds"
  touch "$CITY/supervision-first-pass"
fi
# a city generated before V112 (referral.supervise_at): the supervision job's first pass alone, once
if [ ! -f "$CITY/supervision-first-pass" ]; then
  log "first pass of the referral supervision job over the generated city (JobsFirstPass supervision, once per city)"
  sql "$DB" -e "UPDATE job_lock SET locked_until = '2000-01-01', locked_by = NULL"
  runner -Dbench.user="$DB_USER" -Dbench.password="$DB_PASSWORD" cn.mashang.bench.JobsFirstPass "$JDBC" supervision 2>/dev/null | grep 'first pass' >&2 || true
  touch "$CITY/supervision-first-pass"
fi
# remove rows left by an earlier benchmark run (submissions, the insert ceiling) so every run starts alike
NCODES=$(sed -n 's/^codes=//p' "$CITY/city.properties")
sql "$DB" -e "SET foreign_key_checks=0; DELETE FROM concern_event WHERE concern_id > $CONCERNS; DELETE FROM concern_term WHERE concern_id > $CONCERNS; DELETE FROM concern WHERE id > $CONCERNS;
  DELETE FROM idempotency_record; DELETE FROM notification_outbox; DELETE FROM code_revocation; DELETE FROM code_scan_day; UPDATE job_lock SET locked_until = '2000-01-01', locked_by = NULL;
  DELETE FROM contact_code WHERE id > $NCODES; UPDATE contact_code SET active=TRUE, revoked_at=NULL WHERE active=FALSE;
  UPDATE staff_account SET token_version=0"

# ---- secrets (random per checkout, kept in target/bench) ---------------------------------------------------
if [ ! -f "$OUT/secrets.env" ]; then
  printf 'JWT_SECRET=%s\nPII_KEY=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 56)" \
    "$(head -c 32 /dev/urandom | base64)" > "$OUT/secrets.env"
fi
set -a; . "$OUT/secrets.env"; set +a

# ---- app processes ----------------------------------------------------------------------------------------
PIDS=()
NGINX_CONF=$OUT/nginx.conf
cleanup() {
  local p
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$OUT/nginx.pid" ] && "$NGINX" -c "$NGINX_CONF" -s quit 2>/dev/null || true
  if [ "$CLUSTER" = 1 ] && [ "${KEEP_CLUSTER:-0}" != 1 ]; then deploy/cluster/galera.sh stop >&2 || true; fi
}
trap cleanup EXIT

ms() { date +%s%3N; }
# start_app PORT POOL -> prints "startup_ms"
start_app() {
  local port=$1 pool=$2 t0 jfr=""
  [ "$JFR" = 1 ] && jfr="-XX:+FlightRecorder"
  jfr="$jfr ${EXTRA_OPTS:-}"
  t0=$(ms)
  # on the cluster replica i (port 8080+i) talks to Galera node ((i-1)%3)+1: every node takes writes
  local url=$JDBC
  [ "$CLUSTER" = 1 ] && url=$(jdbc_url $((3307 + (port - 8081) % 3)))
  MICRONAUT_ENVIRONMENTS=prod,bench PORT=$port DB_URL="$url" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
    DB_POOL_SIZE=$pool PUBLIC_BASE_URL=http://127.0.0.1:8088 TRUSTED_PROXIES=127.0.0.1/32 STORAGE_DIR="$OUT/storage" \
    nohup "$JAVA" $JAVA_OPTS $jfr -jar "$JAR" > "$OUT/app-$port.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$OUT/app-$port.pid"
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/bench/hello" || true)" = 200 ]; then
      echo $(( $(ms) - t0 )); return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -30 "$OUT/app-$port.log" >&2; echo "app on $port died" >&2; return 1; }
    sleep 0.02
  done
  kill "$pid" 2>/dev/null; echo "app on $port did not answer" >&2; return 1
}
stop_apps() {
  local p
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
  PIDS=()
  if [ -f "$OUT/nginx.pid" ]; then "$NGINX" -c "$NGINX_CONF" -s quit 2>/dev/null || true; sleep 0.5; rm -f "$OUT/nginx.pid"; fi
}
# start_replicas N POOL -> BASE url on stdout; STARTUP_MS set for replica 1
start_replicas() {
  local n=$1 pool=$2 i
  STARTUP_MS=$(start_app 8081 "$pool") || exit 1
  PIDS+=("$(cat "$OUT/app-8081.pid")")
  for i in $(seq 2 "$n"); do
    start_app $((8080 + i)) "$pool" >/dev/null || exit 1
    PIDS+=("$(cat "$OUT/app-$((8080 + i)).pid")")
  done
  if [ "$n" -gt 1 ]; then
    # the local replicas config, minus what would distort a benchmark: the per-address POST limit (the load
    # generator is one address), the access log, and the replicas not started
    sed -e '/limit_req/d' -e 's|access_log .*|access_log off;|' deploy/nginx/local-replicas.conf \
      | awk -v n="$n" '/server 127.0.0.1:808[1-9]/ { p = substr($2, 14, 1) + 0; if (p > n) next } { print }' \
      | sed 's/keepalive 16;/keepalive 64;/' > "$OUT/local-replicas.bench.conf"
    cat > "$NGINX_CONF" <<EOF
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
worker_processes 1;
events { worker_connections 1024; }
http { include /etc/nginx/mime.types; include $OUT/local-replicas.bench.conf; }
EOF
    "$NGINX" -t -c "$NGINX_CONF" 2>/dev/null && "$NGINX" -c "$NGINX_CONF"
    BASE=http://127.0.0.1:8088
  else
    BASE=http://127.0.0.1:8081
  fi
}

# ---- measurement helpers ----------------------------------------------------------------------------------
# wrkrun NAME URL SCRIPT [env...] -> RESULT line fields stored in R_<NAME>
declare -A R
wrkrun() {
  local name=$1 url=$2 script=$3; shift 3
  env BENCH_DIR="$BENCH_DIR" "$@" wrk -t"$THREADS" -c"$CONNS" -d4s --timeout 5s -s "$BENCH_DIR/$script" "$url" >/dev/null 2>&1 || true
  local line
  case " ${PROFILE:-} " in *" $name "*)   # PROFILE="name …": a JFR recording of replica 1 over this measured run
    "$JBIN/jcmd" "$APP_PID" JFR.start settings=profile duration="${DURATION}s" filename="$OUT/jfr-$name.jfr" >/dev/null || true ;;
  esac
  line=$(env BENCH_DIR="$BENCH_DIR" "$@" wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency \
           -s "$BENCH_DIR/$script" "$url" 2>&1 | tee "$OUT/wrk-$name.txt" | grep '^RESULT' || echo "RESULT rps=0 p50=0 p99=0 max=0 requests=0 status_errors=0 socket_errors=0")
  R[$name]=${line#RESULT }
  log "$name: ${R[$name]}"
}
field() { echo "${R[$1]:-}" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
errs() { echo $(( $(field "$1" status_errors || true)0 / 10 + $(field "$1" socket_errors || true)0 / 10 )); }
rss_sampler() { # PID -> writes max RSS (kB) seen while the file $OUT/sampling exists
  local pid=$1 max=0 r
  while [ -f "$OUT/sampling" ]; do
    r=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || echo 0); [ -n "$r" ] && [ "$r" -gt "$max" ] && max=$r
    sleep 0.5
  done
  echo "$max" > "$OUT/rss-max"
}
metric() { # SUM of a prometheus series matching a grep pattern, over replicas 8081..(8080+N)
  local pattern=$1 n=${2:-1} i s=0 v
  for i in $(seq 1 "$n"); do
    v=$(curl -s "http://127.0.0.1:$((8080 + i))/prometheus" | grep -E "$pattern" | awk '{s += $NF} END {printf "%.0f", s}')
    s=$((s + ${v:-0}))
  done
  echo $s
}
login() { # LOGIN -> access token
  curl -s -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"Bench-Passw0rd!\"}" \
    "$BASE/api/v1/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true   # a dead app: rows say "not measured"
}
status_of() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" "$BASE$1" || true; }

# ---- JDK AOT cache (JDK >= 25, JEP 483/514/515): one training start records the classes the app loads and links;
# every later start maps them. Re-trained whenever the jar is newer. The training start is the "no AOT cache" figure.
NOAOT_STARTUP_MS=""
if [ "$(java_major "$JAVA")" -ge 25 ] && [ "${AOT:-1}" = 1 ]; then
  AOT_FILE=$OUT/app.aot
  if [ ! -f "$AOT_FILE" ] || [ "$JAR" -nt "$AOT_FILE" ]; then
    log "training the JDK AOT cache ($AOT_FILE): one start, a short mixed load, stop"
    rm -f "$AOT_FILE"
    EXTRA_OPTS="${EXTRA_OPTS:-} -XX:AOTCacheOutput=$AOT_FILE" start_replicas 1 "$POOL"
    NOAOT_STARTUP_MS=$STARTUP_MS
    for t in "/s/%s station-codes" "/api/v1/codes/%s codes" "/api/v1/codes/%s/qr.png?size=512 codes"; do
      env BENCH_DIR="$BENCH_DIR" CODES="$CITY/${t#* }.txt" PATH_TEMPLATE="${t% *}" wrk -t1 -c4 -d3s -s "$BENCH_DIR/codes.lua" http://127.0.0.1:8081 >/dev/null 2>&1 || true
    done
    env BENCH_DIR="$BENCH_DIR" CODES="$CITY/codes.txt" wrk -t1 -c4 -d3s -s "$BENCH_DIR/submit.lua" http://127.0.0.1:8081 >/dev/null 2>&1 || true
    login admin >/dev/null || true
    stop_apps
    cp "$OUT/app-8081.log" "$OUT/aot-training.log" 2>/dev/null || true
    [ -f "$AOT_FILE" ] || log "AOT cache NOT created (the training JVM's log: $OUT/aot-training.log); the table runs without it"
    sql "$DB" -e "SET foreign_key_checks=0; DELETE FROM concern_event WHERE concern_id > $CONCERNS; DELETE FROM concern_term WHERE concern_id > $CONCERNS; DELETE FROM concern WHERE id > $CONCERNS; DELETE FROM idempotency_record; DELETE FROM notification_outbox"
  fi
  [ -f "$AOT_FILE" ] && EXTRA_OPTS="${EXTRA_OPTS:-} -XX:AOTCache=$AOT_FILE"
fi

# ---- main table -------------------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before: $LOAD_BEFORE; starting $REPLICAS replica(s) (pool $POOL)"
start_replicas "$REPLICAS" "$POOL"
log "first 200 after ${STARTUP_MS} ms; base $BASE"
APP_PID=${PIDS[0]}

touch "$OUT/sampling"; rss_sampler "$APP_PID" & SAMPLER=$!
# warm the server paths once before the first baseline (a fresh-clone smoke run measured the trivial endpoint at a
# quarter of its warm rate: the ratios against it were meaningless)
env BENCH_DIR="$BENCH_DIR" wrk -t"$THREADS" -c"$CONNS" -d10s -s "$BENCH_DIR/plain.lua" "$BASE/bench/hello" >/dev/null 2>&1 || true
wrkrun trivial "$BASE/bench/hello" plain.lua
wrkrun trivial_loop "$BASE/bench/hello-loop" plain.lua
lk_hit0=$(metric 'cache_gets_total\{cache="qr.code-lookup".*result="hit"' "$REPLICAS"); lk_miss0=$(metric 'cache_gets_total\{cache="qr.code-lookup".*result="miss"' "$REPLICAS")
# a replica loads a station's landing data on the first scan of one of its codes (six queries) and keeps it, reloading
# in the background: the measured run is the steady state after one scan of every station code (not measured)
l0=$(date +%s)
xargs -P 4 -I{} curl -s -o /dev/null "$BASE/s/{}" < "$CITY/station-codes.txt" || true
log "landing first pass: $(wc -l < "$CITY/station-codes.txt") station codes scanned once in $(( $(date +%s) - l0 )) s (not measured)"
wrkrun landing "$BASE" codes.lua CODES="$CITY/station-codes.txt" PATH_TEMPLATE=/s/%s
wrkrun landing_api "$BASE" codes.lua CODES="$CITY/codes.txt" PATH_TEMPLATE=/api/v1/codes/%s
lk_hit1=$(metric 'cache_gets_total\{cache="qr.code-lookup".*result="hit"' "$REPLICAS"); lk_miss1=$(metric 'cache_gets_total\{cache="qr.code-lookup".*result="miss"' "$REPLICAS")
# QR images are stored per code and size class on first use (V102) and kept: the measured run is the steady state
# after one pass over every code (made here when the store lacks images, not measured; its duration is logged)
if [ "$(sql "$DB" -e "SELECT COUNT(*) FROM qr_image WHERE size = 512")" -lt "$(wc -l < "$CITY/codes.txt")" ]; then
  q0=$(date +%s)
  xargs -P 4 -I{} curl -s -o /dev/null "$BASE/api/v1/codes/{}/qr.png?size=512" < "$CITY/codes.txt" || true
  log "QR first pass: $(sql "$DB" -e "SELECT COUNT(*) FROM qr_image WHERE size = 512") images of 512 px stored in $(( $(date +%s) - q0 )) s (not measured)"
fi
im_hit0=$(metric 'cache_gets_total\{cache="qr.images".*result="hit"' "$REPLICAS"); im_miss0=$(metric 'cache_gets_total\{cache="qr.images".*result="miss"' "$REPLICAS"); im_r0=$(metric '^qr_renders_total' "$REPLICAS")
wrkrun qr "$BASE" codes.lua CODES="$CITY/codes.txt" PATH_TEMPLATE=/api/v1/codes/%s/qr.png?size=512
im_hit1=$(metric 'cache_gets_total\{cache="qr.images".*result="hit"' "$REPLICAS"); im_miss1=$(metric 'cache_gets_total\{cache="qr.images".*result="miss"' "$REPLICAS"); im_r1=$(metric '^qr_renders_total' "$REPLICAS")
c0=$(sql "$DB" -e "SELECT COUNT(*) FROM concern")
if [ "$JFR" = 1 ]; then "$JBIN/jcmd" "$APP_PID" JFR.start duration=$((DURATION + 6))s filename="$OUT/submit.jfr" >/dev/null; fi
wrkrun submit "$BASE" submit.lua CODES="$CITY/codes.txt"
c1=$(sql "$DB" -e "SELECT COUNT(*) FROM concern")
rm -f "$OUT/sampling"; wait "$SAMPLER" || true
RSS_KB=$(cat "$OUT/rss-max")

# staff paths: tokens of the deputies with the longest queues, of the busiest stations' heads, of the admins
: > "$OUT/queue-tokens.txt"; : > "$OUT/dash-tokens.txt"
for l in $(head -20 "$CITY/deputies.txt" | cut -d' ' -f1); do
  t=$(login "$l"); [ -n "$t" ] && echo "$t /api/v1/me/queue" >> "$OUT/queue-tokens.txt"
done
while read -r l sid _; do
  t=$(login "$l"); [ -n "$t" ] && echo "$t /api/v1/stations/$sid/dashboard" >> "$OUT/dash-tokens.txt"
done < <(head -20 "$CITY/heads.txt")
ADMIN_TOKEN=$(login admin)
[ -n "$ADMIN_TOKEN" ] && echo "$ADMIN_TOKEN /api/v1/regions/1/dashboard" > "$OUT/region-tokens.txt"
QUEUE_STATUS=$(status_of /api/v1/me/queue "$(head -1 "$OUT/queue-tokens.txt" | cut -d' ' -f1)")
DASH_STATUS=$(status_of "$(head -1 "$OUT/dash-tokens.txt" | cut -d' ' -f2)" "$(head -1 "$OUT/dash-tokens.txt" | cut -d' ' -f1)")
REGION_STATUS=$(status_of /api/v1/regions/1/dashboard "$ADMIN_TOKEN")
# departments (issue 18): the inboxes of the departments with the most open referrals; the city's overdue queue
: > "$OUT/dept-tokens.txt"
for l in $(head -20 "$CITY/depts.txt" 2>/dev/null | cut -d' ' -f1); do
  t=$(login "$l"); [ -n "$t" ] && echo "$t /api/v1/me/referrals?view=todo" >> "$OUT/dept-tokens.txt"
done
[ -n "$ADMIN_TOKEN" ] && echo "$ADMIN_TOKEN /api/v1/regions/1/overdue" > "$OUT/overdue-tokens.txt"
INBOX_STATUS=$( [ -s "$OUT/dept-tokens.txt" ] && status_of /api/v1/me/referrals "$(head -1 "$OUT/dept-tokens.txt" | cut -d' ' -f1)" || echo none)
OVERDUE_STATUS=$(status_of /api/v1/regions/1/overdue "$ADMIN_TOKEN")
if [ "$QUEUE_STATUS" = 200 ]; then wrkrun queue "$BASE" authed.lua TOKENS="$OUT/queue-tokens.txt"; else log "queue endpoint answers $QUEUE_STATUS: not measured"; fi
if [ "$DASH_STATUS" = 200 ]; then
  CONNS_SAVED=$CONNS; CONNS=16
  wrkrun dashboard "$BASE" authed.lua TOKENS="$OUT/dash-tokens.txt"
  [ "$REGION_STATUS" = 200 ] && wrkrun region_dashboard "$BASE" authed.lua TOKENS="$OUT/region-tokens.txt"
  CONNS=$CONNS_SAVED
else log "station dashboard answers $DASH_STATUS: not measured"; fi
# the same paths at light load (4 connections): latency when the machine is not saturated — a closed-loop run at
# 64 connections measures queueing (p99 ≈ connections ÷ throughput), not the path
if [ "${LIGHT:-1}" = 1 ]; then
  CONNS_SAVED=$CONNS; CONNS=4
  wrkrun landing_c4 "$BASE" codes.lua CODES="$CITY/station-codes.txt" PATH_TEMPLATE=/s/%s
  wrkrun submit_c4 "$BASE" submit.lua CODES="$CITY/codes.txt"
  [ "$QUEUE_STATUS" = 200 ] && wrkrun queue_c4 "$BASE" authed.lua TOKENS="$OUT/queue-tokens.txt"
  [ "$DASH_STATUS" = 200 ] && wrkrun dashboard_c4 "$BASE" authed.lua TOKENS="$OUT/dash-tokens.txt"
  [ "$REGION_STATUS" = 200 ] && wrkrun region_dashboard_c4 "$BASE" authed.lua TOKENS="$OUT/region-tokens.txt"
  [ "$INBOX_STATUS" = 200 ] && wrkrun dept_inbox_c4 "$BASE" authed.lua TOKENS="$OUT/dept-tokens.txt"
  [ "$OVERDUE_STATUS" = 200 ] && wrkrun region_overdue_c4 "$BASE" authed.lua TOKENS="$OUT/overdue-tokens.txt"
  CONNS=$CONNS_SAVED
fi

stop_apps
log "raw JDBC insert ceiling: $POOL threads, ${DURATION}s"
line=$(runner cn.mashang.bench.JdbcInsertCeiling "$JDBC" "$DB_USER" "$DB_PASSWORD" "$POOL" "$DURATION" | grep '^RESULT' || true)
R[jdbc]=${line#RESULT }
log "jdbc: ${R[jdbc]}"
log "raw JDBC submission ceiling (the write set of a submission per txn): $POOL threads, ${DURATION}s"
line=$(runner cn.mashang.bench.JdbcInsertCeiling "$JDBC" "$DB_USER" "$DB_PASSWORD" "$POOL" "$DURATION" submission | grep '^RESULT' || true)
R[jdbc_sub]=${line#RESULT }
log "jdbc submission: ${R[jdbc_sub]}"

# dashboards in-process: the services themselves incl. JSON, p50/p90/p99 per kind (the app is stopped)
if [ "$DASH_CALLS" != 0 ]; then
  log "dashboards in-process (DashBench, $DASH_CALLS calls per kind)"
  runner -Dbench.user="$DB_USER" -Dbench.password="$DB_PASSWORD" cn.mashang.dashboard.DashBench "$JDBC" "$DASH_CALLS" skip-rebuild \
    2>/dev/null | grep ' n=' | tee "$OUT/dashbench.txt" >&2 || true
fi

# search in-process (SearchBench): indexes the bulk-loaded concerns first (once per city), then county and station scope
if [ "${SEARCH_CALLS:-270}" != 0 ]; then
  log "search in-process (SearchBench, ${SEARCH_CALLS:-270} calls per scope)"
  runner -Dbench.user="$DB_USER" -Dbench.password="$DB_PASSWORD" cn.mashang.concern.work.SearchBench "$JDBC" "${SEARCH_CALLS:-270}" \
    2>/dev/null | grep -E '^(RESULT|  |search index)' | tee "$OUT/searchbench.txt" >&2 || true
  for s_ in county station; do
    line=$(grep "^RESULT search_$s_ " "$OUT/searchbench.txt" || true); R[search_$s_]=${line#RESULT }
  done
fi

# ledger export in-process (LedgerBench) at the app's own small heap ($JAVA_OPTS, -XX:+ExitOnOutOfMemoryError): the
# whole city's and the busiest county's last 365 days, .xlsx and CSV (LEDGER=0 skips it)
if [ "${LEDGER:-1}" != 0 ]; then
  log "ledger export in-process (LedgerBench, JVM $JAVA_OPTS)"
  "$JAVA" $JAVA_OPTS -cp "$RUNNER_CP" -Dbench.user="$DB_USER" -Dbench.password="$DB_PASSWORD" cn.mashang.ledger.LedgerBench \
    "$JDBC" "$OUT" xlsx,csv 2>/dev/null | grep '^RESULT' | tee "$OUT/ledgerbench.txt" >&2 || true
  for k_ in city_xlsx county_xlsx city_csv county_csv; do
    line=$(grep "^RESULT ledger_$k_ " "$OUT/ledgerbench.txt" || true); R[ledger_$k_]=${line#RESULT }
  done
fi

# pool sweep: submission rps per Hikari pool size (one replica)
declare -A SWEEP
for ps_ in $POOL_SWEEP; do
  p=$ps_
  start_replicas 1 "$p" >/dev/null; BASE=http://127.0.0.1:8081
  wrkrun "submit_pool$p" "$BASE" submit.lua CODES="$CITY/codes.txt"
  stop_apps
  p=$ps_
  SWEEP[$p]="$(field "submit_pool$p" rps) rps, p99 $(field "submit_pool$p" p99) ms, errors $(errs "submit_pool$p")"
done

# scale-out: 1, 2, 3 replicas (nginx in front from 2), landing and submission, then the correctness checks
declare -A SCALE
if [ "$SCALE_OUT" = 1 ]; then
  for n in 1 2 3; do
    start_replicas "$n" "$POOL" >/dev/null
    [ "$n" = 1 ] && BASE=http://127.0.0.1:8081 || BASE=http://127.0.0.1:8088
    # fresh replicas: load every station's landing data and JIT-compile the paths first (2-3 JVMs share 2 cores;
    # wrkrun's 4 s warm-up measured cold caches: 500 rps through nginx, 6,000 once warm)
    env BENCH_DIR="$BENCH_DIR" CODES="$CITY/station-codes.txt" PATH_TEMPLATE=/s/%s wrk -t2 -c32 -d15s -s "$BENCH_DIR/codes.lua" "$BASE" >/dev/null 2>&1 || true
    env BENCH_DIR="$BENCH_DIR" CODES="$CITY/codes.txt" wrk -t2 -c16 -d8s -s "$BENCH_DIR/submit.lua" "$BASE" >/dev/null 2>&1 || true
    wrkrun "landing_x$n" "$BASE" codes.lua CODES="$CITY/station-codes.txt" PATH_TEMPLATE=/s/%s
    wrkrun "submit_x$n" "$BASE" submit.lua CODES="$CITY/codes.txt"
    SCALE[$n]="| $n | $(field "landing_x$n" rps) | $(field "landing_x$n" p99) | $(field "submit_x$n" rps) | $(field "submit_x$n" p99) | $(errs "submit_x$n") |"
    if [ "$n" = 3 ]; then
      # the throughput runs just before left thousands of "new concern" notifications queued; the check measures
      # exactly-once delivery of its own rows, not how long a benchmark's backlog takes to drain
      log "outbox backlog from the load runs: $(sql "$DB" -e "SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT'") rows (cleared before the check)"
      sql "$DB" -e "DELETE FROM notification_outbox WHERE status <> 'SENT'"
      log "cross-replica checks (ScaleOutCheck)"
      runner cn.mashang.bench.ScaleOutCheck "$JDBC" "$DB_USER" "$DB_PASSWORD" http://127.0.0.1:8088 \
        http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083 "$CITY/station-codes.txt" \
        | tee "$OUT/scale-out-check.txt" || true
      # which replica delivered the outbox rows (LogChannel logs each delivery once)
      echo "  outbox deliveries per replica log: $(for p in 8081 8082 8083; do printf '%s=%s ' "$p" "$(grep -c '压测通知' "$OUT/app-$p.log" || true)"; done)" | tee -a "$OUT/scale-out-check.txt"
    fi
    stop_apps
  done
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the table --------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
pf() { awk -v ok="$1" 'BEGIN { print (ok ? "PASS" : "MISS") }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "" && a + 0 < b + 0) ? 1 : 0 }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "" && a + 0 >= b + 0) ? 1 : 0 }'; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }
cnt() { echo "${R[$1]:-}" | grep -q . && echo "$(field "$1" rps)" || echo "n/a"; }
T_RPS=$(field trivial rps); L_RPS=$(field landing rps); S_RPS=$(field submit rps); J_RPS=$(field jdbc rps); JS_RPS=$(field jdbc_sub rps)
S_ERR=$(errs "submit")
IM_STORED=$(awk -v r=$((im_r1 - im_r0)) -v h=$((im_hit1 - im_hit0)) -v m=$((im_miss1 - im_miss0)) 'BEGIN { if (h + m > 0) printf "%.1f%%", 100 * (1 - r / (h + m)); else print "n/a" }')
LK_HIT=$(awk -v h=$((lk_hit1 - lk_hit0)) -v m=$((lk_miss1 - lk_miss0)) 'BEGIN { if (h + m > 0) printf "%.1f%%", 100 * h / (h + m); else print "n/a" }')
IM_HIT=$(awk -v h=$((im_hit1 - im_hit0)) -v m=$((im_miss1 - im_miss0)) 'BEGIN { if (h + m > 0) printf "%.1f%%", 100 * h / (h + m); else print "n/a" }')
{
echo "## 码上联络 benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load average before $LOAD_BEFORE, after $LOAD_AFTER."
[ "$CLUSTER" = 1 ] && echo "Cluster: $(sql -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2) Galera nodes on 127.0.0.1:3307-3309 (one machine), replica i on node ((i-1)%3)+1, wsrep_sync_wait=1; figures of node 1 below."
echo "Database: $(sql -e 'SELECT VERSION()'), innodb_flush_log_at_trx_commit=$(sql -e 'SELECT @@innodb_flush_log_at_trx_commit'), sync_binlog=$(sql -e 'SELECT @@sync_binlog'), buffer pool $(sql -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MB."
echo "City: $STATIONS stations, $DEPUTIES deputies, $(sql "$DB" -e 'SELECT COUNT(*) FROM concern WHERE id <= '"$CONCERNS") concerns, $(sql "$DB" -e 'SELECT COUNT(*) FROM concern_event') timeline events; generated in ${GEN_SECONDS} s."
echo "App: $REPLICAS replica(s), JVM \`$JAVA_OPTS\`, Hikari pool $POOL; wrk -t$THREADS -c$CONNS -d${DURATION}s (4 s warm-up each; dashboards -c16)."
echo
row "measure" "rps" "p50 ms" "p99 ms" "errors" "vs target"
row "---" "---:" "---:" "---:" "---:" "---"
row "baseline: trivial endpoint /bench/hello (blocking pool)" "$T_RPS" "$(field trivial p50)" "$(field trivial p99)" "$(errs "trivial")" "ceiling"
row "baseline: trivial endpoint /bench/hello-loop (event loop)" "$(field trivial_loop rps)" "$(field trivial_loop p50)" "$(field trivial_loop p99)" "$(errs "trivial_loop")" "(framework ceiling, info)"
row "baseline: raw JDBC insert, 1 row/txn, $POOL threads" "$J_RPS" "$(field jdbc p50)" "$(field jdbc p99)" "$(field jdbc errors)" "(floor of any write, info)"
row "baseline: raw JDBC submission write set, $(field jdbc_sub statements) statements/txn, $POOL threads" "$JS_RPS" "$(field jdbc_sub p50)" "$(field jdbc_sub p99)" "$(field jdbc_sub errors)" "ceiling"
row "scan landing GET /s/{code} (inline data)" "$L_RPS" "$(field landing p50)" "$(field landing p99)" "$(errs "landing")" \
  "$(ratio "$L_RPS" "$T_RPS") of trivial (≥60%: $(pf "$(ge "$L_RPS" "$(awk -v t="$T_RPS" 'BEGIN{print t*0.6}')")")), p99 <50 ms: $(pf "$(lt "$(field landing p99)" 50)")"
row "landing data GET /api/v1/codes/{code}" "$(field landing_api rps)" "$(field landing_api p50)" "$(field landing_api p99)" "$(errs "landing_api")" \
  "$(ratio "$(field landing_api rps)" "$T_RPS") of trivial (info)"
row "code lookup cache hit ratio (landing runs)" "" "" "" "" "$LK_HIT"
row "QR GET /api/v1/codes/{code}/qr.png?size=512" "$(field qr rps)" "$(field qr p50)" "$(field qr p99)" "$(errs "qr")" "memory hit ratio $IM_HIT; not rendered (memory or stored, V102) $IM_STORED (≥95%: $(pf "$(ge "${IM_STORED%\%}" 95)")), p99 <50 ms: $(pf "$(lt "$(field qr p99)" 50)")"
row "submission POST /api/v1/concerns (Idempotency-Key)" "$S_RPS" "$(field submit p50)" "$(field submit p99)" "$S_ERR" \
  "$(ratio "$S_RPS" "$JS_RPS") of the raw-JDBC write set (≥50%: $(pf "$(ge "$S_RPS" "$(awk -v t="$JS_RPS" 'BEGIN{print t*0.5}')")")), $(ratio "$S_RPS" "$J_RPS") of a 1-row insert, p99 <50 ms: $(pf "$(lt "$(field submit p99)" 50)"), 0 errors: $(pf "$([ "$S_ERR" = 0 ] && echo 1 || echo 0)"); rows +$((c1 - c0))"
if [ -n "${R[queue]:-}" ]; then
  row "deputy queue GET /api/v1/me/queue (top-20 queues)" "$(field queue rps)" "$(field queue p50)" "$(field queue p99)" "$(errs "queue")" "p99 <100 ms: $(pf "$(lt "$(field queue p99)" 100)")"
else row "deputy queue GET /api/v1/me/queue" "n/a" "" "" "" "endpoint answers $QUEUE_STATUS (not merged yet)"; fi
if [ -n "${R[dashboard]:-}" ]; then
  row "station dashboard (20 busiest stations), -c16" "$(field dashboard rps)" "$(field dashboard p50)" "$(field dashboard p99)" "$(errs "dashboard")" "≥100 rps: $(pf "$(ge "$(field dashboard rps)" 100)")"
  [ -n "${R[region_dashboard]:-}" ] && row "region dashboard (whole city, admin; served from memory between roll-up passes)" "$(field region_dashboard rps)" "$(field region_dashboard p50)" "$(field region_dashboard p99)" "$(errs "region_dashboard")" "p99 <150 ms: $(pf "$(lt "$(field region_dashboard p99)" 150)")"
else row "head dashboard GET /api/v1/stations/{id}/dashboard" "n/a" "" "" "" "endpoint answers $DASH_STATUS (not merged yet)"; fi
for k in landing_c4:"scan landing /s/{code}":20 submit_c4:"submission":50 queue_c4:"deputy queue":20 dashboard_c4:"station dashboard":150 region_dashboard_c4:"region dashboard (city)":150 dept_inbox_c4:"department inbox GET /api/v1/me/referrals (20 busiest)":100 region_overdue_c4:"region overdue queue GET /api/v1/regions/{id}/overdue (city)":100; do
  IFS=: read -r name label bound <<< "$k"
  [ -n "${R[$name]:-}" ] && row "light load (-c4): $label" "$(field "$name" rps)" "$(field "$name" p50)" "$(field "$name" p99)" "$(errs "$name")" "p99 <$bound ms: $(pf "$(lt "$(field "$name" p99)" "$bound")")"
done
[ -n "${R[search_county]:-}" ] && row "search GET /api/v1/concerns?q= county admin (in-process, query mix)" "" "$(field search_county p50)" "$(field search_county p99)" "" "p99 <200 ms: $(pf "$(lt "$(field search_county p99)" 200)")"
[ -n "${R[search_station]:-}" ] && row "search GET /api/v1/concerns?q= station head (in-process, query mix)" "" "$(field search_station p50)" "$(field search_station p99)" "" "p99 <50 ms: $(pf "$(lt "$(field search_station p99)" 50)")"
for k_ in city_xlsx:"whole city":5000 county_xlsx:"busiest county":5000 city_csv:"whole city":5000 county_csv:"busiest county":5000; do
  IFS=: read -r name label bound <<< "$k_"
  if [ -n "${R[ledger_$name]:-}" ]; then
    row "ledger export GET /api/v1/regions/{id}/ledger.${name#*_}, $label, last 365 days (in-process, app heap)" \
      "$(field "ledger_$name" rows_per_s) rows/s" "" "" "" \
      "$(field "ledger_$name" rows) rows in $(field "ledger_$name" secs) s, $(field "ledger_$name" bytes) B, heap peak $(field "ledger_$name" heap_peak_mb) of $(field "ledger_$name" heap_max_mb) MB; ≥$bound rows/s: $(pf "$(ge "$(field "ledger_$name" rows_per_s)" "$bound")"), within the heap: PASS"
  elif [ "${LEDGER:-1}" != 0 ]; then
    row "ledger export ${name#*_}, $label (in-process, app heap)" "n/a" "" "" "" "no result (out of memory or failed): MISS"
  fi
done
row "startup: process start → first 200${EXTRA_OPTS:+ (JDK AOT cache)}" "" "" "" "" "$STARTUP_MS ms (≤2000 ms: $(pf "$(lt "$STARTUP_MS" 2001)"))"
[ -n "$NOAOT_STARTUP_MS" ] && row "startup without AOT cache (training start, info)" "" "" "" "" "$NOAOT_STARTUP_MS ms"
row "resident memory (max RSS under load)" "" "" "" "" "$((RSS_KB / 1024)) MB (≤384 MB: $(pf "$(lt "$RSS_KB" $((384 * 1024 + 1)))"))"
if [ -s "$OUT/dashbench.txt" ]; then
  echo; echo "Dashboards in-process (DashBench: service call + JSON, after warm-up; roll-ups built in $(cat "$CITY/rollup-seconds") s):"; echo
  echo '```'; cat "$OUT/dashbench.txt"; echo '```'
fi
if [ -n "$POOL_SWEEP" ]; then
  echo; echo "Pool sweep (submission, 1 replica):"; echo
  for p in $POOL_SWEEP; do echo "- pool $p: ${SWEEP[$p]:-not measured}"; done
fi
if [ "$SCALE_OUT" = 1 ]; then
  echo; echo "Scale-out (nginx round robin from 2 replicas; one MariaDB; all on this machine):"; echo
  echo "| replicas | landing rps | landing p99 ms | submission rps | submission p99 ms | submission errors |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for n in 1 2 3; do echo "${SCALE[$n]}"; done
  echo; grep -E '^(CHECK|  )' "$OUT/scale-out-check.txt" || true
fi
} | tee "$OUT/results$([ "$CLUSTER" = 1 ] && echo -cluster).md"
