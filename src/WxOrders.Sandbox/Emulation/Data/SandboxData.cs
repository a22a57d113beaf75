using System;
using System.Text;

namespace WxOrders.Emulation.Data
{
    /// <summary>
    /// Deterministic pseudo-random values: every field of every generated order is a pure function of
    /// (seed, salt, index), so the same seed gives the same data in any order of requests.
    /// </summary>
    internal static class SandboxData
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        public static readonly string[] Titles =
        {
            "健身环", "有机五常大米 5kg", "保温杯 500ml 不锈钢", "无线蓝牙耳机", "儿童绘本套装（10册）", "云南普洱茶饼 357g",
            "男士纯棉短袖T恤", "女士羊毛围巾", "便携榨汁杯", "家用电热水壶 1.7L", "洗发水 750ml", "竹纤维毛巾三条装",
            "智能体脂秤", "不粘锅炒锅 32cm", "四川麻辣火锅底料", "新疆阿克苏苹果 5斤", "瑜伽垫 加厚 10mm", "机械键盘 青轴",
            "收纳盒 三件套", "手工红糖 500g", "车载手机支架", "护手霜礼盒", "婴儿湿巾 80抽×6包", "宁夏枸杞 250g",
            "户外登山背包 40L", "陶瓷茶具套装", "黑糖珍珠奶茶 冲饮", "LED 护眼台灯", "垃圾袋 加厚 100只", "身体护理精油",
        };

        public static readonly string[] Names = { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷", "吴昊" };

        public static readonly string[] Provinces = { "广东省", "浙江省", "四川省", "北京市", "上海市", "江苏省", "湖北省", "山东省" };

        public static readonly string[] Cities = { "深圳市", "杭州市", "成都市", "北京市", "上海市", "南京市", "武汉市", "青岛市" };

        public static readonly string[] Districts = { "南山区", "西湖区", "武侯区", "东城区", "浦东新区", "鼓楼区", "洪山区", "市南区" };

        public static readonly string[] Streets = { "科技园南路 88 号", "文三路 259 号", "天府大道中段 1 号", "东直门内大街 5 号", "世纪大道 100 号", "中山路 321 号" };

        /// <summary>Region codes of <see cref="Provinces"/>/<see cref="Cities"/>/<see cref="Districts"/>, index for index.</summary>
        public static readonly string[] AreaCodes = { "440305", "330106", "510107", "110101", "310115", "320106", "420111", "370202" };

        /// <summary>SKU attributes: a key and the values it takes (for sku_attrs and specification texts).</summary>
        public static readonly (string Key, string[] Values)[] SkuAttributes =
        {
            ("颜色", new[] { "红色", "黑色", "白色", "藏青" }),
            ("尺码", new[] { "S", "M", "L", "XL" }),
            ("规格", new[] { "500ml", "1L", "5kg", "10册" }),
            ("产地", new[] { "四川成都", "浙江杭州", "云南普洱", "新疆阿克苏" }),
            ("材质", new[] { "玻璃", "不锈钢", "纯棉", "竹纤维" }),
        };

        public static readonly string[] ExpressCompanies = { "顺丰速运", "中通快递", "圆通速递", "京东物流", "邮政EMS" };

        public static readonly string[] Shops = { "优选好物小店", "山野茶园", "家居生活馆", "数码潮玩店", "母婴严选", "乡村特产铺" };

        /// <summary>SplitMix64 of the three inputs.</summary>
        public static ulong Hash(int seed, ulong salt, ulong index)
        {
            var x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ (salt * 0xC2B2AE3D27D4EB4FUL) ^ (index * 0x165667B19E3779F9UL);
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }

        public static int Int(int seed, ulong salt, ulong index, int maxExclusive) =>
            (int)(Hash(seed, salt, index) % (ulong)maxExclusive);

        public static bool Chance(int seed, ulong salt, ulong index, double p) =>
            (Hash(seed, salt, index) >> 11) * (1.0 / (1UL << 53)) < p;

        public static T Pick<T>(T[] items, int seed, ulong salt, ulong index) => items[Int(seed, salt, index, items.Length)];

        /// <summary>An openid-like string: "o" and 27 characters of [A-Za-z0-9-_].</summary>
        public static string OpenId(int seed, ulong salt, ulong index)
        {
            var sb = new StringBuilder(28);
            sb.Append('o');
            for (ulong i = 0; i < 27; i++)
            {
                sb.Append(Alphabet[(int)(Hash(seed, salt, (index * 64) + i) % 62)]);
            }

            return sb.ToString();
        }

        /// <summary>A random-looking token of the given length (not seeded: tokens must not be guessable).</summary>
        public static string Token(int length)
        {
            var bytes = new byte[length];
            using (var rng = System.Security.Cryptography.RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            var sb = new StringBuilder(length);
            foreach (var b in bytes)
            {
                sb.Append(Alphabet[b % 64]);
            }

            return sb.ToString();
        }
    }
}
