<#
.SYNOPSIS
    WxOrders in two minutes: start the local sandbox, connect, pull orders with every cmdlet, write a CSV.
.DESCRIPTION
    Runs against the sandbox on 127.0.0.1, so no production credentials are needed. From the repository root:
        dotnet tool restore && dotnet build WxOrders.sln -c Release && dotnet pwsh -NoProfile -File examples/Quickstart.ps1
.PARAMETER OutputPath
    Where to write the CSV. Defaults to quickstart-orders.csv in the temp folder.
#>
[CmdletBinding()]
param([string] $OutputPath = (Join-Path ([IO.Path]::GetTempPath()) 'quickstart-orders.csv'))

$ErrorActionPreference = 'Stop'
# The repository's build, unless a WxOrders (an installed one, say) is imported already.
if (-not (Get-Module WxOrders)) { Import-Module (Join-Path $PSScriptRoot '../WxOrders.psd1') }

$sb = Start-WxOrdersSandbox
try {
    Connect-WxOrders -Sandbox $sb
    Get-WxOrdersConnection | Format-Table | Out-Host

    Write-Host 'Shop orders (Get-ShopOrder), piped from the sandbox''s sample keys:'
    $shop = $sb.SampleShopOrders | Get-ShopOrder
    $shop | Format-Table | Out-Host

    Write-Host 'Channels co-account orders (Get-CoopOrder), keyed by shop_appid and order_id:'
    $coop = $sb.SampleCoopOrders | Get-CoopOrder
    $coop | Format-Table | Out-Host

    Write-Host 'Union orders by id (Get-UnionOrder; ids are batched, at most 200 a request):'
    $union = Get-UnionOrder -OrderId $sb.SampleUnionOrderIds
    $union | Format-Table | Out-Host

    Write-Host 'Union search (Search-UnionOrder; pages are walked for you, -First stops early):'
    Search-UnionOrder -CommissionStatus Pending -First 5 | Format-Table | Out-Host

    Write-Host 'Wshoto mall orders (Get-WshotoOrder, on the Wshoto connection):'
    $wshoto = $sb.SampleWshotoOrderSns | Get-WshotoOrder
    $wshoto | Format-Table | Out-Host

    Write-Host 'Every order as CSV-ready lines (ConvertTo-WxOrderLine | Export-Csv):'
    @($shop; $coop; $union; $wshoto) | ConvertTo-WxOrderLine |
        Export-Csv -Path $OutputPath -NoTypeInformation -Encoding utf8
    $rows = Import-Csv $OutputPath
    $rows | Group-Object Source | Select-Object Name, Count | Format-Table | Out-Host
    Write-Host "Wrote $($rows.Count) lines to $OutputPath"
}
finally {
    Disconnect-WxOrders
    $sb | Stop-WxOrdersSandbox
}
