// Every case of tests/data/answer_spellings.toml (shared with tests/spellings.rs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientele, loadToml } from "./helpers.mjs";

const { parseAnswer, Dec } = clientele;
const cases = loadToml("tests/data/answer_spellings.toml").case;

test("the shared table is big enough", () => {
  assert.ok(cases.length >= 45, `${cases.length} cases`);
});

for (const c of cases) {
  test(`parseAnswer(${JSON.stringify(c.input)})`, () => {
    const got = parseAnswer(c.input);
    if (c.error !== undefined) {
      assert.equal(got.ok, false, `expected error ${c.error}, got value ${got.ok && Dec.toString(got.value)}`);
      assert.equal(got.code, c.error);
      assert.ok(typeof got.message === "string" && got.message.length > 10, "a French message");
    } else {
      assert.equal(got.ok, true, `expected ${c.value}, got error ${got.code}: ${got.message}`);
      assert.equal(Dec.cmp(got.value, Dec.fromString(c.value)), 0, `value ${Dec.toString(got.value)} ≠ ${c.value}`);
      assert.equal(got.unit, c.unit ?? null);
    }
  });
}

// The messages of parse.rs, word for word where its own tests pin them.
test("reading messages are the Rust ones", () => {
  assert.match(parseAnswer("12a").message, /«\u00A0a\u00A0»/);
  const amb = parseAnswer("12,34,5").message;
  assert.ok(amb.startsWith("Écriture ambiguë\u00A0: "), amb);
  assert.ok(amb.includes("virgules sont ambiguës") && amb.includes("1234,5"), amb);
  assert.match(parseAnswer("1,2.3").message, /la virgule et le point/);
  assert.match(parseAnswer("1\t2").message, /U\+0009/);
  assert.ok(parseAnswer("").message.startsWith("Réponse vide"));
  assert.match(parseAnswer("1e5").message, /notation scientifique/);
  assert.equal(
    parseAnswer("abc").message,
    "Réponse illisible\u00A0: caractère inattendu «\u00A0a\u00A0». Une réponse ne contient que des chiffres, " +
      "une virgule pour les décimales, des espaces entre les milliers et éventuellement une unité (€, %, jours), " +
      "par exemple 1\u202F234,56\u00A0€."
  );
});

test("scale is kept and -0 is 0", () => {
  assert.equal(Dec.toString(parseAnswer("12,50").value), "12.50");
  assert.equal(Dec.toString(parseAnswer("-0,00").value), "0.00");
});

test("never throws on odd input", () => {
  const odd = ["\u0000", "\uD800", "😀", "1\u{1F600}2", "€".repeat(200), "9".repeat(10000), "-−+", "1,,2", "e", "1e", "1e+", "j", "%%", null, undefined, 12];
  for (const s of odd) {
    const got = parseAnswer(s);
    assert.equal(typeof got.ok, "boolean");
  }
  // Random strings over the answer alphabet.
  const alphabet = ["-", "+", "\u2212", "€", "%", "j", "J", "e", "E", "0", "1", "5", "9", ",", ".", " ", "\u00A0", "\u202F", "\u2009", "u", "r", "o", "s"];
  let seed = 42;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const len = rnd(20);
    for (let k = 0; k < len; k++) s += alphabet[rnd(alphabet.length)];
    const got = parseAnswer(s);
    if (got.ok) assert.ok(Dec.toString(got.value).length > 0);
    else assert.ok(got.message.length > 0 && got.code.length > 0);
  }
});
