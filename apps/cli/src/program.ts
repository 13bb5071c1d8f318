/**
 * The command registry: one registration per command (src/register/), each loading its command's
 * module only when that command runs, so start-up stays fast. A new command is one more entry.
 */
import type { Command } from "commander";
import { registerServe } from "./commands/serve.js";
import { registerAggregate } from "./register/aggregate.js";
import { registerCheck } from "./register/check.js";
import { registerCompare } from "./register/compare.js";
import { registerExport } from "./register/export.js";
import { registerInit } from "./register/init.js";
import type { Register } from "./register/options.js";
import { registerParse } from "./register/parse.js";
import { registerRender } from "./register/render.js";
import { registerSchema } from "./register/schema.js";
import { registerValidate } from "./register/validate.js";

export const COMMANDS: readonly Register[] = [
  registerValidate,
  registerCompare,
  registerInit,
  registerSchema,
  registerRender,
  registerParse,
  registerCheck,
  registerAggregate,
  registerExport,
  registerServe,
];

export function registerCommands(program: Command): void {
  for (const register of COMMANDS) register(program);
}
