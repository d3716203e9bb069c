#!/usr/bin/env bash
# 码上联络 — the short cluster smoke of .ci/run (issue 20), about 3 minutes on 2 cores:
#   3 Galera nodes (own data folder), 2 replicas behind nginx (the address limit raised: one load generator),
#   a 20 s kill drill (node 2 SIGKILLed, rejoins by IST) and the shared per-phone limit across both replicas.
# Exit status non-zero when a submission is lost or doubled, or more than the limit is admitted. Everything it
# started (replicas, nginx, a Redis it had to start, the nodes, their data folder) is stopped on any exit.
# Needs the packaged jar and test classes (./mvnw verify or package); installs galera-4, mariadb-server, rsync,
# nginx, redis-server with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
export GALERA_DIR=${GALERA_DIR:-/tmp/mashang-galera-smoke}
export CLUSTER_OUT=${CLUSTER_OUT:-$PWD/target/cluster-smoke}
export GALERA_DB=mashang
log() { printf '\033[1m[smoke %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
t0=$(date +%s)

cleanup() {
  local rc=$?
  deploy/cluster/replicas.sh stop || true
  deploy/cluster/galera.sh stop || true
  rm -rf "$GALERA_DIR"
  [ $rc = 0 ] || { log "FAILED (exit $rc); logs in $CLUSTER_OUT"; tail -n 20 "$CLUSTER_OUT"/app-*.log 2>/dev/null || true; }
  log "cluster smoke took $(( $(date +%s) - t0 )) s"
  exit $rc
}
trap cleanup EXIT

rm -rf "$GALERA_DIR" "$CLUSTER_OUT"
mkdir -p "$CLUSTER_OUT"
deploy/cluster/galera.sh start
SKIP_BUILD=1 CITY_STATIONS=5 CITY_DEPUTIES=20 CITY_CONCERNS=20 INTAKE_ADDRESS_SUBMIT_LIMIT=100000000 \
  deploy/cluster/replicas.sh start 2
WORKERS=2 deploy/cluster/drill.sh kill 20
deploy/cluster/drill.sh limits 12 device
log "passed"
