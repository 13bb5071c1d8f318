/**
 * CJK radicals that some PDF fonts emit instead of the ideographs they look like (部⻔ for 部门).
 *
 * - Kangxi Radicals U+2F00–U+2FD5: all 214, each to its unified ideograph. The string below is
 *   generated from Unicode's compatibility decomposition (`String.fromCodePoint(cp).normalize("NFKC")`
 *   for cp = U+2F00…U+2FD5) and committed so that the mapping does not depend on the runtime's ICU.
 * - CJK Radicals Supplement U+2E80–U+2EF3: the entries that have a standard ideograph equivalent
 *   (as in Unicode's EquivalentUnifiedIdeograph.txt), simplified forms included (⻔→门, ⻓→长, ⻅→见).
 */

const KANGXI =
  "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/** [code point, ideograph] for the CJK Radicals Supplement. */
const SUPPLEMENT: readonly (readonly [number, string])[] = [
  [0x2e81, "厂"],
  [0x2e82, "乛"],
  [0x2e83, "乚"],
  [0x2e84, "乙"],
  [0x2e85, "亻"],
  [0x2e86, "冂"],
  [0x2e87, "𠘨"],
  [0x2e88, "𠂊"],
  [0x2e89, "刂"],
  [0x2e8a, "卜"],
  [0x2e8b, "㔾"],
  [0x2e8c, "小"],
  [0x2e8d, "小"],
  [0x2e8e, "兀"],
  [0x2e8f, "尣"],
  [0x2e90, "尢"],
  [0x2e91, "𡯂"],
  [0x2e92, "巳"],
  [0x2e93, "幺"],
  [0x2e94, "彑"],
  [0x2e95, "彐"],
  [0x2e96, "忄"],
  [0x2e97, "㣺"],
  [0x2e98, "扌"],
  [0x2e99, "攵"],
  [0x2e9b, "旡"],
  [0x2e9c, "日"],
  [0x2e9d, "月"],
  [0x2e9e, "歺"],
  [0x2e9f, "母"],
  [0x2ea0, "民"],
  [0x2ea1, "氵"],
  [0x2ea2, "氺"],
  [0x2ea3, "灬"],
  [0x2ea4, "爫"],
  [0x2ea5, "爫"],
  [0x2ea6, "丬"],
  [0x2ea7, "牛"],
  [0x2ea8, "犭"],
  [0x2ea9, "王"],
  [0x2eaa, "疋"],
  [0x2eab, "罒"],
  [0x2eac, "示"],
  [0x2ead, "礻"],
  [0x2eae, "竹"],
  [0x2eaf, "糹"],
  [0x2eb0, "纟"],
  [0x2eb1, "罓"],
  [0x2eb2, "罒"],
  [0x2eb3, "㓁"],
  [0x2eb6, "羊"],
  [0x2eb7, "羊"],
  [0x2eb8, "𦍌"],
  [0x2eb9, "耂"],
  [0x2eba, "肀"],
  [0x2ebc, "月"],
  [0x2ebd, "臼"],
  [0x2ebe, "艹"],
  [0x2ebf, "艹"],
  [0x2ec0, "艹"],
  [0x2ec1, "虎"],
  [0x2ec2, "衤"],
  [0x2ec3, "覀"],
  [0x2ec4, "西"],
  [0x2ec5, "见"],
  [0x2ec6, "角"],
  [0x2ec7, "角"],
  [0x2ec8, "讠"],
  [0x2ec9, "贝"],
  [0x2eca, "𧾷"],
  [0x2ecb, "车"],
  [0x2ecc, "辶"],
  [0x2ecd, "辶"],
  [0x2ece, "辶"],
  [0x2ecf, "阝"],
  [0x2ed0, "钅"],
  [0x2ed1, "長"],
  [0x2ed2, "镸"],
  [0x2ed3, "长"],
  [0x2ed4, "门"],
  [0x2ed5, "𨸏"],
  [0x2ed6, "阝"],
  [0x2ed7, "雨"],
  [0x2ed8, "青"],
  [0x2ed9, "韦"],
  [0x2eda, "页"],
  [0x2edb, "风"],
  [0x2edc, "飞"],
  [0x2edd, "食"],
  [0x2ede, "𩙿"],
  [0x2edf, "飠"],
  [0x2ee0, "饣"],
  [0x2ee2, "马"],
  [0x2ee3, "骨"],
  [0x2ee4, "鬼"],
  [0x2ee5, "鱼"],
  [0x2ee6, "鸟"],
  [0x2ee7, "卤"],
  [0x2ee8, "麦"],
  [0x2ee9, "黄"],
  [0x2eea, "黾"],
  [0x2eeb, "斉"],
  [0x2eec, "齐"],
  [0x2eed, "歯"],
  [0x2eee, "齿"],
  [0x2eef, "竜"],
  [0x2ef0, "龙"],
  [0x2ef1, "龜"],
  [0x2ef2, "亀"],
  [0x2ef3, "龟"],
];

/** Ideograph for a radical code point, or undefined when the code point is not a mapped radical. */
export const RADICAL_TO_IDEOGRAPH: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  let cp = 0x2f00;
  for (const ch of KANGXI) m.set(cp++, ch);
  for (const [c, ch] of SUPPLEMENT) m.set(c, ch);
  return m;
})();

/** The ideograph a radical stands for, or undefined for any other character. */
export function ideographForRadical(cp: number): string | undefined {
  return cp >= 0x2e80 && cp <= 0x2fd5 ? RADICAL_TO_IDEOGRAPH.get(cp) : undefined;
}

/** Text with every mapped radical replaced by its ideograph ("部⻔" → "部门"). */
export function replaceRadicals(text: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80 || c > 0x2fd5) continue;
    const ideograph = RADICAL_TO_IDEOGRAPH.get(c);
    if (ideograph === undefined) continue;
    out += text.slice(last, i) + ideograph;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
