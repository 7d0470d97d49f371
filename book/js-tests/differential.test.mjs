// The expression language, Rust against the browser, on random expressions: every
// value must agree to the last digit (both ports run the same operations, see
// src/num/math.rs) and every error on its code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientele, rustBatch, seeded } from "./helpers.mjs";

const { evalExpr, Dec } = clientele;
const COUNT = 12000;

/** A random expression over `a`, `b`, `c`, leaning on roots, logarithms and powers. */
function randomExpr(rnd, depth) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const number = () => {
    const digits = 1 + Math.floor(rnd() * 9);
    let s = String(Math.floor(rnd() * 10 ** digits));
    if (rnd() < 0.7) s += "." + String(Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 6)))).padStart(1, "0");
    return s;
  };
  if (depth <= 0 || rnd() < 0.25) return rnd() < 0.4 ? pick(["a", "b", "c"]) : number();
  const sub = () => randomExpr(rnd, depth - 1);
  switch (pick(["op", "op", "sqrt", "ln", "exp", "pow", "frac", "round", "neg", "rang"])) {
    case "rang":
      return `rang(${pick(["1", "2", "3", "4", "a / 250", "2.0"])}, ${sub()}, ${sub()}, ${sub()})`;
    case "op":
      return `(${sub()} ${pick(["+", "-", "*", "/"])} ${sub()})`;
    case "sqrt":
      return `sqrt(${sub()})`;
    case "ln":
      return `ln(${sub()})`;
    case "exp":
      return `exp(${pick(["", "-"])}${number().slice(0, 4)} * ${sub()} / 1000)`;
    case "pow":
      return `(${sub()})^${pick(["2", "3", "-1", "12", "0.5", "(1/12)", "(1/3)", "1.5", "-0.25"])}`;
    case "frac":
      return `(1 + ${sub()} / 100)^(${sub()} / 7)`;
    case "round":
      return `arrondi(${sub()}, ${Math.floor(rnd() * 11)})`;
    default:
      return `-${sub()}`;
  }
}

test(`${COUNT} random expressions: same value to the last digit, same error code`, () => {
  const rnd = seeded(20261206);
  const cases = [];
  for (let i = 0; i < COUNT; i++) {
    const vars = {
      a: (rnd() * 1000).toFixed(2),
      b: (rnd() * 50).toFixed(4),
      c: (rnd() * 3 + 0.001).toFixed(6),
    };
    cases.push({ expr: randomExpr(rnd, 1 + Math.floor(rnd() * 4)), vars });
  }
  const rust = rustBatch(cases);
  let values = 0;
  let sameDigits = 0;
  let transcendental = 0;
  cases.forEach((c, i) => {
    const vars = Object.fromEntries(Object.entries(c.vars).map(([k, v]) => [k, Dec.fromString(v)]));
    const js = evalExpr(c.expr, vars);
    const r = rust[i];
    if (r.value !== undefined) {
      assert.equal(js.ok, true, `${c.expr} ${JSON.stringify(c.vars)}: Rust ${r.value}, JS ${js.code}`);
      // Numerically equal to the last digit (a zero's scale may differ: 0 against 0.00).
      assert.equal(Dec.cmp(js.value, Dec.fromString(r.value)), 0, `${c.expr} ${JSON.stringify(c.vars)}: JS ${Dec.toString(js.value)}, Rust ${r.value}`);
      if (Dec.toString(js.value) === r.value) sameDigits++;
      values++;
      if (/sqrt|ln|exp|\^\(|\^0\.5|\^1\.5|\^-0/.test(c.expr)) transcendental++;
    } else {
      assert.equal(js.ok, false, `${c.expr} ${JSON.stringify(c.vars)}: Rust ${r.error}, JS ${js.ok && Dec.toString(js.value)}`);
      assert.equal(js.code, r.error, c.expr);
    }
  });
  // Most cases must have a value, and most of those go through the new functions.
  assert.ok(values >= COUNT / 2, `${values} values`);
  assert.ok(sameDigits >= values * 0.99, `${sameDigits} of ${values} written alike`);
  console.log(`${values} values, ${sameDigits} alike, ${transcendental} transcendental`);
  assert.ok(transcendental >= 4000, `${transcendental} with roots, logarithms or fractional powers`);
});
