/**
 * Which edition of the format a report follows, and the layout its table 二 is printed in. The
 * edition follows table 二's labels (the marks only one edition prints), then table 三's rows (25
 * in the 2021 edition, whose （六） has three sub-rows), then the year. Table 二 is the one table
 * the editions print differently throughout; when it prints one edition's labels while table 三
 * prints the other's rows and the year agrees with table 三 (a 2021 report keeping the 2019 表二),
 * the report is of table 三's edition and table 二 is read in its own layout.
 */
import { type Edition, editionForYear } from "@gov-report/core/lite";
import type { Diagnostics } from "./diagnostics.js";
import type { SourceDoc } from "./doc.js";
import { decideEdition, editionVotes } from "./meta.js";
import type { Layout } from "./sections.js";
import { countApplicationGroups } from "./tables/applications.js";

/** Table 三's row groups in the 2021 edition (the 2019 edition and a kept single （六） print 23). */
const GROUPS_2021 = 25;

export interface Editions {
  /** The report's edition. */
  edition: Edition;
  /** The layout table 二 is printed in (the edition's own, or the other's). */
  proactive: Edition;
}

/** The edition of table 二's labels alone, when they show one. */
function proactiveLabels(doc: SourceDoc, layout: Layout): Edition | undefined {
  if (!layout.proactive) return undefined;
  const v = editionVotes(doc, layout.proactive[0], layout.proactive[1]);
  return v["2021"] > v["2019"] ? "2021" : v["2019"] > v["2021"] ? "2019" : undefined;
}

export function detectEditions(doc: SourceDoc, layout: Layout, year: number | undefined, diags: Diagnostics): Editions {
  const labels = proactiveLabels(doc, layout);
  const votes = editionVotes(doc, layout.proactive?.[0] ?? 0, layout.applications?.[1] ?? doc.lines.length);
  // Table 三 can only show the 2021 edition: its rows are counted when that can change the answer.
  const tie = votes["2019"] === votes["2021"];
  const rows = (tie || labels === "2019") && countApplicationGroups(doc, layout.applications) >= GROUPS_2021;
  if (rows && labels === "2019" && (year === undefined || editionForYear(year) === "2021"))
    return { edition: "2021", proactive: labels };
  if (tie && rows) votes["2021"]++;
  const edition = decideEdition(votes, year, diags);
  return { edition, proactive: edition };
}
