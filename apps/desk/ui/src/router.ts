/** Hash routes: #/reports, #/report/12, #/import, #/across, #/overview. */
export interface Route {
  page: "reports" | "report" | "import" | "across" | "overview";
  id?: number;
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = "", qs = ""] = hash.replace(/^#\/?/, "").split("?");
  const [page, id] = path.split("/");
  const query = new URLSearchParams(qs);
  if (page === "report" && id && /^\d+$/.test(id)) return { page: "report", id: Number(id), query };
  if (page === "import" || page === "across" || page === "overview") return { page, query };
  return { page: "reports", query };
}

export const go = (hash: string) => {
  location.hash = hash;
};
