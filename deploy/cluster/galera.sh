#!/usr/bin/env bash
# 码上联络 — a local 3-node MariaDB Galera cluster (issue 20). One command:
#
#   deploy/cluster/galera.sh start    # bootstrap node 1 (--wsrep-new-cluster), join 2 and 3 (rsync SST), wait Synced
#   deploy/cluster/galera.sh status   # wsrep_cluster_size / wsrep_local_state_comment per node
#   deploy/cluster/galera.sh stop     # stop the nodes this script started
#   deploy/cluster/galera.sh kill N   # SIGKILL node N (drills)
#   deploy/cluster/galera.sh rejoin N [sst]  # start it again: its position is recovered from InnoDB (--wsrep-recover,
#                                     # as Debian's galera_recovery does), so it takes IST from a donor's gcache; `sst`
#                                     # (or a position the donors' gcache no longer holds) means a full rsync SST
#
# Nodes: 127.0.0.1:3307, 3308, 3309 (SQL), Galera group ports 4567/4577/4587, IST 4568/4578/4588, data under
# $GALERA_DIR (default /tmp/mashang-galera). Packages galera-4 + mariadb-server are installed with apt-get if
# missing. The nodes run as the `mysql` user: as root the rsync SST receiver cannot write and the joiner aborts.
# root@localhost has no password (unix socket + TCP from 127.0.0.1) — a local test cluster, never a production one.
set -euo pipefail
DIR=${GALERA_DIR:-/tmp/mashang-galera}
DB=${GALERA_DB:-mashang}
N=3
log() { printf '\033[1m[galera %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
port() { echo $((3306 + $1)); }
gport() { echo $((4557 + 10 * $1)); }
node_sql() { local i=$1; shift; mariadb -uroot -h127.0.0.1 -P"$(port "$i")" -N -B "$@"; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
LIB=""

need_packages() {
  local need=()
  [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  ls /usr/lib/galera/libgalera_smm.so >/dev/null 2>&1 || need+=(galera-4)
  command -v rsync >/dev/null || need+=(rsync)
  command -v mariadb >/dev/null || need+=(mariadb-client)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} (apt-get)"
    $SUDO apt-get install -y "${need[@]}" >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need[@]}" >/dev/null; }
  fi
  LIB=$(ls /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so 2>/dev/null | head -1)
}

cluster_address() { local a="" i; for i in $(seq 1 $N); do a="$a${a:+,}127.0.0.1:$(gport "$i")"; done; echo "gcomm://$a"; }

write_cnf() {
  local i=$1 d=$DIR/node$i
  mkdir -p "$d/data" "$d/tmp"
  cat > "$d/my.cnf" <<CNF
[mariadbd]
user=mysql
datadir=$d/data
tmpdir=$d/tmp
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
log-error=$d/error.log
port=$(port "$i")
bind-address=127.0.0.1
skip-name-resolve
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=128M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=1
max_connections=200
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
wsrep_on=ON
wsrep_provider=$LIB
wsrep_cluster_name=mashang-local
wsrep_cluster_address=$(cluster_address)
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1:$(gport "$i")
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((4444 + 10 * i))
wsrep_provider_options="base_port=$(gport "$i");ist.recv_addr=127.0.0.1:$(( $(gport "$i") + 1 ));gcache.size=${GCACHE_SIZE:-256M};evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;gmcast.listen_addr=tcp://127.0.0.1:$(gport "$i")"
wsrep_slave_threads=2
CNF
  chown -R mysql:mysql "$d"
}

pid_of() { local f=$DIR/node$1/mysqld.pid; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }

wait_ready() { # node -> waits until it answers and is Synced
  local i=$1 s
  for _ in $(seq 1 240); do
    s=$(node_sql "$i" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2 || true)
    [ "$s" = Synced ] && return 0
    [ -n "$(pid_of "$i")" ] || { tail -20 "$DIR/node$i/error.log" >&2; log "node$i died"; return 1; }
    sleep 0.5
  done
  log "node$i not Synced after 120 s"; tail -20 "$DIR/node$i/error.log" >&2; return 1
}

start_node() { # node [--wsrep-new-cluster]
  local i=$1; shift
  [ -n "$(pid_of "$i")" ] && { log "node$i already running (pid $(pid_of "$i"))"; return 0; }
  write_cnf "$i"
  if [ ! -d "$DIR/node$i/data/mysql" ] && [ "${1:-}" = --wsrep-new-cluster ]; then
    log "node$i: initialising the data folder"
    mariadb-install-db --defaults-file="$DIR/node$i/my.cnf" --user=mysql --auth-root-authentication-method=normal \
      --skip-test-db >"$DIR/node$i/install.log" 2>&1
  fi
  log "node$i: starting on 127.0.0.1:$(port "$i") ${1:-}"
  # detached (own session, no inherited terminal or pipe) so the caller's shell and pipes can finish
  setsid /usr/sbin/mariadbd --defaults-file="$DIR/node$i/my.cnf" "$@" </dev/null >>"$DIR/node$i/stdout.log" 2>&1 &
  for _ in $(seq 1 100); do [ -n "$(pid_of "$i")" ] && break; sleep 0.2; done
  wait_ready "$i"
}

# After a SIGKILL grastate.dat says seqno -1 (the node was running): without a position the node asks for a full
# SST. The committed position is in InnoDB's undo/redo: recover it with --wsrep-recover (a short start that
# prints "WSREP: Recovered position: uuid:seqno" and exits), then start with --wsrep_start_position, and the
# joiner asks for IST of the write sets after it. Prints the position, nothing when there is none to recover.
recover_position() {
  local i=$1 d=$DIR/node$1 seqno
  seqno=$(sed -n 's/^seqno: *//p' "$d/data/grastate.dat" 2>/dev/null || true)
  [ -n "$seqno" ] && [ "$seqno" != -1 ] && return 0   # a clean stop wrote the position itself
  [ -d "$d/data/mysql" ] || return 0
  /usr/sbin/mariadbd --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" </dev/null >/dev/null 2>&1 || true
  grep -a 'WSREP: Recovered position:' "$d/recover.log" 2>/dev/null | tail -1 | sed 's/.*Recovered position: *//'
}

# How the node's last join got its state, from its error log after byte OFFSET: IST (write sets) or SST.
transfer_method() {
  local log; log=$(tail -c +"$(( $2 + 1 ))" "$DIR/node$1/error.log" 2>/dev/null)
  # MariaDB runs the SST script for both: it logs "rsync SST completed" after copying the data folder, "rsync IST
  # completed" when the donor only streamed the missing write sets ("Receiving IST: N writesets")
  if grep -q 'SST completed on joiner' <<< "$log"; then echo "SST (full rsync copy of the data folder)"
  elif grep -q 'IST completed on joiner\|IST received' <<< "$log"; then
    echo "IST ($(grep -o 'Receiving IST: *[0-9]* writesets' <<< "$log" | tail -1 | grep -o '[0-9]*' || echo '?') write sets)"
  else echo "no state transfer (already current)"; fi
}

rejoin() { # node [sst]
  local i=$1 mode=${2:-ist} pos="" t0 off
  need_packages; write_cnf "$i"
  t0=$(date +%s%3N); off=$(stat -c %s "$DIR/node$i/error.log" 2>/dev/null || echo 0)
  if [ "$mode" = sst ]; then
    rm -f "$DIR/node$i/data/grastate.dat"; log "node$i: grastate.dat removed: full SST"
  else
    pos=$(recover_position "$i")
    [ -n "$pos" ] && log "node$i: recovered position $pos (--wsrep-recover, $(( $(date +%s%3N) - t0 )) ms)"
  fi
  start_node "$i" ${pos:+--wsrep_start_position=$pos}
  log "node$i Synced after $(( $(date +%s%3N) - t0 )) ms by $(transfer_method "$i" "$off")"
}

status() {
  local i
  for i in $(seq 1 $N); do
    if [ -n "$(pid_of "$i")" ]; then
      printf 'node%s 127.0.0.1:%s pid %s  %s\n' "$i" "$(port "$i")" "$(pid_of "$i")" \
        "$(node_sql "$i" -e "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready')" 2>/dev/null | tr '\t\n' '= ' || echo unreachable)"
    else
      printf 'node%s 127.0.0.1:%s down\n' "$i" "$(port "$i")"
    fi
  done
}

start() {
  need_packages
  mkdir -p "$DIR"; chown mysql:mysql "$DIR"
  local first=1 i
  # a fresh cluster (or one fully stopped): bootstrap node 1. If node 1's state says it was not the last to
  # leave, a cluster-wide clean stop by this script still marks it safe (stop() stops node 1 last).
  if [ -f "$DIR/node1/data/grastate.dat" ]; then sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$DIR/node1/data/grastate.dat"; fi
  if [ -z "$(pid_of 1)" ] && [ -z "$(pid_of 2)" ] && [ -z "$(pid_of 3)" ]; then
    start_node 1 --wsrep-new-cluster
  else
    start_node 1
  fi
  for i in $(seq 2 $N); do start_node "$i"; done
  local size
  for _ in $(seq 1 60); do
    size=$(node_sql 1 -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)
    [ "$size" = $N ] && break; sleep 0.5
  done
  [ "$size" = $N ] || { log "cluster size $size, expected $N"; exit 1; }
  node_sql 1 -e "CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION"
  log "cluster up: size $size, database $DB"
  status
}

stop_node() {
  local i=$1 p
  p=$(pid_of "$i" || true)
  [ -n "$p" ] || return 0
  log "node$i: stopping (pid $p)"
  kill -TERM "$p"
  for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.2; done
  log "node$i: still running after 60 s, SIGKILL"; kill -KILL "$p" 2>/dev/null || true
}

stop() { local i; for i in $(seq $N -1 1); do stop_node "$i"; done; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) p=$(pid_of "$2" || true); [ -n "$p" ] && { log "node$2: SIGKILL pid $p"; kill -KILL "$p"; } ;;
  rejoin) rejoin "$2" "${3:-ist}" ;;
  wipe) stop; rm -rf "$DIR" ;;
  *) sed -n '2,15p' "$0"; exit 2 ;;
esac
