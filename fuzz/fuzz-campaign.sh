#!/usr/bin/env bash
# Fuzzes Jazzer targets for real, one after the other (see fuzz/README.md, "Running a fuzzing campaign").
#
#   fuzz/fuzz-campaign.sh --list                       every @FuzzTest in the reactor, as module:Class#method
#   fuzz/fuzz-campaign.sh [DURATION] [TARGET ...]      fuzz each TARGET (default: all of them) for DURATION (10m)
#
# TARGET is module:Class#method, or Class#method when the class name is unique. Logs go to
# <module>/target/fuzz-logs/; a crash input lands in the target's Inputs folder beside its seeds and replays in the
# regular build from then on. MVN_ARGS is passed to Maven, e.g. MVN_ARGS=-Dmaven.repo.local=/tmp/m2-snapshot to fuzz
# against a frozen copy of the sslkit jars while other modules are being rebuilt. Install the modules first.
set -u
cd "$(dirname "$0")/.."

all_targets() {
  # module:Class#method for each method annotated @FuzzTest (the annotation is within 3 lines of the method)
  grep -rn -A3 --include='*.java' '@FuzzTest' -- */src/test/java \
    | sed -n 's|^\([a-z0-9-]*\)/src/test/java/.*/\([A-Za-z0-9]*\)\.java-[0-9]*- *void \([A-Za-z0-9]*\)(.*|\1:\2#\3|p'
}

resolve() {
  case "$1" in
    *:*) echo "$1" ;;
    *) local found
       found=$(all_targets | grep -F ":$1" || true)
       if [ "$(echo "$found" | grep -c .)" -ne 1 ]; then
         echo "unknown or ambiguous target '$1'; see $0 --list" >&2
         return 1
       fi
       echo "$found" ;;
  esac
}

case "${1:-}" in
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  --list) all_targets; exit 0 ;;
esac
duration="${1:-10m}"
shift || true
if [ $# -eq 0 ]; then
  mapfile -t targets < <(all_targets)
else
  targets=()
  for t in "$@"; do
    targets+=("$(resolve "$t")") || exit 2
  done
fi
for t in "${targets[@]}"; do
  module="${t%%:*}"
  test="${t#*:}"
  mkdir -p "$module/target/fuzz-logs"
  log="$module/target/fuzz-logs/${test/\#/.}.log"
  echo "$(date -u +%H:%M:%S) fuzzing $t for $duration; log $log"
  start=$(date +%s)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:--Xmx768m}" \
    mvn -o -B ${MVN_ARGS:-} -pl "$module" -Djazzer.hooks=true -Dfuzz.forkTimeout=0 test -Dtest="$test" \
    -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1
  rc=$?
  end=$(date +%s)
  done_line=$(grep -a '^Done [0-9]* runs' "$log" | tail -1)
  cov=$(grep -a -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  finding=$(grep -a -m1 -o 'FuzzTestFinding.*' "$log" | cut -c1-200)
  echo "$t: rc=$rc wall=$((end - start))s ${done_line:-no Done line} ${cov} ${finding:+FINDING: $finding}"
done
