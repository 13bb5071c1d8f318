#!/usr/bin/env node
// Launcher of the gov-report command. It is committed (not built) so that `npm ci` can link the
// bin before the first build; the command itself is in dist/, built from src/.
import("../dist/bin.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin.js")) {
    process.stderr.write("gov-report: the command is not built yet; run `npm run build` first\n");
    process.exit(3);
  }
  throw error;
});
