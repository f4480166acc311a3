#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites: initdb in DIR as an unprivileged user
# (PostgreSQL refuses to run as root), trust authentication, listening on 127.0.0.1 only (and a
# socket in DIR) on a free port, fsync off (the data is thrown away) unless FIELDBOOK_PG_DURABLE=1
# (ci/bench: commits as durable as the SQLite server's synchronous=FULL).
#   ci/pg-cluster.sh start DIR   prints the connection URI (postgresql://fieldbook@127.0.0.1:PORT/postgres)
#   ci/pg-cluster.sh stop DIR    stops it and removes DIR
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/initdb" ]]; then
        bindir=$candidate
        break
    fi
done
if [[ -z "$bindir" ]]; then
    echo "$0: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi

# Runs a PostgreSQL binary as the cluster's owner: ourselves, unless we are root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$command" in
start)
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
        chown nobody "$dir"
    fi
    chmod 0700 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U fieldbook -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    mkdir -p "$dir/socket"
    if [[ $(id -u) -eq 0 ]]; then chown nobody "$dir/socket"; fi
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [[ "${FIELDBOOK_PG_DURABLE:-}" == 1 ]]; then
        durability="-c fsync=on -c synchronous_commit=on"
    fi
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket $durability -c max_connections=300" \
            start >/dev/null; then
            echo "$port" >"$dir/port"
            echo "postgresql://fieldbook@127.0.0.1:$port/postgres"
            exit 0
        fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
stop)
    if [[ -d "$dir/data" ]]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
