// Every case of tests/data/expr_cases.toml (shared with tests/expr_cases.rs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientele, loadToml } from "./helpers.mjs";

const { evalExpr, parseExpr, exprVariables, Dec } = clientele;
const cases = loadToml("tests/data/expr_cases.toml").case;
const CODES = ["syntaxe", "variable-inconnue", "fonction-inconnue", "arite", "division-par-zero", "depassement", "argument"];

test("the shared table is big enough", () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
});

cases.forEach((c, i) => {
  test(`case ${i + 1}: ${JSON.stringify(c.expr).slice(0, 60)}`, () => {
    const vars = {};
    for (const [k, v] of Object.entries(c.vars ?? {})) vars[k] = Dec.fromString(v);
    const got = evalExpr(c.expr, vars);
    if (c.error !== undefined) {
      assert.ok(CODES.includes(c.error), `unknown code ${c.error}`);
      assert.equal(got.ok, false, `expected ${c.error}, got ${got.ok && Dec.toString(got.value)}`);
      assert.equal(got.code, c.error, got.message);
    } else {
      assert.equal(got.ok, true, `expected ${c.value}, got ${got.code}: ${got.message}`);
      // Exact string comparison would fail on scale only; compare numerically.
      assert.equal(Dec.cmp(got.value, Dec.fromString(c.value)), 0, `${Dec.toString(got.value)} ≠ ${c.value}`);
    }
  });
});

test("limits of src/expr.rs", () => {
  const ev = (s) => evalExpr(s, {});
  assert.equal(Dec.toString(ev(`${"(".repeat(64)}1${")".repeat(64)}`).value), "1");
  assert.equal(ev(`${"(".repeat(65)}1${")".repeat(65)}`).code, "syntaxe");
  assert.equal(ev(`${"-".repeat(1999)}1`).code, "syntaxe");
  assert.equal(ev(`${"abs(".repeat(400)}1${")".repeat(400)}`).code, "syntaxe");
  assert.equal(Dec.toString(ev(Array(1000).fill("1").join("+")).value), "1000");
  assert.equal(ev("1+".repeat(1000) + "1").code, "syntaxe");
  assert.equal(ev("0.00000000000000000000000000001").code, "syntaxe");
  assert.equal(Dec.cmp(ev("000000000000000000000000000000001.5").value, Dec.fromString("1.5")), 0);
  assert.equal(ev("arrondi(1, 11)").message.startsWith("argument invalide : le nombre de décimales"), true);
  assert.equal(ev("1/0").message, "division par zéro");
  assert.equal(ev("prix").message, "variable inconnue : « prix »");
  assert.equal(Dec.toString(ev("1/3").value), "0.3333333333333333333333333333");
  assert.equal(Dec.toString(ev("arrondi2(1.5)").value), "1.5", "rounding never adds decimals");
});

test("variables are collected sorted, without function names", () => {
  assert.deepEqual(exprVariables(parseExpr("arrondi2(b * (1 - taux/100)) + min(a, b) + a")), ["a", "b", "taux"]);
});

test("a function lookup works too", () => {
  const got = evalExpr("x * 2", (n) => (n === "x" ? Dec.fromString("1.5") : undefined));
  assert.equal(Dec.cmp(got.value, Dec.fromString("3")), 0);
});
