#!/usr/bin/env bash
# Screenshots of an install's package settings on the practice cluster (line-monitor v1.0.0+1, test-side scene
# app.screenshots.SettingsScreenshotScenario), under Xvfb at 1024x600:
#   scripts/screenshots-settings.sh OUT.png LANG SCENE [ZOOM]   SCENE: form | plan
# Build first and needs: see scripts/screenshot-scene.sh.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/screenshot-scene.sh" org.iepmp.app.screenshots.SettingsScreenshotScenario "$1" "$2" "$3" "${4:-}"
