#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with SharpFuzz and afl++, for a fixed time budget (issue #20).
#
#   tests/fuzz/run.sh TARGET [SECONDS]     TARGET: pack | condition | household; SECONDS: the budget (default 600)
#   tests/fuzz/run.sh replay [TARGET...]   no afl: every seed and saved crash through the targets (a few seconds)
#
# Fuzzing: installs afl++ (apt-get, when missing and run as root) and the sharpfuzz tool (into tests/fuzz/.work/tools),
# publishes tests/Doorbraak.Rules.Fuzz in Release, instruments Doorbraak.Rules.dll and YamlDotNet.dll, seeds from
# tests/corpus, the shipped packs and the sample households (plus tests/fuzz/crashes/TARGET), runs afl-fuzz for the budget,
# prints executions, coverage and findings, and copies every crash and hang to tests/fuzz/crashes/TARGET/ (raw bytes, named
# by hash; FuzzReplayTests runs them in `dotnet test`). Work files go to tests/fuzz/.work/ (ignored by git).
# Environment: FUZZ_TIMEOUT_MS (afl's per-input limit, default 10000), FUZZ_WORK (the work folder), FUZZ_NO_BUILD=1 (reuse the
# instrumented build of an earlier run, so several targets can run side by side from one build), FUZZ_RESUME=1 (go on from
# the queue of the last run of TARGET instead of the seeds; afl's figures then add up both runs).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${FUZZ_WORK:-$here/.work}"
project="$repo/tests/Doorbraak.Rules.Fuzz/Doorbraak.Rules.Fuzz.csproj"
targets=(pack condition household)

usage() { echo "usage: $0 pack|condition|household [SECONDS]  |  $0 replay [TARGET...]" >&2; exit 2; }
[ $# -ge 1 ] || usage

if [ "$1" = replay ]; then
  shift
  [ $# -gt 0 ] || set -- "${targets[@]}"
  dotnet build "$project" -c Release -o "$work/plain" -v quiet -nologo >/dev/null
  status=0
  for t in "$@"; do
    seeds="$work/replay-seeds/$t"
    rm -rf "$seeds"
    dotnet "$work/plain/Doorbraak.Rules.Fuzz.dll" seeds "$t" "$seeds" >/dev/null
    dotnet "$work/plain/Doorbraak.Rules.Fuzz.dll" replay "$t" "$seeds" || status=1
  done
  exit $status
fi

target="$1"
seconds="${2:-600}"
[[ " ${targets[*]} " == *" $target "* ]] || usage
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

# afl++ (Debian/Ubuntu package afl++; 4.04c is what this was measured with).
if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing afl++ (apt-get)"
    apt-get install -y afl++ >/dev/null || { apt-get update >/dev/null && apt-get install -y afl++ >/dev/null; }
  else
    echo "afl-fuzz is missing: install afl++ (sudo apt-get install afl++) and run again" >&2
    exit 1
  fi
fi

# The SharpFuzz instrumenter, as a dotnet tool in the work folder (version pinned with the SharpFuzz package).
tools="$work/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "== installing SharpFuzz.CommandLine"
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

bin="$work/bin"
if [ "${FUZZ_NO_BUILD:-0}" = 1 ] && [ -f "$bin/.instrumented" ]; then
  echo "== reusing the instrumented build in $bin (FUZZ_NO_BUILD=1)"
else
  echo "== publishing and instrumenting (Doorbraak.Rules.dll, YamlDotNet.dll)"
  rm -rf "$bin"
  dotnet publish "$project" -c Release -o "$bin" -v quiet -nologo >/dev/null
  for dll in Doorbraak.Rules.dll YamlDotNet.dll; do
    "$tools/sharpfuzz" "$bin/$dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

run="$work/$target"
input=(-i "$run/in")
if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$run/out/default/queue" ]; then
  echo "== resuming from afl's queue in $run/out (FUZZ_RESUME=1)"
  input=(-i -)
else
  rm -rf "$run"
  mkdir -p "$run"
  dotnet "$bin/Doorbraak.Rules.Fuzz.dll" seeds "$target" "$run/in"
fi

echo "== load before: $(uptime)"
echo "== afl-fuzz $target for $seconds s"
# AFL_SKIP_BIN_CHECK: the program is `dotnet`, the instrumentation is in the managed code (SharpFuzz);
# AFL_NO_AFFINITY: the machine is shared; AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES: core_pattern may pipe to a handler.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
       AFL_FORKSRV_INIT_TMOUT=60000 DOORBRAAK_REPO="$repo"
dict=()
[ -f "$here/$target.dict" ] && dict=(-x "$here/$target.dict")
set +e
# timeout and tail: afl-fuzz never runs past the budget (plus 5 minutes for its dry run), and its log stays small.
timeout --kill-after=30 $((seconds + 300)) afl-fuzz "${input[@]}" -o "$run/out" -t "${FUZZ_TIMEOUT_MS:-10000}" -m none -V "$seconds" "${dict[@]}" \
  -- dotnet "$bin/Doorbraak.Rules.Fuzz.dll" afl "$target" 2>&1 | tail -c 1000000 > "$run/afl.log"
afl_status=${PIPESTATUS[0]}
set -e
echo "== load after: $(uptime)"

stats="$run/out/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "afl-fuzz did not start (exit $afl_status); the end of $run/afl.log:" >&2
  tail -30 "$run/afl.log" >&2
  exit 1
fi
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "== $target: $(field execs_done) executions in $(( $(field last_update) - $(field start_time) )) s ($(field execs_per_sec) exec/s)," \
     "$(field corpus_count) paths (corpus entries), coverage $(field bitmap_cvg) of the map ($(field edges_found) edges)," \
     "stability $(field stability), $(field saved_crashes) crashes, $(field saved_hangs) hangs"

# Findings: copied into the repository by hash, then replayed here so the exceptions are shown.
found=0
mkdir -p "$repo/tests/fuzz/crashes/$target"
for f in "$run"/out/default/crashes/id:* "$run"/out/default/hangs/id:*; do
  [ -f "$f" ] || continue
  name="$(sha1sum "$f" | cut -c1-12)"
  cp "$f" "$repo/tests/fuzz/crashes/$target/$name"
  found=$((found + 1))
done
if [ "$found" -gt 0 ]; then
  echo "== $found findings copied to tests/fuzz/crashes/$target/; replayed:"
  dotnet build "$project" -c Release -o "$work/plain" -v quiet -nologo >/dev/null
  DOORBRAAK_FUZZ_TIMEOUT=10 dotnet "$work/plain/Doorbraak.Rules.Fuzz.dll" replay "$target" "$repo/tests/fuzz/crashes/$target" || true
  echo "Fix each in the library, and add a case with its expected outcome to tests/corpus (see tests/README.md)."
fi
