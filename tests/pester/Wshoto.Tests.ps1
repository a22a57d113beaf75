# Get-WshotoOrder end to end: the built module against the sandbox (POST /openapi/mall/order/detail).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:WshotoPath = '/openapi/mall/order/detail'
}

Describe 'Get-WshotoOrder against the sandbox' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
        $sns = $sb.SampleWshotoOrderSns
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'gets one order as a typed WxOrders.WshotoOrder with exact ids, China times and fen' {
        $o = Get-WshotoOrder -OrderSn $sns[0]
        $o | Should -BeOfType ([WxOrders.WshotoOrder])
        $o.OrderSn | Should -BeOfType ([string])
        $o.OrderSn | Should -Be '1723051502104450002'
        $o.Status | Should -BeOfType ([WxOrders.WshotoOrderStatus])
        $o.Type | Should -BeOfType ([WxOrders.WshotoOrderType])
        $o.PayStatus | Should -BeOfType ([WxOrders.WshotoPayStatus])
        $o.ExpressType | Should -BeOfType ([WxOrders.WshotoExpressType])
        $o.CreateTime | Should -BeOfType ([DateTimeOffset])
        $o.CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $o.PayPrice | Should -BeOfType ([long])
        $o.TotalPrice | Should -BeOfType ([long])
        $o.DetailList.Count | Should -BeGreaterThan 0
        foreach ($item in $o.DetailList) {
            $item | Should -BeOfType ([WxOrders.WshotoOrderItem])
            $item.OrderSn | Should -Be $o.OrderSn
            $item.OrderDetailId | Should -Match '^\d{19}$'
            $item.GoodsPrice | Should -BeOfType ([long])
        }
    }

    It 'takes plain strings by value, in input order' {
        $orders = $sns | Get-WshotoOrder
        $orders.Count | Should -Be $sns.Count
        $orders.OrderSn | Should -Be $sns
    }

    It 'takes several order numbers as an array, by position' {
        $orders = Get-WshotoOrder $sns[3], $sns[4]
        $orders.OrderSn | Should -Be @($sns[3], $sns[4])
    }

    It 'binds order_sn by property name from objects and from JSON (string or number)' {
        $fromObjects = $sns[0..1] | ForEach-Object { [pscustomobject]@{ order_sn = $_; note = 'x' } } | Get-WshotoOrder
        $fromObjects.OrderSn | Should -Be $sns[0..1]

        $fromJson = @(
            '{"order_sn":"' + $sns[2] + '","event":"mall_order_paid"}'
            '{"order_sn":' + $sns[3] + '}'
        ) | ConvertFrom-Json | Get-WshotoOrder
        $fromJson.OrderSn | Should -Be $sns[2..3]

        $again = $fromObjects | Get-WshotoOrder
        $again.OrderSn | Should -Be $sns[0..1]

        # A number in the property (not text) binds as its exact digits, not as the text of the whole object.
        $numeric = [pscustomobject]@{ OrderSn = [long]$sns[4] } | Get-WshotoOrder
        $numeric.OrderSn | Should -Be $sns[4]
        (Get-WshotoOrder -OrderSn $fromObjects).OrderSn | Should -Be $sns[0..1]
    }

    It 'keeps values the documents do not list as numbers' {
        $all = $sb.GetWshotoOrderSns(40) | Get-WshotoOrder
        $unknown = @($all | Where-Object { -not [enum]::IsDefined([WxOrders.WshotoOrderStatus], $_.Status) })
        $unknown.Count | Should -BeGreaterThan 0
        "$($unknown[0].Status)" | Should -Match '^\d+$'
        @($all | Where-Object { $_.ExpressType -eq 'StorePickup' })[0].OrderCheckInfo | Should -BeOfType ([WxOrders.WshotoCheckInfo])
        @($all | Where-Object { $_.ExpressType -eq 'Express' })[0].OrderAddressInfo | Should -BeOfType ([WxOrders.WshotoAddressInfo])
    }

    It 'reports a bad order number as one ErrorRecord with it as TargetObject and still returns the others' {
        $bad = '1723051502104450003'
        $orders = @($sns[0], $bad, $sns[1]) | Get-WshotoOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.OrderSn | Should -Be @($sns[0], $sns[1])
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $bad
        $errs[0].FullyQualifiedErrorId | Should -Be 'WxApi.20001,WxOrders.Commands.GetWshotoOrderCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception | Should -BeOfType ([WxOrders.WxApiException])
        $errs[0].Exception.ErrorCode | Should -Be 20001
        $errs[0].Exception.Platform | Should -Be 'Wshoto'
        $errs[0].Exception.Endpoint | Should -Be $script:WshotoPath
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Be '1 of 3 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        $got = [System.Collections.Generic.List[object]]::new()
        { @('123', $sns[0]) | Get-WshotoOrder -ErrorAction Stop -ThrottleLimit 1 | ForEach-Object { $got.Add($_) } } |
            Should -Throw -ErrorId 'WxApi.20001,WxOrders.Commands.GetWshotoOrderCommand'
        $got.Count | Should -Be 0
    }

    It 'refuses a blank or zero order number at binding time, before any request' {
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount($script:WshotoPath)
        { Get-WshotoOrder -OrderSn '  ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetWshotoOrderCommand'
        { Get-WshotoOrder -OrderSn $sns[0], '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetWshotoOrderCommand'
        { Get-WshotoOrder -OrderSn $sns[0], ' 0 ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetWshotoOrderCommand'
        { '{"order_sn":0}' | ConvertFrom-Json | Get-WshotoOrder -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetWshotoOrderCommand'
        $sb.GetRequestCount($script:WshotoPath) | Should -Be $before
    }

    It 'uses the Wshoto connection on its own, and refuses the WeChat one by name' {
        (Get-WxOrdersConnection).Count | Should -Be 2
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount($script:WshotoPath)
        (Get-WshotoOrder $sns[0]).OrderSn | Should -Be $sns[0]
        (Get-WshotoOrder $sns[0] -Connection $sb.WshotoAppId).OrderSn | Should -Be $sns[0]
        $sb.GetRequestCount($script:WshotoPath) | Should -Be ($before + 2)
        { Get-WshotoOrder $sns[0] -Connection $sb.WeChatAppId } | Should -Throw -ErrorId 'WxOrders.NotConnected,WxOrders.Commands.GetWshotoOrderCommand'
        try { Get-WshotoOrder $sns[0] -Connection $sb.WeChatAppId } catch { $_.Exception.Message | Should -Match 'WeChat connection' }
    }

    It 'keeps 19-digit order numbers and line ids exact through Export-Csv and Import-Csv' {
        $orders = $sns | Get-WshotoOrder
        $csv = Join-Path $TestDrive 'wshoto-orders.csv'
        $orders | Select-Object OrderSn, Status, PayPrice, CreateTime, UserId | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $back = Import-Csv $csv
        $back.OrderSn | Should -Be $sns
        $back.UserId | Should -Be @($orders | ForEach-Object { [string]$_.UserId })
        [uint64]$back[0].OrderSn | Should -Be ([uint64]'1723051502104450002')

        $lines = Join-Path $TestDrive 'wshoto-lines.csv'
        $items = $orders.DetailList
        $items | Select-Object OrderSn, OrderDetailId, SkuId, SpuId, GoodsNum, PayPrice | Export-Csv -Path $lines -NoTypeInformation -Encoding utf8
        $backLines = Import-Csv $lines
        $backLines.Count | Should -Be $items.Count
        $backLines.OrderDetailId | Should -Be $items.OrderDetailId
        $backLines.SkuId | Should -Be $items.SkuId
        $backLines[0].OrderDetailId | Should -Be '1657810577105402177'
    }

    It 'shows a one-line table by default, with money labelled in fen' {
        $o = $sns[0..1] | Get-WshotoOrder
        $text = $o | Out-String -Width 160
        $text | Should -Match 'OrderSn\s+Status\s+CreateTime\s+Amount\(fen\)\s+Items'
        $text | Should -Match $sns[0]
        $lines = $o.DetailList | Out-String -Width 160
        $lines | Should -Match 'OrderSn\s+OrderDetailId\s+Qty\s+Price\(fen\)\s+Paid\(fen\)\s+GoodsName'
    }
}

Describe 'Get-WshotoOrder through transient faults' {
    BeforeAll {
        $sb = Start-ConnectedSandbox -Options @{ FailureRate = 0.4; FailureKind = 'Busy', 'ServerError', 'HtmlGatewayPage', 'ConnectionReset', 'TokenExpired' } -Connect @{ RetryBaseDelay = [TimeSpan]::FromMilliseconds(5) }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'retries per order and returns every order, in input order, without errors' {
        $keys = $sb.GetWshotoOrderSns(30)
        $orders = $keys | Get-WshotoOrder -ErrorVariable errs -WarningVariable warns
        $errs.Count | Should -Be 0
        $warns.Count | Should -Be 0
        $orders.OrderSn | Should -Be $keys
        $sb.FaultCount | Should -BeGreaterThan 0
    }
}

# Every parameter documented and every example run: Help.Tests.ps1, for all cmdlets. Here: what this API's help must say.
Describe 'Get-WshotoOrder help source' {
    It 'states that amounts are fen and the assumed not-found code' {
        $md = Get-Content -Raw (Join-Path (Get-RepoRoot) 'docs/Get-WshotoOrder.md')
        $md | Should -Match '\bfen\b'
        $md | Should -Match '20001'
    }
}
