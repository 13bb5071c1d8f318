/** The review desk's UI: a small single-page app over the desk's API. */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, type LoginResult, post, type Session, setCsrf } from "./api.js";
import { lang, setLang, t } from "./i18n.js";
import { AcrossPage } from "./pages/across.js";
import { ImportPage } from "./pages/import.js";
import { OverviewPage } from "./pages/overview.js";
import { ReportPage } from "./pages/report.js";
import { ReportsPage } from "./pages/reports.js";
import { parseRoute } from "./router.js";
import "./styles.css";

function Login({ onDone }: { onDone: (s: Session) => void }) {
  const [error, setError] = useState("");
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    try {
      const s = await post<LoginResult>("/api/login", {
        username: f.get("username"),
        password: f.get("password"),
      });
      onDone({ mode: "accounts", user: s.user, role: s.role, csrf: s.csrf });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="login" onSubmit={submit}>
      <h2>{t("登录", "Log in")}</h2>
      <label>
        {t("用户名", "User name")} <input name="username" autocomplete="username" required />
      </label>
      <label>
        {t("密码", "Password")} <input name="password" type="password" autocomplete="current-password" required />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t("登录", "Log in")}</button>
    </form>
  );
}

const NAV: [string, string, string][] = [
  ["#/reports", "报告列表", "Reports"],
  ["#/import", "导入", "Import"],
  ["#/overview", "概览", "Overview"],
  ["#/across", "跨报告核对与汇总", "Across reports"],
];

function App() {
  const [route, setRoute] = useState(parseRoute(location.hash));
  const [session, setSession] = useState<Session | null>(null);
  const [, setLangState] = useState(lang());
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", on);
    api<Session>("/api/session").then((s) => {
      setCsrf(s.csrf);
      setSession(s);
    });
    return () => removeEventListener("hashchange", on);
  }, []);
  if (!session) return <p class="loading">{t("正在载入…", "Loading…")}</p>;
  const switchLang = () => {
    setLang(lang() === "zh" ? "en" : "zh");
    setLangState(lang());
  };
  const loggedIn = session.user !== null;
  const canWrite = session.role === "reviewer";
  const logout = async () => {
    await post("/api/logout", {});
    setCsrf(null);
    setSession({ ...session, user: null, role: null, csrf: null });
  };
  return (
    <>
      <header>
        <h1>{t("政府信息公开工作年度报告 审核台", "Annual report review desk")}</h1>
        {loggedIn && (
          <nav>
            {NAV.map(([href, zh, en]) => (
              <a
                href={href}
                class={
                  href.slice(2) === route.page || (route.page === "report" && href === "#/reports") ? "active" : ""
                }
              >
                {t(zh, en)}
              </a>
            ))}
          </nav>
        )}
        <span class="spacer" />
        {session.mode === "accounts" && loggedIn && (
          <span class="user">
            {session.user}（{session.role === "reviewer" ? t("审核员", "reviewer") : t("只读", "viewer")}）
            <button type="button" class="link" onClick={logout}>
              {t("退出", "Log out")}
            </button>
          </span>
        )}
        <button type="button" class="lang" onClick={switchLang}>
          {lang() === "zh" ? "English" : "中文"}
        </button>
      </header>
      <main>
        {!loggedIn ? (
          <Login
            onDone={(s) => {
              setCsrf(s.csrf);
              setSession(s);
            }}
          />
        ) : route.page === "report" && route.id !== undefined ? (
          <ReportPage id={route.id} canWrite={canWrite} query={route.query} />
        ) : route.page === "import" ? (
          <ImportPage canWrite={canWrite} />
        ) : route.page === "across" ? (
          <AcrossPage canWrite={canWrite} query={route.query} />
        ) : route.page === "overview" ? (
          <OverviewPage query={route.query} />
        ) : (
          <ReportsPage query={route.query} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
