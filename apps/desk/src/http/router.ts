/** A small router: method + path pattern with `{name}` segments. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Actor } from "../auth/access.js";

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  actor: Actor;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
  /** Requires the reviewer role (every state change does). */
  write: boolean;
}

export class Router {
  private readonly routes: Route[] = [];

  get(path: string, handler: Handler): this {
    this.routes.push({ method: "GET", parts: path.split("/"), handler, write: false });
    return this;
  }

  post(path: string, handler: Handler): this {
    this.routes.push({ method: "POST", parts: path.split("/"), handler, write: true });
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | "method" | undefined {
    const segs = path.split("/");
    let wrongMethod = false;
    for (const route of this.routes) {
      if (route.parts.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const ok = route.parts.every((p, i) => {
        const s = segs[i]!;
        if (p.startsWith("{") && p.endsWith("}")) {
          params[p.slice(1, -1)] = decodeURIComponent(s);
          return s.length > 0;
        }
        return p === s;
      });
      if (!ok) continue;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) return { route, params };
      wrongMethod = true;
    }
    return wrongMethod ? "method" : undefined;
  }
}
