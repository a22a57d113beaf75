using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WxOrders.Http
{
    /// <summary>
    /// The one table of platform error codes and what the client does with each (WeChat's common codes:
    /// developers.weixin.qq.com/doc/store/shop/dev_before/commErrCode.md, and each API page's own codes).
    /// Wshoto documents no codes; it is assumed to use WeChat's numbers plus 20001 for an unknown order
    /// (stated in docs/reliability.md so it can be corrected).
    /// </summary>
    internal static class ErrorCatalog
    {
        internal sealed class Rule
        {
            /// <param name="endsWalk">Whether this code ends a list walk; by default, by its category (<see cref="EndsWalkByDefault"/>).</param>
            public Rule(FailureAction action, WxErrorCategory category, string advice, bool? endsWalk = null)
            {
                Action = action;
                Category = category;
                Advice = advice;
                EndsWalk = endsWalk ?? EndsWalkByDefault(category);
            }

            public FailureAction Action { get; }
            public WxErrorCategory Category { get; }
            public string Advice { get; }

            /// <summary>A page that fails with this code would fail the same way on every page: the walk stops.</summary>
            public bool EndsWalk { get; }
        }

        /// <summary>
        /// Whether a failed page ends a list walk (Paging/PageWalk): true for failures that would repeat on every page
        /// (credentials, permissions, quotas, a refused query, and anything unexpected, a bug); false for failures of
        /// one page (busy, timeouts, unreadable data, an unknown code) and for cancellation. A coded failure follows its
        /// rule above, the others their category.
        /// </summary>
        public static bool EndsWalk(Exception error)
        {
            if (error is WxApiException api)
            {
                return api.ErrorCode.HasValue ? Lookup(api.Platform, api.ErrorCode.Value).EndsWalk : EndsWalkByDefault(api.Category);
            }

            return !(error is OperationCanceledException);
        }

        private static bool EndsWalkByDefault(WxErrorCategory category) =>
            category == WxErrorCategory.AuthenticationError ||
            category == WxErrorCategory.PermissionDenied ||
            category == WxErrorCategory.LimitsExceeded ||
            category == WxErrorCategory.InvalidArgument;

        private const string IpConfirmAdvice =
            "An administrator must confirm this server's IP address for API calls in the platform console " +
            "(89501: awaiting confirmation, 89503: needs confirmation, 89506/89507: refused). Confirm it there, then run the command again.";

        private static readonly Dictionary<long, Rule> Shared = new Dictionary<long, Rule>
        {
            [-1] = new Rule(FailureAction.Transient, WxErrorCategory.ResourceUnavailable,
                "The platform stayed busy through every retry. Run the command again later, or raise -MaxRetryCount on Connect-WxOrders."),
            [40001] = TokenRule(),
            [40014] = TokenRule(),
            [42001] = TokenRule(),
            [41001] = new Rule(FailureAction.Permanent, WxErrorCategory.AuthenticationError,
                "The request reached the platform without an access token. This is a WxOrders bug: please report it."),
            [40013] = new Rule(FailureAction.Permanent, WxErrorCategory.AuthenticationError,
                "The AppId is not valid. Check the AppId given to Connect-WxOrders (for WeChat it starts with 'wx')."),
            [40125] = new Rule(FailureAction.Permanent, WxErrorCategory.AuthenticationError,
                "The AppSecret is not valid. Check it, or reset it in the platform console, then run Connect-WxOrders again."),
            [40164] = new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied,
                "This machine's IP address is not on the app's IP whitelist. Add {ip} in the platform console (Development > Basic settings > IP whitelist), then run the command again."),
            [89501] = new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied, IpConfirmAdvice),
            [89503] = new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied, IpConfirmAdvice),
            [89506] = new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied, IpConfirmAdvice),
            [89507] = new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied, IpConfirmAdvice),
            [48001] = new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied,
                "This app is not authorised for this API. Check in the console that the app has the permission this endpoint needs (WeChat Store orders: the store's own AppID, or permission set 131 for a third party; store co-account, union promoter, transaction component)."),
            [45009] = new Rule(FailureAction.Permanent, WxErrorCategory.LimitsExceeded,
                "The app's daily quota for this API is used up. Run the command again tomorrow, or reset the quota in the console."),
            [45011] = new Rule(FailureAction.MinuteQuota, WxErrorCategory.LimitsExceeded,
                "The per-minute quota was still exceeded after every retry. Lower -ThrottleLimit, or run the command again in a minute."),
            [200002] = new Rule(FailureAction.Permanent, WxErrorCategory.InvalidArgument,
                "The platform refused the request parameters (for union orders: more than 200 ids or a malformed id). Check the ids; if they are valid, report it as a WxOrders bug."),
        };

        private static readonly Dictionary<long, Rule> WeChatOnly = new Dictionary<long, Rule>
        {
            [1010014] = new Rule(FailureAction.Permanent, WxErrorCategory.ObjectNotFound,
                "No order with this id belongs to this buyer. Check that -OrderId (or -OutOrderId) and -OpenId belong together."),
            // 100002 "not exist": the store (ec) APIs' answer for an object that does not exist (order/get lists it).
            // The co-account order document lists no codes; WxOrders assumes this one for an unknown order_id or a
            // shop_appid it does not belong to (the sandbox answers it), stated in Get-CoopOrder's help so it can be corrected.
            [100002] = new Rule(FailureAction.Permanent, WxErrorCategory.ObjectNotFound,
                "The platform has no such order. For Get-ChannelsOrder, check the id (the store's own 19-digit order id) and that the connection is the store's own app, whose token decides which store is asked. For Get-CoopOrder, check that -OrderId and -ShopAppId come from the same co-account order notification event (the order_id there is not the store's own order id)."),
            // 40097: the store APIs' "invalid argument", errmsg says which
            // (https://developers.weixin.qq.com/doc/store/shop/dev_before/commErrCode.md). No code is documented for an
            // order-list range beyond 7 days; the sandbox answers this one, and the advice covers it.
            [40097] = new Rule(FailureAction.Permanent, WxErrorCategory.InvalidArgument,
                "The platform refused a request parameter (its message says which). WeChat Store order lists take time ranges of at most 7 days and ids of digits; if the parameters are valid, report it as a WxOrders bug."),
            // 45035 and 61004: the caller's IP is not on the WeChat Store's own whitelist (channels.weixin.qq.com/shop).
            [45035] = StoreIpRule(),
            [61004] = StoreIpRule(),
        };

        private static readonly Dictionary<long, Rule> WshotoOnly = new Dictionary<long, Rule>
        {
            [20001] = new Rule(FailureAction.Permanent, WxErrorCategory.ObjectNotFound,
                "No Wshoto order has this order_sn. Check the order number."),
        };

        private static readonly Rule Unknown = new Rule(FailureAction.Permanent, WxErrorCategory.NotSpecified,
            "Look the code up in the platform's error-code list; WxOrders does not retry it.");

        private static readonly Regex Ipv4 = new Regex(@"\b(?:\d{1,3}\.){3}\d{1,3}\b", RegexOptions.CultureInvariant);
        private static readonly Regex Rid = new Regex(@"rid:\s*(?<rid>[0-9A-Za-z\-]+)", RegexOptions.CultureInvariant);

        private static Rule StoreIpRule() => new Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied,
            "This machine's IP address is not on the WeChat Store's IP whitelist. Add {ip} in the store's back office (channels.weixin.qq.com/shop, development settings), then run the command again.");

        private static Rule TokenRule() => new Rule(FailureAction.TokenRejected, WxErrorCategory.AuthenticationError,
            "The access token was rejected even after a fresh one was fetched. If you connected with -AccessToken, get a new token and run Connect-WxOrders again; otherwise check that no other system resets this app's token with force_refresh.");

        public static Rule Lookup(WxPlatform platform, long code)
        {
            var own = platform == WxPlatform.WeChat ? WeChatOnly : WshotoOnly;
            if (own.TryGetValue(code, out var rule) || Shared.TryGetValue(code, out rule))
            {
                return rule;
            }

            return Unknown;
        }

        /// <summary>Builds the exception for a non-success envelope.</summary>
        public static WxApiException FromApi(WxPlatform platform, string endpoint, long code, string platformMessage)
        {
            var rule = Lookup(platform, code);
            var msg = platformMessage ?? string.Empty;
            var rid = Rid.Match(msg);
            var advice = rule.Advice;
            if (advice.IndexOf("{ip}", StringComparison.Ordinal) >= 0)
            {
                var ip = Ipv4.Match(msg);
                advice = advice.Replace("{ip}", ip.Success ? ip.Value : "this machine's public IP address");
            }

            var text = string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} failed with error {2}: {3}. {4}",
                platform,
                endpoint,
                code,
                msg.Length == 0 ? "(no message)" : msg.TrimEnd('.'),
                advice);

            return new WxApiException(
                platform,
                endpoint,
                "WxApi." + code.ToString(CultureInfo.InvariantCulture),
                rule.Category,
                code,
                msg,
                Redactor.RedactPatterns(text),
                rule.Action,
                requestId: rid.Success ? rid.Groups["rid"].Value : null);
        }

        /// <summary>An HTTP status other than 2xx from the platform or something in between.</summary>
        public static WxApiException FromHttpStatus(WxPlatform platform, string endpoint, int status, string reason, TimeSpan? retryAfter)
        {
            var transient = status == 408 || status == 429 || status >= 500;
            WxErrorCategory category;
            string advice;
            switch (status)
            {
                case 401:
                    category = WxErrorCategory.AuthenticationError;
                    advice = "Check the connection's credentials and base URI.";
                    break;
                case 403:
                    category = WxErrorCategory.PermissionDenied;
                    advice = "A proxy or firewall may be refusing the request; check -Proxy and the network path.";
                    break;
                case 404:
                    category = WxErrorCategory.ObjectNotFound;
                    advice = "The endpoint does not exist at this base URI; check -BaseUri on Connect-WxOrders.";
                    break;
                case 408:
                    category = WxErrorCategory.OperationTimeout;
                    advice = "The server timed out every attempt. Run the command again later, or raise -TimeoutSec.";
                    break;
                case 429:
                    category = WxErrorCategory.LimitsExceeded;
                    advice = "The server kept throttling after every retry. Lower -ThrottleLimit, or raise -MaxRetryCount on Connect-WxOrders.";
                    break;
                default:
                    category = status >= 500 ? WxErrorCategory.ResourceUnavailable : WxErrorCategory.InvalidOperation;
                    advice = status >= 500
                        ? "The server or a gateway in between failed every attempt. Run the command again later, or raise -MaxRetryCount on Connect-WxOrders."
                        : "Check -BaseUri and -Proxy on Connect-WxOrders.";
                    break;
            }

            var text = string.Format(CultureInfo.InvariantCulture, "{0} {1} answered HTTP {2} {3}. {4}", platform, endpoint, status, reason, advice);
            return new WxApiException(
                platform, endpoint, "WxOrders.Http" + status.ToString(CultureInfo.InvariantCulture), category, null,
                "HTTP " + status.ToString(CultureInfo.InvariantCulture) + " " + reason,
                text,
                transient ? FailureAction.Transient : FailureAction.Permanent,
                httpStatus: status,
                retryAfter: retryAfter);
        }

        public static WxApiException Transport(WxPlatform platform, string endpoint, string what, bool timeout)
        {
            var text = timeout
                ? string.Format(CultureInfo.InvariantCulture, "{0} {1} did not answer in time ({2}). Run the command again later, or raise -TimeoutSec on Connect-WxOrders.", platform, endpoint, what)
                : string.Format(CultureInfo.InvariantCulture, "{0} {1} could not be reached ({2}). Check the network, -Proxy and -BaseUri, then run the command again.", platform, endpoint, what);
            return new WxApiException(
                platform, endpoint,
                timeout ? "WxOrders.Timeout" : "WxOrders.ConnectionError",
                timeout ? WxErrorCategory.OperationTimeout : WxErrorCategory.ConnectionError,
                null, what, Redactor.RedactPatterns(text), FailureAction.Transient);
        }

        public static WxApiException NonJson(WxPlatform platform, string endpoint, string what)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "{0} {1} answered with something that is not JSON ({2}), usually an error page from a gateway or proxy. Run the command again later; if it persists, check -Proxy.",
                platform, endpoint, what);
            return new WxApiException(platform, endpoint, "WxOrders.NonJsonResponse", WxErrorCategory.InvalidData, null, what, text, FailureAction.Transient);
        }

        public static WxApiException InvalidData(WxPlatform platform, string endpoint, string what)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "{0} {1} answered with data WxOrders cannot read ({2}). Nothing was guessed. Run the command again; if it persists, report it with the endpoint and time.",
                platform, endpoint, Redactor.RedactPatterns(what));
            return new WxApiException(platform, endpoint, "WxOrders.InvalidResponse", WxErrorCategory.InvalidData, null, Redactor.RedactPatterns(what), text, FailureAction.Permanent);
        }

        /// <summary>
        /// An order the platform did not return although the request succeeded (batch lookups omit unknown ids).
        /// Error id WxOrders.OrderNotFound, category ObjectNotFound.
        /// </summary>
        public static WxApiException OrderNotFound(WxPlatform platform, string endpoint, string orderId, string advice)
        {
            var text = string.Format(CultureInfo.InvariantCulture, "{0} {1} returned no order with id '{2}'. {3}", platform, endpoint, orderId, advice);
            return new WxApiException(platform, endpoint, "WxOrders.OrderNotFound", WxErrorCategory.ObjectNotFound, null, "order not returned", Redactor.RedactPatterns(text), FailureAction.Permanent);
        }

        public static WxApiException ConnectionClosed(WxPlatform platform, string endpoint, string connection)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "{0} {1}: the connection '{2}' was closed (by Disconnect-WxOrders, or by Connect-WxOrders with the same name) while this request ran. Connect again, then run the command again for this order.",
                platform, endpoint, connection);
            return new WxApiException(platform, endpoint, "WxOrders.ConnectionClosed", WxErrorCategory.ResourceUnavailable, null, "connection closed", text, FailureAction.Permanent);
        }

        public static WxApiException Throttled(WxPlatform platform, string endpoint, TimeSpan retryAfter, TimeSpan cap)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "{0} {1} asked to wait {2:0} s before retrying, more than the {3:0} s WxOrders waits at once. Run the command again later, or raise -MaxRetryDelay on Connect-WxOrders.",
                platform, endpoint, retryAfter.TotalSeconds, cap.TotalSeconds);
            return new WxApiException(platform, endpoint, "WxOrders.Throttled", WxErrorCategory.LimitsExceeded, null, "throttled", text, FailureAction.Permanent, retryAfter: retryAfter);
        }
    }
}
