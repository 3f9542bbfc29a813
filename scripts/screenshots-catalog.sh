#!/usr/bin/env bash
# Screenshots of the Catalog on the practice cluster with line-monitor v1.0.0+1 installed
# (test-side scene app.screenshots.CatalogScreenshotScenario), under Xvfb at 1024x600:
#   scripts/screenshots-catalog.sh OUT.png LANG SCENE [ZOOM]   SCENE: list | cards | filters | detail
# Build first and needs: see scripts/screenshot-scene.sh.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/screenshot-scene.sh" org.iepmp.app.screenshots.CatalogScreenshotScenario "$1" "$2" "$3" "${4:-}"
