# azd postdeploy hook (PowerShell twin of postdeploy.sh): scripts/smoke.ps1 against the deployed app with a bearer token
# for the operators' app registration (the signed-in account needs the Payments.Operator role).
$ErrorActionPreference = 'Stop'
$env:PAYMENTS_OPERATOR_TOKEN = az account get-access-token --scope "api://$($env:OPERATOR_CLIENT_ID)/.default" --query accessToken -o tsv
if ($LASTEXITCODE -ne 0) { throw 'az account get-access-token failed' }
& (Join-Path $PSScriptRoot '../../scripts/smoke.ps1') $env:FUNCTION_APP_URL
exit $LASTEXITCODE
