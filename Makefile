# nbaprops: the two commands a newcomer runs are `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
FORMAT_FILES = $(shell git ls-files --cached --others --exclude-standard '*.cpp' '*.h')

.PHONY: deps build test demo bench history format format-check clean

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

format-check: deps
	@scripts/check-format

format:
	@clang-format -i $(FORMAT_FILES)

test: format-check build
	@scripts/with-postgres ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo $(BUILD_DIR)/nbaprops

# Ten real seasons into history.db, Phases 3-4 over all of them (scripts/history).
history: build
	@scripts/history $(BUILD_DIR)/nbaprops

bench: build
	@bench/run-all $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
