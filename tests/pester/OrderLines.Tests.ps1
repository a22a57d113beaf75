# Issue 9: ConvertTo-WxOrderLine gives one flat, CSV-ready shape for all the APIs; values survive Export-Csv exactly.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $sb = Start-ConnectedSandbox
    $columns = 'Source', 'OrderId', 'Status', 'StatusCode', 'CreatedAt', 'PaidAt', 'UpdatedAt', 'ShopAppId', 'ShopName', 'BuyerOpenId',
        'ProductId', 'SkuId', 'SkuCode', 'Title', 'Quantity', 'UnitPrice', 'LineAmount', 'OrderAmount', 'Freight',
        'Discount', 'Commission', 'CommissionStatus', 'Currency'
    $orders = @(
        $sb.SampleShopOrders | Get-ShopOrder
        $sb.SampleCoopOrders | Get-CoopOrder
        Get-UnionOrder -OrderId $sb.SampleUnionOrderIds
        $sb.SampleWshotoOrderSns | Get-WshotoOrder
        $sb.SampleChannelsOrderIds | Get-ChannelsOrder
    )
}
AfterAll { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }

Describe 'ConvertTo-WxOrderLine' {
    It 'gives the same columns for every source, all scalars' {
        $lines = $orders | ConvertTo-WxOrderLine
        ($lines.Source | Sort-Object -Unique) | Should -Be @('Coop', 'Shop', 'Union', 'Wshoto', 'Channels')
        foreach ($l in $lines) {
            $l | Should -BeOfType ([WxOrders.OrderLine])
            $l.PSObject.Properties.Name | Should -Be $columns
            foreach ($p in $l.PSObject.Properties) {
                if ($null -ne $p.Value) {
                    $p.Value.GetType().Name | Should -BeIn @('String', 'Int64', 'Decimal', 'DateTimeOffset', 'OrderSource')
                }
            }
            $l.Currency | Should -Be 'CNY'
        }
    }

    It 'writes one line per product line, and one line for an order without any' {
        foreach ($o in $orders) {
            $items = switch ($o) {
                { $_ -is [WxOrders.ShopOrder] } { $o.OrderDetail.ProductInfos }
                { $_ -is [WxOrders.CoopOrder] } { $o.OrderDetail.ProductInfos }
                { $_ -is [WxOrders.UnionOrder] } { $o.ProductList }
                { $_ -is [WxOrders.WshotoOrder] } { $o.DetailList }
                { $_ -is [WxOrders.ChannelsOrder] } { $o.OrderDetail.ProductInfos }
            }
            $expected = [math]::Max(1, @($items | Where-Object { $null -ne $_ }).Count)
            @($o | ConvertTo-WxOrderLine).Count | Should -Be $expected
        }
    }

    It 'converts fen to yuan exactly, never through a float' {
        $shop = $orders | Where-Object { $_ -is [WxOrders.ShopOrder] } | Select-Object -First 1
        $line = $shop | ConvertTo-WxOrderLine | Select-Object -First 1
        $line.OrderAmount | Should -Be ([decimal]$shop.OrderDetail.PriceInfo.OrderPrice / 100)
        $line.OrderAmount | Should -BeOfType ([decimal])
        $line.UnitPrice | Should -Be ([decimal]$shop.OrderDetail.ProductInfos[0].SalePrice / 100)
        $line.OrderId | Should -Be "$($shop.OrderId)"
    }

    It 'round-trips through Export-Csv and Import-Csv with exact values' {
        $lines = $orders | ConvertTo-WxOrderLine
        $csv = Join-Path $TestDrive 'lines.csv'
        $lines | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $back = Import-Csv -Path $csv -Encoding utf8
        $back.Count | Should -Be $lines.Count
        $inv = [Globalization.CultureInfo]::InvariantCulture
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $b = $back[$i]; $l = $lines[$i]
            $b.OrderId | Should -Be $l.OrderId
            $b.Source | Should -Be "$($l.Source)"
            $b.Title | Should -Be "$($l.Title)"
            $b.SkuId | Should -Be "$($l.SkuId)"
            foreach ($money in 'UnitPrice', 'LineAmount', 'OrderAmount', 'Freight', 'Discount', 'Commission') {
                if ($null -eq $l.$money) { $b.$money | Should -BeNullOrEmpty }
                else { [decimal]::Parse($b.$money, $inv) | Should -Be $l.$money -Because "$money of line $i" }
            }
        }
        # Ids beyond 2^53 and 19-digit Wshoto ids come back digit for digit.
        ($back | Where-Object Source -eq 'Shop' | Select-Object -First 1).OrderId | Should -Match '^\d{20}$'
        ($back | Where-Object Source -eq 'Wshoto' | Select-Object -First 1).OrderId | Should -Match '^\d{19}$'
    }

    It 'reports something that is not an order as a non-terminating error and goes on' {
        $out = @('not an order', ($orders | Select-Object -First 1)) | ConvertTo-WxOrderLine -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'WxOrders.NotAnOrder,*'
        @($out).Count | Should -BeGreaterThan 0
    }

    It 'also converts to JSON as flat objects' {
        $json = $orders | Select-Object -First 3 | ConvertTo-WxOrderLine | ConvertTo-Json -Depth 2 | ConvertFrom-Json
        $json[0].Currency | Should -Be 'CNY'
    }
}
