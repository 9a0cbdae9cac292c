#!/bin/bash
# Runs every fuzz target for SECONDS seconds: corpus in BUILD/corpus/NAME (grows),
# seeds from tests/fuzz/corpus/NAME; a crash, leak or sanitizer report is written
# as BUILD/NAME-crash-* and fails the run.  Usage: run.sh BUILD SECONDS [TARGET...]
set -u
dir=$(readlink -f "$1"); secs=$2; shift 2
# absolute paths: a target may change its working directory (fuzz_script does)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(ls "$dir" | grep '^fuzz_' | grep -v '\.'))
fail=0
for t in "${targets[@]}"; do
	name=${t#fuzz_}
	mkdir -p "$dir/corpus/$name"
	seeds=$PWD/tests/fuzz/corpus/$name
	[ -d "$seeds" ] || seeds=
	log="$dir/$name.log"
	# fuzz_script: inputs past 512 bytes (8-20 lines) mostly repeat commands.
	# -entropic=0: entropic's feature bookkeeping (UpdateFeatureFrequency,
	# AddRareFeature) took a fifth of fuzz_script's time and a third of
	# fuzz_packetdrill's and fuzz_stateful's (docs/FUZZING.md, "Speed").
	# -reload=0: one process, nothing else adds to its corpus; rereading the
	# directory every second (a stat() per file) was 8-10% of fuzz_script's
	# time once its corpus held 7,700 files
	flags=()
	case $name in
	script) flags=(-max_len=512 -entropic=0 -reload=0) ;;
	packetdrill|stateful|restore|pcap) flags=(-entropic=0) ;;
	esac
	# -close_fd_mask=3: the tools' own output (packetdrill's mismatches) is
	# noise; libFuzzer and the sanitizers keep reporting on a copy of stderr
	if "$dir/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -close_fd_mask=3 \
		-artifact_prefix="$dir/$name-" -print_final_stats=1 \
		"${flags[@]}" "$dir/corpus/$name" $seeds > "$log" 2>&1; then
		execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
		cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
		echo "fuzz $name: ${execs:-?} executions in ${secs}s, $cov, no finding"
	else
		echo "fuzz $name: FINDING (see $log and $dir/$name-*)"
		grep -m5 -E "ERROR|SUMMARY|leak" "$log"
		fail=1
	fi
done
exit $fail
