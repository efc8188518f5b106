#!/usr/bin/env bash
# Installs, from Debian's packages, the real servers Paddock and its tests use, when they are missing:
# PostgreSQL, a Docker engine with a busybox for the local base image, docker-compose (the launch benchmark's peer),
# Chromium (browser tests), an SMTP server (e-mail tests) and a registry (image pull tests). Idempotent.
# `install-deps.sh run` installs only what running Paddock needs (PostgreSQL, a Docker engine, busybox).
set -euo pipefail
mode=${1:-all}

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
[ -x /bin/busybox ] || need+=(busybox-static)
if [ "$mode" != run ]; then
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
  command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi

echo "Installing ${need[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Debian's docker.io and postgresql packages try to start system services; Paddock runs its own private ones.
