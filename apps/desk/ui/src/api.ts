/** The desk's HTTP API, as the UI uses it: JSON in and out, the CSRF token on every change. */
import { t } from "./i18n.js";

// The bodies the server sends, from the one module the server's handlers build them with. Type
// only: nothing of the server reaches the bundle.
export type {
  BatchItem,
  BatchStarted,
  BatchStatus,
  CrossYearPair,
  ExpectedAgencies,
  ExpectedReplaced,
  Finding,
  ImportSummary,
  ListItem,
  ListPage,
  LoginResult,
  OverviewTable,
  ReportDetail,
  RollupResult,
  Session,
  YearCount,
} from "../../src/http/api-types.js";

let csrf: string | null = null;
export const setCsrf = (token: string | null) => {
  csrf = token;
};

export const csrfToken = () => csrf ?? "";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { field: string | null; message: string; messageEn: string } };
    if (body.error) return new ApiError(res.status, body.error.field, t(body.error.message, body.error.messageEn));
  } catch {
    /* not JSON: the status says enough */
  }
  return new ApiError(res.status, null, `HTTP ${res.status}`);
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== "GET" && csrf) headers.set("X-CSRF-Token", csrf);
  const res = await fetch(path, { ...init, headers, credentials: "same-origin" });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

export const post = <T>(path: string, body: unknown) =>
  api<T>(path, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

export const postBytes = <T>(path: string, body: Blob | ArrayBuffer | string, type = "application/octet-stream") =>
  api<T>(path, { method: "POST", body, headers: { "Content-Type": type } });

export async function getText(path: string): Promise<string> {
  const res = await fetch(path, { credentials: "same-origin" });
  if (!res.ok) throw await errorOf(res);
  return res.text();
}
