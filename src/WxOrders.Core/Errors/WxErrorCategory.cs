namespace WxOrders
{
    /// <summary>
    /// Mirrors the names of System.Management.Automation.ErrorCategory that WxOrders uses, so the engine
    /// assembly does not need PowerShell; the cmdlet layer maps these one to one by name.
    /// </summary>
    public enum WxErrorCategory
    {
        NotSpecified = 0,
        AuthenticationError,
        PermissionDenied,
        LimitsExceeded,
        ObjectNotFound,
        InvalidArgument,
        InvalidOperation,
        ConnectionError,
        OperationTimeout,
        InvalidData,
        ResourceUnavailable,
    }
}
