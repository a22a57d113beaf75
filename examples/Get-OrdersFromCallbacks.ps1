<#
.SYNOPSIS
    Reads store notification events (JSON lines) and gets each co-account order with Get-CoopOrder.
.DESCRIPTION
    Each line of -Path is one cooperation-order notification event as the store pushed it, for example
        {"ToUserName":"gh_abc","CreateTime":1700000000,"MsgType":"event","Event":"channels_ec_coop_order_paid","shop_appid":"wx0123","order_id":"coiqBw3B..."}
    The event's shop_appid and order_id bind straight to Get-CoopOrder's -ShopAppId and -OrderId (their wire names are
    parameter aliases). Events that wrap them in an order_info object are unwrapped. Blank and malformed lines are
    reported and skipped. The orders go to the pipeline, or to -OutputPath as CSV lines (ConvertTo-WxOrderLine).
.PARAMETER Path
    The JSON-lines file of events.
.PARAMETER OutputPath
    Optional CSV file for the orders' lines.
.PARAMETER Connection
    The WeChat connection to use (default: the only one).
.EXAMPLE
    $sb = Start-WxOrdersSandbox; Connect-WxOrders -Sandbox $sb
    $sb.SampleCoopOrders | ForEach-Object { @{ shop_appid = $_.ShopAppId; order_id = $_.OrderId } | ConvertTo-Json -Compress } | Set-Content events.jsonl
    ./Get-OrdersFromCallbacks.ps1 -Path events.jsonl -OutputPath coop-orders.csv
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [string] $OutputPath,
    [string] $Connection
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module WxOrders)) { Import-Module WxOrders }

$events = Get-Content -Path $Path -Encoding utf8 | ForEach-Object -Begin { $n = 0 } -Process {
    $n++
    if ([string]::IsNullOrWhiteSpace($_)) { return }
    try { $e = $_ | ConvertFrom-Json }
    catch { Write-Error -Message "Line $n of ${Path} is not JSON; skipped." -Category InvalidData -TargetObject $n -ErrorAction Continue; return }
    if ($e.PSObject.Properties['order_info']) { $e = $e.order_info }
    $e
}

$params = @{}
if ($Connection) { $params.Connection = $Connection }
$orders = $events | Get-CoopOrder @params
if ($OutputPath) {
    $orders | ConvertTo-WxOrderLine | Export-Csv -Path $OutputPath -NoTypeInformation -Encoding utf8
    Write-Verbose "Wrote $OutputPath"
}
else {
    $orders
}
