#!/usr/bin/env bash
# measure.sh LOG COMMAND [ARG...]: runs COMMAND under /usr/bin/time -v and
# samples its /proc/PID/status every 0.5 s, so that the peak resident set
# is split into the process's own (anonymous) memory and the file-backed
# pages of files it maps (bolt maps its database file; those pages belong
# to the page cache). Writes time's report, the peaks and COMMAND's
# standard error to LOG; COMMAND's standard output goes to LOG.stdout.
set -euo pipefail
log=$1
shift
: >"$log"
/usr/bin/time -v -o "$log.time" "$@" >"$log.stdout" 2>"$log.stderr" &
tpid=$!
# The command is time's child.
pid=""
for _ in $(seq 1 100); do
  pid=$(pgrep -P "$tpid" | head -n1 || true)
  [ -n "$pid" ] && break
  sleep 0.05
done
anon=0 file=0 rss=0
while [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; do
  read -r a f r < <(awk '/^RssAnon:/{a=$2} /^RssFile:/{f=$2} /^VmRSS:/{r=$2} END{print a+0, f+0, r+0}' "/proc/$pid/status" 2>/dev/null || echo "0 0 0")
  [ "$a" -gt "$anon" ] && anon=$a
  [ "$f" -gt "$file" ] && file=$f
  [ "$r" -gt "$rss" ] && rss=$r
  sleep 0.5
done
rc=0
wait "$tpid" || rc=$?
{
  echo "command: $*"
  echo "exit: $rc"
  echo "peak anonymous (RssAnon): $anon kB"
  echo "peak file-backed (RssFile): $file kB"
  echo "peak resident (VmRSS, sampled): $rss kB"
  grep -E 'Elapsed|User time|System time|Maximum resident|File system outputs|Percent of CPU' "$log.time" | sed 's/^\t//'
  echo "--- stderr (last 15 lines)"
  tail -n 15 "$log.stderr"
} >"$log"
cat "$log"
exit "$rc"
