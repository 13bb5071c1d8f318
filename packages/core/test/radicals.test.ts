import { describe, expect, it } from "vitest";
import { ideographForRadical, replaceRadicals } from "../src/index.js";

describe("CJK radicals from PDF fonts", () => {
  it("maps Kangxi and supplement radicals to the ideographs they stand for", () => {
    expect(replaceRadicals("部⻔")).toBe("部门");
    expect(replaceRadicals("淮安市⼈⺠政府")).toBe("淮安市人民政府");
    expect(ideographForRadical(0x2f2f)).toBe("工");
    expect(ideographForRadical(0x5de5)).toBeUndefined();
  });
  it("returns other text unchanged", () => {
    const s = "政府信息公开 2024 abc";
    expect(replaceRadicals(s)).toBe(s);
  });
  it("covers all 214 Kangxi radicals", () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      expect(ideographForRadical(cp)).toBe(String.fromCodePoint(cp).normalize("NFKC"));
    }
  });
});
