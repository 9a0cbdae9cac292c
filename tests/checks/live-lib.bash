# Shared by tests/checks/live-*.sh: a world up in $TMPDIR, down at exit with
# its leak check, and the server's log checked for sanitizer reports.
set -u
SKBOX=$(realpath "$SKBOX")
W=$(mktemp -d "${TMPDIR:-/tmp}/live.XXXXXX")
live_fail() { echo "FAIL: $*"; [ -f "$W/w/log" ] && tail -n 30 "$W/w/log"; exit 1; }
live_up() {
	eval "$("$SKBOX" up --dir "$W/w" "$@")" || live_fail "skbox up"
}
# down: status 0, the log says "no leaks" and holds no sanitizer report
live_down() {
	"$SKBOX" down --dir "$W/w" || live_fail "skbox down"
	grep -q "world down: no leaks" "$W/w/log" || live_fail "no clean leak report"
	! grep -qE "AddressSanitizer|LeakSanitizer|runtime error" "$W/w/log" ||
		live_fail "sanitizer report in the log"
	[ ! -e "$W/w/sock" ] || live_fail "socket left behind"
}
live_cleanup() {
	[ -f "$W/w/pid" ] && kill "$(cat "$W/w/pid")" 2>/dev/null
	rm -rf "$W"
}
trap live_cleanup EXIT
# expect NAME WANTED GOT
expect() {
	[ "$2" = "$3" ] || live_fail "$1: wanted [$2], got [$3]"
}
# wait_count FILE PATTERN N: until N lines of FILE match (10 s at most);
# a command is in the world once the log names it
wait_count() {
	for _ in $(seq 1 200); do
		[ "$(grep -c -- "$2" "$1" 2>/dev/null)" -ge "$3" ] && return 0
		sleep 0.05
	done
	live_fail "timed out waiting for $3 x '$2' in $1"
}
