/** Query parameters, checked: a bad one is a 400 naming it. */
import { badField } from "./respond.js";

export function intParam(url: URL, name: string, min: number, max: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  if (!/^-?\d{1,12}$/.test(raw) || n < min || n > max)
    throw badField(
      name,
      `参数 ${name} 应为 ${min} 到 ${max} 之间的整数`,
      `${name} must be an integer from ${min} to ${max}`,
    );
  return n;
}

export function choiceParam<T extends string>(url: URL, name: string, choices: readonly T[]): T | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  if (!(choices as readonly string[]).includes(raw))
    throw badField(
      name,
      `参数 ${name} 应为 ${choices.join("、")} 之一`,
      `${name} must be one of ${choices.join(", ")}`,
    );
  return raw as T;
}

export function idParam(value: string | undefined, name = "id"): number {
  if (!value || !/^\d{1,12}$/.test(value))
    throw badField(name, `${name} 应为正整数`, `${name} must be a positive integer`);
  return Number(value);
}

export const YEAR_MIN = 2008;
export const YEAR_MAX = 2100;
export const yearParam = (url: URL) => intParam(url, "year", YEAR_MIN, YEAR_MAX);
