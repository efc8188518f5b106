#!/usr/bin/env bash
# Sourced by test.sh: starts throwaway real servers in $PADDOCK_TEST_DIR and exports where they are.
# Every server is stopped by stop_test_servers (test.sh traps EXIT), by the PIDs recorded here.

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  local dir="$PADDOCK_TEST_DIR/pg" port
  port=$(free_port)
  mkdir -p "$dir"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  export PADDOCK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  echo "PostgreSQL on 127.0.0.1:$port"
}

stop_postgres() {
  local dir="$PADDOCK_TEST_DIR/pg" as=()
  [ -f "$dir/data/postmaster.pid" ] || return 0
  if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}

start_docker() {
  local dir="$PADDOCK_TEST_DIR/docker"
  mkdir -p "$dir"
  if ! command -v dockerd >/dev/null 2>&1; then echo "dockerd not installed: Docker tests will be skipped"; return 0; fi
  # A private engine: its own socket and data root, so it never touches a system engine.
  # PADDOCK_DOCKERD_ARGS lets a second engine run beside another on the same machine
  # (e.g. "--bridge=pdkdev0 --iptables=false --ip6tables=false" with PADDOCK_DOCKERD_POOL=base=10.210.0.0/16,size=24
  # after `ip link add pdkdev0 type bridge`; never --bridge=none: that deletes the host's docker0 under the other engine).
  # Every stack has a network of its own: Docker's default pools hold only about 30, the suite needs more, so /24s from a /16 (256).
  # shellcheck disable=SC2086
  dockerd --host "unix://$dir/docker.sock" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
    --default-address-pool "${PADDOCK_DOCKERD_POOL:-base=10.200.0.0/16,size=24}" ${PADDOCK_DOCKERD_ARGS:-} >"$dir/dockerd.log" 2>&1 &
  echo $! >"$dir/dockerd.launcher.pid"
  for _ in $(seq 1 100); do
    docker -H "unix://$dir/docker.sock" version >/dev/null 2>&1 && break
    sleep 0.2
  done
  export PADDOCK_TEST_DOCKER="unix://$dir/docker.sock"
  echo "Docker engine at $PADDOCK_TEST_DOCKER"
}

stop_docker() {
  local dir="$PADDOCK_TEST_DIR/docker"
  [ -f "$dir/dockerd.launcher.pid" ] || return 0
  local pid; pid=$(cat "$dir/dockerd.launcher.pid")
  # dockerd keeps networks (and their host bridges) across a stop; the data root is then deleted, so a network left
  # now would hold its address range on the host for good. Remove containers and networks first.
  if kill -0 "$pid" 2>/dev/null; then
    local engine=(docker -H "unix://$dir/docker.sock")
    "${engine[@]}" ps -aq 2>/dev/null | xargs -r "${engine[@]}" rm -f >/dev/null 2>&1 || true
    "${engine[@]}" network prune -f >/dev/null 2>&1 || true
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

start_smtp() {
  local dir="$PADDOCK_TEST_DIR/smtp" port
  mkdir -p "$dir"
  port=$(free_port)
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir/maildir" >"$dir/smtp.log" 2>&1 &
  echo $! >"$dir/smtp.pid"
  export PADDOCK_TEST_SMTP="127.0.0.1:$port" PADDOCK_TEST_MAILDIR="$dir/maildir"
  echo "SMTP on 127.0.0.1:$port"
}

stop_smtp() {
  local dir="$PADDOCK_TEST_DIR/smtp"
  [ -f "$dir/smtp.pid" ] && kill "$(cat "$dir/smtp.pid")" 2>/dev/null || true
}

stop_test_servers() {
  stop_smtp
  stop_docker
  stop_postgres
}
