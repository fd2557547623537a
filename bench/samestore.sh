#!/usr/bin/env bash
# samestore.sh: a differential check of two builds' stores, and their
# footprint. A generated corpus is ingested into bolt by binary A (say,
# main's) and by binary B (a branch's); `events --json`, `events --format
# csv` and every query of examples/queries must print the same bytes from
# both stores. Then prints, for each store, its quads per article by
# predicate (from the export) and its bolt file per article.
#
#   bench/samestore.sh A B [N]     N articles (default 1000), gen --seed 1
#
# Environment: OUT (default /tmp/samestore), the work directory; the
# corpus is generated there with A, once. Exits 1 if an output differs.
set -euo pipefail
A=$(realpath "$1"); B=$(realpath "$2"); N=${3:-1000}
OUT=${OUT:-/tmp/samestore}
Q=$(realpath "$(dirname "$0")/../examples/queries")
mkdir -p "$OUT"
C=$OUT/c$N/corpus.jsonl
[ -f "$C" ] || "$A" gen --seed 1 --articles "$N" -o "$OUT/c$N" >/dev/null
for s in a b; do
  bin=$A; [ $s = b ] && bin=$B
  rm -f "$OUT/$s$N.db"
  "$bin" ingest --dbpath "$OUT/$s$N.db" "$C" | grep -E 'quads|compacted|elapsed'
done
fail=0
same() { # NAME ARGS...: run ARGS with each binary on its store, compare
  local name=$1; shift
  "$A" "$@" --dbpath "$OUT/a$N.db" >"$OUT/a.$name" 2>&1
  "$B" "$@" --dbpath "$OUT/b$N.db" >"$OUT/b.$name" 2>&1
  if cmp -s "$OUT/a.$name" "$OUT/b.$name"; then
    echo "same  $name ($(wc -c <"$OUT/a.$name") bytes)"
  else
    echo "DIFF  $name"; fail=1
  fi
}
same json events --json
same csv events --format csv
for f in "$Q"/*; do same "$(basename "$f")" query -f "$f"; done
for s in a b; do
  bin=$A; [ $s = b ] && bin=$B
  "$bin" export --dbpath "$OUT/$s$N.db" -o "$OUT/$s$N.nq"
  echo "store $s: $(wc -l <"$OUT/$s$N.nq") quads, $(stat -c %s "$OUT/$s$N.db") bytes of bolt file:" \
    "$(awk -v n="$N" '{q++} END {printf "%.1f quads", q/n}' "$OUT/$s$N.nq")," \
    "$(stat -c %s "$OUT/$s$N.db" | awk -v n="$N" '{printf "%.1f KB", $1/n/1000}') an article"
  awk -v n="$N" '{c[$2]++} END {for (p in c) printf "  %8.2f %s\n", c[p]/n, p}' "$OUT/$s$N.nq" | sort -rn | head -12
done
exit $fail
