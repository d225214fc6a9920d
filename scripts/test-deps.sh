#!/usr/bin/env bash
# Installs what some tests need beyond Rust, when it is missing. Idempotent: a second run
# does nothing. Called by the tests themselves (so `cargo test --workspace` is enough on a
# fresh machine) and usable by hand.
#
#   scripts/test-deps.sh acled-readers   # pandas and pyarrow (PyPI), R's readr (Debian)
#   scripts/test-deps.sh browser         # Debian's chromium, playwright-core (npm, web/)
#   scripts/test-deps.sh openapi         # openapi-spec-validator (PyPI)
set -euo pipefail
what="${1:-all}"

have_pandas() { python3 -c 'import pandas, pyarrow' >/dev/null 2>&1; }
have_readr() { command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(readr)' >/dev/null 2>&1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
        echo "test-deps: need root to run: $*" >&2; return 1; fi
}

have_chromium() { command -v chromium >/dev/null 2>&1; }
have_playwright() { [ -f "$(dirname "$0")/../web/node_modules/playwright-core/package.json" ]; }

have_openapi() { python3 -c 'import openapi_spec_validator' >/dev/null 2>&1; }

case "$what" in
openapi)
    if ! have_openapi; then
        echo "test-deps: installing openapi-spec-validator" >&2
        python3 -m pip install --quiet --disable-pip-version-check openapi-spec-validator >&2
    fi
    have_openapi
    ;;
browser)
    if ! have_chromium; then
        echo "test-deps: installing chromium (Debian package)" >&2
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get update -qq >&2 || true
        as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
    fi
    if ! have_playwright; then
        echo "test-deps: installing the page's npm packages (playwright-core among them)" >&2
        (cd "$(dirname "$0")/../web" && npm ci --no-audit --no-fund --ignore-scripts >&2)
    fi
    have_chromium && have_playwright
    ;;
acled-readers | all)
    if ! have_pandas; then
        echo "test-deps: installing pandas and pyarrow" >&2
        python3 -m pip install --quiet --disable-pip-version-check pandas pyarrow >&2
    fi
    if ! have_readr; then
        echo "test-deps: installing R and readr (Debian packages)" >&2
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get update -qq >&2 || true
        as_root apt-get install -y -qq --no-install-recommends r-base-core r-cran-readr >&2
    fi
    have_pandas && have_readr
    ;;
*)
    echo "test-deps: unknown set $what (acled-readers, browser, openapi, all)" >&2
    exit 2
    ;;
esac
