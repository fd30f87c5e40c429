#!/usr/bin/env bash
# Writes link/startup.order: the functions the release program runs to reach the app's
# first screen and to answer `lantern search` and `lantern list`, which build.rs asks
# the linker to place side by side at the start of the program's code.
#
# Why: the kernel maps a program's code into memory 64 kB at a time around each first
# touch. Spread over 12 MB as the compiler leaves them, the few thousand functions a
# start runs touched 133 of those windows (8.5 MB resident at the first screen);
# side by side they fit in far fewer, and a start costs fewer page faults.
#
# Run it again after a dependency or the toolchain changes (their symbol names carry
# hashes that then change): `bash link/startup-order.sh`, then rebuild. `--check`
# only says how many of the names the current release program still has. A program
# built by `cargo bench` has its own crate's names under another hash (the profile is
# part of it), so the order fits only `cargo build --release`.
#
# Needs: valgrind, tmux, python3, nm.
set -euo pipefail
cd "$(dirname "$0")/.."
order=link/startup.order
bin=target/release/lantern

cargo build --release --quiet

names_in_program() { nm --defined-only "$bin" | awk '{print $NF}' | sort -u; }

if [ "${1:-}" = "--check" ]; then
  total=$(grep -c . "$order" || true)
  found=$(sort -u "$order" | comm -12 - <(names_in_program) | wc -l)
  echo "startup order: $found of $total names are in $bin"
  exit 0
fi

work=$(mktemp -d)
trap 'tmux kill-session -t lantern-order 2>/dev/null || true; rm -rf "$work"' EXIT
python3 ../shared/bench/gen_corpus.py "$work/corpus" >/dev/null
for size in 1y 10y; do
  "$bin" --data-dir "$work/$size" init </dev/null >/dev/null
  "$bin" --data-dir "$work/$size" import "$work/corpus/journal-$size.jsonl" >/dev/null
  "$bin" --data-dir "$work/$size" checkin -p 6 -e 5 -s 4 --good "tea in the sun" >/dev/null
done

grind() {
  local out=$1
  shift
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$out" "$@"
}

# The app, to its first screen and out again.
app() {
  local size=$1
  tmux new-session -d -s lantern-order -x 100 -y 30 \
    "valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/app-$size.cg $bin --data-dir $work/$size 2>/dev/null"
  for _ in $(seq 120); do
    sleep 0.5
    tmux capture-pane -p -t lantern-order | grep -q "Where to go" && break
  done
  sleep 1
  tmux send-keys -t lantern-order q
  for _ in $(seq 60); do
    sleep 0.5
    tmux has-session -t lantern-order 2>/dev/null || break
  done
}
app 1y
app 10y

for size in 1y 10y; do
  grind "$work/search-$size.cg" "$bin" --data-dir "$work/$size" search quokka >/dev/null 2>&1
  grind "$work/list-$size.cg" "$bin" --data-dir "$work/$size" list -n 10 >/dev/null 2>&1
done

# Every function each run entered or called, in the order the traces name them,
# kept only where the program defines it.
for trace in app-1y app-10y search-1y search-10y list-1y list-10y; do
  sed -nE 's/^c?fn=\([0-9]+\) //p' "$work/$trace.cg"
done | awk '!seen[$0]++' >"$work/all"
names_in_program >"$work/defined"
awk 'NR == FNR { defined[$0] = 1; next } defined[$0]' "$work/defined" "$work/all" >"$order"
echo "wrote $order: $(wc -l <"$order") functions"
