#
# Module manifest for WxOrders.
# From source: `dotnet build WxOrders.sln -c Release` fills ./bin and ./en-US, then `Import-Module ./WxOrders.psd1`.
# Installed: this file, the bin folder and the en-US folder (the help: Get-Help looks beside this manifest, not
# beside the dll) in <PSModulePath>/WxOrders/<version>/, which is what Install-PSResource makes from the package
# that src/Pack.ps1 builds.
# ModuleVersion below is the one place the version is written: the build reads it (Directory.Build.props) and stamps
# it into the assemblies and the User-Agent. Record each release in CHANGELOG.md.
#
@{
    RootModule             = 'bin/WxOrders.dll'
    ModuleVersion          = '0.2.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6f0c2a4e-9b7d-4d1e-8a53-2c1f7e5b9d40'
    Author                 = 'WxOrders contributors'
    CompanyName            = 'WxOrders'
    Copyright              = '(c) 2026 WxOrders contributors. MIT License.'
    Description            = 'Pulls orders from the WeChat shop, WeChat Store (Channels), Channels co-account, WeChat Union and Wshoto mall APIs into typed PowerShell objects, with pooled connections, token caching, retries, checkpointed incremental pulls and a local sandbox.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('bin/WxOrders.format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Connect-WxOrders'
        'Disconnect-WxOrders'
        'Get-WxOrdersConnection'
        'Get-ShopOrder'
        'Search-ShopOrder'
        'Get-UnionOrder'
        'Search-UnionOrder'
        'ConvertTo-WxOrderLine'
        'Get-CoopOrder'
        'Get-ChannelsOrder'
        'Search-ChannelsOrder'
        'Get-WshotoOrder'
        'Search-WshotoOrder'
        'Start-WxOrdersSandbox'
        'Stop-WxOrdersSandbox'
        'Get-WxOrderCheckpoint'
        'Complete-WxOrderCheckpoint'
        'Lock-WxOrderCheckpoint'
        'Unlock-WxOrderCheckpoint'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('WeChat', 'Weixin', 'Wshoto', 'Orders', 'eCommerce', 'MiniProgram', 'Channels', 'Union', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/example/WxOrders'
            LicenseUri   = 'https://github.com/example/WxOrders/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/example/WxOrders/blob/main/CHANGELOG.md'
        }
    }
}
