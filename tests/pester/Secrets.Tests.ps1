# Issue 7: with -Verbose -Debug and faults on, no stream, message, exception or emitted object carries the app
# secret or a live access token. The cmdlets run in a hosted PowerShell so every stream, progress included, is kept.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force

    # Everything an object shows: ToString, and its properties as JSON a few levels deep.
    function Get-Shown([object] $o) {
        if ($null -eq $o) { return '' }
        $texts = [System.Collections.Generic.List[string]]::new()
        $texts.Add("$o")
        if ($o -is [System.Management.Automation.ErrorRecord]) {
            $texts.Add($o.ToString()); $texts.Add("$($o.Exception)"); $texts.Add($o.Exception.Message)
            $texts.Add("$($o.ErrorDetails)"); $texts.Add("$($o.TargetObject)"); $texts.Add($o.FullyQualifiedErrorId)
            for ($e = $o.Exception; $e; $e = $e.InnerException) { $texts.Add($e.ToString()) }
        }
        elseif ($o -is [System.Management.Automation.InformationalRecord]) { $texts.Add($o.Message) }
        elseif ($o -is [System.Management.Automation.ProgressRecord]) { $texts.Add("$($o.Activity) $($o.StatusDescription) $($o.CurrentOperation)") }
        else {
            try { $texts.Add(($o | ConvertTo-Json -Depth 8 -WarningAction SilentlyContinue)) } catch { $texts.Add("JSON failed: $_") }
            $texts.Add(($o | Format-List * | Out-String -Width 400))
        }
        $texts -join "`n"
    }
}

Describe 'Secrets never shown' {
    It 'appear in no stream, error, exception or object of any cmdlet' {
        $sb = Start-WxOrdersSandbox -OrderCount 200 -FailureRate 0.3 -TokenLifetime ([timespan]'00:00:02') -TimeoutFaultDelay ([timespan]'00:00:01') -PermanentFailure @{ '10000000000000007919' = 40164 }
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($manifest, $sb)
                $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
                $InformationPreference = 'Continue'; $WarningPreference = 'Continue'; $ProgressPreference = 'Continue'
                Import-Module $manifest -Verbose
                $sandbox = Start-WxOrdersSandbox -OrderCount 5 -Verbose -Debug
                $sandbox
                Stop-WxOrdersSandbox $sandbox -Verbose -Debug
                Connect-WxOrders -Sandbox $sb -PassThru -Verbose -Debug -TimeoutSec 0.5 -RetryBaseDelay '00:00:00.005' -MaxRetryDelay '00:00:00.02' -MaxRetryCount 6
                Get-WxOrdersConnection -Verbose -Debug
                $shop = $sb.GetShopOrderSamples(200) | Get-ShopOrder -Verbose -Debug -ThrottleLimit 8
                $shop
                Get-ShopOrder -OrderId 1 -OpenId nobody -Verbose -Debug
                $coop = $sb.GetCoopOrderSamples(60) | Get-CoopOrder -Verbose -Debug
                $coop
                $union = Get-UnionOrder -OrderId ($sb.GetUnionOrderIds(60) + '1952399999999999') -Verbose -Debug
                $union
                Search-UnionOrder -PageSize 20 -IncludeTotalCount -Verbose -Debug
                $wshoto = $sb.GetWshotoOrderSns(60) | Get-WshotoOrder -Verbose -Debug
                $wshoto
                Get-WshotoOrder -OrderSn 1 -Verbose -Debug
                @($shop; $coop; $union; $wshoto) | ConvertTo-WxOrderLine -Verbose -Debug
                $wx = [pscredential]::new($sb.WeChatAppId, $sb.WeChatAppSecret)
                Connect-WxOrders -Credential $wx -BaseUri $sb.BaseUri -Name second -PassThru -Verbose -Debug
                $wrong = ConvertTo-SecureString ($wx.GetNetworkCredential().Password + 'x') -AsPlainText -Force
                try { Connect-WxOrders -AppId $sb.WeChatAppId -AppSecret $wrong -BaseUri $sb.BaseUri -Name bad -Verbose -Debug } catch { $_ }
                $token = ConvertTo-SecureString ($sb.TestHooks.GetIssuedTokens()[0]) -AsPlainText -Force
                Connect-WxOrders -AccessToken $token -Name tok -BaseUri $sb.BaseUri -PassThru -Verbose -Debug
                Get-ShopOrder -OrderId 10000000000000000000 -OpenId nobody -Connection tok -Verbose -Debug
                Disconnect-WxOrders -Verbose -Debug
            }).AddArgument((Get-ModuleManifest)).AddArgument($sb)
            $output = $ps.Invoke()
            $streams = $ps.Streams
            $all = @($output) + @($streams.Error) + @($streams.Warning) + @($streams.Verbose) + @($streams.Debug) + @($streams.Information) + @($streams.Progress)
            $shown = ($all | ForEach-Object { Get-Shown $_ }) -join "`n"
            if ($ps.InvocationStateInfo.Reason) { $shown += "`n" + $ps.InvocationStateInfo.Reason.ToString() }

            # The run did exercise what it should.
            @($output | Where-Object { $_ -is [WxOrders.ShopOrder] }).Count | Should -BeGreaterThan 150
            @($output | Where-Object { $_ -is [WxOrders.CoopOrder] }).Count | Should -BeGreaterThan 40
            @($output | Where-Object { $_ -is [WxOrders.UnionOrder] }).Count | Should -BeGreaterThan 200
            @($output | Where-Object { $_ -is [WxOrders.WshotoOrder] }).Count | Should -BeGreaterThan 40
            @($output | Where-Object { $_ -is [WxOrders.OrderLine] }).Count | Should -BeGreaterThan 300
            $streams.Progress.Count | Should -BeGreaterThan 0
            $streams.Warning.Count | Should -BeGreaterThan 0
            $streams.Verbose.Count | Should -BeGreaterThan 10
            $streams.Debug.Count | Should -BeGreaterThan 100
            @($streams.Verbose | Where-Object Message -Match 'retrying').Count | Should -BeGreaterThan 5
            $streams.Error.Count | Should -BeGreaterThan 0
            $sb.FaultCount | Should -BeGreaterThan 20

            $secrets = @(
                [pscredential]::new('x', $sb.WeChatAppSecret).GetNetworkCredential().Password
                [pscredential]::new('x', $sb.WshotoAppSecret).GetNetworkCredential().Password
            ) + $sb.TestHooks.GetIssuedTokens()
            $secrets.Count | Should -BeGreaterThan 3
            foreach ($s in $secrets) {
                $s.Length | Should -BeGreaterThan 16
                $shown.Contains($s) | Should -BeFalse -Because "no output may contain a secret or token (found one starting '$($s.Substring(0,4))')"
            }
            $shown | Should -Not -Match 'access_token=(?!REDACTED)[A-Za-z0-9_-]{8}'
            $ps.Dispose()
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }
}
