# lvsh: one non-recursive Makefile.  configure (from configure.ac) writes
# config.mk with the compiler flags of libvirt, libxml2, jansson, readline;
# a plain `make` in a fresh clone runs autoreconf and configure by itself.

PREFIX ?= /usr/local
BUILD ?= build
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Werror
EXTRA_CFLAGS ?=
EXTRA_LDFLAGS ?=
# make check builds on every core even when called without -j
NPROC := $(shell nproc 2>/dev/null || echo 1)

ifneq ($(filter-out clean distclean,$(or $(MAKECMDGOALS),all)),)
include config.mk
endif

ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) -D_GNU_SOURCE -Isrc -Icmds \
	$(DEPS_CFLAGS) -MMD -MP
LDLIBS = $(DEPS_LIBS)

SRCS := $(wildcard src/*.c cmds/*.c)
OBJS := $(patsubst %.c,$(BUILD)/%.o,$(SRCS)) $(BUILD)/families.o
LIB_OBJS := $(filter-out $(BUILD)/src/main.o,$(OBJS))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
# fuzz drivers land next to the unit tests, so the unit tier runs them too
FUZZ_SRCS := $(wildcard tests/fuzz/test_*.c)
UNIT_BINS += $(patsubst tests/fuzz/%.c,$(BUILD)/tests/%,$(FUZZ_SRCS))
LVSH := $(if $(filter build,$(BUILD)),lvsh,$(BUILD)/lvsh)
# the fuzz tier's harnesses (tests/fuzz/fuzz_*.c), run by tests/fuzz/run.sh
FUZZ_TIER_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_TIER_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_TIER_SRCS))

.PHONY: all run check check-build check-asan check-asan-build check-valgrind deps deps-check clean distclean \
	install install-strip uninstall docs bench bench-latency install-completion uninstall-completion \
	bench-complete bench-fleet fuzz install-virsh-link uninstall-virsh-link
all: $(LVSH)

config.mk: configure.ac config.mk.in
	@scripts/deps.sh build
	autoreconf -fi
	./configure --prefix=$(PREFIX) CFLAGS="$(CFLAGS)"

Q = $(if $(V),,@)
$(BUILD)/%.o: %.c config.mk
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The list of family files, rewritten only when a file comes or goes: a
# deleted cmds/*.c is newer than nothing, yet must rebuild the table too.
$(BUILD)/families.list: FORCE
	@mkdir -p $(BUILD)
	@echo $(sort $(wildcard cmds/*.c)) > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

FORCE:

$(BUILD)/families.c: $(wildcard cmds/*.c) $(BUILD)/families.list scripts/families.sh
	@mkdir -p $(BUILD)
	$(Q)scripts/families.sh cmds/*.c > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/families.o: $(BUILD)/families.c
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/liblvsh.a: $(LIB_OBJS)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(LVSH): $(BUILD)/src/main.o $(BUILD)/liblvsh.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/liblvsh.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(EXTRA_LDFLAGS) -o $@ $< $(BUILD)/liblvsh.a $(LDLIBS)

$(BUILD)/tests/%: tests/fuzz/%.c tests/unit/unit.h $(BUILD)/liblvsh.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  FUZZ    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(EXTRA_LDFLAGS) -o $@ $< $(BUILD)/liblvsh.a $(LDLIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/driver.h $(BUILD)/liblvsh.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  FUZZ    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/fuzz $(EXTRA_LDFLAGS) -o $@ $< $(BUILD)/liblvsh.a $(LDLIBS)

deps:
	@scripts/deps.sh build

deps-check:
	@scripts/deps.sh check

# Open the shell on the test driver; with stdin not a terminal, run its commands.
run: deps all
	@./lvsh -c test:///default

check-build: $(LVSH) $(UNIT_BINS) $(FUZZ_TIER_BINS)

# Every test tier; the last line says "N passed, N failed".
check: deps-check
	@$(MAKE) --no-print-directory -j$(NPROC) check-build
	@LVSH_BIN=$(abspath $(LVSH)) UNIT_DIR=$(abspath $(BUILD)/tests) \
		FUZZ_DIR=$(abspath $(BUILD)/fuzz) LVSH_PLAIN_BIN=$(abspath $(LVSH)) tests/run-all.sh

check-asan: check-asan-build
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
		LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LVSH_BIN=$(abspath build-asan/lvsh) UNIT_DIR=$(abspath build-asan/tests) \
		FUZZ_DIR=$(abspath build-asan/fuzz) \
		LVSH_SANITIZER=asan TIERS="$${TIERS:-unit fuzz transcripts tmux daemon}" tests/run-all.sh

check-asan-build: deps-check
	@$(MAKE) --no-print-directory -j$(NPROC) BUILD=build-asan CFLAGS="-O1 -g" \
		EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		check-build

# Every lvsh process of the unit, transcript, tmux and daemon tiers under
# memcheck; see tests/valgrind.sh.
check-valgrind: deps-check
	@$(MAKE) --no-print-directory check-build
	@LVSH_BIN=$(abspath $(LVSH)) UNIT_DIR=$(abspath $(BUILD)/tests) \
		LVSH_SANITIZER=valgrind tests/valgrind.sh

# Longer fuzzing with libFuzzer (clang): FUZZ_TIME seconds per harness, the
# corpus kept in build-fuzz/corpus and seeded from the transcripts and
# fixtures (tests/fuzz/seeds.py).  make check runs the same harnesses briefly.
FUZZ_TIME ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-omit-frame-pointer
fuzz: deps-check
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS="-O1 -g" \
		EXTRA_CFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" build-fuzz/liblvsh.a
	@python3 tests/fuzz/seeds.py build-fuzz/seeds
	@set -e; for f in $(FUZZ_SRCS) $(FUZZ_TIER_SRCS); do \
		n=$$(basename $$f .c); mkdir -p build-fuzz/corpus/$$n; \
		clang $(ALL_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer -DLVSH_LIBFUZZER \
			-Itests/unit -Itests/fuzz -o build-fuzz/$$n $$f build-fuzz/liblvsh.a $(LDLIBS); \
		build-fuzz/$$n -max_total_time=$(FUZZ_TIME) -max_len=4096 \
			build-fuzz/corpus/$$n build-fuzz/seeds/$$(tests/fuzz/seeds.py --kind $$n); \
	done

# The manual page and the JSON reference are generated (the command table,
# docs/json-examples.txt run on the test driver); tests fail when the
# committed files differ from what a fresh run generates.
docs: $(LVSH)
	./$(LVSH) man-page > docs/lvsh.1.tmp && mv docs/lvsh.1.tmp docs/lvsh.1
	python3 scripts/gen-json-doc.py --lvsh ./$(LVSH) > docs/json.md.tmp && mv docs/json.md.tmp docs/json.md

# lvsh against virsh in the same run; the table goes to bench/RESULTS.md.
bench: deps-check all $(BUILD)/bench/complete_bench
	python3 bench/bench.py --out bench/RESULTS.md

BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
INSTALL_PROGRAM ?= install -m 0755

install: all
	install -d $(BINDIR) $(MAN1DIR)
	$(INSTALL_PROGRAM) lvsh $(BINDIR)/lvsh
	install -m 0644 docs/lvsh.1 $(MAN1DIR)/lvsh.1

# The same, with the binary stripped of its symbols (as automake's).
install-strip:
	@$(MAKE) --no-print-directory INSTALL_PROGRAM="install -s -m 0755" install

uninstall:
	rm -f $(BINDIR)/lvsh $(MAN1DIR)/lvsh.1

# A virsh symlink, only on request: run under that name lvsh behaves as
# virsh 9.0 (see VIRSH MODE in the man page).  It never replaces a real
# virsh, and uninstall-virsh-link removes only our own link.
install-virsh-link: install
	@if [ -e $(BINDIR)/virsh ] && [ "$$(readlink $(BINDIR)/virsh)" != lvsh ]; then \
		echo "$(BINDIR)/virsh exists and is not lvsh's link: left alone" >&2; exit 1; fi
	ln -sf lvsh $(BINDIR)/virsh

uninstall-virsh-link:
	@if [ "$$(readlink $(BINDIR)/virsh)" = lvsh ]; then rm -f $(BINDIR)/virsh; fi

# Shell completion scripts, where each shell looks on Debian: bash-completion
# searches $XDG_DATA_DIRS (/usr/local/share:/usr/share by default); zsh's
# fpath has /usr/share/zsh/vendor-completions for packages and
# /usr/local/share/zsh/site-functions for local installs; fish searches
# /usr/share/fish/vendor_completions.d (pkg-config's completionsdir) and,
# /etc/fish/completions (the place for /usr/local, whose share/fish it
# searches only when XDG_DATA_DIRS names /usr/local/share) and
# ~/.local/share/fish/vendor_completions.d (PREFIX=~/.local).
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),/usr/share/zsh/vendor-completions,$(PREFIX)/share/zsh/site-functions)
FISHCOMPDIR ?= $(if $(filter /usr/local,$(PREFIX)),/etc/fish/completions,$(PREFIX)/share/fish/vendor_completions.d)

install: install-completion
uninstall: uninstall-completion

install-completion:
	install -Dm644 completion/lvsh.bash $(DESTDIR)$(BASHCOMPDIR)/lvsh
	install -Dm644 completion/_lvsh $(DESTDIR)$(ZSHCOMPDIR)/_lvsh
	install -Dm644 completion/lvsh.fish $(DESTDIR)$(FISHCOMPDIR)/lvsh.fish

uninstall-completion:
	rm -f $(DESTDIR)$(BASHCOMPDIR)/lvsh $(DESTDIR)$(ZSHCOMPDIR)/_lvsh \
		$(DESTDIR)$(FISHCOMPDIR)/lvsh.fish

# The latency bench's delay line is a program of its own (root, netns).
$(BUILD)/bench/delayline: bench/delayline.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=gnu11 $(WARN) $(CFLAGS) -o $@ $<

# The fleet bench's floor: libvirt's own cost of its listing, in C.
$(BUILD)/bench/fleet_floor: bench/fleet_floor.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=gnu11 $(WARN) $(CFLAGS) $(DEPS_CFLAGS) -o $@ $< $(DEPS_LIBS) -lpthread

# lvsh against virsh at 1, 20 and 50 ms round-trip time (root: network
# namespaces); its table goes to bench/RESULTS.md.  Not part of make check.
bench-latency: deps-check all $(BUILD)/bench/complete_bench $(BUILD)/bench/delayline
	python3 bench/latency.py --out bench/RESULTS.md

# list --all over 100 hosts of 1,000 domains (10 private daemons) at 20 ms,
# one lvsh against loops of virsh, and 5 hosts blackholed (root: network
# namespaces, the latency bench's delay line); its table goes to
# bench/RESULTS.md.  Not part of make check.
bench-fleet: deps-check all $(BUILD)/bench/delayline $(BUILD)/bench/fleet_floor
	python3 bench/fleet.py --out bench/RESULTS.md

# Benchmarks (bench/*.sh); their C helpers link the core like unit tests.
$(BUILD)/bench/%: bench/%.c $(BUILD)/liblvsh.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $< $(BUILD)/liblvsh.a $(LDLIBS)

bench-complete: $(LVSH) $(BUILD)/bench/complete_bench
	@bench/complete.sh

clean:
	rm -rf build build-asan build-fuzz lvsh tests/out

distclean: clean
	rm -rf config.mk config.log config.status configure autom4te.cache aclocal.m4

-include $(OBJS:.o=.d)
