#!/usr/bin/env bash
# Installs what libgovinfo needs (Debian 12), builds it, and validates the shipped example.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root, or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2046
$sudo apt-get install -y -qq --no-install-recommends $(cat scripts/debian-packages.txt) >/dev/null
# A build directory left half-made (say, by a setup before the packages were there) is redone.
[ -f build/meson-private/coredata.dat ] || rm -rf build
if [ -d build ]; then meson setup --reconfigure build >/dev/null; else meson setup build >/dev/null; fi
ninja -C build
# Install like a Debian tool: govinfo on PATH, its man page and bash completion, the Python
# package and the Lua module where Debian's interpreters look (see meson_options.txt).
$sudo meson install -C build --no-rebuild --quiet
$sudo ldconfig
# From any directory, what the README promises:
(cd / && govinfo --version && man -w govinfo >/dev/null &&
  /usr/bin/python3 -c 'import govinfo' &&
  for lua in lua5.4 lua5.1 luajit; do "$lua" -e 'require "govinfo"' || exit 1; done) ||
  { echo "setup: the installed govinfo does not work from /" >&2; exit 1; }
govinfo validate examples/reports/suibin-2020.yaml
