# nbaprops: the two commands a newcomer runs are `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
# ccache, when the machine has it, makes rebuilds in a fresh clone cheap (paths under the
# clone's parent folder are hashed relative, so clones side by side share the cache).
CCACHE := $(shell command -v ccache 2>/dev/null)
ifneq ($(CCACHE),)
export CCACHE_BASEDIR ?= $(abspath $(CURDIR)/..)
LAUNCHER := -DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)
endif
FORMAT_FILES = $(shell git ls-files --cached --others --exclude-standard '*.cpp' '*.h')

.PHONY: deps build test demo bench history format format-check layers-check clean

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(LAUNCHER) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

format-check: deps
	@scripts/check-format

format:
	@clang-format -i $(FORMAT_FILES)

# Includes point down the layers (docs/architecture.md); known exceptions in scripts/layers-allowlist.
layers-check:
	@scripts/check-layers

test: format-check layers-check build
	@scripts/with-postgres ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo $(BUILD_DIR)/nbaprops

# Ten real seasons into history.db, Phases 3-4 over all of them (scripts/history).
history: build
	@scripts/history $(BUILD_DIR)/nbaprops

bench: build
	@bench/run-all $(BUILD_DIR)

clean:
	rm -rf build-asan build-fuzz
	rm -rf $(BUILD_DIR)

# Hardening (docs/reliability.md): the test suite under ASan + UBSan in build-asan (any report
# fails it), and the libFuzzer targets (clang) in build-fuzz, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
SANITIZE_EXCLUDE ?= RealSeason|Phase3Run|CrashSafety
.PHONY: sanitize fuzz
sanitize: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS="-O1 -g1" \
	  -DNBAPROPS_SANITIZE=ON $(LAUNCHER) >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS) -E '$(SANITIZE_EXCLUDE)'

fuzz: build
	@CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_COMPILER=clang++ -DNBAPROPS_FUZZ=ON $(LAUNCHER) >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@scripts/fuzz build-fuzz $(FUZZ_SECONDS) $(BUILD_DIR)/nbaprops
