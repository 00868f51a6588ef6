#!/usr/bin/env bash
# azd postprovision hook: creates the two secrets that are ours to generate (the webhook signing secret and the
# idempotency fingerprint key) when they are absent, never replacing one, then lists every needed secret still missing
# with the command that sets it from a file, and says how the merchant gets the webhook signing secret.
# No secret value is ever printed or put on a command line: generated values go to `az` on stdin.
# Needs: az (signed in as someone with Key Vault Secrets Officer, which azd grants the deploying user unless
# GRANT_DEPLOYER_VAULT_OFFICER is false).
# Reads from azd: AZURE_KEY_VAULT_NAME, KEY_VAULT_REQUIRED_SECRET_NAMES (a JSON array), FUNCTION_APP_URL.
set -euo pipefail
vault="${AZURE_KEY_VAULT_NAME:?run by azd after provisioning (AZURE_KEY_VAULT_NAME unset)}"
required="$(printf '%s' "${KEY_VAULT_REQUIRED_SECRET_NAMES:?KEY_VAULT_REQUIRED_SECRET_NAMES unset}" | tr -d '[]" ' | tr ',' '\n')"

if ! present="$(az keyvault secret list --vault-name "$vault" --query '[].name' -o tsv)"; then
  # The production profile gives the deploying user no vault role: not an error, the secrets are checked by whoever
  # holds Key Vault Secrets Officer for a change (docs/operations.md) and runs this hook again.
  if [[ "${GRANT_DEPLOYER_VAULT_OFFICER:-true}" == false ]]; then
    echo "GRANT_DEPLOYER_VAULT_OFFICER is false and you hold no role on Key Vault $vault: its secrets are not checked."
    echo "To create or list them: grant Key Vault Secrets Officer for the change (docs/operations.md, 'Vault access for"
    echo "a rotation'), run 'azd hooks run postprovision', then remove the role."
    exit 0
  fi
  echo "Could not list the secrets of Key Vault $vault." >&2
  echo "With privateNetworking on, the vault answers only inside its virtual network: run this hook from there" >&2
  echo "(infra/hooks/postprovision.sh), or see docs/deploy.md, 'Private networking'." >&2
  exit 1
fi
has() { grep -qxF "$1" <<<"$present"; }

generate() { # name, value prefix: 32 random bytes in Base64 after the prefix, sent to az on stdin
  printf '%s%s' "$2" "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" |
    az keyvault secret set --vault-name "$vault" --name "$1" --file /dev/stdin --output none
  present="$(printf '%s\n%s' "$present" "$1")"
  echo "Created $1 (random; its value is in the vault only)."
}
has Webhooks-SigningSecret || generate Webhooks-SigningSecret whsec_
has Idempotency-FingerprintKey || generate Idempotency-FingerprintKey ''

missing=()
while IFS= read -r name; do
  [[ -z "$name" ]] || has "$name" || missing+=("$name")
done <<<"$required"

if ((${#missing[@]} == 0)); then
  echo "Every needed secret is in $vault."
else
  echo "Missing from $vault (${#missing[@]}); requests that need one fail until it is set:"
  for name in "${missing[@]}"; do
    echo "  $name"
    echo "    az keyvault secret set --vault-name $vault --name $name --file <file holding its value>"
  done
  echo "Which file holds what: docs/deploy.md, 'Provider secrets'. Never put a value on the command line."
fi

echo
echo "The merchant verifies our notifications with Webhooks-SigningSecret. Hand it over through the merchant's own"
echo "secret channel, never by mail or chat; to write it to a file only you can read:"
echo "  (umask 077; az keyvault secret show --vault-name $vault --name Webhooks-SigningSecret --query value -o tsv > webhook-signing-secret.txt)"
echo "After the deploy, scripts/smoke ${FUNCTION_APP_URL:-<FUNCTION_APP_URL>} checks the app and names what is still missing."
