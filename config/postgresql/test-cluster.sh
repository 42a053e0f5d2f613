#!/usr/bin/env bash
# Starts (start) or stops (stop) a throwaway PostgreSQL cluster for the tests: Debian's
# postgresql server, a cluster in DIR listening on 127.0.0.1:PORT only (its socket in DIR too),
# a database "portcullis" owned by a login role "portcullis" that is not a superuser (it may
# create databases, for the tests that need one each: backup and restore, two nodes), password
# authentication (scram-sha-256) as in production. PostgreSQL refuses to run as root: under root
# the cluster runs as the "postgres" system user that Debian's package creates.
# Usage: test-cluster.sh start DIR PORT PASSWORD | stop DIR
set -euo pipefail
action="$1"
dir="$2"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server not installed (Debian package postgresql)" >&2; exit 1; }

as_owner() {
  if [[ "$(id -u)" = 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    port="$3"
    password="$4"
    # a cluster left by an interrupted run is stopped and made afresh
    old="$(readlink -f "$dir" 2>/dev/null || true)"
    if [[ -n "$old" && -f "$old/data/postmaster.pid" ]]; then
      as_owner "$bin/pg_ctl" -D "$old/data" stop -m immediate >/dev/null 2>&1 || true
    fi
    [[ -L "$dir" && -n "$old" ]] && rm -rf "$old"
    rm -rf "$dir"
    mkdir -p "$dir"
    home="$dir"
    if [[ "$(id -u)" = 0 ]]; then
      chown postgres: "$dir"
      if ! runuser -u postgres -- test -x "$dir"; then
        # the postgres user cannot reach DIR (a parent directory is private to root): the
        # cluster lives in a directory of its own under /tmp, and DIR is a link to it
        rmdir "$dir"
        home="$(mktemp -d /tmp/portcullis-pg.XXXXXX)"
        chown postgres: "$home"
        ln -s "$home" "$dir"
      fi
    fi
    pwfile="$home/pwfile"
    as_owner sh -c "umask 077; printf '%s\n' \"\$1\" > \"\$2\"" sh "$password" "$pwfile"
    as_owner "$bin/initdb" -D "$home/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$home/initdb.log"
    if ! as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $home -c max_connections=200" start >/dev/null; then
      echo "PostgreSQL did not start on 127.0.0.1:$port; its log ($home/server.log) says:" >&2
      tail -n 20 "$home/server.log" >&2
      exit 1
    fi
    as_owner "$bin/psql" -h "$home" -p "$port" -U postgres -qAt -v ON_ERROR_STOP=1 \
      -v pw="$password" -d postgres <<'SQL'
CREATE ROLE portcullis LOGIN CREATEDB PASSWORD :'pw';
CREATE DATABASE portcullis OWNER portcullis;
SQL
    as_owner rm -f "$pwfile"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database portcullis ($dir)"
    ;;
  stop)
    home="$(readlink -f "$dir" 2>/dev/null || true)"
    if [[ -n "$home" && -f "$home/data/postmaster.pid" ]]; then
      as_owner "$bin/pg_ctl" -D "$home/data" stop -m fast -w >/dev/null
      echo "PostgreSQL in $dir stopped"
    fi
    ;;
  *)
    echo "usage: $0 start DIR PORT PASSWORD | stop DIR" >&2
    exit 2
    ;;
esac
