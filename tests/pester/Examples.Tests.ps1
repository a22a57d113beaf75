# Issue 9: each script in examples/ runs whole, in a fresh real pwsh, against the sandbox, Export-Csv steps included.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $examples = Join-Path (Get-RepoRoot) 'examples'
}

Describe 'examples/Quickstart.ps1' {
    It 'runs every cmdlet against the sandbox and writes a CSV with all four sources' {
        $csv = Join-Path $TestDrive 'quick.csv'
        # The script imports the repository's build itself; an installed module under test is imported first instead.
        $out = Invoke-FreshPwsh -NoImport:(-not (Test-InstalledModule)) -Script "& '$examples/Quickstart.ps1' -OutputPath '$csv'; exit `$LASTEXITCODE"
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
        ($out -join "`n") | Should -Match 'Wrote \d+ lines'
        $rows = Import-Csv $csv
        ($rows.Source | Sort-Object -Unique) | Should -Be @('Coop', 'Shop', 'Union', 'Wshoto')
    }
}

Describe 'examples/Export-DailyUnionOrders.ps1' {
    BeforeAll {
        # The sandbox's union orders are paid in the last hours of 2025-06-30 (+08:00) and the days before.
        $runner = @'
$sb = Start-WxOrdersSandbox -OrderCount 1500 @SANDBOX@
Connect-WxOrders -Sandbox $sb @CONNECT@
$day = [datetime]'2025-06-30'
$expected = @(Search-UnionOrder -StartTime $day -EndTime $day.AddDays(1).AddSeconds(-1) -ErrorAction SilentlyContinue -WarningAction SilentlyContinue).Count
& '@EXAMPLE@' -Date $day -OutputDirectory '@DIR@' -Connection $sb.WeChatAppId
$code = $LASTEXITCODE
"EXPECTED:$expected"
"EXIT:$code"
exit $code
'@
        function Invoke-Export([string] $Dir, [string] $Sandbox = '', [string] $Connect = '') {
            $script = $runner.Replace('@EXAMPLE@', "$examples/Export-DailyUnionOrders.ps1").Replace('@DIR@', $Dir).Replace('@SANDBOX@', $Sandbox).Replace('@CONNECT@', $Connect)
            Invoke-FreshPwsh -Script $script
        }
    }

    It 'writes the day''s orders to a dated CSV, logs, and exits 0' {
        $dir = Join-Path $TestDrive 'ok'
        $out = Invoke-Export -Dir $dir
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
        $expected = [int](($out | Where-Object { $_ -like 'EXPECTED:*' }) -replace 'EXPECTED:')
        $expected | Should -BeGreaterThan 0
        $csv = Join-Path $dir 'union-orders-2025-06-30.csv'
        $rows = Import-Csv $csv
        ($rows.OrderId | Sort-Object -Unique).Count | Should -Be $expected
        $rows | ForEach-Object { $_.Source | Should -Be 'Union' }
        $log = Get-Content (Join-Path $dir 'union-orders.log')
        ($log -join "`n") | Should -Match 'Done: \d+ lines written, 0 failure'
        Get-ChildItem $dir -Filter '*.partial' | Should -BeNullOrEmpty

        # Safe to re-run: the same file is replaced, not appended to.
        $out2 = Invoke-Export -Dir $dir
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($out2 -join "`n")
        (Import-Csv $csv).Count | Should -Be $rows.Count
        @(Get-ChildItem $dir -Filter 'union-orders-*.csv').Count | Should -Be 1
        (Get-Content (Join-Path $dir 'union-orders.log') | Where-Object { $_ -match 'Done:' }).Count | Should -Be 2
    }

    It 'exits non-zero, logs what was missed, and never replaces a complete day''s file with an incomplete one' {
        $dir = Join-Path $TestDrive 'fail'
        $good = Invoke-Export -Dir $dir
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($good -join "`n")
        $csv = Join-Path $dir 'union-orders-2025-06-30.csv'
        $before = Get-FileHash $csv

        $out = Invoke-Export -Dir $dir -Sandbox "-FailureRate 1.0 -FailureKind Busy -MaxConsecutiveFailures 100" -Connect "-MaxRetryCount 0"
        $global:LASTPWSHEXIT | Should -Be 1 -Because ($out -join "`n")
        $log = (Get-Content (Join-Path $dir 'union-orders.log')) -join "`n"
        $log | Should -Match 'Not retrieved: page 1'
        $log | Should -Match '[1-9]\d* failure'
        $log | Should -Match 'Incomplete: kept the existing'
        (Get-FileHash $csv).Hash | Should -Be $before.Hash
        Join-Path $dir 'union-orders-2025-06-30.incomplete.csv' | Should -Exist

        # The next complete run replaces the day's file and clears the incomplete one.
        $again = Invoke-Export -Dir $dir
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($again -join "`n")
        Join-Path $dir 'union-orders-2025-06-30.incomplete.csv' | Should -Not -Exist
    }

    It 'exits non-zero and logs the warning when orders are missing without a failed page' {
        $dir = Join-Path $TestDrive 'gap'
        # A server that answers at most 50 orders per page: no page fails, yet orders are missing.
        $out = Invoke-Export -Dir $dir -Connect '; $sb.TestHooks.SimulateUnionPageCap(50)'
        $global:LASTPWSHEXIT | Should -Be 1 -Because ($out -join "`n")
        $log = (Get-Content (Join-Path $dir 'union-orders.log')) -join "`n"
        $log | Should -Match 'Warning: \d+ of the \d+ orders the API reported were not written'
        $log | Should -Match '0 failure\(s\), 1 warning'
    }

    It 'writes the same bytes under de-DE, zh-CN and en-US, UTF-8 with a byte-order mark' {
        $hashes = foreach ($culture in 'de-DE', 'zh-CN', 'en-US') {
            $dir = Join-Path $TestDrive "culture-$culture"
            $out = Invoke-Export -Dir $dir -Connect "; [System.Globalization.CultureInfo]::CurrentCulture = '$culture'; 'CULTURE:' + (1234.5).ToString()"
            $global:LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
            $out | Should -Contain ('CULTURE:' + (1234.5).ToString([cultureinfo]$culture)) -Because 'the export runs in that culture'
            $csv = Join-Path $dir 'union-orders-2025-06-30.csv'
            $bytes = [IO.File]::ReadAllBytes($csv)
            $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF) -Because 'Excel needs the byte-order mark to read UTF-8'
            $text = [Text.Encoding]::UTF8.GetString($bytes)
            $text | Should -Match '"2025-06-30T\d\d:\d\d:\d\d\+08:00"' -Because "times are ISO 8601 under $culture"
            $text | Should -Not -Match '"\d+,\d\d"' -Because "amounts use '.' under $culture"
            (Get-FileHash $csv).Hash
        }
        @($hashes | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'exits 2 when it cannot start (no such credential file)' {
        $dir = Join-Path $TestDrive 'nocred'
        $out = Invoke-FreshPwsh -Script "& '$examples/Export-DailyUnionOrders.ps1' -OutputDirectory '$dir' -CredentialPath '$dir/missing.xml'; exit `$LASTEXITCODE"
        $global:LASTPWSHEXIT | Should -Be 2 -Because ($out -join "`n")
        (Get-Content (Join-Path $dir 'union-orders.log')) -join "`n" | Should -Match 'FAILED to start'
    }

    It 'reads the credential from an Export-Clixml file' {
        $dir = Join-Path $TestDrive 'clixml'
        $script = @"
`$sb = Start-WxOrdersSandbox -OrderCount 300
`$cred = [pscredential]::new(`$sb.WeChatAppId, `$sb.WeChatAppSecret)
New-Item -ItemType Directory -Force '$dir' | Out-Null
`$cred | Export-Clixml '$dir/cred.xml'
# The script connects to production by default; point it at the sandbox for the test.
`$PSDefaultParameterValues['Connect-WxOrders:BaseUri'] = `$sb.BaseUri
& '$examples/Export-DailyUnionOrders.ps1' -Date '2025-06-30' -OutputDirectory '$dir' -CredentialPath '$dir/cred.xml'
exit `$LASTEXITCODE
"@
        $out = Invoke-FreshPwsh -Script $script
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
        (Import-Csv (Join-Path $dir 'union-orders-2025-06-30.csv')).Count | Should -BeGreaterThan 0
        (Get-Content (Join-Path $dir 'cred.xml') -Raw) | Should -Not -Match ([regex]::Escape('wxsandbox0000000001</S><SS>'))
    }
}

Describe 'examples/Get-OrdersFromCallbacks.ps1' {
    It 'gets the co-account order of every event line, flat or wrapped, and reports the malformed line by number' {
        $dir = Join-Path $TestDrive 'callbacks'
        New-Item -ItemType Directory -Force $dir | Out-Null
        $script = @"
`$sb = Start-WxOrdersSandbox
Connect-WxOrders -Sandbox `$sb
`$lines = [System.Collections.Generic.List[string]]::new()
`$i = 0
foreach (`$k in `$sb.SampleCoopOrders) {
    `$event = [ordered]@{ ToUserName = 'gh_test'; CreateTime = 1700000000 + `$i; MsgType = 'event'; Event = 'channels_ec_coop_order_paid' }
    if (`$i % 2) { `$event.order_info = @{ shop_appid = `$k.ShopAppId; order_id = `$k.OrderId } }
    else { `$event.shop_appid = `$k.ShopAppId; `$event.order_id = `$k.OrderId }
    `$lines.Add((`$event | ConvertTo-Json -Compress))
    `$i++
}
`$lines.Insert(3, '')
`$lines.Insert(5, '{not json')
Set-Content -Path '$dir/events.jsonl' -Value `$lines -Encoding utf8
& '$examples/Get-OrdersFromCallbacks.ps1' -Path '$dir/events.jsonl' -OutputPath '$dir/coop.csv' -ErrorVariable errs -ErrorAction SilentlyContinue
"ERRORS:" + @(`$errs | Where-Object { "`$_" -like 'Line 6 of * is not JSON; skipped.' }).Count
"IDS:" + ((`$sb.SampleCoopOrders.OrderId) -join ',')
"@
        $out = Invoke-FreshPwsh -Script $script
        $global:LASTPWSHEXIT | Should -Be 0 -Because ($out -join "`n")
        ($out | Where-Object { $_ -like 'ERRORS:*' }) | Should -Be 'ERRORS:1'
        $ids = (($out | Where-Object { $_ -like 'IDS:*' }) -replace '^IDS:') -split ','
        $rows = Import-Csv (Join-Path $dir 'coop.csv')
        ($rows.OrderId | Select-Object -Unique) | Should -Be $ids
        $rows | ForEach-Object { $_.Source | Should -Be 'Coop' }
    }
}
