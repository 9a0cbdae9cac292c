#!/bin/bash
# Every libFuzzer target (tests/fuzz/fuzz_*.c, built with clang + ASan + UBSan) runs for a
# few seconds from its seed corpus with no crash, sanitizer report or leak.  `make fuzz`
# runs them longer (FUZZ_SECONDS, default 60).
set -u
command -v clang >/dev/null || { echo "clang not installed"; exit 77; }
secs=${FUZZ_SMOKE_SECONDS:-8}
make -s fuzz-build >"$TMPDIR/fuzz-build.log" 2>&1 || { tail -20 "$TMPDIR/fuzz-build.log"; exit 1; }
bash tests/fuzz/run.sh build/fuzz "$secs"
