# Search-ChannelsOrder end to end: the built module against the sandbox (POST /channels/ec/order/list/get, then
# /channels/ec/order/get for each id). The sandbox enforces the 7-day rule (40097) and refuses a next_key sent with a
# changed body (40097), so a search that ends without errors also shows that every page of a slice sent one body.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:ListPath = '/channels/ec/order/list/get'
    $script:GetPath = '/channels/ec/order/get'
    $script:MaxSlice = 604799

    # The slices a window of unix seconds is cut into, computed here independently of the module.
    function Get-Slices([long] $Start, [long] $End) {
        $from = $Start
        while ($true) {
            $to = [math]::Min($End, $from + $script:MaxSlice)
            [pscustomobject]@{ Start = $from; End = $to }
            if ($to -eq $End) { break }
            $from = $to + 1
        }
    }

    function Get-AllRequests($sb) { [long](($sb.RequestCounts.Values | Measure-Object -Sum).Sum) }

    # 2025-07-01 00:00:00 to 2025-07-30 23:59:59, China time: 30 days.
    $script:Start30 = [DateTimeOffset]'2025-07-01T00:00:00+08:00'
    $script:End30 = [DateTimeOffset]'2025-07-30T23:59:59+08:00'
}

Describe 'Search-ChannelsOrder against the sandbox' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
        $all = Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'searches a window end to end: typed orders, each once, created in the window, oldest slice first' {
        $all.Count | Should -BeGreaterThan 500
        $all | ForEach-Object { $_ | Should -BeOfType ([WxOrders.ChannelsOrder]) }
        ($all.OrderId | Sort-Object -Unique).Count | Should -Be $all.Count
        $all.OrderId | ForEach-Object { $_ | Should -Match '^\d{19}$' }
        $all | ForEach-Object {
            $_.CreateTime | Should -BeGreaterOrEqual $Start30
            $_.CreateTime | Should -BeLessOrEqual $End30
            $_.CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        }
        # Slices run oldest first and the sandbox lists each ascending: the whole output is ascending.
        $times = $all.CreateTime
        for ($i = 1; $i -lt $times.Count; $i++) { $times[$i] | Should -BeGreaterOrEqual $times[$i - 1] }
        # Every order of the window, as Get-ChannelsOrder reads them (the sandbox's 1000 orders are about an hour apart).
        $ids = $sb.GetChannelsOrderIds(1000)
        $inWindow = @($ids | Get-ChannelsOrder -ThrottleLimit 16 | Where-Object { $_.CreateTime -ge $Start30 -and $_.CreateTime -le $End30 })
        ($all.OrderId | Sort-Object) | Should -Be ($inWindow.OrderId | Sort-Object)
    }

    It 'cuts a 30-day window into 5 slices of at most 7 days: 5 list requests when each slice fits one page' {
        $completed = @($all | Where-Object Status -EQ Completed)
        $perSlice = foreach ($s in Get-Slices $Start30.ToUnixTimeSeconds() $End30.ToUnixTimeSeconds()) {
            @($completed | Where-Object { $_.CreateTime.ToUnixTimeSeconds() -ge $s.Start -and $_.CreateTime.ToUnixTimeSeconds() -le $s.End }).Count
        }
        $perSlice.Count | Should -Be 5
        $perSlice | ForEach-Object { $_ | Should -BeLessOrEqual 100 }

        Wait-SandboxQuiet $sb
        $sb.ResetCounters()
        $found = Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime -Status Completed -ErrorVariable errs
        $errs.Count | Should -Be 0
        $sb.GetRequestCount($ListPath) | Should -Be 5
        $sb.GetRequestCount($GetPath) | Should -Be $completed.Count
        $found.OrderId | Should -Be $completed.OrderId
    }

    It 'counts list requests as the slices'' pages at a small page size (30 days, PageSize 100 and 25)' {
        foreach ($size in 100, 25) {
            $expected = 0
            foreach ($s in Get-Slices $Start30.ToUnixTimeSeconds() $End30.ToUnixTimeSeconds()) {
                $n = @($all | Where-Object { $_.CreateTime.ToUnixTimeSeconds() -ge $s.Start -and $_.CreateTime.ToUnixTimeSeconds() -le $s.End }).Count
                $expected += [math]::Max(1, [math]::Ceiling($n / $size))
            }
            Wait-SandboxQuiet $sb
            $sb.ResetCounters()
            $again = Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime -PageSize $size -ErrorVariable errs
            $errs.Count | Should -Be 0
            $again.OrderId | Should -Be $all.OrderId
            $sb.GetRequestCount($ListPath) | Should -Be $expected -Because "PageSize $size"
        }
    }

    It 'walks one slice with the cursor: ceil(n / PageSize) pages, the same body every page (a changed one would be refused)' {
        $end = [DateTimeOffset]'2025-07-31T23:59:59+08:00'
        $start = $end.AddSeconds(-$MaxSlice)
        Wait-SandboxQuiet $sb
        $sb.ResetCounters()
        $orders = Search-ChannelsOrder -StartTime $start.UtcDateTime -EndTime $end.UtcDateTime -PageSize 10 -TimeField Updated -ErrorVariable errs -WarningVariable warns
        $errs.Count | Should -Be 0
        $warns.Count | Should -Be 0
        $orders.Count | Should -BeGreaterThan 100
        $sb.GetRequestCount($ListPath) | Should -Be ([math]::Ceiling($orders.Count / 10))
        $orders | ForEach-Object { $_.UpdateTime | Should -BeGreaterOrEqual $start; $_.UpdateTime | Should -BeLessOrEqual $end }
        # One page of 100 lists the same orders in the same order.
        (Search-ChannelsOrder -StartTime $start.UtcDateTime -EndTime $end.UtcDateTime -TimeField Updated -PageSize 100).OrderId | Should -Be $orders.OrderId
    }

    It 'reads one list page and five orders for -First 5' {
        Wait-SandboxQuiet $sb
        $sb.ResetCounters()
        $five = Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime -First 5
        $five.OrderId | Should -Be $all.OrderId[0..4]
        Wait-SandboxQuiet $sb
        $sb.GetRequestCount($ListPath) | Should -Be 1
        $sb.GetRequestCount($GetPath) | Should -Be 5
    }

    It 'skips listed ids without reading them (-Skip 150 -First 5)' {
        Wait-SandboxQuiet $sb
        $sb.ResetCounters()
        $page = Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime -Skip 150 -First 5 -PageSize 50
        $page.OrderId | Should -Be $all.OrderId[150..154]
        Wait-SandboxQuiet $sb
        $sb.GetRequestCount($ListPath) | Should -Be 4
        $sb.GetRequestCount($GetPath) | Should -Be 5
    }

    It 'filters by buyer (-OpenId)' {
        $buyer = $all[0].OpenId
        $mine = Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime -OpenId $buyer
        $mine.Count | Should -BeGreaterThan 0
        $mine.OrderId | Should -Be @($all | Where-Object OpenId -EQ $buyer).OrderId
    }

    It 'refuses bad input before any request: <Why>' -ForEach @(
        @{ Why = 'an end before the start'; Call = { Search-ChannelsOrder -StartTime '2025-07-02' -EndTime '2025-07-01' }; Id = 'WxOrders.InvalidTimeRange' }
        @{ Why = 'a start in the future without an end'; Call = { Search-ChannelsOrder -StartTime (Get-Date).AddDays(1) }; Id = 'WxOrders.InvalidTimeRange' }
        @{ Why = 'a time before 1970'; Call = { Search-ChannelsOrder -StartTime '1969-12-31' -EndTime '1970-01-05' }; Id = 'WxOrders.InvalidTimeRange' }
        @{ Why = 'PageSize 0'; Call = { Search-ChannelsOrder -PageSize 0 }; Id = 'ParameterArgumentValidationError' }
        @{ Why = 'PageSize 101'; Call = { Search-ChannelsOrder -PageSize 101 }; Id = 'ParameterArgumentValidationError' }
        @{ Why = 'a status the list does not filter by'; Call = { Search-ChannelsOrder -Status CancelledAfterSale }; Id = 'ParameterArgumentValidationError' }
        @{ Why = 'a status that is not a number it knows'; Call = { Search-ChannelsOrder -Status 999 }; Id = 'CannotConvertArgumentNoMessage' }
        @{ Why = 'a time field it does not have'; Call = { Search-ChannelsOrder -TimeField Completed }; Id = 'CannotConvertArgumentNoMessage' }
        @{ Why = 'a blank openid'; Call = { Search-ChannelsOrder -OpenId ' ' }; Id = 'ParameterArgumentValidationError' }
        @{ Why = 'a window with -Checkpoint'; Call = { Search-ChannelsOrder -Checkpoint (Join-Path $TestDrive 'x.json') -Since '2025-07-01' -TimeField Created }; Id = 'WxOrders.CheckpointConflict' }
    ) {
        Wait-SandboxQuiet $sb
        $before = Get-AllRequests $sb
        $Call | Should -Throw -ErrorId ($Id + ',WxOrders.Commands.SearchChannelsOrderCommand')
        Get-AllRequests $sb | Should -Be $before
    }

    It 'says what to do when the end is before the start' {
        try { Search-ChannelsOrder -StartTime '2025-07-02' -EndTime '2025-07-01' } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '-EndTime .* is before -StartTime .* Swap them'
    }

    It 'converts to lines that round-trip through Export-Csv exactly' {
        $orders = $all | Select-Object -First 30
        $lines = $orders | ConvertTo-WxOrderLine
        $lines.Count | Should -Be ($orders.OrderDetail.ProductInfos | Where-Object { $null -ne $_ }).Count
        ($lines.Source | Sort-Object -Unique) | Should -Be 'Channels'
        $csv = Join-Path $TestDrive 'channels-search-lines.csv'
        Search-ChannelsOrder -StartTime $Start30.UtcDateTime -EndTime $End30.UtcDateTime -First 30 | ConvertTo-WxOrderLine |
            Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $back = Import-Csv -Path $csv -Encoding utf8
        $back.Count | Should -Be $lines.Count
        $inv = [Globalization.CultureInfo]::InvariantCulture
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $b = $back[$i]; $l = $lines[$i]
            $b.OrderId | Should -Be $l.OrderId
            $b.OrderId | Should -Match '^\d{19}$'
            $b.SkuId | Should -Be $l.SkuId
            [DateTimeOffset]::Parse($b.UpdatedAt, $inv) | Should -Be $l.UpdatedAt
            foreach ($money in 'UnitPrice', 'LineAmount', 'OrderAmount') {
                if ($null -eq $l.$money) { $b.$money | Should -BeNullOrEmpty }
                else { [decimal]::Parse($b.$money, $inv) | Should -Be $l.$money -Because "$money of line $i" }
            }
        }
    }

    It 'completes -Status with the list''s filters and -TimeField with its values' {
        $line = 'Search-ChannelsOrder -Status '
        $status = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        ($status | Sort-Object) | Should -Be ('Unpaid', 'GiftPending', 'GroupBuyPending', 'Paid', 'PartiallyShipped', 'AwaitingReceipt', 'Completed', 'Cancelled' | Sort-Object)
        $status | Should -Not -Contain 'CancelledAfterSale'
        $line = 'Search-ChannelsOrder -TimeField '
        ((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object) | Should -Be @('Created', 'Updated')
        $line = 'Search-ChannelsOrder -Connection wx'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'wxsandbox0000000001'
    }
}

Describe 'Search-ChannelsOrder when an order cannot be read' {
    BeforeAll {
        # Sandbox ids are IdBase + index x IdStep; index 2 is the third newest order (created 31 July 2025).
        $bad = ([uint64]3729000000000000000 + [uint64]2 * [uint64]2654435761).ToString()
        $sb = Start-ConnectedSandbox -Options @{ PermanentFailure = @{ $bad = 100002 } }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'writes one ErrorRecord with the id as TargetObject, the other orders, and one warning' {
        $orders = Search-ChannelsOrder -StartTime '2025-07-25' -EndTime '2025-08-01' -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.OrderId | Should -Not -Contain $bad
        $orders.Count | Should -BeGreaterThan 100
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $bad
        $errs[0].FullyQualifiedErrorId | Should -Be 'WxApi.100002,WxOrders.Commands.SearchChannelsOrderCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $warns.Count | Should -Be 1
        $warns[0].Message | Should -Be ('1 of {0} orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.' -f ($orders.Count + 1))
    }
}

Describe 'Search-ChannelsOrder with a checkpoint' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
        $state = Join-Path $TestDrive 'channels.checkpoint.json'
        $since = [DateTimeOffset]'2025-07-28T00:00:00+08:00'
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'writes each version once: a second search over the overlap writes only what the first did not' {
        # The sandbox's orders stop in July 2025: -Lag puts the window's end inside them (31 July 12:00, China time),
        # and a 6-hour -Overlap makes the second window reach back over orders the first wrote.
        $lag = [DateTimeOffset]::UtcNow - [DateTimeOffset]'2025-07-31T12:00:00+08:00'
        $overlap = [TimeSpan]::FromHours(6)
        $first = @(Search-ChannelsOrder -Checkpoint $state -Since $since.UtcDateTime -Lag $lag -Overlap $overlap -ErrorVariable errs)
        $errs.Count | Should -Be 0
        $first.Count | Should -BeGreaterThan 50
        ($first.OrderId | Sort-Object -Unique).Count | Should -Be $first.Count
        $cp = Get-WxOrderCheckpoint $state
        $cp.Source | Should -Be 'Channels'
        $cp.PendingState | Should -Be 'Complete'
        $cp.PendingWritten | Should -Be $first.Count
        # The same orders by update time without a checkpoint, over the first run's window.
        $plain = @(Search-ChannelsOrder -TimeField Updated -StartTime $since.UtcDateTime -EndTime $cp.PendingEnd.UtcDateTime)
        ($first.OrderId | Sort-Object) | Should -Be ($plain.OrderId | Sort-Object)
        $null = Complete-WxOrderCheckpoint $state

        $second = @(Search-ChannelsOrder -Checkpoint $state -Lag $lag -Overlap $overlap -ErrorVariable errs2)
        $errs2.Count | Should -Be 0
        $cp2 = Get-WxOrderCheckpoint $state
        $cp2.PendingState | Should -Be 'Complete'
        $cp2.PendingStart | Should -Be ($cp.PendingEnd - $overlap)
        $again = @(Search-ChannelsOrder -TimeField Updated -StartTime $cp2.PendingStart.UtcDateTime -EndTime $cp2.PendingEnd.UtcDateTime)
        $repeated = @($again | Where-Object { $_.UpdateTime -le $cp.PendingEnd })
        $repeated.Count | Should -BeGreaterThan 0
        $cp2.PendingRepeats | Should -Be $repeated.Count
        $second.OrderId | Should -Be @($again | Where-Object { $_.UpdateTime -gt $cp.PendingEnd }).OrderId
        $second.OrderId | Where-Object { $_ -in $first.OrderId } | Should -BeNullOrEmpty
    }

    It 'is bound to its filter: another -Status refuses the file before any request' {
        Wait-SandboxQuiet $sb
        $before = Get-AllRequests $sb
        { Search-ChannelsOrder -Checkpoint $state -Status Paid -ErrorAction Stop } | Should -Throw -ErrorId '*,WxOrders.Commands.SearchChannelsOrderCommand'
        Get-AllRequests $sb | Should -Be $before
    }
}
