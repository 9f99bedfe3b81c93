#!/usr/bin/env bash
# Loopback services for the `services` vitest project: Redis (cohort runs, issue 13) and Orthanc
# (DICOMweb, issue 14). Sourced by .ci/run and usable by hand:
#   source scripts/services/services.sh && start_services && npm run test:services; stop_services
# Each runs from a temp folder (never as a system service) and is stopped by stop_services.
SERVICES_DIR="${SERVICES_DIR:-$(mktemp -d -t consilium-services.XXXXXX)}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6390}"
export ORTHANC_URL="${ORTHANC_URL:-http://127.0.0.1:8043}"
_services_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Wait up to $2 seconds for command $1 to succeed.
wait_ready() {
  local check="$1" limit="$2" waited=0
  until eval "$check" >/dev/null 2>&1; do
    sleep 0.5
    waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 2)) ]; then
      echo "service not ready after ${limit}s: $check" >&2
      return 1
    fi
  done
}

start_redis() {
  mkdir -p "$SERVICES_DIR/redis"
  # Append-only file: a Redis restart loses no queued or finished job.
  redis-server --port 6390 --bind 127.0.0.1 --dir "$SERVICES_DIR/redis" --appendonly yes \
    --daemonize yes --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"
  wait_ready "redis-cli -p 6390 ping | grep -q PONG" 30
}

# Kill Redis (SIGKILL: a crash, not a clean shutdown) and start it again on the same folder and
# append-only file, as the cohort tests do mid-run; the folder is asked of Redis itself.
restart_redis() {
  local dir pid
  dir="$(redis-cli -p 6390 config get dir | sed -n 2p)"
  pid="$(redis-cli -p 6390 info server | sed -n 's/^process_id:\([0-9]*\).*/\1/p')"
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  redis-server --port 6390 --bind 127.0.0.1 --dir "$dir" --appendonly yes \
    --daemonize yes --pidfile "$dir/../redis.pid" --logfile "$dir/../redis.log"
  wait_ready "redis-cli -p 6390 ping | grep -q PONG" 30
}

start_orthanc() {
  mkdir -p "$SERVICES_DIR/orthanc"
  sed "s#@STORAGE@#$SERVICES_DIR/orthanc#" "$_services_root/orthanc.json" >"$SERVICES_DIR/orthanc.json"
  Orthanc "$SERVICES_DIR/orthanc.json" >"$SERVICES_DIR/orthanc.log" 2>&1 &
  echo $! >"$SERVICES_DIR/orthanc.pid"
  wait_ready "curl -sf $ORTHANC_URL/system" 60
}

start_services() {
  start_redis
  start_orthanc
}

stop_services() {
  [ -f "$SERVICES_DIR/redis.pid" ] && kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true
  [ -f "$SERVICES_DIR/orthanc.pid" ] && kill "$(cat "$SERVICES_DIR/orthanc.pid")" 2>/dev/null || true
  rm -f "$SERVICES_DIR/redis.pid" "$SERVICES_DIR/orthanc.pid"
}
