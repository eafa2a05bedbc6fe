# Walkforward: the two README commands are `make demo` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcurl4-openssl-dev libopenblas-dev pkg-config
DEMO_STRATEGY ?= Strategies/lstm-msft.json

.PHONY: deps build demo test test-portable test-avx2 lint clean browser-check fuzz

# Installs the C libraries the package links, through apt when running as root.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" \
	        || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = "0" ]; then \
	        echo "deps: installing$$missing" >&2; \
	        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing) >&2 \
	            || { echo "deps: apt-get failed" >&2; exit 1; }; \
	    else \
	        echo "deps: missing$$missing; run: sudo apt-get update && sudo apt-get install -y$$missing" >&2; \
	        exit 1; \
	    fi; \
	fi

build: deps
	$(SWIFT) build -c release --product walkforward

demo: build
	@./.build/release/walkforward backtest $(DEMO_STRATEGY) --data-dir Data --reports-dir Reports

# The whole suite on the default matrix-product engine (`Matmul.engine`: the lane kernels on
# builds with FMA), then the Neural tests again with OpenBLAS forced. With `test-portable`,
# whose default is OpenBLAS and which forces the lane kernels, each engine is held to the
# PyTorch fixtures on every build.
test: deps
	$(SWIFT) test
	WALKFORWARD_MATMUL=openblas $(SWIFT) test --skip-build --filter NeuralTests

# The Neural tests once more on the baseline x86-64 kernels (4 SSE lanes, no FMA) that a
# machine without AVX2 and FMA builds, in a build folder of their own: on OpenBLAS, the
# default there, then with the lane kernels forced.
test-portable: deps
	WALKFORWARD_PORTABLE=1 $(SWIFT) test --build-path .build/portable --filter NeuralTests
	WALKFORWARD_PORTABLE=1 WALKFORWARD_MATMUL=lanes $(SWIFT) test --build-path .build/portable \
	    --skip-build --filter NeuralTests

# On a machine with AVX-512, the Neural tests once more on the 8-lane AVX2 kernels that
# machines without it build; elsewhere `make test` has already run those.
test-avx2: deps
	@if grep -q '^flags.* avx512vl' /proc/cpuinfo; then \
	    echo "WALKFORWARD_NO_AVX512=1 $(SWIFT) test --build-path .build/avx2 --filter NeuralTests"; \
	    WALKFORWARD_NO_AVX512=1 $(SWIFT) test --build-path .build/avx2 --filter NeuralTests; \
	else \
	    echo "test-avx2: no AVX-512 here, so make test ran the AVX2 kernels"; \
	fi

# Renders a fresh demo report in headless Chromium; fails on console errors or network use.
browser-check: build
	@rm -rf .build/browser-check && mkdir -p .build/browser-check
	./.build/release/walkforward backtest $(DEMO_STRATEGY) --data-dir Data \
	    --reports-dir .build/browser-check --run-id check
	scripts/check_report_in_browser.sh .build/browser-check/check/index.html \
	    .build/browser-check/check.png

# Coverage-guided fuzzing of one input parser with libFuzzer, never part of test or CI:
# `make fuzz TARGET=price-csv SECONDS=60`. Fuzz/README.md lists the targets.
TARGET ?=
SECONDS ?= 60
fuzz: deps
	Fuzz/fuzz.sh "$(TARGET)" $(SECONDS)

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build
