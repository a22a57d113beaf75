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

    It 'with -Invariant writes the same CSV bytes under de-DE, zh-CN and en-US (and without it does not)' {
        # Fresh processes, one culture each, the same sandbox orders: the file must not depend on the machine.
        $port = $sb.Port
        $secret = [Net.NetworkCredential]::new('', $sb.WeChatAppSecret).Password   # the sandbox's own test secret
        $files = @{}
        foreach ($culture in 'de-DE', 'zh-CN', 'en-US') {
            foreach ($form in 'Invariant', 'Typed') {
                $path = Join-Path $TestDrive "$culture-$form.csv"
                $switch = if ($form -eq 'Invariant') { '-Invariant' } else { '' }
                $out = Invoke-FreshPwsh -Script @"
`$ErrorActionPreference = 'Stop'
[System.Globalization.CultureInfo]::CurrentCulture = '$culture'
Connect-WxOrders -AppId $($sb.WeChatAppId) -AppSecret (ConvertTo-SecureString '$secret' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:$port/' -Name c
`$encoding = if (`$PSVersionTable.PSEdition -eq 'Desktop') { 'UTF8' } else { 'utf8BOM' }
Get-UnionOrder -OrderId $($sb.SampleUnionOrderIds[0..3] -join ',') -Connection c | ConvertTo-WxOrderLine $switch | Export-Csv -Path '$path' -NoTypeInformation -Encoding `$encoding
"@
                $LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
                $files["$culture-$form"] = [IO.File]::ReadAllBytes($path)
            }
        }
        $reference = $files['en-US-Invariant']
        $reference[0..2] | Should -Be @(0xEF, 0xBB, 0xBF) -Because 'the file starts with the UTF-8 byte-order mark'
        foreach ($culture in 'de-DE', 'zh-CN') {
            [Convert]::ToBase64String($files["$culture-Invariant"]) | Should -Be ([Convert]::ToBase64String($reference)) -Because "$culture gives the same bytes"
        }
        [Convert]::ToBase64String($files['de-DE-Typed']) | Should -Not -Be ([Convert]::ToBase64String($files['en-US-Typed'])) -Because 'typed values follow the culture (what -Invariant is for)'
        $text = [Text.Encoding]::UTF8.GetString($reference)
        $text | Should -Match '"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00"'
        $rows = Import-Csv -Path (Join-Path $TestDrive 'de-DE-Invariant.csv')
        $typed = Get-UnionOrder -OrderId $sb.SampleUnionOrderIds[0..3] | ConvertTo-WxOrderLine
        for ($i = 0; $i -lt $rows.Count; $i++) {
            if ($null -ne $typed[$i].LineAmount) { [decimal]$rows[$i].LineAmount | Should -Be $typed[$i].LineAmount }
            if ($null -ne $typed[$i].PaidAt) { [DateTimeOffset]$rows[$i].PaidAt | Should -Be $typed[$i].PaidAt }
        }
    }
}
