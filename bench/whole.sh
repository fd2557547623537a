#!/usr/bin/env bash
# whole.sh: the whole-process benchmarks of BENCHMARKS.md, each command
# run alone under bench/measure.sh (time -v and peak memory split into
# anonymous and file-backed pages), its logs in $OUT.
#
#   bench/whole.sh STEP...   with STEP one of
#     gen N          newsgraph gen --seed 1 --articles N -o cN
#     bolt N         ingest cN into bolt, export it, cayley load the export into bolt
#     pg N           ingest --bulk cN into PostgreSQL, cayley load the export into PostgreSQL
#     queries N      every example query on the bolt store of cN, --repeat 20 (5 for
#                    the ones that list every attack)
#
# Environment: NG (newsgraph binary, default: built from this tree into
# $OUT/newsgraph), CAYLEY (cayley v0.7.7 binary, default: built from the
# module cache into $OUT/cayley), OUT (default /tmp/ngbench), PGURL (default
# postgres://root@127.0.0.1:5432/test?sslmode=disable).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
OUT=${OUT:-/tmp/ngbench}
PGURL=${PGURL:-postgres://root@127.0.0.1:5432/test?sslmode=disable}
mkdir -p "$OUT"
export PATH="/usr/local/go/bin:$PATH"

if [ -z "${NG:-}" ]; then
  NG=$OUT/newsgraph
  (cd "$root" && go build -o "$NG" ./cmd/newsgraph)
fi
if [ -z "${CAYLEY:-}" ]; then
  CAYLEY=$OUT/cayley
  if [ ! -x "$CAYLEY" ]; then
    # cayley v0.7.7's command, built in a module of its own that requires it.
    mod=$(mktemp -d)
    printf 'module cayleybuild\n\ngo 1.26\n\nrequire github.com/cayleygraph/cayley v0.7.7\n' >"$mod/go.mod"
    cp "$root/go.sum" "$mod/"
    (cd "$mod" && GOFLAGS=-mod=mod go build -o "$CAYLEY" github.com/cayleygraph/cayley/cmd/cayley 2>/dev/null)
    rm -rf "$mod"
  fi
fi
measure="$here/measure.sh"
cd "$OUT"

pgschema() { # pgschema NAME: a new, empty schema NAME in the test database
  psql -q -h 127.0.0.1 -U root test -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" >/dev/null
}

while [ $# -gt 0 ]; do
  step=$1 n=$2
  shift 2
  c=c$n
  case $step in
  gen)
    "$NG" gen --seed 1 --articles "$n" -o "$c"
    ;;
  bolt)
    rm -rf "b$n.db" "cay$n.db" # cayley's bolt store is a directory
    "$measure" "ingest-bolt-$n.log" "$NG" ingest --dbpath "b$n.db" "$c/corpus.jsonl"
    "$NG" export --dbpath "b$n.db" -o "b$n.nq"
    "$measure" "cayley-bolt-$n.log" "$CAYLEY" load --init -d bolt -a "cay$n.db" -i "b$n.nq"
    ;;
  pg)
    pgschema "ng$n"
    pgschema "cay$n"
    [ -f "b$n.nq" ] || { echo "whole.sh: pg $n needs b$n.nq: run the bolt step first" >&2; exit 2; }
    "$measure" "ingest-pg-$n.log" "$NG" ingest --bulk --db postgres --dbpath "$PGURL&search_path=ng$n" "$c/corpus.jsonl"
    "$measure" "cayley-pg-$n.log" "$CAYLEY" load --init -d postgres -a "$PGURL&search_path=cay$n" -i "b$n.nq"
    for s in "ng$n" "cay$n"; do
      echo "$s: $(psql -tA -h 127.0.0.1 -U root test -c "SELECT (SELECT count(*) FROM $s.quads) || ' quads, ' || (SELECT count(*) FROM $s.nodes) || ' nodes'")"
    done | tee "pg-$n.counts"
    ;;
  queries)
    for q in "$root"/examples/queries/*; do
      name=$(basename "$q")
      reps=20
      case $name in who-struck-whom.* | sources-casualties.*) reps=5 ;; esac
      "$NG" query --dbpath "b$n.db" -f "$q" --repeat "$reps" 2>&1 >"query-$n-$name.out" | tail -n 1 | sed "s|^|$name: |"
    done | tee "queries-$n.log"
    ;;
  *)
    echo "whole.sh: unknown step $step" >&2
    exit 2
    ;;
  esac
done
