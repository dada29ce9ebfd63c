#!/usr/bin/env bash
# Benchmark: the fixity check's re-hashing (issue 13): FILES (default 10,000) synthetic files of SIZE (200 KB) bytes,
# 2 GB, in a content store of their own (bench/FixityBench.java calls ContentStore.verify, the code of
# POST /api/fixity-checks). Target ≥ 200 MB/s. Five runs each with 2 threads and with 1 thread, files in the page cache
# (the first run warms it); baseline in the same script: coreutils sha256sum over the same files, one process.
# Then the job itself: a completed roster for each file in the service's H2 database on that data directory, and
# RUNS runs of batch-jobs/fixity/fixity (the Spring Batch job, a page of 10,000 references a chunk, findings
# upserted): its throughput between the run's start and end as the job records them (fixity_run), and the command's
# wall clock with the JVM's start.
#   FILES=1000 bench/fixity.sh      (a small run)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"
pick_jdk
FILES="${FILES:-10000}"; SIZE="${SIZE:-204800}"; RUNS="${RUNS:-5}"
OUT="$ROOT/bench/out/fixity"; rm -rf "$OUT" && mkdir -p "$OUT"
[ -f target/madoguchi.jar ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
java -Djarmode=tools -jar target/madoguchi.jar extract --destination "$WORK/cp" >/dev/null
CP="$WORK/cp/madoguchi.jar:$WORK/cp/lib/*"
mkdir -p "$WORK/classes" && javac -d "$WORK/classes" -cp "$CP" bench/FixityBench.java
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
bench() { java -Xmx512m -cp "$WORK/classes:$CP" FixityBench "$@"; }
bench seed "$WORK/store" "$FILES" "$SIZE" | tee "$OUT/seed.txt"
bench verify "$WORK/store" 2 "$RUNS" | tee "$OUT/two-threads.txt"
bench verify "$WORK/store" 1 "$RUNS" | tee "$OUT/one-thread.txt"
MB=$(awk -v f="$FILES" -v s="$SIZE" 'BEGIN{printf "%.0f", f*s/1e6}')
for r in $(seq 1 "$RUNS"); do
  t0=$(date +%s.%N); find "$WORK/store/files" -type f -print0 | xargs -0 sha256sum > /dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v mb="$MB" 'BEGIN{printf "%.0f\n", mb/(b-a)}'
done > "$OUT/sha256sum.txt"
# The job: the first command creates the database (demo municipality), the rosters point at the files.
job() { MADOGUCHI_JAR="$ROOT/target/madoguchi.jar" MADOGUCHI_JAVA_OPTS=-Xmx512m "$ROOT/batch-jobs/fixity/fixity" \
  --madoguchi.data-dir="$WORK/store" --spring.profiles.active=demo --logging.level.root=WARN > "$OUT/job.log" 2>&1; }
job
bench rosters "$WORK/store" | tee -a "$OUT/seed.txt"
for r in $(seq 1 "$RUNS"); do
  t0=$(date +%s.%N); job || { echo "[bench] the fixity job failed (see $OUT/job.log)"; exit 1; }; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f\n", b-a}'
done > "$OUT/job-wall.txt"
bench runs "$WORK/store" | tee "$OUT/job-runs.txt"
awk '{for(i=1;i<=NF;i++) if($i=="MB/s") print $(i-1)}' "$OUT/job-runs.txt" > "$OUT/job-rates.txt"
{
echo "[bench] fixity: $FILES files of $SIZE bytes ($MB MB), $(nproc) cores, JDK $JAVA_HOME"
echo "[bench] ContentStore.verify, 2 threads: $(tail -n 1 "$OUT/two-threads.txt") (target ≥ 200 MB/s, $(awk '/median/{print ($2>=200?"met":"NOT met")}' "$OUT/two-threads.txt"))"
echo "[bench] ContentStore.verify, 1 thread: $(tail -n 1 "$OUT/one-thread.txt")"
echo "[bench] baseline sha256sum (one process): median $(median < "$OUT/sha256sum.txt") MB/s"
JOB=$(median < "$OUT/job-rates.txt")
echo "[bench] fixity job (batch-jobs/fixity/fixity, $RUNS runs, no mismatch): median $JOB MB/s between its start and end (target ≥ 200 MB/s, $(awk -v j="$JOB" 'BEGIN{print (j>=200?"met":"NOT met")}')), $(awk -v j="$JOB" -v s="$(median < "$OUT/sha256sum.txt")" 'BEGIN{printf "%.1f", j/s}')× sha256sum; command wall clock with the JVM's start: median $(median < "$OUT/job-wall.txt") s"
} | tee "$OUT/summary.txt"
