// Shared helpers of the JavaScript tests: the repository paths, the shared TOML
// tables, the Rust CLI (to generate instances and to mark answers), and the
// conversion of a generated instance to a VARIANT of the book's data contract.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
/** The module under test. */
export const clientele = require(join(ROOT, "book", "assets", "clientele.js"));

export function loadToml(relative) {
  return parseToml(readFileSync(join(ROOT, relative), "utf8"));
}

let binary = null;
/** Path of the release binary, built once if needed (or $CLIENTELE_BIN). */
export function clienteleBin() {
  if (binary) return binary;
  if (process.env.CLIENTELE_BIN) return (binary = process.env.CLIENTELE_BIN);
  execFileSync("cargo", ["build", "--release", "--locked", "-q"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  binary = join(ROOT, "target", "release", "clientele");
  if (!existsSync(binary)) throw new Error(`binaire introuvable : ${binary}`);
  return binary;
}

export function cli(args) {
  return execFileSync(clienteleBin(), args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
}

/** Ids of every exercise type. */
export function exerciseIds() {
  return JSON.parse(cli(["list", "--format", "json"])).map((e) => e.id);
}

/** One instance as the CLI prints it in JSON. */
export function generate(id, seed) {
  return JSON.parse(cli(["generate", id, "--seed", String(seed), "--format", "json"]));
}

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** An instance of the CLI's JSON as a VARIANT of the book's data contract. */
export function toVariant(inst, markdown = (s) => s) {
  const params = {};
  for (const [k, v] of Object.entries(inst.params || {})) if (typeof v === "string" && DECIMAL.test(v)) params[k] = v;
  return {
    code: inst.code,
    seed: inst.seed,
    params,
    statement_html: markdown(inst.statement),
    solution_html: markdown(inst.solution),
    questions: inst.questions.map((q) => ({
      key: q.key,
      label: q.label,
      prompt_html: markdown(q.prompt),
      unit: q.unit,
      answer: q.answer,
      tolerance: q.tolerance,
      ...(q.accepted ? { accepted: q.accepted.map((m) => ({ answer: m.answer, note: m.note, message: m.message })) } : {}),
      points: q.points,
      formula: q.formula ?? null,
      mistakes: q.mistakes.map((m) => ({ answer: m.answer, note: m.note, message: m.message })),
      step_html: markdown(q.step),
      // SQL queries and schemas (sql/… types), as the book embeds them: without the
      // classic wrong queries, which only the Rust corrector runs.
      ...(q.check ? { check: (({ variants, ...c }) => c)(q.check) } : {}),
    })),
  };
}

/** A TOML basic string (every control character escaped). */
function tomlString(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c < 0x20 || c === 0x7f) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

let scratch = null;
/** The Rust corrector's JSON report for these answers (key → text typed). */
export function rustCorrect(code, answers) {
  scratch ??= mkdtempSync(join(tmpdir(), "clientele-js-"));
  const file = join(scratch, "reponses.toml");
  const text = Object.entries(answers)
    .map(([k, v]) => `${k} = ${tomlString(v)}\n`)
    .join("");
  writeFileSync(file, text);
  return JSON.parse(cli(["correct", code, "--answers", file, "--format", "json"]));
}

/** The JS report in the shape of the Rust JSON report, for comparison. */
export function jsReportAsRust(report) {
  const D = clientele.Dec;
  return {
    code: report.code,
    results: report.results.map((r) => ({
      key: r.key,
      verdict: r.verdict,
      typed: r.typed,
      value: r.value === null ? null : D.toString(r.value),
      points: D.toString(r.points),
      max_points: D.toString(r.maxPoints),
      message: r.message,
      diagnosis: r.diagnosis,
    })),
    score: D.toString(report.score),
    total: D.toString(report.total),
  };
}

// ---------------------------------------------------------------- minimal Markdown

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inline(s) {
  return escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Paragraphs, lists, tables, headings: enough for a test page. */
export function markdown(text) {
  if (!text) return "";
  const out = [];
  for (const block of text.trim().split(/\n\s*\n/)) {
    const lines = block.split("\n");
    if (lines.every((l) => l.trim().startsWith("|"))) {
      const rows = lines.filter((l) => !/^\s*\|?\s*:?-{2,}/.test(l));
      const cells = (l) => l.trim().replace(/^\||\|$/g, "").split("|").map((c) => inline(c.trim()));
      const [head, ...body] = rows;
      out.push(
        "<table><thead><tr>" +
          cells(head).map((c) => `<th>${c}</th>`).join("") +
          "</tr></thead><tbody>" +
          body.map((r) => "<tr>" + cells(r).map((c) => `<td>${c}</td>`).join("") + "</tr>").join("") +
          "</tbody></table>"
      );
    } else if (lines.every((l) => /^\s*[-*] /.test(l))) {
      out.push("<ul>" + lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ""))}</li>`).join("") + "</ul>");
    } else if (/^#{1,6} /.test(lines[0]) && lines.length === 1) {
      const level = Math.min(6, lines[0].match(/^#+/)[0].length + 2);
      out.push(`<h${level}>${inline(lines[0].replace(/^#+ /, ""))}</h${level}>`);
    } else {
      out.push(`<p>${inline(lines.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

/**
 * Many requests to the Rust side at once (`clientele lot`, one JSON line each way):
 * `{expr, vars}` → `{value}` | `{error}`, `{code, answers}` → the `correct` report.
 */
export function rustBatch(requests) {
  const input = requests.map((r) => JSON.stringify(r)).join("\n") + "\n";
  const out = execFileSync(clienteleBin(), ["lot"], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 1 << 30 });
  const lines = out.split("\n").filter((l) => l.length > 0);
  if (lines.length !== requests.length) throw new Error(`${lines.length} réponses pour ${requests.length} requêtes`);
  return lines.map((l) => JSON.parse(l));
}

/** A small seeded generator (mulberry32), so that a failing case can be replayed. */
export function seeded(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
