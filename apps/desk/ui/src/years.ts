/** The report years in the database, newest first, for the year pickers. */
import { useEffect, useState } from "preact/hooks";
import { api, type YearCount } from "./api.js";

export function useYears(): number[] | null {
  const [years, setYears] = useState<number[] | null>(null);
  useEffect(() => {
    api<YearCount[]>("/api/years").then((ys) => setYears(ys.map((y) => y.year)));
  }, []);
  return years;
}
