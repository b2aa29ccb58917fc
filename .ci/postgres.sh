#!/usr/bin/env bash
# Starts (start DIR) or stops (stop DIR) a throwaway PostgreSQL server on 127.0.0.1:55432
# with trust auth for the integration tests. Installs Debian's postgresql if missing.
# pause DIR / resume DIR stop and start that server keeping its data (the fault-injection
# test restarts PostgreSQL mid-load with them).
set -euo pipefail
action=$1
dir=$2
port=${KC_PG_PORT:-55432}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
case "$action" in
  start)
    if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    mkdir -p "$dir"
    chown postgres "$dir"
    su postgres -c "$pgbin/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
    su postgres -c "$pgbin/pg_ctl -D '$dir/data' -o \"-h 127.0.0.1 -p $port -k '$dir'\" -l '$dir/log' -w start" >/dev/null
    su postgres -c "$pgbin/psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE kotacerdas_test'" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/kotacerdas_test"
    ;;
  pause)
    su postgres -c "$pgbin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null
    ;;
  resume)
    su postgres -c "$pgbin/pg_ctl -D '$dir/data' -o \"-h 127.0.0.1 -p $port -k '$dir'\" -l '$dir/log' -w start" >/dev/null
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      su postgres -c "$pgbin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null || true
      rm -rf "$dir"
    fi
    ;;
esac
