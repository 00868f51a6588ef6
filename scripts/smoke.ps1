# PowerShell twin of scripts/smoke: ./scripts/smoke.ps1 BASE_URL, a bearer token in $env:PAYMENTS_OPERATOR_TOKEN
# (Azure) or an operator key in $env:PAYMENTS_OPERATOR_KEY (the Server).
# GET /api/health, then GET /api/ops/secrets; names each missing or unreadable secret. Exit 0 only when all is well.
param([Parameter(Mandatory = $true)][string] $BaseUrl)
$ErrorActionPreference = 'Stop'
$base = $BaseUrl.TrimEnd('/')
if ($env:PAYMENTS_OPERATOR_TOKEN) { $credential = @{ Authorization = "Bearer $($env:PAYMENTS_OPERATOR_TOKEN)" } }
elseif ($env:PAYMENTS_OPERATOR_KEY) { $credential = @{ 'x-functions-key' = $env:PAYMENTS_OPERATOR_KEY } }
else { throw 'set PAYMENTS_OPERATOR_TOKEN (Azure) or PAYMENTS_OPERATOR_KEY (the Server)' }
$status = 0
try {
    $null = Invoke-WebRequest -Uri "$base/api/health" -TimeoutSec 30 -UseBasicParsing
    Write-Output 'ok      GET /api/health: 200'
} catch {
    Write-Output "FAILED  GET /api/health: $($_.Exception.Message)"
    $status = 1
}
try {
    $answer = Invoke-RestMethod -Uri "$base/api/ops/secrets" -TimeoutSec 30 -Headers $credential
} catch {
    Write-Output "FAILED  GET /api/ops/secrets: $($_.Exception.Message) (401: wrong key or token; 403: no Payments.Operator role)"
    exit 1
}
Write-Output "ok      GET /api/ops/secrets: $(@($answer.needed).Count) needed"
foreach ($name in @($answer.missing)) { Write-Output "MISSING secret $name"; $status = 1 }
foreach ($name in @($answer.unreadable)) { Write-Output "UNREADABLE secret $name (Key Vault unreachable or access refused)"; $status = 1 }
if ($status -eq 0) { Write-Output 'Smoke test passed: healthy, every needed secret set.' }
exit $status
