import { buildFormMetadata, type Edition, reportJsonSchema } from "@gov-report/core";

export function runSchema(opts: { edition?: Edition; form?: boolean }): number {
  let value: unknown;
  if (opts.form) {
    const meta = buildFormMetadata();
    value = opts.edition ? meta.editions[opts.edition] : meta;
  } else value = reportJsonSchema(opts.edition);
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}
