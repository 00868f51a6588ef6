#!/usr/bin/env bash
# azd postdeploy hook: runs scripts/smoke against the deployed app with a bearer token for the operators' app
# registration (OPERATOR_CLIENT_ID), taken by az for the signed-in account (it needs the Payments.Operator role:
# docs/operations.md, "Operator access") and read into the environment, never onto a command line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAYMENTS_OPERATOR_TOKEN="$(az account get-access-token --scope "api://${OPERATOR_CLIENT_ID:?}/.default" \
  --query accessToken -o tsv)"
export PAYMENTS_OPERATOR_TOKEN
exec bash "$root/scripts/smoke" "${FUNCTION_APP_URL:?}"
