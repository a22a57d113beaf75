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
        $missing = @('1952300000000001', '1952300000000002', '1952300007911081') # unknown, unknown, omitted by the sandbox
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

    It 'binds orderId from an object whose orderId is a number (ConvertFrom-Json), not the whole object' {
        $o = '{"orderId": ' + $ids[0] + '}' | ConvertFrom-Json | Get-UnionOrder -ErrorVariable errs
        $errs.Count | Should -Be 0
        $o.OrderId | Should -Be $ids[0]
        $rows = ('[{"orderId": ' + $ids[1] + ', "x": 1}, {"orderId": ' + $ids[2] + '}]') | ConvertFrom-Json
        ($rows | Get-UnionOrder).OrderId | Should -Be @($ids[1], $ids[2])
        ([long]$ids[3] | Get-UnionOrder).OrderId | Should -Be $ids[3]
    }

    It 'refuses ids that are not digits at binding time, naming the id, before any request' {
        $sb.ResetCounters()
        $err = $null
        try { Get-UnionOrder -OrderId $ids[0], 'abc' } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
        $err.Exception.Message | Should -Match "'abc'"
        $err.Exception.Message | Should -Match 'digits'
        { Get-UnionOrder -OrderId '1952-3000' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
        { Get-UnionOrder -OrderId '１９５２' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
        $sb.GetRequestCount($InfoPath) | Should -Be 0

        # From the pipeline: the bad record is refused on its own; the good ids still go in one request.
        $orders = @($ids[0], 'abc', $ids[1]) | Get-UnionOrder -ErrorVariable errs -ErrorAction SilentlyContinue
        $orders.OrderId | Should -Be @($ids[0], $ids[1])
        $errs.Count | Should -Be 1
        "$($errs[0].Exception.Message)" | Should -Match "'abc'"
        $sb.GetRequestCount($InfoPath) | Should -Be 1
        # Surrounding spaces (from a CSV, say) are trimmed, as before.
        (Get-UnionOrder -OrderId " $($ids[2]) ").OrderId | Should -Be $ids[2]
    }

    It 'refuses empty and whitespace ids at binding time, before any request' {
        $sb.ResetCounters()
        { Get-UnionOrder -OrderId '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*,WxOrders.Commands.GetUnionOrderCommand'
        { Get-UnionOrder -OrderId $ids[0], '  ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
        $sb.GetRequestCount($InfoPath) | Should -Be 0
    }

    It 'refuses id 0 (and ids made only of zeros) at binding time, before any request' {
        $sb.ResetCounters()
        foreach ($bad in '0', ' 000 ') {
            $err = $null
            try { Get-UnionOrder -OrderId $ids[0], $bad } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
            $err.Exception.Message | Should -Match 'no order has id 0'
        }
        { [pscustomobject]@{ orderId = 0 } | Get-UnionOrder -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetUnionOrderCommand'
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

Describe 'Get-UnionOrder remembers only the ids it is looking up' {
    BeforeAll { $sb = Start-ConnectedSandbox -Options @{ OrderCount = 1500 } }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'looks an id up once while its first lookup is pending, and again once its batch was written (flat memory)' {
        $many = $sb.GetUnionOrderIds(1200)
        $sb.ResetCounters()
        # ThrottleLimit 1 holds at most 4 batches of 200: sending the 5th writes the 1st, so the last id, a repeat of
        # $many[1], comes after its first lookup was written and is looked up again. The repeats of $many[0] come
        # while its batch is still being gathered: looked up once.
        $orders = @($many[0], $many[0]) + $many + @($many[1]) | Get-UnionOrder -ThrottleLimit 1
        $orders.Count | Should -Be 1201
        @($orders.OrderId | Where-Object { $_ -eq $many[0] }).Count | Should -Be 1
        @($orders.OrderId | Where-Object { $_ -eq $many[1] }).Count | Should -Be 2
        $sb.GetRequestCount($InfoPath) | Should -Be 7
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
        # 133 orders: the API page's example total.
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
        $expected = $sb.TestHooks.CountUnionOrders([WxOrders.UnionOrderQuery]@{ CommissionStatus = 'Pending' })
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
        $sb.TestHooks.CountUnionOrders([WxOrders.UnionOrderQuery]@{ StartTime = $all[52].PayTime; EndTime = $all[20].PayTime }) | Should -Be 33

        $utc = Search-UnionOrder -StartTime $all[52].PayTime.UtcDateTime -EndTime $all[20].PayTime.UtcDateTime
        $utc.OrderId | Should -Be $all.OrderId[20..52]
    }

    It 'sorts and filters by commission-update time when one is given' {
        $from = (Get-Date '2025-07-01')
        $r = Search-UnionOrder -CommissionUpdateStartTime $from
        $r.Count | Should -Be $sb.TestHooks.CountUnionOrders([WxOrders.UnionOrderQuery]@{ CommissionUpdateStartTime = [DateTimeOffset]$from })
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
        $sb.TestHooks.SimulateUnionArrivals(50, 3)
        $atStart = $sb.GetUnionOrderIds(350)
        $sb.ResetCounters()
        $orders = Search-UnionOrder -PageSize 20 -ThrottleLimit 1 -Verbose -WarningVariable warns -WarningAction SilentlyContinue 4>&1
        $verbose = $orders | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $orders = $orders | Where-Object { $_ -is [WxOrders.UnionOrder] }
        ($orders.OrderId | Sort-Object -Unique).Count | Should -Be $orders.Count
        $orders.OrderId | Should -Be $atStart
        "$verbose" | Should -Match 'already written were left out'
        $sb.GetRequestCount($SearchPath) | Should -Be 20 # one page at a time: no page is read twice
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -BeLike 'The number of matching orders rose from 350 to * during the search*None of the orders there at the start was skipped;*-EndTime in the past*'
    }

    It 'writes every order present at the start, none twice, when pages are fetched ahead' {
        $sb.TestHooks.SimulateUnionArrivals(50, 3)
        $atStart = $sb.GetUnionOrderIds(350)
        $orders = Search-UnionOrder -PageSize 20 -ThrottleLimit 8 -WarningVariable warns -WarningAction SilentlyContinue
        ($orders.OrderId | Sort-Object -Unique).Count | Should -Be $orders.Count
        $missing = $atStart | Where-Object { $_ -notin $orders.OrderId }
        $missing | Should -BeNullOrEmpty -Because "$(@($missing).Count) of the 350 orders there at the start were not written"
        # The written orders keep the API's order (newest first).
        ($orders.OrderId | Where-Object { $_ -in $atStart }) | Should -Be $atStart
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Match 'rose from 350 to'
    }

    It 'warns that orders may have shifted past the walk when the total goes down' {
        $sb.TestHooks.SimulateUnionArrivals(0, 0)
        $sb.TestHooks.SimulateUnionDepartures(3)
        $orders = Search-UnionOrder -PageSize 20 -ThrottleLimit 1 -WarningVariable warns -WarningAction SilentlyContinue
        $orders.Count | Should -BeLessThan 400
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Match 'went down from 400'
        "$($warns[0])" | Should -Match 'shifted past'
        "$($warns[0])" | Should -Match '-EndTime'
    }

    It 'warns of no change when nothing arrives' {
        $sb.TestHooks.SimulateUnionArrivals(0, 0)
        $sb.TestHooks.SimulateUnionDepartures(0)
        $sb.ResetCounters()
        $orders = Search-UnionOrder -PageSize 20 -WarningVariable warns
        $orders.Count | Should -Be 400
        $warns.Count | Should -Be 0
        $sb.GetRequestCount($SearchPath) | Should -Be 20 # no page read twice
    }
}

Describe 'Search-UnionOrder when the API answers fewer orders per page than asked' {
    BeforeAll { $sb = Start-ConnectedSandbox -Options @{ OrderCount = 1000 } }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'does not end at a short page the total says is not the last, and names the gap' {
        # A server that caps pageSize at 150: page N holds orders 150(N-1) to 150N - 1 whatever was asked.
        $sb.TestHooks.SimulateUnionPageCap(150)
        $sb.ResetCounters()
        $orders = Search-UnionOrder -ErrorVariable errs -WarningVariable warns -WarningAction SilentlyContinue
        $errs.Count | Should -Be 0
        $sb.GetRequestCount($SearchPath) | Should -Be 5 # 1000 orders at 200 a page
        $orders.Count | Should -Be 750
        $orders.OrderId | Should -Be $sb.GetUnionOrderIds(750)
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Match '250 of the 1000 orders'
        "$($warns[0])" | Should -Match '-PageSize 150'

        $sb.ResetCounters()
        (Search-UnionOrder -PageSize 150 -WarningVariable warns).Count | Should -Be 1000
        $warns.Count | Should -Be 0
        $sb.TestHooks.SimulateUnionPageCap(0)
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

Describe 'Search-UnionOrder when an error stops the search' {
    BeforeAll { $sb = Start-ConnectedSandbox -Options @{ OrderCount = 133; PermanentFailure = @{ 'page=3' = 48001 } } }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'counts pages read, failed and not fetched, not the pages requested ahead' {
        $orders = Search-UnionOrder -PageSize 10 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.Count | Should -Be 20
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be 'page 3'
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -BeLike '1 of 14 pages could not be retrieved (2 read, 1 failed, 11 not fetched*'
        "$($warns[0])" | Should -Match 'stopped early'
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
        finally {
            # Let the invocation finish winding down before the runspace goes away.
            if ($handle) { $null = $handle.AsyncWaitHandle.WaitOne(10000); try { $null = $ps.EndInvoke($handle) } catch { } }
            $ps.Dispose()
        }
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

# Every parameter documented and every example run: Help.Tests.ps1, for all cmdlets. Here: what this API's help must say.
Describe 'Union help sources' {
    It 'states that Price and Commission are yuan and EstimatedCommission fen, in docs/<_>.md' -ForEach @('Get-UnionOrder', 'Search-UnionOrder') {
        $doc = Get-Content -Raw (Join-Path (Get-RepoRoot) "docs/$_.md")
        $doc | Should -Match '\byuan\b'
        $doc | Should -Match '\bfen\b'
    }
}
