# azd postprovision hook (PowerShell twin of postprovision.sh): creates Webhooks-SigningSecret and
# Idempotency-FingerprintKey when absent (never replacing one), lists the needed secrets still missing with the command
# that sets each from a file, and says how the merchant gets the webhook signing secret. No value is ever printed.
$ErrorActionPreference = 'Stop'
$vault = $env:AZURE_KEY_VAULT_NAME
if (-not $vault) { throw 'run by azd after provisioning: AZURE_KEY_VAULT_NAME is unset' }
$required = @($env:KEY_VAULT_REQUIRED_SECRET_NAMES | ConvertFrom-Json)

$present = @(az keyvault secret list --vault-name $vault --query '[].name' -o tsv)
if ($LASTEXITCODE -ne 0) {
    # The production profile gives the deploying user no vault role: not an error (docs/operations.md).
    if ($env:GRANT_DEPLOYER_VAULT_OFFICER -eq 'false') {
        Write-Output "GRANT_DEPLOYER_VAULT_OFFICER is false and you hold no role on Key Vault ${vault}: its secrets are not checked."
        Write-Output "To create or list them: grant Key Vault Secrets Officer for the change (docs/operations.md, 'Vault access for"
        Write-Output "a rotation'), run 'azd hooks run postprovision', then remove the role."
        exit 0
    }
    throw "Could not list the secrets of Key Vault $vault. With privateNetworking on, run this hook inside the virtual network (docs/deploy.md, 'Private networking')."
}

function New-VaultSecret([string] $Name, [string] $Prefix) {
    $bytes = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    $file = New-TemporaryFile
    try {
        Set-Content -Path $file -Value ($Prefix + [Convert]::ToBase64String($bytes)) -NoNewline
        az keyvault secret set --vault-name $vault --name $Name --file $file --output none
        if ($LASTEXITCODE -ne 0) { throw "az keyvault secret set $Name failed" }
    } finally {
        Remove-Item $file -Force
    }
    $script:present += $Name
    Write-Output "Created $Name (random; its value is in the vault only)."
}
if ($present -notcontains 'Webhooks-SigningSecret') { New-VaultSecret 'Webhooks-SigningSecret' 'whsec_' }
if ($present -notcontains 'Idempotency-FingerprintKey') { New-VaultSecret 'Idempotency-FingerprintKey' '' }

$missing = @($required | Where-Object { $present -notcontains $_ })
if ($missing.Count -eq 0) {
    Write-Output "Every needed secret is in $vault."
} else {
    Write-Output "Missing from $vault ($($missing.Count)); requests that need one fail until it is set:"
    foreach ($name in $missing) {
        Write-Output "  $name"
        Write-Output "    az keyvault secret set --vault-name $vault --name $name --file <file holding its value>"
    }
    Write-Output "Which file holds what: docs/deploy.md, 'Provider secrets'. Never put a value on the command line."
}
Write-Output ''
Write-Output "The merchant verifies our notifications with Webhooks-SigningSecret. Hand it over through the merchant's own"
Write-Output 'secret channel, never by mail or chat; to write it to a file:'
Write-Output "  az keyvault secret show --vault-name $vault --name Webhooks-SigningSecret --query value -o tsv > webhook-signing-secret.txt"
Write-Output "After the deploy, scripts/smoke.ps1 $($env:FUNCTION_APP_URL) checks the app and names what is still missing."
