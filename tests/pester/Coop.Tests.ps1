# Get-CoopOrder end to end: the built module against the sandbox (POST /channels/ec/cooperation/order/get).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:CoopPath = '/channels/ec/cooperation/order/get'
}

Describe 'Get-CoopOrder against the sandbox' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
        $samples = $sb.SampleCoopOrders
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'gets one order as a typed WxOrders.CoopOrder that carries the ids it was looked up with' {
        $s = $samples[1]
        $o = Get-CoopOrder -ShopAppId $s.ShopAppId -OrderId $s.OrderId
        $o | Should -BeOfType ([WxOrders.CoopOrder])
        $o.ShopAppId | Should -Be $s.ShopAppId
        $o.OrderId | Should -Be $s.OrderId
        $o.Status | Should -BeOfType ([WxOrders.ChannelsOrderStatus])
        $o.OpenId | Should -Match '^o[A-Za-z0-9_-]{27}$'
        $o.OrderDetail | Should -BeOfType ([WxOrders.CoopOrderDetail])
        $o.OrderDetail.ProductInfos.Count | Should -BeGreaterThan 0
        foreach ($item in $o.OrderDetail.ProductInfos) {
            $item | Should -BeOfType ([WxOrders.CoopProductInfo])
            $item.OrderId | Should -Be $s.OrderId
            $item.ProductId | Should -BeOfType ([string])
            $item.ProductId | Should -Match '^\d{19}$'
            $item.SalePrice | Should -BeOfType ([long])
            $item.SkuAttrs | ForEach-Object { $_ | Should -BeOfType ([WxOrders.CoopSkuAttr]) }
        }
        $o.OrderDetail.PriceInfo | Should -BeOfType ([WxOrders.CoopPriceInfo])
        $o.OrderDetail.PriceInfo.OrderPrice | Should -BeOfType ([long])
        $o.OrderDetail.PriceInfo.MerchantReceivePrice | Should -BeOfType ([long])
    }

    It 'binds ShopAppId and OrderId by position' {
        (Get-CoopOrder $samples[2].ShopAppId $samples[2].OrderId).OrderId | Should -Be $samples[2].OrderId
    }

    It 'binds ShopAppId and OrderId from the pipeline by property name, in input order' {
        $orders = $samples | Get-CoopOrder
        $orders.Count | Should -Be $samples.Count
        $orders.OrderId | Should -Be $samples.OrderId
        $orders.ShopAppId | Should -Be $samples.ShopAppId
    }

    It 'takes notification events read from JSON lines straight in (wire names shop_appid and order_id)' {
        $lines = $samples[0..2] | ForEach-Object {
            '{"ToUserName":"gh_sandbox","Event":"channels_ec_coop_order","shop_appid":"' + $_.ShopAppId + '","order_id":"' + $_.OrderId + '","create_time":1700000000}'
        }
        $orders = $lines | ConvertFrom-Json | Get-CoopOrder
        $orders.OrderId | Should -Be $samples[0..2].OrderId
        $orders.ShopAppId | Should -Be $samples[0..2].ShopAppId
    }

    It 'keeps a status the documents do not list as its number' {
        $all = $sb.GetCoopOrderSamples(40) | Get-CoopOrder
        $unknown = @($all | Where-Object { $null -ne $_.Status -and -not [enum]::IsDefined([WxOrders.ChannelsOrderStatus], $_.Status) })
        $unknown.Count | Should -BeGreaterThan 0
        "$($unknown[0].Status)" | Should -Match '^\d+$'
        ($all.Status | Sort-Object -Unique).Count | Should -BeGreaterThan 4
    }

    It 'reports a bad key as one ErrorRecord with the order id as TargetObject and still returns the others' {
        $badId = 'coiqBw3B' + ('x' * 60) + 'TdtdzIpQ'
        $bad = [pscustomobject]@{ shop_appid = $samples[1].ShopAppId; order_id = $badId }
        $in = @($samples[0], $bad, $samples[1])
        $orders = $in | Get-CoopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.OrderId | Should -Be @($samples[0].OrderId, $samples[1].OrderId)
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $badId
        $errs[0].FullyQualifiedErrorId | Should -Be 'WxApi.100002,WxOrders.Commands.GetCoopOrderCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception | Should -BeOfType ([WxOrders.WxApiException])
        $errs[0].Exception.ErrorCode | Should -Be 100002
        $errs[0].Exception.Endpoint | Should -Be $script:CoopPath
        $errs[0].Exception.Message | Should -Match 'ShopAppId'
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Be '1 of 3 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.'
    }

    It 'treats a real order id under another store as not found' {
        $s = $samples[0]
        $otherShop = ($samples | Where-Object ShopAppId -ne $s.ShopAppId | Select-Object -First 1).ShopAppId
        $null = Get-CoopOrder -ShopAppId $otherShop -OrderId $s.OrderId -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $s.OrderId
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        $bad = [pscustomobject]@{ ShopAppId = $samples[0].ShopAppId; OrderId = 'coiqBw3Bnope' }
        $got = [System.Collections.Generic.List[object]]::new()
        { @($bad, $samples[0]) | Get-CoopOrder -ErrorAction Stop -ThrottleLimit 1 | ForEach-Object { $got.Add($_) } } |
            Should -Throw -ErrorId 'WxApi.100002,WxOrders.Commands.GetCoopOrderCommand'
        $got.Count | Should -Be 0
    }

    It 'refuses blank and zero ids at binding time, before any request' {
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount($script:CoopPath)
        { Get-CoopOrder -ShopAppId ' ' -OrderId $samples[0].OrderId } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetCoopOrderCommand'
        { Get-CoopOrder -ShopAppId $samples[0].ShopAppId -OrderId '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetCoopOrderCommand'
        { Get-CoopOrder -ShopAppId $samples[0].ShopAppId -OrderId '0' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetCoopOrderCommand'
        { [pscustomobject]@{ shop_appid = $samples[0].ShopAppId; order_id = 0 } | Get-CoopOrder -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetCoopOrderCommand'
        $sb.GetRequestCount($script:CoopPath) | Should -Be $before
    }

    It 'uses the WeChat connection on its own, and refuses the Wshoto one by name' {
        (Get-WxOrdersConnection).Count | Should -Be 2
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount($script:CoopPath)
        (Get-CoopOrder -ShopAppId $samples[0].ShopAppId -OrderId $samples[0].OrderId).OrderId | Should -Be $samples[0].OrderId
        (Get-CoopOrder -ShopAppId $samples[0].ShopAppId -OrderId $samples[0].OrderId -Connection $sb.WeChatAppId).OrderId | Should -Be $samples[0].OrderId
        $sb.GetRequestCount($script:CoopPath) | Should -Be ($before + 2)
        { Get-CoopOrder -ShopAppId $samples[0].ShopAppId -OrderId $samples[0].OrderId -Connection $sb.WshotoAppId } |
            Should -Throw -ErrorId 'WxOrders.NotConnected,WxOrders.Commands.GetCoopOrderCommand'
        try { Get-CoopOrder -ShopAppId x -OrderId y -Connection $sb.WshotoAppId } catch { $_.Exception.Message | Should -Match 'Wshoto connection' }
    }

    It 'keeps the 19-digit product and SKU ids exact through Export-Csv and Import-Csv' {
        $csv = Join-Path $TestDrive 'coop-items.csv'
        $items = $samples | Get-CoopOrder | ForEach-Object { $_.OrderDetail.ProductInfos }
        $items | Select-Object OrderId, ProductId, SkuId, SkuCnt, SalePrice, Title | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $back = Import-Csv $csv
        $back.Count | Should -Be $items.Count
        $back.ProductId | Should -Be $items.ProductId
        $back.SkuId | Should -Be $items.SkuId
        $back.Title | Should -Be $items.Title
        [uint64]$back[0].ProductId | Should -BeGreaterThan ([uint64][math]::Pow(2, 53))
        [uint64]$back[0].ProductId | Should -Be ([uint64]::Parse($items[0].ProductId))
    }

    It 'shows a one-line table by default, with money labelled in fen' {
        $o = $samples[0..1] | Get-CoopOrder
        $text = $o | Out-String -Width 160
        $text | Should -Match 'ShopAppId\s+Status\s+Amount\(fen\)\s+Items\s+OrderId'
        $text | Should -Match ([regex]::Escape($samples[0].ShopAppId))
        $lines = $o[0].OrderDetail.ProductInfos | Out-String -Width 160
        $lines | Should -Match 'ProductId\s+SkuId\s+Qty\s+Price\(fen\)\s+Paid\(fen\)\s+Title'
    }
}

Describe 'Get-CoopOrder through transient faults' {
    BeforeAll {
        $sb = Start-ConnectedSandbox -Options @{ FailureRate = 0.4; FailureKind = 'Busy', 'ServerError', 'HtmlGatewayPage', 'ConnectionReset', 'TokenExpired' } -Connect @{ RetryBaseDelay = [TimeSpan]::FromMilliseconds(5) }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'retries per order and returns every order, in input order, without errors' {
        $keys = $sb.GetCoopOrderSamples(30)
        $orders = $keys | Get-CoopOrder -ErrorVariable errs -WarningVariable warns
        $errs.Count | Should -Be 0
        $warns.Count | Should -Be 0
        $orders.OrderId | Should -Be $keys.OrderId
        $sb.FaultCount | Should -BeGreaterThan 0
    }
}

# Every parameter documented and every example run: Help.Tests.ps1, for all cmdlets. Here: what this API's help must say.
Describe 'Get-CoopOrder help source' {
    It 'states that amounts are fen, the endpoint''s retirement and the assumed not-found code' {
        $md = Get-Content -Raw (Join-Path (Get-RepoRoot) 'docs/Get-CoopOrder.md')
        $md | Should -Match '\bfen\b'
        $md | Should -Match '2025-06-16'
        $md | Should -Match '100002'
    }
}
