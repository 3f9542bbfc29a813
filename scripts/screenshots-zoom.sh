#!/usr/bin/env bash
# Large-zoom screenshots on the practice cluster with line-monitor 1.0.0 installed
# (test-side scene app.screenshots.ZoomScreenshotScenario), under Xvfb at 1024x600:
#   scripts/screenshots-zoom.sh OUT.png LANG SCENE [ZOOM, default 150]
#   e.g. scripts/screenshots-zoom.sh docs/screenshots/zoom150-history-en.png en history 150
#   SCENE: updates | installed | installed-logs | history | repositories | repository-form | cluster |
#          catalog | settings | support | notifications | error | error-details | export-chooser
# Plain Xvfb runs no window manager: dialogs are shown as they open on an HMI panel without one.
# Build first and needs: see scripts/screenshot-scene.sh.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/screenshot-scene.sh" org.iepmp.app.screenshots.ZoomScreenshotScenario "$1" "$2" "$3" "${4:-150}"
