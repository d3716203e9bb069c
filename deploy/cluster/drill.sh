#!/usr/bin/env bash
# 码上联络 — cluster drills (issue 20), on demand, NOT in CI. Needs galera.sh start and replicas.sh start 3.
#
#   deploy/cluster/drill.sh kill [SECONDS]   # steady resident submissions through nginx (:8180) for SECONDS (default 40);
#                                           # node 2 is SIGKILLed at 1/4 and rejoins at 1/2; counts acknowledged /
#                                           # found / lost / duplicated, status codes, time to Synced (IST: position
#                                           # recovered by --wsrep-recover; REJOIN=sst forces a full SST) and to replica 2's 200
#   deploy/cluster/drill.sh limits [N] [address|device]  # N submissions from one address (or one phone's token)
#                                           # spread over the replicas directly: how many are admitted (limits:
#                                           # intake.address-submit-limit 30/h, intake.device-submit-limit 5/10 min)
#   deploy/cluster/drill.sh storm [K]        # K concerns each accepted at once on the 3 replicas (same version):
#                                           # one 200 per concern, the others 409, no 500, one ACCEPTED event each
#   deploy/cluster/drill.sh schema           # Galera rules on the migrated schema: tables without a primary key / not InnoDB
#
# The submission drill needs the resident limits raised for the replicas (one load generator = one address):
#   INTAKE_ADDRESS_SUBMIT_LIMIT=100000000 INTAKE_DEVICE_SUBMIT_LIMIT=100000000 deploy/cluster/replicas.sh start 3
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${CLUSTER_OUT:-$PWD/target/cluster}
DB=${GALERA_DB:-mashang}
BASE=${CLUSTER_PORT:-8180}   # nginx; replica i on BASE+i (replicas.sh)
LB=http://127.0.0.1:$BASE
WORKERS=${WORKERS:-4}
REPLICAS=${REPLICAS:-$(ls "$OUT"/app-*.pid 2>/dev/null | wc -l)}; [ "$REPLICAS" -gt 0 ] || REPLICAS=3
log() { printf '\033[1m[drill %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { local port=$1; shift; mariadb -uroot -h127.0.0.1 -P"$port" -N -B "$DB" -e "$*"; }
ms() { date +%s%3N; }
CODE=$(head -1 "$OUT/city/codes.txt")
body() { printf '{"code":"%s","category":"生活环境","content":"%s，小区路灯不亮，晚上出行不安全。","consent":true}' "$CODE" "$1"; }

# worker W RUN UNTIL_MS -> one line per submission: key first_status final_status attempts
worker() {
  local w=$1 run=$2 until=$3 i=0 key st first n
  while [ "$(ms)" -lt "$until" ]; do
    i=$((i + 1)); key="$run-$w-$i"; n=0; first=""
    while :; do
      n=$((n + 1))
      st=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
             --data-binary "$(body "$key")" "$LB/api/v1/concerns" || echo 000)
      [ -z "$first" ] && first=$st
      echo "$(ms) $st" >> "$OUT/drill-$run-status.txt"
      case "$st" in 201) break ;; esac
      [ "$n" -ge 60 ] && break
      sleep 0.5
    done
    echo "$key $first $st $n"
  done
}

conflicts() { cat "$OUT"/app-*.log 2>/dev/null | grep -c 'write conflict on attempt' || true; }
gave_up() { cat "$OUT"/app-*.log 2>/dev/null | grep -c 'giving up' || true; }

kill_drill() {
  local secs=${1:-40} run t0 until w before given
  before=$(conflicts); given=$(gave_up)
  run="dr$(date +%H%M%S)"; t0=$(ms); until=$((t0 + secs * 1000))
  log "run $run: $WORKERS workers for $secs s through nginx; node2 SIGKILL at $((secs / 4)) s, rejoin at $((secs / 2)) s"
  : > "$OUT/drill-$run.txt"
  for w in $(seq 1 "$WORKERS"); do worker "$w" "$run" "$until" >> "$OUT/drill-$run.txt" & done
  sleep $((secs / 4))
  deploy/cluster/galera.sh kill 2; local tk=$(ms)
  sleep $((secs / 4))
  local tr=$(ms)
  deploy/cluster/galera.sh rejoin 2 "${REJOIN:-ist}" 2> "$OUT/drill-$run-rejoin.txt" || true
  local ts=$(ms)
  while [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$((BASE + 2))/health || true)" != 200 ] && [ $(( $(ms) - ts )) -lt 60000 ]; do sleep 0.2; done
  local th=$(ms)
  wait
  local sent acked found dup lost
  sent=$(wc -l < "$OUT/drill-$run.txt")
  acked=$(awk '$3 == 201' "$OUT/drill-$run.txt" | wc -l)
  sql 3307 "SELECT SUBSTRING_INDEX(content, '，', 1) FROM concern WHERE content LIKE '$run-%'" | sort > "$OUT/drill-$run-found.txt"
  found=$(sort -u "$OUT/drill-$run-found.txt" | wc -l)
  dup=$(uniq -d "$OUT/drill-$run-found.txt" | wc -l)
  lost=$(awk '$3 == 201 { print $1 }' "$OUT/drill-$run.txt" | sort | comm -23 - <(sort -u "$OUT/drill-$run-found.txt") | wc -l)
  local per_node=""
  for p in 3307 3308 3309; do per_node="$per_node $p:$(sql $p "SELECT COUNT(*) FROM concern WHERE content LIKE '$run-%'")"; done
  echo "RESULT kill-drill run=$run seconds=$secs workers=$WORKERS submissions=$sent acknowledged=$acked found=$found lost=$lost duplicated=$dup"
  echo "  statuses (every attempt): $(awk '{print $2}' "$OUT/drill-$run-status.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
  echo "  first answer not 201: $(awk '$2 != 201' "$OUT/drill-$run.txt" | wc -l); rows per node (each node's own count):$per_node"
  echo "  node2 down $(( (tr - tk) / 1000 )) s; rejoin to Synced $(( ts - tr )) ms by $(sed -n 's/.*Synced after [0-9]* ms by //p' "$OUT/drill-$run-rejoin.txt" | tail -1); replica 2 /health 200 after $(( th - ts )) ms more, not restarted"
  echo "  certification conflicts retried (app logs): $(( $(conflicts) - before )), given up: $(( $(gave_up) - given ))"
  echo "  503 window: $(awk '$2 == 503 { if (!a) a = $1; b = $1 } END { if (a) printf "%.1f s (first %d ms, last %d ms after the kill)", (b - a) / 1000, a - '"$tk"', b - '"$tk"'; else print "none" }' "$OUT/drill-$run-status.txt")"
  echo "  rate: $(awk -v s="$secs" '$3 == 201 {n++} END {printf "%.1f acknowledged/s", n / s}' "$OUT/drill-$run.txt")"
  [ "$lost" = 0 ] && [ "$dup" = 0 ] && [ "$acked" -gt 0 ]   # exit 1 on a lost or doubled submission
}

# limits [N] [address|device]: N submissions spread over the replicas directly, from one address (X-Forwarded-For,
# trusted from 127.0.0.1) or from one phone (its X-Resident-Token, the address limit raised for the kill drill).
# Exit 1 when more than the limit were admitted (the limit with Redis; per replica, N replicas × it, without).
limits_drill() {
  local n=${1:-120} by=${2:-address} i p st run addr token="" limit expect
  run="lim$(date +%H%M%S)"; addr="10.$((RANDOM % 250)).$((RANDOM % 250)).$((RANDOM % 250))"
  if [ "$by" = device ]; then
    token=$(curl -s -H 'Content-Type: application/json' -H "Idempotency-Key: $run-first" --data-binary "$(body "$run-first")" \
              "http://127.0.0.1:$((BASE + 1))/api/v1/concerns" | sed -n 's/.*"residentToken" *: *"\([^"]*\)".*/\1/p')
    [ -n "$token" ] || { echo "RESULT limits by=device: no residentToken from the first submission"; return 1; }
    limit=${DEVICE_LIMIT:-5}
  else
    limit=${ADDRESS_LIMIT:-30}
  fi
  declare -A per=()
  for i in $(seq 1 "$n"); do
    p=$((BASE + 1 + i % REPLICAS))
    st=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Forwarded-For: $addr" \
           ${token:+-H "X-Resident-Token: $token"} -H "Idempotency-Key: $run-$i" --data-binary "$(body "$run-$i")" \
           "http://127.0.0.1:$p/api/v1/concerns" || echo 000)
    per[$st]=$(( ${per[$st]:-0} + 1 ))
  done
  local s; local counts=""; for s in "${!per[@]}"; do counts="$counts $s×${per[$s]}"; done
  expect=$limit; [ "${REDIS:-1}" = 1 ] || expect=$((limit * REPLICAS))
  echo "RESULT limits run=$run by=$by submissions=$n over $REPLICAS replicas:$counts (admitted = 201; limit $limit, at most $expect admitted)"
  [ "${per[201]:-0}" -le "$expect" ] && [ "${per[500]:-0}" = 0 ]
}

storm_drill() { # K concerns of one station, each accepted at once on the three replicas with the same version
  local k=${1:-20} t ids id v p st
  # the station with the most SUBMITTED concerns (the kill drill's submissions all go to the first code's station)
  st=$(sql 3307 "SELECT station_id FROM concern WHERE state = 'SUBMITTED' GROUP BY station_id ORDER BY COUNT(*) DESC LIMIT 1")
  t=$(curl -s -H 'Content-Type: application/json' -d "{\"login\":\"head${st:-1}\",\"password\":\"Bench-Passw0rd!\"}" \
        http://127.0.0.1:$((BASE + 1))/api/v1/auth/login | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p')
  ids=$(sql 3307 "SELECT id, COALESCE(version, 0) FROM concern WHERE station_id = ${st:-1} AND state = 'SUBMITTED' ORDER BY id LIMIT $k")
  [ -n "$ids" ] || { echo "no SUBMITTED concern left"; return 1; }
  local before given; before=$(conflicts); given=$(gave_up)
  : > "$OUT/storm.txt"
  while read -r id v; do
    for p in $((BASE + 1)) $((BASE + 2)) $((BASE + 3)); do
      curl -s -o /dev/null -w "$id %{http_code}\n" -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
        -d "{\"version\":$v}" "http://127.0.0.1:$p/api/v1/concerns/$id/actions/accept" >> "$OUT/storm.txt" &
    done
    wait
  done <<< "$ids"
  local list; list=$(echo "$ids" | awk '{print $1}' | paste -sd,)
  echo "RESULT storm concerns=$(echo "$ids" | wc -l) requests=$(wc -l < "$OUT/storm.txt") statuses: $(awk '{print $2}' "$OUT/storm.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
  echo "  winners per concern (200s): $(awk '$2 == 200 {n[$1]++} END {for (i in n) c[n[i]]++; for (j in c) printf "%s winner(s): %s concerns; ", j, c[j]}' "$OUT/storm.txt")"
  echo "  ACCEPTED events per concern: $(sql 3308 "SELECT n, COUNT(*) FROM (SELECT concern_id, COUNT(*) n FROM concern_event WHERE type = 'ACCEPTED' AND concern_id IN ($list) GROUP BY concern_id) x GROUP BY n" | awk '{printf "%s event(s): %s concerns; ", $1, $2}')"
  echo "  certification conflicts retried meanwhile (app logs): $(( $(conflicts) - before )), given up: $(( $(gave_up) - given ))"
  ! grep -q ' 500$' "$OUT/storm.txt"
}

schema() {
  echo "tables without a primary key:"
  mariadb -uroot -h127.0.0.1 -P3307 -N -B -e "SELECT t.table_name FROM information_schema.tables t LEFT JOIN information_schema.table_constraints c
    ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
    WHERE t.table_schema = '$DB' AND t.table_type = 'BASE TABLE' AND c.constraint_name IS NULL"
  echo "tables not InnoDB:"
  mariadb -uroot -h127.0.0.1 -P3307 -N -B -e "SELECT table_name, engine FROM information_schema.tables WHERE table_schema = '$DB' AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'"
  echo "tables: $(mariadb -uroot -h127.0.0.1 -P3307 -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DB' AND table_type = 'BASE TABLE'")"
}

case "${1:-}" in
  kill) kill_drill "${2:-40}" ;;
  limits) limits_drill "${2:-120}" "${3:-address}" ;;
  storm) storm_drill "${2:-20}" ;;
  schema) schema ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
