#!/usr/bin/env bash
# Fuzzes each target for real, one after the other (see README.md).
#   ./fuzz-campaign.sh [duration per target, default 10m] [Class#method ...]
# Logs go to target/fuzz-logs/; a crash input lands in src/test/resources/io/sslkit/fuzz/<Class>Inputs/<method>/.
# MVN_ARGS is passed to Maven, e.g. MVN_ARGS=-Dmaven.repo.local=/tmp/m2-snapshot to fuzz against a frozen copy of
# the sslkit jars while other modules are being rebuilt.
set -u
cd "$(dirname "$0")"
duration="${1:-10m}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(RecordFuzzTest#plaintextRecords RecordFuzzTest#protectedRecords AlertFuzzTest#alerts
           ServerEngineFuzzTest#afterClientHello ServerEngineFuzzTest#firstFlight ClientEngineFuzzTest#serverFlight)
fi
mkdir -p target/fuzz-logs
for t in "${targets[@]}"; do
  log="target/fuzz-logs/${t/\#/.}.log"
  start=$(date +%s)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" mvn -o ${MVN_ARGS:-} -Djazzer.hooks=true -Dfuzz.forkTimeout=0 test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    > "$log" 2>&1
  rc=$?
  end=$(date +%s)
  done_line=$(grep -a '^Done [0-9]* runs' "$log" | tail -1)
  cov=$(grep -a -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  finding=$(grep -a -m1 -o 'FuzzTestFinding.*' "$log" | cut -c1-200)
  echo "$t: rc=$rc wall=$((end - start))s ${done_line:-no Done line} ${cov} ${finding:+FINDING: $finding}"
done
