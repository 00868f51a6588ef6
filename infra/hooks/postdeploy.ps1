# azd postdeploy hook (PowerShell twin of postdeploy.sh): scripts/smoke.ps1 against the deployed app with the master key.
$ErrorActionPreference = 'Stop'
$env:PAYMENTS_OPERATOR_KEY = az functionapp keys list -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query masterKey -o tsv
if ($LASTEXITCODE -ne 0) { throw 'az functionapp keys list failed' }
& (Join-Path $PSScriptRoot '../../scripts/smoke.ps1') $env:FUNCTION_APP_URL
exit $LASTEXITCODE
