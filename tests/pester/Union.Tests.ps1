# WeChat Union orders end to end against the sandbox: Get-UnionOrder (batched lookups) and Search-UnionOrder (paged walk).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:InfoPath = '/union/promoter/order/info'
    $script:SearchPath = '/union/promoter/order/search'
}

Describe 'Get-UnionOrder' {
    BeforeAll {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 1000; PermanentFailure = @{ '1952300007911081' = 48001 } }
        $ids = $sb.SampleUnionOrderIds
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'gets orders by parameter as typed WxOrders.UnionOrder objects' {
        $o = Get-UnionOrder -OrderId $ids[0]
        $o | Should -BeOfType ([WxOrders.UnionOrder])
        $o.OrderId | Should -BeOfType ([string])
        $o.OrderId | Should -Be $ids[0]
        $o.PayTime | Should -BeOfType ([DateTimeOffset])
        $o.PayTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $o.ProductList.Count | Should -BeGreaterThan 0
        $line = $o.ProductList[0]
        $line | Should -BeOfType ([WxOrders.UnionProduct])
        $line.OrderId | Should -Be $ids[0]
        $line.Price | Should -BeOfType ([decimal])
        $line.CommissionStatus | Should -BeOfType ([WxOrders.UnionCommissionStatus])
        $line.CommissionStatusCode | Should -BeLike 'SETTLEMENT_*'
        $line.EstimatedCommission | Should -BeOfType ([long])
        $line.CommissionRatio | Should -Be ([decimal]$line.Ratio / 10000)

        (Get-UnionOrder $ids[1], $ids[2]).OrderId | Should -Be @($ids[1], $ids[2])
    }

    It 'takes ids from the pipeline by value' {
        $orders = $ids[0..4] | Get-UnionOrder
        $orders.OrderId | Should -Be $ids[0..4]
    }

    It 'takes ids from the pipeline by the property name orderId (and from its own output)' {
        $in = $ids[5..7] | ForEach-Object { [pscustomobject]@{ orderId = $_; note = 'from a CSV' } }
        ($in | Get-UnionOrder).OrderId | Should -Be $ids[5..7]
        $again = $in | Get-UnionOrder | Get-UnionOrder
        $again.OrderId | Should -Be $ids[5..7]
        '{"orderId": "' + $ids[8] + '"}' | ConvertFrom-Json | Get-UnionOrder | ForEach-Object OrderId | Should -Be $ids[8]
    }

    It 'sends 450 ids in exactly 3 requests, none over 200 ids' {
        $many = $sb.GetUnionOrderIds(450)
        $sb.ResetCounters()
        $orders = $many | Get-UnionOrder -ErrorVariable errs
        # The sandbox answers errcode 200002 to a request with more than 200 ids, which would surface as errors here.
        $errs.Count | Should -Be 0
        $sb.GetRequestCount($InfoPath) | Should -Be 3
        $orders.Count | Should -Be 450
        ($orders.OrderId | Sort-Object -Unique).Count | Should -Be 450
        $orders.OrderId | Should -Be $many

        $sb.ResetCounters()
        (Get-UnionOrder -OrderId $many -ThrottleLimit 1).Count | Should -Be 450
        $sb.GetRequestCount($InfoPath) | Should -Be 3
    }

    It 'gathers ids across pipeline records and parameter arrays before batching' {
        $sb.ResetCounters()
        $orders = @($ids[0..2], $ids[3..5], @($ids[6])) | ForEach-Object { , $_ } | Get-UnionOrder
        $orders.Count | Should -Be 7
        $sb.GetRequestCount($InfoPath) | Should -Be 1
    }

    It 'reports each id the API does not return as ObjectNotFound with the id as TargetObject, then one warning' {
        $missing = @('1952300000000001', 'not-an-id', '1952300007911081') # unknown, malformed, omitted by the sandbox
        $orders = Get-UnionOrder -OrderId @($ids[0], $missing[0], $ids[1], $missing[1], $missing[2]) -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.OrderId | Should -Be @($ids[0], $ids[1])
        $errs.Count | Should -Be 3
        $errs.TargetObject | Should -Be $missing
        $errs | ForEach-Object {
            $_.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $_.FullyQualifiedErrorId | Should -Be 'WxOrders.OrderNotFound,WxOrders.Commands.GetUnionOrderCommand'
            $_.Exception | Should -BeOfType ([WxOrders.WxApiException])
        }
        "$($errs[0].Exception.Message)" | Should -Match '1952300000000001'
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Be '3 of 5 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.'
    }

    It 'refuses empty and whitespace ids at binding time, before any request' {
        $sb.ResetCounters()
        { Get-UnionOrder -OrderId '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*,WxOrders.Commands.GetUnionOrderCommand'
        { Get-UnionOrder -OrderId $ids[0], '  ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
        $sb.GetRequestCount($InfoPath) | Should -Be 0
    }

    It 'round-trips ids and yuan amounts through Export-Csv' {
        $csv = Join-Path $TestDrive 'union-lines.csv'
        $lines = (Get-UnionOrder $ids).ProductList
        $lines | Select-Object OrderId, ProductId, Price, Commission, EstimatedCommission | Export-Csv -Path $csv -NoTypeInformation
        $back = Import-Csv $csv
        $back.Count | Should -Be $lines.Count
        $back.OrderId | Should -Be $lines.OrderId
        $back[0].Price | Should -Be $lines[0].Price.ToString([cultureinfo]::InvariantCulture)
    }
}

Describe 'Get-UnionOrder when a whole batch fails' {
    BeforeAll {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 300; FailureRate = 1.0; FailureKind = 'Busy'; MaxConsecutiveFailures = 100 } -Connect @{ MaxRetryCount = 0 }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'writes one ErrorRecord per id of the batch, and the warning counts ids' {
        $batch = $sb.GetUnionOrderIds(3)
        $orders = Get-UnionOrder -OrderId $batch -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders | Should -BeNullOrEmpty
        $errs.Count | Should -Be 3
        $errs.TargetObject | Should -Be $batch
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'WxApi.-1,*'
        $sb.GetRequestCount($InfoPath) | Should -Be 1
        "$($warns[0])" | Should -BeLike '3 of 3 orders could not be retrieved.*'
    }
}

Describe 'Search-UnionOrder' {
    BeforeAll {
        # 133 orders: the document's example total.
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 133 }
        $all = Search-UnionOrder -PageSize 10
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'walks 133 orders at PageSize 10 in exactly 14 requests, each order once, newest first' {
        $sb.ResetCounters()
        $orders = Search-UnionOrder -PageSize 10
        $sb.GetRequestCount($SearchPath) | Should -Be 14
        $orders.Count | Should -Be 133
        ($orders.OrderId | Sort-Object -Unique).Count | Should -Be 133
        $orders.OrderId | Should -Be $sb.GetUnionOrderIds(133)
        $orders | ForEach-Object { $_ | Should -BeOfType ([WxOrders.UnionOrder]) }
        $times = $orders.PayTime
        ($times | Sort-Object -Descending) | Should -Be $times
    }

    It 'fetches ahead without changing the result (ThrottleLimit 1 and 8 agree)' {
        $sb.ResetCounters()
        (Search-UnionOrder -PageSize 7 -ThrottleLimit 1).OrderId | Should -Be $all.OrderId
        (Search-UnionOrder -PageSize 7 -ThrottleLimit 8).OrderId | Should -Be $all.OrderId
        $sb.GetRequestCount($SearchPath) | Should -Be 38 # 133 = 19 pages of 7, no extra empty page
    }

    It 'asks for one page for -First 25 at PageSize 200' {
        $sb.ResetCounters()
        $first = Search-UnionOrder -First 25
        $first.Count | Should -Be 25
        $first.OrderId | Should -Be $all.OrderId[0..24]
        $sb.GetRequestCount($SearchPath) | Should -Be 1
    }

    It 'asks for only the pages -First needs at a small page size' {
        $sb.ResetCounters()
        (Search-UnionOrder -First 25 -PageSize 10).OrderId | Should -Be $all.OrderId[0..24]
        $sb.GetRequestCount($SearchPath) | Should -Be 3
    }

    It 'starts at the right page for -Skip' {
        $sb.ResetCounters()
        $rest = Search-UnionOrder -Skip 125 -PageSize 10
        $rest.OrderId | Should -Be $all.OrderId[125..132]
        $sb.GetRequestCount($SearchPath) | Should -Be 2

        $sb.ResetCounters()
        (Search-UnionOrder -Skip 30 -First 5 -PageSize 10).OrderId | Should -Be $all.OrderId[30..34]
        $sb.GetRequestCount($SearchPath) | Should -Be 1
    }

    It 'writes the total first with -IncludeTotalCount' {
        $r = Search-UnionOrder -IncludeTotalCount -First 3
        $r.Count | Should -Be 4
        $r[0] | Should -BeOfType ([uint64])
        $r[0] | Should -Be 133
        $r[1..3].OrderId | Should -Be $all.OrderId[0..2]
        $count = Search-UnionOrder -IncludeTotalCount -First 0
        $count | Should -Be 133
    }

    It 'stops requesting when the pipeline stops (Select-Object -First)' {
        $sb.ResetCounters()
        (Search-UnionOrder -PageSize 10 | Select-Object -First 5).Count | Should -Be 5
        $sb.GetRequestCount($SearchPath) | Should -Be 1
    }

    It 'filters by commission status' {
        $expected = $sb.CountUnionOrders([WxOrders.UnionOrderQuery]@{ CommissionStatus = 'Pending' })
        $expected | Should -BeGreaterThan 0
        $pending = Search-UnionOrder -CommissionStatus Pending -PageSize 20
        $pending.Count | Should -Be $expected
        $pending.ProductList.CommissionStatus | Select-Object -Unique | Should -Be 'Pending'
        $pending.ProductList.CommissionStatusCode | Select-Object -Unique | Should -Be 'SETTLEMENT_PENDING'
    }

    It 'reads a pending "-" commission as $null and a settled one as decimal yuan' {
        $lines = $all.ProductList
        $pending = $lines | Where-Object CommissionStatus -eq 'Pending'
        $pending | Should -Not -BeNullOrEmpty
        $pending | ForEach-Object { $_.Commission | Should -BeNullOrEmpty }
        $settled = $lines | Where-Object CommissionStatus -eq 'Settled'
        $settled | ForEach-Object { $_.Commission | Should -BeOfType ([decimal]) }
        $settled[0].ProfitShardingSucTime | Should -BeOfType ([DateTimeOffset])
    }

    It 'filters by payment time, taking a DateTime without a kind as local time' {
        $end = $all[20].PayTime.LocalDateTime
        $start = $all[52].PayTime.LocalDateTime
        $end.Kind | Should -Be 'Local'
        $startU = [datetime]::SpecifyKind($start, 'Unspecified')
        $endU = [datetime]::SpecifyKind($end, 'Unspecified')
        $window = Search-UnionOrder -StartTime $startU -EndTime $endU -PageSize 10
        $window.OrderId | Should -Be $all.OrderId[20..52]
        $sb.CountUnionOrders([WxOrders.UnionOrderQuery]@{ StartTime = $all[52].PayTime; EndTime = $all[20].PayTime }) | Should -Be 33

        $utc = Search-UnionOrder -StartTime $all[52].PayTime.UtcDateTime -EndTime $all[20].PayTime.UtcDateTime
        $utc.OrderId | Should -Be $all.OrderId[20..52]
    }

    It 'sorts and filters by commission-update time when one is given' {
        $from = (Get-Date '2025-07-01')
        $r = Search-UnionOrder -CommissionUpdateStartTime $from
        $r.Count | Should -Be $sb.CountUnionOrders([WxOrders.UnionOrderQuery]@{ CommissionUpdateStartTime = [DateTimeOffset]$from })
        $r.Count | Should -BeGreaterThan 0
        $updates = $r | ForEach-Object { $_.ProductList[0].CommissionStatusUpdateTime }
        $updates | ForEach-Object { $_ | Should -BeGreaterOrEqual ([DateTimeOffset]$from) }
        ($updates | Sort-Object -Descending) | Should -Be $updates
    }

    It 'refuses PageSize 0 and 201 at binding time' {
        $sb.ResetCounters()
        { Search-UnionOrder -PageSize 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.SearchUnionOrderCommand'
        { Search-UnionOrder -PageSize 201 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.SearchUnionOrderCommand'
        { Search-UnionOrder -CommissionStatus Unknown } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.SearchUnionOrderCommand'
        { Search-UnionOrder -ThrottleLimit 65 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.SearchUnionOrderCommand'
        $sb.GetRequestCount($SearchPath) | Should -Be 0
    }

    It 'refuses an end before the start with a terminating InvalidArgument error, before any request' {
        $sb.ResetCounters()
        $now = Get-Date
        $err = $null
        try { Search-UnionOrder -StartTime $now -EndTime $now.AddDays(-1) } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.FullyQualifiedErrorId | Should -Be 'WxOrders.InvalidTimeRange,WxOrders.Commands.SearchUnionOrderCommand'
        $err.Exception.Message | Should -Match '-EndTime'
        { Search-UnionOrder -CommissionUpdateStartTime $now -CommissionUpdateEndTime $now.AddHours(-1) } |
            Should -Throw -ErrorId 'WxOrders.InvalidTimeRange,WxOrders.Commands.SearchUnionOrderCommand'
        $sb.GetRequestCount($SearchPath) | Should -Be 0
    }
}

Describe 'Search-UnionOrder while new orders arrive' {
    BeforeAll { $sb = Start-ConnectedSandbox -Options @{ OrderCount = 400 } }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'writes no order twice although pages shift, and misses none of those there at the start' {
        # 50 orders "arrive" at the top, 3 after each request: every page shifts by 3 against the one before.
        $sb.SimulateUnionArrivals(50, 3)
        $atStart = $sb.GetUnionOrderIds(350)
        $orders = Search-UnionOrder -PageSize 20 -ThrottleLimit 1 -Verbose 4>&1
        $verbose = $orders | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $orders = $orders | Where-Object { $_ -is [WxOrders.UnionOrder] }
        ($orders.OrderId | Sort-Object -Unique).Count | Should -Be $orders.Count
        $orders.OrderId | Should -Be $atStart
        "$verbose" | Should -Match 'already written were left out'
    }

    It 'writes no order twice when pages are fetched ahead either' {
        $sb.SimulateUnionArrivals(50, 3)
        $orders = Search-UnionOrder -PageSize 20 -ThrottleLimit 8
        ($orders.OrderId | Sort-Object -Unique).Count | Should -Be $orders.Count
        $orders.Count | Should -BeGreaterThan 300
    }
}

Describe 'Search-UnionOrder when a page fails' {
    BeforeAll {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 133; PermanentFailure = @{ 'page=3' = 9999 } }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'writes one ErrorRecord for the page (TargetObject "page 3"), goes on with the next pages and warns' {
        $orders = Search-UnionOrder -PageSize 10 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.Count | Should -Be 123
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be 'page 3'
        $errs[0].FullyQualifiedErrorId | Should -Be 'WxApi.9999,WxOrders.Commands.SearchUnionOrderCommand'
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -BeLike '1 of 14 pages could not be retrieved*'
    }

    It 'stops at the failed page with -ErrorAction Stop' {
        $got = [System.Collections.Generic.List[object]]::new()
        { Search-UnionOrder -PageSize 10 -ErrorAction Stop | ForEach-Object { $got.Add($_) } } |
            Should -Throw -ErrorId 'WxApi.9999,WxOrders.Commands.SearchUnionOrderCommand'
        $got.Count | Should -Be 20
    }
}

Describe 'Search-UnionOrder stopping' {
    BeforeAll {
        # Every search request is held back 60 s (the token endpoint is never faulted), so only cancellation can end it soon.
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 100; FailureRate = 1.0; FailureKind = 'Timeout'; TimeoutFaultDelay = '00:01:00'; MaxConsecutiveFailures = 100 }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'stops promptly on Ctrl+C (StopProcessing) while a page is in flight' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', (Get-ModuleManifest)).AddStatement().AddCommand('Search-UnionOrder')
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($sb.GetRequestCount($SearchPath) -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $sb.GetRequestCount($SearchPath) | Should -Be 1
            $handle.IsCompleted | Should -BeFalse
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            # Generous bound: without cancellation the request would hold the command for 60 s.
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 15
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Union output formats' {
    BeforeAll { $sb = Start-ConnectedSandbox -Options @{ OrderCount = 50 } }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'has table views for UnionOrder and UnionProduct' {
        $orders = Search-UnionOrder -First 10
        $text = $orders | Format-Table | Out-String -Width 200
        $text | Should -Match 'Commission\(yuan\)'
        $text | Should -Match 'Items'
        $text | Should -Match $orders[0].OrderId
        $lines = $orders.ProductList | Format-Table | Out-String -Width 200
        $lines | Should -Match 'Price\(yuan\)'
        (Get-FormatData -TypeName WxOrders.UnionOrder) | Should -Not -BeNullOrEmpty
        (Get-FormatData -TypeName WxOrders.UnionProduct) | Should -Not -BeNullOrEmpty
    }
}

Describe 'Union help sources' {
    It 'documents every parameter of <_> in docs/<_>.md' -ForEach @('Get-UnionOrder', 'Search-UnionOrder') {
        $doc = Get-Content -Raw (Join-Path (Get-RepoRoot) "docs/$_.md")
        $doc | Should -Match 'external help file: WxOrders.dll-Help.xml'
        foreach ($section in '## SYNOPSIS', '## SYNTAX', '## DESCRIPTION', '## EXAMPLES', '## PARAMETERS', '## INPUTS', '## OUTPUTS', '## NOTES', '## RELATED LINKS') {
            $doc | Should -Match ([regex]::Escape($section))
        }
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $params = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }
        $params | Should -Not -BeNullOrEmpty
        foreach ($p in $params) { $doc | Should -Match ("(?m)^### -$p\r?$") -Because "-$p must be documented" }
    }

    It 'has examples that run against the sandbox' {
        $blocks = foreach ($name in 'Get-UnionOrder', 'Search-UnionOrder') {
            $doc = Get-Content -Raw (Join-Path (Get-RepoRoot) "docs/$name.md")
            $examples = $doc.Substring($doc.IndexOf('## EXAMPLES'), $doc.IndexOf('## PARAMETERS') - $doc.IndexOf('## EXAMPLES'))
            [regex]::Matches($examples, '(?s)```powershell\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }
        }
        $blocks.Count | Should -BeGreaterOrEqual 6
        $dir = Join-Path $TestDrive 'examples'
        New-Item -ItemType Directory -Path $dir | Out-Null
        $script = "`$ErrorActionPreference = 'Stop'; Set-Location '$dir'`n" + ($blocks -join "`n") + "`n'EXAMPLES-OK'"
        $out = Invoke-FreshPwsh -Script $script
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
        $out | Should -Contain 'EXAMPLES-OK'
    }
}
