# azd hook (PowerShell twin of operator-app.sh): the Entra ID app registration operators sign in to.
#   register: use OPERATOR_CLIENT_ID, or find/create "payments-operators-<env>" with the Payments.Operator app role,
#     id-token issuance, api://<client id>, v2 tokens, a user_impersonation scope pre-authorized for the Azure CLI, and
#     assignment required; azd env set OPERATOR_CLIENT_ID.
#   redirect: add https://<app host>/.auth/login/aad/callback to its redirect URIs.
param([Parameter(Mandatory)][ValidateSet('register', 'redirect')][string]$Step)
$ErrorActionPreference = 'Stop'
$azureCli = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
$role = 'Payments.Operator'

function Invoke-Az { az @args; if ($LASTEXITCODE -ne 0) { throw "az $($args[0..2] -join ' ') failed" } }

function Send-Graph($uri, $body) {
    $file = New-TemporaryFile
    try {
        $body | ConvertTo-Json -Depth 8 | Set-Content -Path $file -Encoding utf8
        Invoke-Az rest --method PATCH --uri $uri --headers Content-Type=application/json --body "@$file"
    } finally { Remove-Item $file }
}

if ($Step -eq 'register') {
    if ($env:OPERATOR_CLIENT_ID) {
        Invoke-Az ad app show --id $env:OPERATOR_CLIENT_ID --query appId -o tsv | Out-Null
        Write-Output "Operators sign in to the existing app registration $($env:OPERATOR_CLIENT_ID) (OPERATOR_CLIENT_ID)."
        return
    }
    if (-not $env:AZURE_ENV_NAME) { throw 'run by azd (AZURE_ENV_NAME unset)' }
    $name = "payments-operators-$($env:AZURE_ENV_NAME)"
    $clientId = Invoke-Az ad app list --display-name $name --query '[0].appId' -o tsv
    if (-not $clientId) {
        $roles = ConvertTo-Json -Compress -Depth 4 @(@{
            allowedMemberTypes = @('User', 'Application'); displayName = 'Payments operator'
            description = 'Uses the payments operator API and console'; isEnabled = $true; value = $role })
        $clientId = Invoke-Az ad app create --display-name $name --sign-in-audience AzureADMyOrg `
            --enable-id-token-issuance true --app-roles $roles --query appId -o tsv
        Write-Output "Created app registration $name ($clientId) with the $role app role."
    }
    $uri = "https://graph.microsoft.com/v1.0/applications(appId='$clientId')"
    $scope = Invoke-Az rest --method GET --uri $uri --query "api.oauth2PermissionScopes[?value=='user_impersonation'].id | [0]" -o tsv
    if (-not $scope) {
        $scope = [guid]::NewGuid().ToString()
        Send-Graph $uri @{ identifierUris = @("api://$clientId"); api = @{ requestedAccessTokenVersion = 2
            oauth2PermissionScopes = @(@{ id = $scope; value = 'user_impersonation'; type = 'User'; isEnabled = $true
                adminConsentDisplayName = 'Use the payments operator API'
                adminConsentDescription = 'Call the payments operator API as the signed-in operator' }) } }
    }
    Send-Graph $uri @{ api = @{ preAuthorizedApplications = @(@{ appId = $azureCli; delegatedPermissionIds = @($scope) }) } }
    az ad sp show --id $clientId --query id -o tsv 2>$null | Out-Null
    if ($LASTEXITCODE -ne 0) { Invoke-Az ad sp create --id $clientId --output none }
    Invoke-Az ad sp update --id $clientId --set appRoleAssignmentRequired=true
    azd env set OPERATOR_CLIENT_ID $clientId
    Write-Output "Grant operators the $role role: docs/operations.md, 'Operator access'."
} else {
    if (-not $env:OPERATOR_CLIENT_ID) { throw 'OPERATOR_CLIENT_ID unset: run the register step first' }
    if (-not $env:FUNCTION_APP_URL) { throw 'run by azd after provisioning (FUNCTION_APP_URL unset)' }
    $callback = "$($env:FUNCTION_APP_URL)/.auth/login/aad/callback"
    $current = @(Invoke-Az ad app show --id $env:OPERATOR_CLIENT_ID --query 'web.redirectUris' -o tsv) | Where-Object { $_ }
    if ($current -notcontains $callback) {
        Invoke-Az ad app update --id $env:OPERATOR_CLIENT_ID --web-redirect-uris @($current + $callback)
        Write-Output "Sign-in redirect $callback added to app registration $($env:OPERATOR_CLIENT_ID)."
    }
}
