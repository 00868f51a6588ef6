#!/usr/bin/env bash
# azd postdeploy hook: runs scripts/smoke against the deployed app with the Function App's master key (the operator
# routes' key on Functions), read into the environment, never onto a command line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAYMENTS_OPERATOR_KEY="$(az functionapp keys list -g "${AZURE_RESOURCE_GROUP:?}" -n "${AZURE_FUNCTION_APP_NAME:?}" \
  --query masterKey -o tsv)"
export PAYMENTS_OPERATOR_KEY
exec bash "$root/scripts/smoke" "${FUNCTION_APP_URL:?}"
