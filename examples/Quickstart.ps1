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
Import-Module (Join-Path $PSScriptRoot '../WxOrders.psd1')

$sb = Start-WxOrdersSandbox
try {
    Connect-WxOrders -Sandbox $sb
    Get-WxOrdersConnection | Format-Table | Out-Host

    Write-Host 'Shop orders (Get-ShopOrder), piped from the sandbox''s sample keys:'
    $shop = $sb.SampleShopOrders | Get-ShopOrder
    $shop | Format-Table | Out-Host

    $shop | Select-Object OrderId, OutOrderId, Status, OpenId,
        @{ n = 'PayTime'; e = { $_.OrderDetail.PayInfo.PayTime } },
        @{ n = 'OrderPriceFen'; e = { $_.OrderDetail.PriceInfo.OrderPrice } } |
        Export-Csv -Path $OutputPath -NoTypeInformation -Encoding utf8
    Write-Host "Wrote $((Import-Csv $OutputPath).Count) rows to $OutputPath"
}
finally {
    Disconnect-WxOrders
    $sb | Stop-WxOrdersSandbox
}
