/**
 * The report's validation as a Standard Schema v1 object (https://standardschema.dev), the
 * interface form libraries (TanStack Form), RPC frameworks (tRPC, Hono) and validators already
 * accept: `~standard.validate(value)` runs validateReport, 勾稽 rules included, and returns the
 * value when no error is found, or its errors as issues with paths.
 *
 * Warnings do not make a value fail: Standard Schema issues have no severity, and a consumer
 * treats every issue as a reason to refuse the value, while a report with warnings (an empty
 * section, a late signature) is still a valid report. Use validateReport to see warnings.
 */
import type { Edition } from "./catalog.js";
import type { Report, Report2019, Report2021 } from "./schema.js";
import { validateReport } from "./validate.js";

/** The Standard Schema v1 interface, copied from the specification (types only). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

// A namespace because that is the specification's own shape: consumers' helper types apply unchanged.
export declare namespace StandardSchemaV1 {
  /** The properties of a Standard Schema. */
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  /** The result of `validate`. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  /** One issue: a message and the path of the value it is about. */
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  /** The static types of a schema's input and output. */
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** Options of {@link reportStandardSchemaFor}. */
export interface ReportStandardSchemaOptions {
  /** Accept only reports of this edition (the edition is an error otherwise). */
  edition?: Edition;
  /** Language of the issue messages: "zh" (default) or "en". */
  lang?: "zh" | "en";
}

/** The value's `edition`, if it can be read (a host object may throw on access). */
function editionOf(value: unknown): unknown {
  try {
    return typeof value === "object" && value !== null ? (value as { edition?: unknown }).edition : undefined;
  } catch {
    return undefined;
  }
}

/** An issue for a report of the wrong edition, at `edition`. */
function editionIssue(want: Edition, got: unknown, lang: "zh" | "en"): StandardSchemaV1.Issue {
  return {
    message:
      lang === "en"
        ? `edition: this schema accepts ${want}-edition reports only, got ${JSON.stringify(got)}`
        : `格式版本：此处只接受 ${want} 版格式的报告，实际为 ${JSON.stringify(got)}`,
    path: ["edition"],
  };
}

/**
 * A Standard Schema v1 object for reports (vendor "gov-report"): `~standard.validate(value)`
 * returns `{ value }` when validateReport finds no error, else `{ issues }` — validateReport's
 * errors, each `{ message, path }`, in its order. Synchronous; never throws.
 */
export function reportStandardSchemaFor<R extends Report = Report>({
  edition,
  lang = "zh",
}: ReportStandardSchemaOptions = {}): StandardSchemaV1<R, R> {
  return {
    "~standard": {
      version: 1,
      vendor: "gov-report",
      validate(value: unknown): StandardSchemaV1.Result<R> {
        const result = validateReport(value);
        const issues: StandardSchemaV1.Issue[] = result.issues
          .filter((i) => i.severity === "error")
          .map((i) => ({ message: lang === "en" ? i.messageEn : i.message, path: i.path }));
        // A report of the other edition (validateReport itself accepts both).
        const got = editionOf(value);
        if (edition && got !== edition && (got === "2019" || got === "2021"))
          issues.unshift(editionIssue(edition, got, lang));
        return issues.length ? { issues } : { value: value as R };
      },
    },
  };
}

/** Standard Schema v1 of a report of either edition (messages in Chinese). */
export const reportStandardSchema: StandardSchemaV1<Report, Report> = reportStandardSchemaFor();
/** Standard Schema v1 of a 2019-edition report (messages in Chinese). */
export const report2019StandardSchema: StandardSchemaV1<Report2019, Report2019> = reportStandardSchemaFor<Report2019>({
  edition: "2019",
});
/** Standard Schema v1 of a 2021-edition report (messages in Chinese). */
export const report2021StandardSchema: StandardSchemaV1<Report2021, Report2021> = reportStandardSchemaFor<Report2021>({
  edition: "2021",
});
