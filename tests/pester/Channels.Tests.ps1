# Get-ChannelsOrder end to end: the built module against the sandbox (POST /channels/ec/order/get, the WeChat Store).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:GetPath = '/channels/ec/order/get'
}

Describe 'Get-ChannelsOrder against the sandbox' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
        $ids = $sb.SampleChannelsOrderIds
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'gets one order as a typed WxOrders.ChannelsOrder with exact 19-digit ids, China times and fen' {
        $o = Get-ChannelsOrder -OrderId $ids[0]
        $o | Should -BeOfType ([WxOrders.ChannelsOrder])
        $o.OrderId | Should -BeOfType ([string])
        $o.OrderId | Should -Be $ids[0]
        $o.OrderId | Should -Match '^\d{19}$'
        [uint64]$o.OrderId | Should -BeGreaterThan ([uint64][math]::Pow(2, 53))
        $o.Status | Should -BeOfType ([WxOrders.ChannelsOrderStatus])
        $o.CreateTime | Should -BeOfType ([DateTimeOffset])
        $o.CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $o.UpdateTime | Should -BeGreaterOrEqual $o.CreateTime
        $o.OrderDetail.PriceInfo.OrderPrice | Should -BeOfType ([long])
        $o.OrderDetail.ProductInfos.Count | Should -BeGreaterThan 0
        foreach ($p in $o.OrderDetail.ProductInfos) {
            $p | Should -BeOfType ([WxOrders.ChannelsProductInfo])
            $p.OrderId | Should -Be $o.OrderId
            $p.SalePrice | Should -BeOfType ([long])
        }
        $o.OrderDetail.DeliveryInfo.AddressInfo.TelNumber | Should -Match '^\d{3}\*{4}\d{4}$'
    }

    It 'takes ids by value and as an array by position, in input order' {
        ($ids | Get-ChannelsOrder).OrderId | Should -Be $ids
        (Get-ChannelsOrder $ids[3], $ids[4]).OrderId | Should -Be @($ids[3], $ids[4])
    }

    It 'keeps input order under concurrency' {
        $many = $sb.GetChannelsOrderIds(60)
        $shuffled = $many | Sort-Object { [guid]::NewGuid() }
        ($shuffled | Get-ChannelsOrder -ThrottleLimit 16).OrderId | Should -Be $shuffled
    }

    It 'binds order_id by property name: objects, notification events with a bare JSON number, and its own output' {
        $fromObjects = $ids[0..2] | ForEach-Object { [pscustomobject]@{ order_id = $_; note = 'x' } } | Get-ChannelsOrder
        $fromObjects.OrderId | Should -Be $ids[0..2]

        # The store's order notifications send order_info.order_id as a bare JSON number beyond 2^53.
        $events = $ids[3..4] | ForEach-Object {
            '{"ToUserName":"gh_sandbox","CreateTime":1751508922,"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":' + $_ + '}}'
        }
        ($events | ConvertFrom-Json | ForEach-Object order_info | Get-ChannelsOrder).OrderId | Should -Be $ids[3..4]

        ([pscustomobject]@{ OrderId = [long]$ids[5] } | Get-ChannelsOrder).OrderId | Should -Be $ids[5]
        ($fromObjects | Get-ChannelsOrder).OrderId | Should -Be $ids[0..2]
    }

    It 'refuses an id that is not digits before any request' {
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount($script:GetPath)
        { Get-ChannelsOrder -OrderId 'coiqBw3B-not-a-store-order' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetChannelsOrderCommand'
        { Get-ChannelsOrder -OrderId $ids[0], '37290000000000000x1' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetChannelsOrderCommand'
        { Get-ChannelsOrder -OrderId '  ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetChannelsOrderCommand'
        try { Get-ChannelsOrder -OrderId 'coiqBw3B-x' } catch { $_.Exception.Message | Should -Match 'Get-CoopOrder' }
        $sb.GetRequestCount($script:GetPath) | Should -Be $before
    }

    It 'reports an unknown order as one non-terminating ErrorRecord with the id as TargetObject and returns the others' {
        $bad = '3729000000000000001'
        $orders = @($ids[0], $bad, $ids[1]) | Get-ChannelsOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.OrderId | Should -Be @($ids[0], $ids[1])
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $bad
        $errs[0].FullyQualifiedErrorId | Should -Be 'WxApi.100002,WxOrders.Commands.GetChannelsOrderCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception.ErrorCode | Should -Be 100002
        $errs[0].Exception.Endpoint | Should -Be $script:GetPath
        $errs[0].Exception.Message | Should -Match 'Get-ChannelsOrder'
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Be '1 of 3 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.'
    }

    It 'covers every status, keeps the unknown one as a number, and has empty pay info on unpaid orders' {
        $all = $sb.GetChannelsOrderIds(32) | Get-ChannelsOrder
        $statuses = @($all.Status | ForEach-Object { [int]$_ } | Sort-Object -Unique)
        $statuses | Should -Be @(10, 12, 13, 20, 21, 30, 100, 190, 200, 250, 999)
        "$(@($all | Where-Object { [int]$_.Status -eq 999 })[0].Status)" | Should -Be '999'
        foreach ($o in $all | Where-Object Status -EQ 'Unpaid') {
            $o.OrderDetail.PayInfo | Should -Not -BeNullOrEmpty
            $o.OrderDetail.PayInfo.PayTime | Should -BeNullOrEmpty
            $o.OrderDetail.PayInfo.PaymentMethod | Should -BeNullOrEmpty
        }
        @($all | Where-Object { $_.OrderDetail.PayInfo.PaymentMethod })[0].OrderDetail.PayInfo.PaymentMethod | Should -BeOfType ([WxOrders.ChannelsPaymentMethod])
        @($all | Where-Object { $_.OrderDetail.ExtInfo.OrderScene })[0].OrderDetail.ExtInfo.OrderScene | Should -BeOfType ([WxOrders.ChannelsOrderScene])
        @($all | Where-Object { $_.OrderDetail.DeliveryInfo.DeliveryProductInfo.Count -gt 1 }).Count | Should -BeGreaterThan 0
        @($all | Where-Object IsPresent).Count | Should -BeGreaterThan 0
        @($all | Where-Object { $_.OrderDetail.CommissionInfos }).Count | Should -BeGreaterThan 0
        @($all | Where-Object { -not $_.OrderDetail.CommissionInfos }).Count | Should -BeGreaterThan 0
    }

    It 'uses the WeChat connection on its own, and refuses the Wshoto one by name' {
        (Get-ChannelsOrder $ids[0] -Connection $sb.WeChatAppId).OrderId | Should -Be $ids[0]
        { Get-ChannelsOrder $ids[0] -Connection $sb.WshotoAppId } | Should -Throw -ErrorId 'WxOrders.NotConnected,WxOrders.Commands.GetChannelsOrderCommand'
    }

    It 'converts to one line per product line and round-trips through Export-Csv exactly' {
        $orders = $sb.GetChannelsOrderIds(20) | Get-ChannelsOrder
        $lines = $orders | ConvertTo-WxOrderLine
        $lines.Count | Should -Be ($orders.OrderDetail.ProductInfos | Where-Object { $null -ne $_ }).Count
        ($lines.Source | Sort-Object -Unique) | Should -Be 'Channels'
        $csv = Join-Path $TestDrive 'channels-lines.csv'
        $lines | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $back = Import-Csv -Path $csv -Encoding utf8
        $back.Count | Should -Be $lines.Count
        $inv = [Globalization.CultureInfo]::InvariantCulture
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $b = $back[$i]; $l = $lines[$i]
            $b.OrderId | Should -Be $l.OrderId
            $b.OrderId | Should -Match '^\d{19}$'
            $b.SkuId | Should -Be $l.SkuId
            $b.Status | Should -Be $l.Status
            [DateTimeOffset]::Parse($b.UpdatedAt, $inv) | Should -Be $l.UpdatedAt
            foreach ($money in 'UnitPrice', 'LineAmount', 'OrderAmount', 'Freight', 'Discount', 'Commission') {
                if ($null -eq $l.$money) { $b.$money | Should -BeNullOrEmpty }
                else { [decimal]::Parse($b.$money, $inv) | Should -Be $l.$money -Because "$money of line $i" }
            }
        }
        $first = $orders[0]
        $lines[0].UnitPrice | Should -Be ([decimal]$first.OrderDetail.ProductInfos[0].SalePrice / 100)
        $lines[0].OrderAmount | Should -Be ([decimal]$first.OrderDetail.PriceInfo.OrderPrice / 100)
    }

    It 'shows a one-line table by default, with money labelled in fen' {
        $text = $ids[0..1] | Get-ChannelsOrder | Out-String -Width 160
        $text | Should -Match 'OrderId\s+Status\s+CreateTime\s+Amount\(fen\)\s+Items'
        $text | Should -Match $ids[0]
        ($ids[0] | Get-ChannelsOrder).OrderDetail.ProductInfos | Out-String -Width 160 | Should -Match 'ProductId\s+SkuId\s+Qty\s+Price\(fen\)\s+Paid\(fen\)\s+Title'
    }
}

Describe 'Get-ChannelsOrder through transient faults' {
    BeforeAll {
        $sb = Start-ConnectedSandbox -Options @{ FailureRate = 0.4; FailureKind = 'Busy', 'ServerError', 'HtmlGatewayPage', 'ConnectionReset', 'TokenExpired' } -Connect @{ RetryBaseDelay = [TimeSpan]::FromMilliseconds(5) }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'retries per order and returns every order, in input order, without errors' {
        $keys = $sb.GetChannelsOrderIds(30)
        $orders = $keys | Get-ChannelsOrder -ErrorVariable errs -WarningVariable warns
        $errs.Count | Should -Be 0
        $warns.Count | Should -Be 0
        $orders.OrderId | Should -Be $keys
        $sb.FaultCount | Should -BeGreaterThan 0
    }
}

Describe 'Get-CoopOrder when the co-account endpoint is gone' {
    BeforeAll {
        # Sandbox ids depend only on the seed: read one from a first sandbox, make it fail in a second.
        $probe = Start-WxOrdersSandbox
        $s = $probe.SampleCoopOrders[0]
        $probe | Stop-WxOrdersSandbox
        $sb = Start-ConnectedSandbox -Options @{ PermanentFailure = @{ $s.OrderId = 48001 } }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'says it was removed on 2025-06-16 and points at Get-ChannelsOrder when the API answers not authorised' {
        $null = $s | Get-CoopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $s.OrderId
        $errs[0].FullyQualifiedErrorId | Should -Be 'WxApi.48001,WxOrders.Commands.GetCoopOrderCommand'
        $errs[0].Exception.Message | Should -Match '2025-06-16'
        $errs[0].Exception.Message | Should -Match 'Get-ChannelsOrder'
    }
}

# Every parameter documented and every example run: Help.Tests.ps1, for all cmdlets. Here: what this API's help must say.
Describe 'Get-ChannelsOrder help source' {
    It 'states fen, the 19-digit ids, the not-found code and the co-account successor' {
        $md = Get-Content -Raw (Join-Path (Get-RepoRoot) 'docs/Get-ChannelsOrder.md')
        $md | Should -Match '\bfen\b'
        $md | Should -Match '19 digits'
        $md | Should -Match '100002'
        $md | Should -Match 'channels_ec_order_new'
        $coop = Get-Content -Raw (Join-Path (Get-RepoRoot) 'docs/Get-CoopOrder.md')
        $coop | Should -Match 'Get-ChannelsOrder'
        (Get-Content -Raw (Join-Path (Get-RepoRoot) 'README.md')) | Should -Match 'Get-ChannelsOrder'
    }
}
