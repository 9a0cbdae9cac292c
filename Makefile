# skbox — build, test and CI entry points (GNU make).
#
#   make          build/skbox and build/libskbox.a            (-O3, link-time optimisation)
#   make check    ASan/UBSan build in build/asan, cmocka unit tests, scenario and
#                 transcript tests via tests/run-tests.sh; ends with "N passed, N failed"
#   make demo     run examples/seed-bridge.sh with --echo
#   make bench    tests/bench/run.sh (if present)
#   make clean

CC      ?= cc
AR      ?= ar
BUILD   := build
ASAN    := $(BUILD)/asan

BASE_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Iinclude
DEPFLAGS    := -MMD -MP
# The release build: -O3 with link-time optimisation.  The packet path is many
# small functions in many files; LTO inlines across them (sim-speed: 10% fewer
# instructions than -O2, docs/PERFORMANCE.md "The build").  Fat objects:
# libskbox.a also links into programs built without -flto, with each file's
# -O3 code.
OPT_CFLAGS  := -O3 -g -flto=auto -ffat-lto-objects
SAN_FLAGS   := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_CFLAGS := -O1 -g $(SAN_FLAGS)
LDLIBS      := -lpcap -ledit -lm
TEST_LDLIBS := -lcmocka $(LDLIBS)
# Extra flags from the command line, e.g. make EXTRA_CFLAGS=-DFOO
EXTRA_CFLAGS  ?=
EXTRA_LDFLAGS ?=

SRC_DIRS := kernel net drivers tools lib
MAIN_SRC := tools/skbox/main.c
# find over missing directories prints errors: silence them (missing dirs are fine).
ALL_SRCS := $(sort $(shell find $(SRC_DIRS) -name '*.c' -type f 2>/dev/null))
LIB_SRCS := $(filter-out $(MAIN_SRC),$(ALL_SRCS))
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJS      := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ      := $(MAIN_SRC:%.c=$(BUILD)/obj/%.o)
ASAN_LIB_OBJS := $(LIB_SRCS:%.c=$(ASAN)/obj/%.o)
ASAN_MAIN_OBJ := $(MAIN_SRC:%.c=$(ASAN)/obj/%.o)
TEST_OBJS     := $(TEST_SRCS:%.c=$(ASAN)/obj/%.o)
TEST_BINS     := $(patsubst tests/unit/%.c,$(ASAN)/tests/%,$(TEST_SRCS))

DEPS_STAMP := $(BUILD)/.deps-ok

.PHONY: all check demo bench print-opt-cflags clean FORCE deps asan-build fuzz fuzz-build packetdrill-linux
.DEFAULT_GOAL := all

all: $(BUILD)/skbox $(BUILD)/libskbox.a $(BUILD)/libskbox-preload.so | $(DEPS_STAMP)

# --- dependencies (Debian packages); re-checked only when scripts/deps.sh changes ---
deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/deps.sh
	@bash scripts/deps.sh
	@mkdir -p $(@D) && touch $@

# --- optimized build ---
# The objects depend on the flags they were built with: a change of OPT_CFLAGS
# (or EXTRA_CFLAGS) rebuilds them.
OPT_FLAGS_STAMP := $(BUILD)/.opt-cflags
$(OPT_FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(BASE_CFLAGS) $(OPT_CFLAGS) $(EXTRA_CFLAGS)' | cmp -s - $@ || \
		echo '$(BASE_CFLAGS) $(OPT_CFLAGS) $(EXTRA_CFLAGS)' > $@
FORCE:

$(BUILD)/obj/%.o: %.c $(OPT_FLAGS_STAMP) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(OPT_CFLAGS) $(EXTRA_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/libskbox.a: $(LIB_OBJS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

$(BUILD)/skbox: $(MAIN_OBJ) $(BUILD)/libskbox.a
	$(CC) $(BASE_CFLAGS) $(OPT_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $(MAIN_OBJ) $(BUILD)/libskbox.a $(LDLIBS)

# --- the LD_PRELOAD library that gives host programs world sockets (docs/LIVE.md);
#     next to each skbox binary, never sanitized (it loads into any program) ---
PRELOAD_SRCS   := $(sort $(wildcard preload/*.c))
PRELOAD_DEPS   := $(PRELOAD_SRCS) preload/preload.h tools/skbox/live.h tools/skbox/live_sock.h
PRELOAD_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 -g -fPIC -shared \
		  -fvisibility=default -Itools/skbox

$(BUILD)/libskbox-preload.so $(ASAN)/libskbox-preload.so: $(PRELOAD_DEPS)
	@mkdir -p $(@D)
	$(CC) $(PRELOAD_CFLAGS) -o $@ $(PRELOAD_SRCS) -ldl

# --- sanitizer build and tests ---
$(ASAN)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(ASAN_CFLAGS) $(EXTRA_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(ASAN)/libskbox.a: $(ASAN_LIB_OBJS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $(ASAN_LIB_OBJS)

$(ASAN)/skbox: $(ASAN_MAIN_OBJ) $(ASAN)/libskbox.a
	$(CC) $(ASAN_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $(ASAN_MAIN_OBJ) $(ASAN)/libskbox.a $(LDLIBS)

$(ASAN)/tests/%: $(ASAN)/obj/tests/unit/%.o $(ASAN)/libskbox.a
	@mkdir -p $(@D)
	$(CC) $(ASAN_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $< $(ASAN)/libskbox.a $(TEST_LDLIBS)

# the unit tests without sanitizers, for valgrind (tests/checks/valgrind.sh)
VG      := $(BUILD)/vg
VG_BINS := $(patsubst tests/unit/%.c,$(VG)/tests/%,$(TEST_SRCS))

$(VG)/tests/%: tests/unit/%.c $(BUILD)/libskbox.a
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O1 -g $(EXTRA_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $< $(BUILD)/libskbox.a $(TEST_LDLIBS)

asan-build: $(ASAN)/skbox $(ASAN)/libskbox.a $(ASAN)/libskbox-preload.so $(TEST_BINS) | $(DEPS_STAMP)

check: asan-build all $(VG_BINS)
	@# the fuzz targets, for the fuzz smoke check (skipped without clang)
	@if command -v $(FUZZ_CC) >/dev/null; then $(MAKE) -s fuzz-build; fi
	@# drop binaries of unit tests whose source was removed
	@for b in $(ASAN)/tests/test_* $(VG)/tests/test_*; do \
		[ -e "$$b" ] || continue; \
		[ -f "tests/unit/$${b##*/}.c" ] || rm -f "$$b"; \
	done
	bash tests/run-tests.sh $(ASAN)

# --- fuzzing: libFuzzer targets tests/fuzz/fuzz_*.c, built with clang, ASan and UBSan ---
#   make fuzz [FUZZ_SECONDS=60]   runs each target that long (tests/fuzz/run.sh)
FUZZ         := $(BUILD)/fuzz
FUZZ_CC      ?= clang
FUZZ_CFLAGS  := -std=c11 -D_GNU_SOURCE -Iinclude -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_SRCS    := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS    := $(patsubst tests/fuzz/%.c,$(FUZZ)/%,$(FUZZ_SRCS))
FUZZ_LIB_OBJS := $(LIB_SRCS:%.c=$(FUZZ)/obj/%.o)
FUZZ_SECONDS ?= 60

$(FUZZ)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(FUZZ)/libskbox.a: $(FUZZ_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(FUZZ_LIB_OBJS)

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ)/libskbox.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Wl,--wrap=world_free $< $(FUZZ)/libskbox.a \
		$(LDLIBS) -o $@

# fuzz_script's and fuzz_packetdrill's inputs are text: the comparison
# callbacks of trace-cmp (integer operands, of no use to mutate text;
# strcmp/memcmp hooks stay) were a quarter of fuzz_script's time and a fifth
# of fuzz_packetdrill's.  They link a copy of the library built without them.
FUZZ_TEXT_CFLAGS := $(FUZZ_CFLAGS) -fno-sanitize-coverage=trace-cmp
FUZZ_TEXT_OBJS := $(LIB_SRCS:%.c=$(FUZZ)/text/obj/%.o)

$(FUZZ)/text/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_TEXT_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(FUZZ)/text/libskbox.a: $(FUZZ_TEXT_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(FUZZ_TEXT_OBJS)

$(FUZZ)/fuzz_script $(FUZZ)/fuzz_packetdrill: $(FUZZ)/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h \
		$(FUZZ)/text/libskbox.a
	$(FUZZ_CC) $(FUZZ_TEXT_CFLAGS) -fsanitize=fuzzer -Wl,--wrap=world_free $< \
		$(FUZZ)/text/libskbox.a $(LDLIBS) -o $@

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	bash tests/fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS)

# --- conveniences ---
demo: all
	./$(BUILD)/skbox run --echo --timeout 1.5 examples/seed-bridge.sh

# the release build's optimisation flags (tests/bench/run.sh builds the bench programs with them)
print-opt-cflags:
	@echo $(OPT_CFLAGS)

bench: all
	@if [ -f tests/bench/run.sh ]; then \
		bash tests/bench/run.sh; \
	else \
		echo "skbox: no benchmarks yet (tests/bench/run.sh not found)"; \
	fi

clean:
	rm -rf $(BUILD)

# Objects are intermediates of nothing that make may delete; keep them.
.SECONDARY:

-include $(LIB_OBJS:.o=.d) $(MAIN_OBJ:.o=.d) \
	$(ASAN_LIB_OBJS:.o=.d) $(ASAN_MAIN_OBJ:.o=.d) $(TEST_OBJS:.o=.d) \
	$(FUZZ_LIB_OBJS:.o=.d) $(FUZZ_TEXT_OBJS:.o=.d)

# --- Linux's packetdrill selftests (from /usr/src/linux-source-*.tar.xz) through skbox ---
packetdrill-linux: $(BUILD)/skbox
	bash tools/packetdrill/linux-selftests.sh $(BUILD)/skbox $(BUILD)/packetdrill-linux

# --- live mode: Linux's own selftests and iptables' tests against skbox ---
#   make conformance   downloads (apt-get) at test time; reports, never fails;
#                      not part of `make check` (tests/conformance/run.sh, docs/LIVE.md)
.PHONY: conformance
conformance: all
	-SKBOX=$(BUILD)/skbox bash tests/conformance/run.sh $(CONFORMANCE_TESTS)
