# The project's one entry point. Each target installs what it needs first (scripts/setup.sh).
.PHONY: serve test setup build size check lighthouse bench scale-bench properties-long

## serve: set up, build, and serve the portal at http://127.0.0.1:8080/
serve:
	scripts/serve.sh

## test: set up, then run every test layer (what CI runs)
test:
	scripts/test.sh

## setup: install the toolchain only (add BROWSER=1 for the test browser)
setup:
	scripts/setup.sh $(if $(BROWSER),--browser)

## build: release build into dist/
build: setup
	scripts/build.sh

## size: raw, gzip and brotli bytes of every file in dist/
size: build
	scripts/size-report.sh

## check: validate data/ as the build does
check:
	cargo run -q --release --bin ruxue -- check

## lighthouse: Lighthouse mobile scores, LCP, FCP and CLS of four pages of the release build
lighthouse:
	scripts/lighthouse.sh

## bench: search benchmark (index build, query p50/p95, recall@5, bundle bytes); not part of `make test`
bench:
	cargo bench -q --locked -p ruxue-core --bench search

## scale-bench: the portal at 100× today's corpus beside Pagefind in headless Chromium (bytes, query p50/p95, index build); not part of `make test`
scale-bench:
	scripts/scale-bench.sh

## properties-long: a million cases per property test (crates/ruxue-core/tests/properties.rs); takes hours, not part of `make test`
properties-long:
	PROPTEST_CASES=1000000 cargo test -q --locked --release -p ruxue-core --test properties
