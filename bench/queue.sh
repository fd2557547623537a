#!/usr/bin/env bash
# Throughput of newsgraph workers: 1000 generated articles, published to a
# NATS JetStream work queue, stored into PostgreSQL by 1 and by 2 workers,
# against a one-shot ingest of the same file; the three stores' sorted
# exports must hash the same. Needs NATS (JetStream) on 127.0.0.1:4222 and
# PostgreSQL's database test; the corpus: newsgraph gen --seed 1
# --articles 1000 -o c1000. Each run publishes to streams of its own
# (the server would drop a second publication of the same documents
# within an hour); they are left behind, empty.
set -euo pipefail
NG=${NG:-./newsgraph}
Q=nats://127.0.0.1:4222
PG='postgres://root@127.0.0.1:5432/test?sslmode=disable'
C=${C:-c1000/corpus.jsonl}
N=$(wc -l < $C)        # articles in the corpus
BATCH=${BATCH:-16}     # documents per worker transaction
ONCE=${ONCE:-1}        # 0: no one-shot ingest (its export is then not compared)
P=${P:-qbench}        # prefix of the schemas (and streams) of the run
schema() { psql "$PG" -qc "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1"; }
run=$(date +%s)
uptime
if [ "$ONCE" = 1 ]; then
  schema ${P}_once
  s=$(date +%s.%N)
  $NG ingest --db postgres --dbpath "$PG&search_path=${P}_once" $C | grep -E 'documents|elapsed'
  echo "one-shot ingest: $(echo "$(date +%s.%N) - $s" | bc) s"
fi
for n in 1 2; do
  schema ${P}_w$n
  $NG ingest --queue $Q --stream ${P^^}_W${n}_$run $C
  s=$(date +%s.%N)
  for i in $(seq 1 $n); do
    $NG worker --queue $Q --stream ${P^^}_W${n}_$run --db postgres --dbpath "$PG&search_path=${P}_w$n" --batch $BATCH --drain > ${TMPDIR:-/tmp}/w$n-$i.out &
  done
  wait
  e=$(echo "$(date +%s.%N) - $s" | bc)
  grep -h -E 'documents|queue' ${TMPDIR:-/tmp}/w$n-*.out
  echo "$n worker(s): $e s, $(echo "$N / $e" | bc -l | cut -c1-5) articles/s"
  uptime
done
stores="w1 w2"
[ "$ONCE" = 1 ] && stores="once $stores"
for s in $stores; do
  $NG export --db postgres --dbpath "$PG&search_path=${P}_$s" | sort | md5sum
done
