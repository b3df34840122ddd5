# The lint of the OpenAPI document in the repository (docs/openapi/v1.json, the served one: OpenApiDocumentTests)
# with Redocly CLI's recommended rules. Source this file, then:
#   openapi_lint REPO   -> installs Node.js (Debian's 'nodejs' and 'npm') when missing, runs @redocly/cli from
#                          the npm registry (npx, pinned), and fails when the lint reports an error

# shellcheck source=ops/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

OPENAPI_LINTER="@redocly/cli@2.77.0"

openapi_lint() {
  local repo="$1"
  command -v node >/dev/null || apt_install nodejs "Node.js" || return 1
  command -v npx >/dev/null || apt_install npm "npm" || return 1
  echo "Linting docs/openapi/v1.json ($OPENAPI_LINTER, recommended rules)..."
  (cd "$repo" && npx --yes "$OPENAPI_LINTER" lint --extends=recommended --format=stylish docs/openapi/v1.json)
}
