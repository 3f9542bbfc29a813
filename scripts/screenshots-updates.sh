#!/usr/bin/env bash
# Screenshots of the Updates work on the practice cluster with line-monitor 1.0.0 installed
# (test-side scene app.screenshots.UpdatesScreenshotScenario), under Xvfb at 1024x600:
#   scripts/screenshots-updates.sh OUT.png LANG SCENE [ZOOM]   SCENE: updates | installed-logs | catalog | settings
# Build first and needs: see scripts/screenshot-scene.sh.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/screenshot-scene.sh" org.iepmp.app.screenshots.UpdatesScreenshotScenario "$1" "$2" "$3" "${4:-}"
