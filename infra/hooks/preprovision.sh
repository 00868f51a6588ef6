#!/usr/bin/env bash
# azd preprovision hook: the Key Vault has purge protection, so after `azd down` a vault of this environment stays
# soft-deleted for 90 days under its name and cannot be purged. If one is there (same azd environment tag and region),
# provision recovers it, its secrets with it (KEY_VAULT_CREATE_MODE=recover); otherwise a new one is created.
# Needs: az (signed in), azd; AZURE_ENV_NAME and AZURE_LOCATION from azd.
set -euo pipefail
: "${AZURE_ENV_NAME:?run by azd (AZURE_ENV_NAME unset)}" "${AZURE_LOCATION:?azd env set AZURE_LOCATION <region>}"

deleted="$(az keyvault list-deleted --resource-type vault \
  --query "[?properties.tags.\"azd-env-name\"=='${AZURE_ENV_NAME}' && properties.location=='${AZURE_LOCATION}'].name" \
  -o tsv)"
if [[ -n "$deleted" ]]; then
  echo "Key Vault $deleted of environment $AZURE_ENV_NAME is soft-deleted: provisioning recovers it (its secrets too)."
  azd env set KEY_VAULT_CREATE_MODE recover
else
  azd env set KEY_VAULT_CREATE_MODE default
fi
