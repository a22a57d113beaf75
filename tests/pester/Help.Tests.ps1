# The module's help, as the build makes it from docs/*.md: every exported cmdlet fully documented (and matching its
# code), the about topic readable, the help found from the repository and from an installed copy, and every example
# run against a sandbox.
#
# Examples: each runnable example runs in a fresh pwsh (one process per cmdlet) after
#   $sb = Start-WxOrdersSandbox; Connect-WxOrders -Sandbox $sb
# with a new sandbox and no other connection for each example. An example that needs a real app says so by ending
# its title with "(production)", as in "### Example 7: A scheduled task with a stored credential (production)": it is
# parsed but not run. Every cmdlet needs at least two runnable examples. Example code is plain script (a leading
# "PS C:\> " prompt is tolerated and removed); sample output belongs in a separate ```output block, which becomes
# remarks.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $manifest = Import-PowerShellDataFile (Get-ModuleManifest)
    $cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })

    $exampleSets = foreach ($name in $manifest.CmdletsToExport) {
        $all = @((Get-Help $name -Full).examples.example | Where-Object { $_ })
        $i = 0
        $list = foreach ($e in $all) {
            $i++
            $title = ($e.title -replace '^[-\s]+', '' -replace '[-\s]+$', '')
            $code = ([string]$e.code -split '\r?\n' | ForEach-Object { $_ -replace '^PS [^>]*>\s?', '' }) -join "`n"
            @{ Cmdlet = $name; Index = $i; Title = $title; Code = $code; Production = $title -match '\(production\)' }
        }

        @{
            Name       = $name
            Runnable   = @($list | Where-Object { -not $_.Production })
            Production = @($list | Where-Object { $_.Production })
            All        = @($list)
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    function Get-ParaText($node) { (@($node) | ForEach-Object { $_.Text }) -join "`n" }

    function Get-PipelineText([System.Management.Automation.CommandParameterInfo] $p) {
        $kinds = @()
        if ($p.ValueFromPipeline) { $kinds += 'ByValue' }
        if ($p.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
        if ($kinds.Count -eq 0) { 'False' } else { 'True (' + ($kinds -join ', ') + ')' }
    }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name -Module WxOrders
        $help = Get-Help $Name -Full
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ })
    }

    It 'is built into en-US/WxOrders.dll-Help.xml beside the manifest, where Get-Help looks' {
        $file = Join-Path (Split-Path (Get-ModuleManifest)) 'en-US/WxOrders.dll-Help.xml'
        $maml = [xml](Get-Content -Raw -LiteralPath $file)
        $names = $maml.helpItems.command | ForEach-Object { $_.details.name }
        $names | Should -Contain $Name
        ($maml.helpItems.command | Where-Object { $_.details.name -eq $Name }).details.description.para | Should -Be $help.Synopsis
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without a help file PowerShell makes the synopsis from the syntax.
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '\s')
        Get-ParaText $help.description | Should -Match '\w{3,}'
    }

    It 'names its outputs and inputs' {
        $outputs = @($help.returnValues.returnValue | Where-Object { $_ })
        $outputs.Count | Should -BeGreaterThan 0
        $outputs | ForEach-Object { $_.type.name | Should -Not -BeNullOrEmpty }
        @($help.inputTypes.inputType | Where-Object { $_ }).Count | Should -BeGreaterThan 0
    }

    It 'names each declared output type' {
        foreach ($type in $command.OutputType) {
            @($help.returnValues.returnValue.type.name) | Should -Contain $type.Name
        }
    }

    It 'has at least two examples that run against the sandbox, each with code and remarks' {
        $examples = @($help.examples.example | Where-Object { $_ })
        @($examples | Where-Object { $_.title -notmatch '\(production\)' }).Count | Should -BeGreaterOrEqual 2
        foreach ($e in $examples) {
            $e.code | Should -Not -BeNullOrEmpty -Because $e.title
            Get-ParaText $e.remarks | Should -Match '\w{3,}' -Because "$($e.title) needs a sentence saying what it does"
        }
    }

    It 'documents every parameter with a description and its type' {
        $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $common }
        foreach ($p in $parameters) {
            $doc = $helpParameters | Where-Object name -EQ $p.Name
            $doc | Should -Not -BeNullOrEmpty -Because "-$($p.Name) must be documented in docs/$Name.md"
            Get-ParaText $doc.description | Should -Match '\w{3,}' -Because "-$($p.Name) needs a description"
            $type = $p.ParameterType
            $underlying = [Nullable]::GetUnderlyingType($type)
            $names = @($type.Name, $type.FullName) + @(if ($underlying) { $underlying.Name, $underlying.FullName })
            $doc.type.name | Should -BeIn $names -Because "the type of -$($p.Name) is $($type.Name)"
        }
    }

    It 'documents no parameter the cmdlet does not have' {
        foreach ($doc in $helpParameters) {
            $command.Parameters.Keys | Should -Contain $doc.name -Because "docs/$Name.md documents -$($doc.name)"
        }
    }

    It 'documents the aliases each parameter has' {
        foreach ($p in $command.Parameters.Values | Where-Object { $_.Name -notin $common }) {
            $doc = $helpParameters | Where-Object name -EQ $p.Name
            $documented = @(if ($doc.aliases -and $doc.aliases -ne 'none') { $doc.aliases -split ',\s*' })
            ($documented | Sort-Object) -join ',' | Should -Be ((@($p.Aliases) | Sort-Object) -join ',') -Because "the aliases of -$($p.Name)"
        }
    }

    It 'has one syntax per parameter set, with the sets'' parameters, required, positions and pipeline input' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be $command.ParameterSets.Count
        foreach ($set in $command.ParameterSets) {
            $real = @($set.Parameters | Where-Object { $_.Name -notin $common })
            $key = ($real.Name | Sort-Object) -join ','
            $item = $items | Where-Object { ((@($_.parameter).name | Sort-Object) -join ',') -eq $key }
            $item | Should -Not -BeNullOrEmpty -Because "the parameter set '$($set.Name)' ($key) needs its own SYNTAX block"
            foreach ($p in $real) {
                $doc = @($item)[0].parameter | Where-Object name -EQ $p.Name
                $doc.required | Should -Be $p.IsMandatory.ToString().ToLowerInvariant() -Because "-$($p.Name) in the set '$($set.Name)'"
                $position = if ($p.Position -lt 0) { 'named' } else { [string]$p.Position }
                $doc.position | Should -Be $position -Because "the position of -$($p.Name) in the set '$($set.Name)'"
                $doc.pipelineInput | Should -Be (Get-PipelineText $p) -Because "the pipeline input of -$($p.Name) in the set '$($set.Name)'"
            }
        }
    }

    It 'has related links' {
        @($help.relatedLinks.navigationLink | Where-Object { $_.linkText }).Count | Should -BeGreaterThan 0
    }
}

Describe 'about_WxOrders' {
    It 'is shown by Get-Help about_WxOrders and covers the module''s concepts' {
        $text = Get-Help about_WxOrders | Out-String
        $text | Should -Match 'TOPIC\s+about_WxOrders'
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($concept in 'Connect-WxOrders -Sandbox', 'stable_token', 'five minutes before it expires', '-AccessToken',
            'fen', 'decimal yuan', '\+08:00', 'DateTimeOffset', '-PageSize', '-First', '-Skip', 'TargetObject', 'WxApi\.<code>',
            'could not be retrieved', '-MaxRetryCount', 'fetches a new token once') {
            $text | Should -Match $concept -Because "about_WxOrders explains $concept"
        }
    }

    It 'is listed with its short description' {
        $entry = Get-Help -Name about_WxOrders -Category HelpFile
        $entry | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help of an installed copy' {
    BeforeAll {
        $root = Split-Path (Get-ModuleManifest)
        $manifest = Import-PowerShellDataFile (Get-ModuleManifest)
        $modules = Join-Path $TestDrive 'Modules'
    }

    It 'is found when the manifest, bin and en-US are copied into a PSModulePath folder' {
        $target = Join-Path $modules "WxOrders/$($manifest.ModuleVersion)"
        New-Item -ItemType Directory -Force -Path $target | Out-Null
        Copy-Item (Get-ModuleManifest) $target
        Copy-Item (Join-Path $root 'bin'), (Join-Path $root 'en-US') $target -Recurse
        $sep = [IO.Path]::PathSeparator
        $out = Invoke-FreshPwsh -NoImport -Script @"
`$env:PSModulePath = '$modules' + '$sep' + `$env:PSModulePath
Import-Module WxOrders
'BASE:' + (Get-Module WxOrders).ModuleBase
'SYNOPSIS:' + (Get-Help Get-ShopOrder).Synopsis
'EXAMPLES:' + @((Get-Help Connect-WxOrders -Examples).examples.example).Count
'ABOUT:' + ((Get-Help about_WxOrders | Out-String) -match 'TOPIC')
"@
        $global:LASTPWSHEXIT | Should -Be 0
        ($out | Where-Object { $_ -like 'BASE:*' }) | Should -Be ('BASE:' + (Resolve-Path $target).Path)
        ($out | Where-Object { $_ -like 'SYNOPSIS:*' }) | Should -BeLike 'SYNOPSIS:Gets WeChat Mini Program*'
        ($out | Where-Object { $_ -like 'EXAMPLES:*' }) -replace 'EXAMPLES:' | Should -BeGreaterOrEqual 2
        $out | Should -Contain 'ABOUT:True'
    }

    It 'is not found beside the dll: Get-Help looks in the module base, so an install must copy en-US' {
        $target = Join-Path $TestDrive 'BinOnly/WxOrders'
        New-Item -ItemType Directory -Force -Path $target | Out-Null
        Copy-Item (Get-ModuleManifest) $target
        Copy-Item (Join-Path $root 'bin') $target -Recurse
        Copy-Item (Join-Path $root 'en-US') (Join-Path $target 'bin') -Recurse
        $out = Invoke-FreshPwsh -NoImport -Script "Import-Module '$target/WxOrders.psd1'; 'SYNOPSIS:' + (Get-Help Get-ShopOrder).Synopsis.Trim()"
        ($out | Where-Object { $_ -like 'SYNOPSIS:*' }) | Should -Not -BeLike 'SYNOPSIS:Gets WeChat*'
    }
}

Describe 'Examples of <Name>' -ForEach $exampleSets {
    BeforeAll {
        # One fresh pwsh runs this cmdlet's runnable examples, each with a new sandbox, then reports each one.
        $results = @{}
        if ($Runnable.Count -gt 0) {
            $work = Join-Path $TestDrive "examples-$Name"
            New-Item -ItemType Directory -Force -Path $work | Out-Null
            $list = ($Runnable | ForEach-Object {
                    "@{ Index = $($_.Index); Code = '$([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($_.Code)))' }"
                }) -join "`n"
            $script = @"
`$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath '$work'
foreach (`$example in @(
$list
)) {
    `$code = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String(`$example.Code))
    try {
        `$sb = Start-WxOrdersSandbox
        Connect-WxOrders -Sandbox `$sb
        `$null = & ([scriptblock]::Create(`$code)) *>&1 | Out-String
        "EXAMPLE-OK `$(`$example.Index)"
    }
    catch {
        "EXAMPLE-FAIL `$(`$example.Index) " + ((`$_ | Out-String) -replace '\s+', ' ')
    }
    finally {
        Disconnect-WxOrders -ErrorAction SilentlyContinue
        Stop-WxOrdersSandbox -ErrorAction SilentlyContinue
    }
}
"@
            $out = Invoke-FreshPwsh -Script $script
            foreach ($line in $out) {
                if ($line -match '^EXAMPLE-(OK|FAIL) (\d+) ?(.*)$') { $results[[int]$Matches[2]] = @{ Ok = $Matches[1] -eq 'OK'; Message = $Matches[3] } }
            }

            $results['exit'] = $global:LASTPWSHEXIT
            $results['output'] = ($out | Select-Object -Last 20) -join "`n"
        }
    }

    It 'parses: <Title>' -ForEach $All {
        $tokens = $null; $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        $errors | Should -BeNullOrEmpty
    }

    It 'runs against a sandbox: <Title>' -ForEach $Runnable {
        $results.ContainsKey($Index) | Should -BeTrue -Because "the example runner reported nothing for it (exit $($results['exit'])): $($results['output'])"
        $results[$Index].Message | Should -BeNullOrEmpty
        $results[$Index].Ok | Should -BeTrue
    }

    It 'needs a real app, so it is not run: <Title>' -ForEach $Production -Skip {
    }
}
