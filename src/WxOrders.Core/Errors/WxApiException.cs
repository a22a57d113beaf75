using System;

namespace WxOrders
{
    /// <summary>
    /// A failed call to one of the order APIs, or to the token endpoint. Its message says what to do next.
    /// It never carries the app secret, the access token or a full request URL.
    /// </summary>
    [Serializable]
    public sealed class WxApiException : Exception
    {
        internal WxApiException(
            WxPlatform platform,
            string endpoint,
            string errorId,
            WxErrorCategory category,
            long? errorCode,
            string errorMessage,
            string message,
            FailureAction action = FailureAction.Permanent,
            int? httpStatus = null,
            TimeSpan? retryAfter = null,
            string requestId = null)
            : base(message)
        {
            Platform = platform;
            Endpoint = endpoint;
            ErrorId = errorId;
            Category = category;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            Action = action;
            HttpStatus = httpStatus;
            RetryAfter = retryAfter;
            RequestId = requestId;
        }

        /// <summary>WeChat or Wshoto.</summary>
        public WxPlatform Platform { get; }

        /// <summary>The endpoint path, such as /shop/order/get (never the query string).</summary>
        public string Endpoint { get; }

        /// <summary>The platform's errcode (WeChat) or code (Wshoto); null for transport and data errors.</summary>
        public long? ErrorCode { get; }

        /// <summary>The platform's errmsg or msg, or a description of the transport or data error.</summary>
        public string ErrorMessage { get; }

        /// <summary>The stable error id used for the ErrorRecord: WxApi.&lt;code&gt; or WxOrders.&lt;name&gt;.</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell error category this failure maps to.</summary>
        public WxErrorCategory Category { get; }

        /// <summary>The HTTP status, when the failure came from HTTP itself (gateway 5xx, 429 and the like).</summary>
        public int? HttpStatus { get; }

        /// <summary>The wait the server asked for (Retry-After), if any.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The WeChat request id (the "rid" at the end of errmsg), worth quoting to WeChat support.</summary>
        public string RequestId { get; }

        /// <summary>How many times the request was repeated before this error was final.</summary>
        public int Retries { get; internal set; }

        internal FailureAction Action { get; }

        internal bool IsTransient => Action == FailureAction.Transient || Action == FailureAction.MinuteQuota;

        internal WxApiException WithMessage(string message)
        {
            return new WxApiException(Platform, Endpoint, ErrorId, Category, ErrorCode, ErrorMessage, message, Action, HttpStatus, RetryAfter, RequestId)
            {
                Retries = Retries,
            };
        }
    }
}
