// The book's grader against `clientele correct`, over every type, on answer patterns a
// class produces (issue #17): right answers, each named mistake, a wrong step with every
// later step computed from it, values at the edge of the tolerance, and units or the
// question's words around the number. Every report must agree field by field.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cli, clientele, exerciseIds, jsReportAsRust, rustBatch, toVariant } from "./helpers.mjs";

const { correct, Dec, formatExpected, evalExpr } = clientele;
const SEEDS_PER_TYPE = 14;

const plain = (d) => Dec.toString(d).replace(".", ",");
const numeric = (q) => !q.check;

function variants() {
  return exerciseIds().flatMap((id) => {
    const out = JSON.parse(cli(["generate", id, "--seed", "1", "--count", String(SEEDS_PER_TYPE), "--format", "json"]));
    return (Array.isArray(out) ? out : [out]).map((i) => toVariant(i));
  });
}

function rightAnswers(v) {
  return Object.fromEntries(v.questions.filter(numeric).map((q) => [q.key, formatExpected(Dec.fromString(q.answer), q.unit)]));
}

/** Every answer pattern of one variant, each tagged with its pattern's name. */
function patterns(v) {
  const out = [];
  const qs = v.questions.filter(numeric);
  out.push(["right", rightAnswers(v)]);
  const words = { euros: " € HT", "%": " pour cent", jours: " jours de CA", nombre: " clients", coefficient: "" };
  out.push(["words", Object.fromEntries(qs.map((q) => [q.key, plain(Dec.fromString(q.answer)) + (words[q.unit] ?? "")]))]);
  qs.forEach((q, k) => {
    for (const m of q.mistakes) {
      const a = rightAnswers(v);
      a[q.key] = plain(Dec.fromString(m.answer));
      out.push(["mistake", a]);
    }
    const tol = Dec.fromString(q.tolerance);
    for (const sign of [1, -1]) {
      const a = rightAnswers(v);
      const edge = sign > 0 ? Dec.add(Dec.fromString(q.answer), tol) : Dec.sub(Dec.fromString(q.answer), tol);
      a[q.key] = plain(edge);
      out.push(["edge", a]);
    }
    // A wrong value at this step, every later step recomputed from the student's values.
    const env = {};
    for (const [name, value] of Object.entries(v.params)) env[name] = Dec.fromString(value);
    for (const x of v.questions) env[x.key] = Dec.fromString(x.answer);
    const one = Dec.fromString("1");
    const big = Dec.cmp(tol, one) > 0 ? tol : one;
    const wrong = Dec.add(Dec.add(Dec.fromString(q.answer), Dec.mul(Dec.fromString("7"), big)), one);
    env[q.key] = wrong;
    const a = { [q.key]: plain(wrong) };
    for (const later of qs.slice(k + 1)) {
      let value = Dec.fromString(later.answer);
      if (later.formula) {
        const r = evalExpr(later.formula, env);
        if (r.ok) value = r.value;
      }
      env[later.key] = value;
      a[later.key] = plain(value);
    }
    out.push(["chain", a]);
  });
  return out;
}

test("the book's grader and clientele correct agree on every pattern of every type", () => {
  const cases = variants().flatMap((v) => patterns(v).map(([pattern, answers]) => ({ v, pattern, answers })));
  const rust = rustBatch(cases.map((c) => ({ code: c.v.code, answers: c.answers })));
  const counts = {};
  const verdicts = {};
  cases.forEach((c, i) => {
    const r = rust[i];
    assert.equal(r.invalid, undefined, `${c.v.code}: ${r.invalid}`);
    const js = jsReportAsRust(correct(c.v, c.answers));
    assert.deepEqual(js.results, r.results, `${c.v.code} ${c.pattern} ${JSON.stringify(c.answers)}`);
    assert.equal(js.score, r.score, `${c.v.code} score`);
    counts[c.pattern] = (counts[c.pattern] ?? 0) + 1;
    for (const x of r.results) verdicts[x.verdict] = (verdicts[x.verdict] ?? 0) + 1;
  });
  console.log(`${cases.length} answer sets`, counts, verdicts);
  assert.ok(cases.length >= 10000, `${cases.length} cases`);
  for (const [p, n] of Object.entries(counts)) assert.ok(n >= 500, `${p}: ${n} cases`);
  assert.ok(verdicts["carried-forward"] >= 1000, "carried forward exercised");
});
