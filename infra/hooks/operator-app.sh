#!/usr/bin/env bash
# azd hook: the Microsoft Entra ID app registration operators sign in to (docs/operations.md, "Operator access").
#   register (before provision): OPERATOR_CLIENT_ID set: that registration is used as it is. Unset: the registration
#     "payments-operators-<env>" is found or created with the Payments.Operator app role (users and applications),
#     id-token issuance (App Service Authentication's sign-in needs no client secret), the API URI api://<client id>,
#     v2 access tokens, a user_impersonation scope pre-authorized for the Azure CLI (scripts take a token with
#     `az account get-access-token`), and assignment required on its enterprise application (only those given the role
#     sign in); its client id goes to `azd env set OPERATOR_CLIENT_ID`.
#   redirect (after provision): adds https://<app host>/.auth/login/aad/callback to the registration's redirect URIs.
# Needs: az (signed in as someone who may create app registrations, or OPERATOR_CLIENT_ID set), azd.
set -euo pipefail
readonly azure_cli=04b07795-8ddb-461a-bbee-02f9e1bf7b46 role=Payments.Operator

uuid() { cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen | tr '[:upper:]' '[:lower:]'; }

register() {
  if [[ -n "${OPERATOR_CLIENT_ID:-}" ]]; then
    az ad app show --id "$OPERATOR_CLIENT_ID" --query appId -o tsv >/dev/null
    echo "Operators sign in to the existing app registration $OPERATOR_CLIENT_ID (OPERATOR_CLIENT_ID)."
    return
  fi

  local name="payments-operators-${AZURE_ENV_NAME:?run by azd (AZURE_ENV_NAME unset)}" client_id
  client_id="$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)"
  if [[ -z "$client_id" ]]; then
    local roles='[{"allowedMemberTypes":["User","Application"],"displayName":"Payments operator",'
    roles+='"description":"Uses the payments operator API and console","isEnabled":true,"value":"'"$role"'"}]'
    client_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg \
      --enable-id-token-issuance true --app-roles "$roles" --query appId -o tsv)"
    echo "Created app registration $name ($client_id) with the $role app role."
  fi

  local uri="https://graph.microsoft.com/v1.0/applications(appId='$client_id')" scope
  scope="$(az rest --method GET --uri "$uri" --query "api.oauth2PermissionScopes[?value=='user_impersonation'].id | [0]" -o tsv)"
  if [[ -z "$scope" ]]; then
    scope="$(uuid)"
    local body='{"identifierUris":["api://'"$client_id"'"],"api":{"requestedAccessTokenVersion":2,'
    body+='"oauth2PermissionScopes":[{"id":"'"$scope"'","value":"user_impersonation","type":"User","isEnabled":true,'
    body+='"adminConsentDisplayName":"Use the payments operator API",'
    body+='"adminConsentDescription":"Call the payments operator API as the signed-in operator"}]}}'
    az rest --method PATCH --uri "$uri" --headers Content-Type=application/json --body "$body"
  fi
  az rest --method PATCH --uri "$uri" --headers Content-Type=application/json \
    --body '{"api":{"preAuthorizedApplications":[{"appId":"'"$azure_cli"'","delegatedPermissionIds":["'"$scope"'"]}]}}'
  az ad sp show --id "$client_id" --query id -o tsv >/dev/null 2>&1 || az ad sp create --id "$client_id" --output none
  az ad sp update --id "$client_id" --set appRoleAssignmentRequired=true
  azd env set OPERATOR_CLIENT_ID "$client_id"
  echo "Grant operators the $role role: docs/operations.md, 'Operator access'."
}

redirect() {
  local client_id="${OPERATOR_CLIENT_ID:?OPERATOR_CLIENT_ID unset: run the register step first}"
  local callback="${FUNCTION_APP_URL:?run by azd after provisioning (FUNCTION_APP_URL unset)}/.auth/login/aad/callback"
  local current
  current="$(az ad app show --id "$client_id" --query 'web.redirectUris' -o tsv)"
  if grep -qxF "$callback" <<<"$current"; then
    return
  fi
  # shellcheck disable=SC2086 # one URI per line, none with spaces
  az ad app update --id "$client_id" --web-redirect-uris $current "$callback"
  echo "Sign-in redirect $callback added to app registration $client_id."
}

case "${1:-}" in
  register) register ;;
  redirect) redirect ;;
  *) echo "usage: $0 register|redirect" >&2; exit 2 ;;
esac
