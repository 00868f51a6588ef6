# azd preprovision hook (PowerShell twin of preprovision.sh): recover this environment's soft-deleted Key Vault, if any.
$ErrorActionPreference = 'Stop'
if (-not $env:AZURE_ENV_NAME -or -not $env:AZURE_LOCATION) { throw 'run by azd: AZURE_ENV_NAME and AZURE_LOCATION are needed' }
$query = "[?properties.tags.""azd-env-name""=='$($env:AZURE_ENV_NAME)' && properties.location=='$($env:AZURE_LOCATION)'].name"
$deleted = az keyvault list-deleted --resource-type vault --query $query -o tsv
if ($LASTEXITCODE -ne 0) { throw 'az keyvault list-deleted failed' }
if ($deleted) {
    Write-Output "Key Vault $deleted of environment $($env:AZURE_ENV_NAME) is soft-deleted: provisioning recovers it (its secrets too)."
    azd env set KEY_VAULT_CREATE_MODE recover
} else {
    azd env set KEY_VAULT_CREATE_MODE default
}
