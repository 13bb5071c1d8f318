/**
 * HTML the desk made (findings sheets) printed to PDF with the renderer's Chromium settings: the
 * same executable lookup and flags, scripts off and no network.
 */
import { CHROMIUM_ARGS, findChromium } from "@gov-report/renderer/pdf";

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return new Uint8Array(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
