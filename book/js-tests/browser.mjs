// Browser test of the interactive exercises, on any page that embeds them
// (the built book, or the fixture of fixture.mjs):
//
//   node book/js-tests/browser.mjs PAGE.html [SCREENSHOT.png]
//
// Opens the page (file://) in headless Chromium, takes the first
// .clientele-exercice, and plays a student: a right answer, a known mistake,
// garbage, a full-marks attempt (progress mark, then reset), « Nouvel énoncé »,
// « Voir le corrigé ». Fails (exit 1) with a clear message on any problem,
// including a script error or a network request from the page.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const clientele = require("../assets/clientele.js");

const [pageArg, shotArg] = process.argv.slice(2);
if (!pageArg) {
  console.error("usage : node book/js-tests/browser.mjs PAGE.html [SCREENSHOT.png]");
  process.exit(2);
}
const pagePath = resolve(pageArg);
if (!existsSync(pagePath)) {
  console.error(`ÉCHEC : page introuvable : ${pagePath}`);
  process.exit(1);
}
const shotPath = resolve(shotArg ?? "clientele-browser.png");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

let passed = 0;
function check(cond, what) {
  if (!cond) throw new Error(what);
  passed++;
  console.log(`ok - ${what}`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
let failure = null;
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: "fr-FR" });
  const page = await context.newPage();
  const pageErrors = [];
  const network = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push("console : " + m.text());
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    network.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(pagePath).href);

  const ex = page.locator(".clientele-exercice").first();
  check((await page.locator(".clientele-exercice").count()) > 0, "the page has a .clientele-exercice");
  await ex.locator(".clientele-widget").waitFor({ timeout: 10000 });
  check(true, "the script built the exercise");
  const data = JSON.parse(await ex.locator('script[type="application/json"]').first().textContent());
  check(Array.isArray(data.variants) && data.variants.length > 0, `data read: ${data.id}, ${data.variants.length} énoncé(s)`);
  const title = await ex.locator(".clientele-titre").textContent();
  check(title.trim() === data.title, `title shown: ${title}`);

  const codeOf = async () => (await ex.locator(".clientele-code-valeur").textContent()).trim();
  const code0 = await codeOf();
  const variant = data.variants.find((v) => v.code === code0);
  check(!!variant, `the code shown (${code0}) is one of the data's`);
  check(
    (await ex.locator(".clientele-code").textContent()).includes(`clientele correct ${code0}`),
    "the code line gives the command `clientele correct CODE`"
  );
  const inputs = ex.locator("input.clientele-saisie");
  check((await inputs.count()) === variant.questions.length, `one input per question (${variant.questions.length})`);
  const firstLabel = ex.locator(`label[for="${await inputs.first().getAttribute("id")}"]`);
  check((await firstLabel.count()) === 1, "each input has its label");
  check((await ex.locator("[aria-live]").count()) > 0, "results are announced (aria-live)");

  const feedback = (i) => ex.locator(".clientele-retour").nth(i);
  const verdict = async (i) => (await feedback(i).locator(".clientele-verdict strong").textContent()).trim();
  const submitIn = async (i, text) => {
    await inputs.nth(i).fill(text);
    await inputs.nth(i).press("Enter");
  };
  const clearAll = async () => {
    for (let i = 0; i < variant.questions.length; i++) await inputs.nth(i).fill("");
  };
  const D = clientele.Dec;
  const right = (q) => clientele.formatExpected(D.fromString(q.answer), q.unit);

  // 1. Right answer of question 1, Enter in the input.
  await submitIn(0, right(variant.questions[0]));
  check((await verdict(0)) === "Juste", `question 1, « ${right(variant.questions[0])} » → « Juste »`);
  const score = await ex.locator(".clientele-score").textContent();
  check(/^Score\u00A0: [0-9,\u202F]+ \/ [0-9,\u202F]+$/.test(score.trim()), `score shown: ${score.trim()}`);

  // 2. A known mistake (first question that has one the corrector reports).
  let mistakeChecked = false;
  for (let i = 0; i < variant.questions.length && !mistakeChecked; i++) {
    for (const m of variant.questions[i].mistakes) {
      const typed = m.answer.replace(".", ",");
      const report = clientele.correct(variant, { [variant.questions[i].key]: typed });
      if (report.results[i].diagnosis?.note !== m.note) continue;
      await clearAll();
      await submitIn(i, typed);
      check((await verdict(i)) === "Faux", `question ${i + 1}, mistake « ${typed} » → « Faux »`);
      const text = await feedback(i).textContent();
      check(text.includes(m.message), `its message is shown: « ${m.message.slice(0, 60)}… »`);
      check(text.includes(m.note), `its note id is shown: [${m.note}]`);
      check(await feedback(i).locator("details summary").isVisible(), "the worked step is offered");
      mistakeChecked = true;
      break;
    }
  }
  check(mistakeChecked, "a known mistake was tried");

  // 3. Garbage.
  await clearAll();
  await submitIn(0, "abc");
  check((await verdict(0)) === "Illisible", "« abc » → « Illisible »");
  const reading = clientele.parseAnswer("abc").message;
  check((await feedback(0).textContent()).includes(reading), "the reading message is shown");
  if (variant.questions.length > 1) check((await verdict(1)) === "Sans réponse", "an empty answer → « Sans réponse »");

  // 4. Full marks: progress mark, then reset.
  for (let i = 0; i < variant.questions.length; i++) await inputs.nth(i).fill(right(variant.questions[i]));
  await ex.locator("button", { hasText: "Vérifier" }).click();
  const full = (await ex.locator(".clientele-score").textContent()).trim();
  const [got, total] = full.replace("Score\u00A0: ", "").split(" / ");
  check(got === total, `full marks: ${full}`);
  check(await ex.locator(".clientele-reussi").isVisible(), "« Exercice réussi » is shown");
  const stored = await page.evaluate(() => {
    try {
      return window.localStorage.getItem("clientele-progres");
    } catch (e) {
      return "indisponible";
    }
  });
  check(stored === "indisponible" || (stored && stored.includes(code0)), `progress stored: ${stored}`);
  await ex.locator("button", { hasText: "Réinitialiser ma progression" }).click();
  check(!(await ex.locator(".clientele-reussi").isVisible()), "progress reset");

  // 5. Nouvel énoncé.
  await ex.locator("button", { hasText: "Nouvel énoncé" }).click();
  const code1 = await codeOf();
  if (data.variants.length > 1) check(code1 !== code0, `« Nouvel énoncé » changes the code (${code0} → ${code1})`);
  else console.log("# une seule variante : le code ne peut pas changer");
  check((await inputs.first().inputValue()) === "", "the answers are cleared");

  // A mixed attempt on the new statement, for the screenshot.
  const v1 = data.variants.find((v) => v.code === code1);
  await inputs.nth(0).fill(right(v1.questions[0]));
  if (v1.questions.length > 1) {
    const q = v1.questions[1];
    await inputs.nth(1).fill(q.mistakes[0] ? q.mistakes[0].answer.replace(".", ",") : "1");
  }
  if (v1.questions.length > 2) await inputs.nth(2).fill("12,34,5");
  await inputs.nth(0).press("Enter");

  // 6. Voir le corrigé.
  const solution = ex.locator(".clientele-corrige");
  check(!(await solution.isVisible()), "the solution is hidden at first");
  await ex.locator("button", { hasText: "Voir le corrigé" }).click();
  check(await solution.isVisible(), "« Voir le corrigé » shows the solution");
  check((await solution.textContent()).trim().length > 0, "the solution is not empty");

  // 7. An SQL exercise, when the page has one: the browser cannot run the query; it
  // says so and offers the expected result table after an attempt.
  const sql = page.locator('.clientele-exercice[data-exercice^="sql/"]').first();
  if ((await sql.count()) > 0) {
    const sdata = JSON.parse(await sql.locator('script[type="application/json"]').first().textContent());
    const scode = (await sql.locator(".clientele-code-valeur").textContent()).trim();
    const sv = sdata.variants.find((v) => v.code === scode);
    const areas = sql.locator("textarea.clientele-saisie");
    const nChecked = sv.questions.filter((q) => q.check).length;
    check((await areas.count()) === nChecked, `one text area per SQL question (${nChecked})`);
    const note = (await sql.locator(".clientele-note-sql").textContent()) || "";
    check(note.includes("--db base.sqlite") && note.includes(`clientele correct ${scode}`), "the page explains how to practise on the database file");
    check((await sql.locator(".clientele-enonce table").count()) > 0, "the statement shows the schema and sample rows");
    const i = sv.questions.findIndex((q) => q.check && q.check.kind === "sql");
    await areas.nth(0).fill("SELECT nom\nFROM clients;");
    await sql.locator("button", { hasText: "Vérifier" }).click();
    const sfb = sql.locator(".clientele-retour").nth(i);
    const sverdict = (await sfb.locator(".clientele-verdict strong").textContent()).trim();
    check(sverdict === "À vérifier avec clientele correct", `an SQL answer → « ${sverdict} »`);
    const table = sfb.locator("table.clientele-resultat-sql");
    check(await table.isVisible(), "the expected result table is offered after the attempt");
    const rows = await table.locator("tbody tr").count();
    check(rows === sv.questions[i].check.expected.rows.length, `with the expected rows (${rows})`);
    await sql.screenshot({ path: shotPath.replace(/\.png$/, "-sql.png") });
  }

  check(network.length === 0, `no network request from the page${network.length ? " : " + network.join(", ") : ""}`);
  check(pageErrors.length === 0, `no script error${pageErrors.length ? " : " + pageErrors.join(" | ") : ""}`);

  await ex.screenshot({ path: shotPath });
  console.log(`# capture : ${shotPath}`);
} catch (e) {
  failure = e;
} finally {
  await browser.close();
}
if (failure) {
  console.error(`ÉCHEC du test navigateur : ${failure.message}`);
  console.log(`${passed} passed, 1 failed`);
  process.exit(1);
}
console.log(`${passed} passed, 0 failed`);
