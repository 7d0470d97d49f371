/*
 * clientele.js — interactive exercises of the clientele book.
 *
 * Plain browser script (no build step, no dependency, no network access),
 * included by mdBook through `additional-js`. It reads the exercise data the
 * Rust build embeds in each `.clientele-exercice` element and marks answers
 * in the browser with a port of the Rust marking logic:
 *
 *   - parseAnswer : src/num/parse.rs (same grammar, error codes and messages)
 *   - Dec         : exact decimals with rust_decimal semantics (BigInt)
 *   - parseExpr / evalExpr : src/expr.rs (same language and error codes)
 *   - correct     : src/correct.rs (same verdicts, messages and diagnoses)
 *
 * The shared tables tests/data/answer_spellings.toml and
 * tests/data/expr_cases.toml are run against both ports (see book/js-tests/).
 * No eval, no new Function.
 */
(function (root) {
  "use strict";

  // ================================================================ decimals
  // A decimal is { m: BigInt mantissa (signed), s: scale 0..28 }, value m / 10^s,
  // as in rust_decimal: |m| < 2^96.

  var MAX_SCALE = 28;
  var MANTISSA_LIMIT = BigInt(2) ** BigInt(96); // exclusive
  var TEN = BigInt(10);
  var ZERO = BigInt(0);
  var ONE = BigInt(1);
  var TWO = BigInt(2);

  function pow10(n) {
    return TEN ** BigInt(n);
  }

  function babs(x) {
    return x < ZERO ? -x : x;
  }

  /** Overflow of the decimal format (`depassement`). */
  function OverflowError() {
    this.overflow = true;
  }

  function dec(m, s) {
    return { m: m, s: s };
  }

  /** Reads a plain decimal string ("-12.50", "3"), as in the data. Exact. */
  function decFromString(text) {
    var str = String(text).trim();
    var match = /^([+-]?)([0-9]+)(?:\.([0-9]+))?$/.exec(str);
    if (!match) throw new Error("nombre décimal invalide : " + JSON.stringify(text));
    var frac = match[3] || "";
    var m = BigInt(match[2] + frac);
    if (match[1] === "-") m = -m;
    return dec(m, frac.length);
  }

  /** rust_decimal's Display: the mantissa with its scale ("1.50", "-0.05"). */
  function decToString(d) {
    var neg = d.m < ZERO;
    var digits = babs(d.m).toString();
    if (d.s > 0) {
      while (digits.length <= d.s) digits = "0" + digits;
      digits = digits.slice(0, digits.length - d.s) + "." + digits.slice(digits.length - d.s);
    }
    return (neg ? "-" : "") + digits;
  }

  /** Both mantissas at the larger scale. */
  function align(a, b) {
    var s = Math.max(a.s, b.s);
    return [a.m * pow10(s - a.s), b.m * pow10(s - b.s), s];
  }

  function decCmp(a, b) {
    var x = align(a, b);
    return x[0] < x[1] ? -1 : x[0] > x[1] ? 1 : 0;
  }

  function decIsZero(a) {
    return a.m === ZERO;
  }

  /** Integer division of n by d (d > 0), rounded half to even. */
  function divHalfEven(n, d) {
    var q = n / d; // truncated toward zero
    var r = n - q * d;
    var twice = babs(r) * TWO;
    if (twice > d || (twice === d && q % TWO !== ZERO)) {
      q += n < ZERO ? -ONE : ONE;
    }
    return q;
  }

  /**
   * The decimal for the exact value m / 10^s (s >= 0, possibly above 28): exact
   * when it fits, otherwise rounded half to even keeping as many decimals
   * (at most 28) as the 96-bit mantissa allows. Throws OverflowError when even
   * the integer part does not fit.
   */
  function fit(m, s) {
    for (var sc = Math.min(s, MAX_SCALE); sc >= 0; sc--) {
      var r = sc === s ? m : divHalfEven(m, pow10(s - sc));
      if (babs(r) < MANTISSA_LIMIT) return dec(r, sc);
    }
    throw new OverflowError();
  }

  /** The exact fraction num / den (den != 0) fitted like `fit`. */
  function fitFraction(num, den, minScale) {
    if (den < ZERO) {
      num = -num;
      den = -den;
    }
    for (var sc = MAX_SCALE; sc >= 0; sc--) {
      var r = divHalfEven(num * pow10(sc), den);
      if (babs(r) < MANTISSA_LIMIT) {
        // Drop trailing zeros beyond the natural scale (1/4 gives 0.25).
        while (sc > minScale && r % TEN === ZERO) {
          r /= TEN;
          sc--;
        }
        return dec(r, sc);
      }
    }
    throw new OverflowError();
  }

  function decAdd(a, b) {
    var x = align(a, b);
    return fit(x[0] + x[1], x[2]);
  }

  function decSub(a, b) {
    var x = align(a, b);
    return fit(x[0] - x[1], x[2]);
  }

  function decMul(a, b) {
    // rust_decimal returns a plain 0 (scale 0) when an operand is zero.
    if (a.m === ZERO || b.m === ZERO) return dec(ZERO, 0);
    return fit(a.m * b.m, a.s + b.s);
  }

  /** Division; `b` must not be zero (the caller reports division-par-zero). */
  function decDiv(a, b) {
    // rust_decimal returns a plain 0 for a zero dividend, and strips every trailing
    // zero of a quotient that rounds to zero.
    if (a.m === ZERO) return dec(ZERO, 0);
    var q = fitFraction(a.m * pow10(b.s), b.m * pow10(a.s), Math.max(0, a.s - b.s));
    return q.m === ZERO ? dec(ZERO, 0) : q;
  }

  function decNeg(a) {
    return dec(-a.m, a.s);
  }

  function decAbs(a) {
    return dec(babs(a.m), a.s);
  }

  /** Exact sum, no rounding (points). */
  function addExact(a, b) {
    var x = align(a, b);
    return dec(x[0] + x[1], x[2]);
  }

  /** Exact difference |a - b| <= tol, with no rounding. */
  function within(a, b, tol) {
    var x = align(a, b);
    var diff = dec(babs(x[0] - x[1]), x[2]);
    return decCmp(diff, tol) <= 0;
  }

  /**
   * rust_decimal's round_dp_with_strategy: "away" rounds half away from zero,
   * "zero" truncates toward zero. Never increases the number of decimals.
   */
  function decRound(a, dp, mode) {
    if (a.s <= dp) return a;
    var div = pow10(a.s - dp);
    var q = a.m / div;
    var r = a.m - q * div;
    if (mode === "away" && babs(r) * TWO >= div) q += a.m < ZERO ? -ONE : ONE;
    return dec(q, dp);
  }

  function decIsInteger(a) {
    return a.m % pow10(a.s) === ZERO;
  }

  /** Integer value of an integral decimal, as a BigInt. */
  function decToBigInt(a) {
    return a.m / pow10(a.s);
  }

  // ---------------------------------------------------------------- French display

  var GROUP_SEPARATOR = "\u202F";
  var UNIT_SPACE = "\u00A0";

  /** Lays out an already rounded value ("AtMost": trailing zeros trimmed). */
  function layout(x, exactly) {
    var negative = x.m < ZERO;
    var digits = babs(x.m).toString();
    while (digits.length < x.s + 1) digits = "0" + digits;
    var intPart = digits.slice(0, digits.length - x.s);
    var frac = digits.slice(digits.length - x.s);
    if (exactly === undefined) {
      frac = frac.replace(/0+$/, "");
    } else {
      while (frac.length < exactly) frac += "0";
    }
    var head = intPart.length % 3 === 0 ? Math.min(3, intPart.length) : intPart.length % 3;
    var out = (negative ? "-" : "") + intPart.slice(0, head);
    for (var i = head; i < intPart.length; i += 3) out += GROUP_SEPARATOR + intPart.slice(i, i + 3);
    if (frac.length > 0) out += "," + frac;
    return out;
  }

  /** format::number: rounded half away from zero to at most maxDp decimals. */
  function formatNumber(x, maxDp) {
    return layout(decRound(x, maxDp, "away"));
  }

  /** format::euros: "1 234,50 €" (U+202F groups, U+00A0 before €). */
  function formatEuros(x) {
    return layout(decRound(x, 2, "away"), 2) + UNIT_SPACE + "€";
  }

  /** format::percent: "12,5 %". */
  function formatPercent(x) {
    return layout(decRound(x, 2, "away")) + UNIT_SPACE + "%";
  }

  /** The expected answer in French, by unit (as report.rs, rates to 4 decimals). */
  function formatExpected(value, unit) {
    switch (unit) {
      case "euros":
        return formatEuros(value);
      case "%":
        // Up to 4 decimals, not format::percent's 2: a rate such as 0,2167 % is
        // expected within 0,0001 and "0,22 %" would not be marked right.
        return formatNumber(value, 4) + UNIT_SPACE + "%";
      case "jours":
        return formatNumber(value, 0) + UNIT_SPACE + "jours";
      default:
        return formatNumber(value, 4);
    }
  }

  // ================================================================ answers (parse.rs)

  var MAX_DIGITS = 30;
  var MAX_CHARS = 100;

  var MSG_EMPTY = "Réponse vide\u00A0: saisissez un nombre, par exemple 1\u202F234,56.";
  var MSG_TOO_LONG =
    "Réponse trop longue\u00A0: un nombre de plus de " +
    MAX_DIGITS +
    " chiffres (ou une saisie de plus de " +
    MAX_CHARS +
    " caractères) ne peut pas être lu. Vérifiez votre saisie.";
  var MSG_EXPONENT =
    "La notation scientifique (1e5) n'est pas acceptée\u00A0: écrivez le nombre en entier.";
  var MSG_OUT_OF_RANGE =
    "Nombre hors limites\u00A0: il est trop grand ou a trop de décimales (28 au plus) pour être calculé. Vérifiez votre saisie.";

  /** A reading error: `code` as ParseError::code, `message` as its Display. */
  function ParseError(code, message) {
    this.code = code;
    this.message = message;
  }

  function invalid(detail) {
    return new ParseError("illisible", "Réponse illisible\u00A0: " + detail);
  }

  function ambiguous(detail) {
    return new ParseError("ambigu", "Écriture ambiguë\u00A0: " + detail);
  }

  // Rust's char::is_whitespace (Unicode White_Space), used by trim.
  var RUST_WS = /^[\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$/;
  function isWhitespace(c) {
    return RUST_WS.test(c);
  }
  function isControl(c) {
    return /^[\u0000-\u001F\u007F-\u009F]$/.test(c);
  }
  var ALPHA = /^\p{Alphabetic}$/u;
  function isAlphabetic(c) {
    return c !== undefined && ALPHA.test(c);
  }
  function isDigit(c) {
    return c !== undefined && c >= "0" && c <= "9" && c.length === 1;
  }
  function isSpace(c) {
    return c === " " || c === "\u00A0" || c === "\u202F" || c === "\u2009" || c === "'" || c === "\u2019";
  }

  /** Rust's str::trim (Unicode White_Space, unlike String.prototype.trim). */
  function rustTrim(text) {
    var chars = Array.from(text);
    return trimChars(chars).join("");
  }

  function trimChars(chars) {
    var a = 0;
    var b = chars.length;
    while (a < b && isWhitespace(chars[a])) a++;
    while (b > a && isWhitespace(chars[b - 1])) b--;
    return chars.slice(a, b);
  }

  function quote(text) {
    return "«\u00A0" + text + "\u00A0»";
  }

  function describeChar(c) {
    if (isControl(c) || isWhitespace(c) || c === "\uFEFF") {
      var hex = c.codePointAt(0).toString(16).toUpperCase();
      while (hex.length < 4) hex = "0" + hex;
      return "U+" + hex;
    }
    return quote(c);
  }

  function asciiLower(c) {
    return c.length === 1 && c >= "A" && c <= "Z" ? c.toLowerCase() : c;
  }

  function eqIgnoreCase(chars, word) {
    var w = Array.from(word);
    if (chars.length !== w.length) return false;
    for (var i = 0; i < w.length; i++) if (asciiLower(chars[i]) !== w[i]) return false;
    return true;
  }

  var SUFFIXES = [
    ["euros", "euros"],
    ["jours", "days"],
    ["euro", "euros"],
    ["jour", "days"],
    ["eur", "euros"],
    ["€", "euros"],
    ["%", "percent"],
    ["j", "days"],
  ];
  var PREFIXES = [
    ["eur", "euros"],
    ["€", "euros"],
  ];

  // Port of parse.rs strip_words: units in words after the number, the words of the
  // question (dropped), and the words that would change the value (refused).
  var WORD_UNITS = [
    ["pour cent", "%", "percent"],
    ["pourcent", "%", "percent"],
    ["€uros", "€", "euros"],
    ["€uro", "€", "euros"],
    ["euros", "€", "euros"],
    ["euro", "€", "euros"],
    ["eur", "€", "euros"],
    ["€", "€", "euros"],
    ["%", "%", "percent"],
    ["jours", "j", "days"],
    ["jour", "j", "days"],
    ["j", "j", "days"],
    ["années", null, "years"],
    ["année", null, "years"],
    ["ans", null, "years"],
    ["an", null, "years"],
  ];
  var SCALE_WORDS = ["mille", "millier", "milliers", "million", "millions", "milliard", "milliards", "k", "m", "md", "centime", "centimes", "ct", "cts"];
  var KNOWN_UNITS = ["euros", "euro", "eur", "€", "%", "jours", "jour", "j"];

  function rustTrimStart(text) {
    var chars = Array.from(text);
    var i = 0;
    while (i < chars.length && isWhitespace(chars[i])) i++;
    return chars.slice(i).join("");
  }

  function rustTrimEnd(text) {
    var chars = Array.from(text);
    var j = chars.length;
    while (j > 0 && isWhitespace(chars[j - 1])) j--;
    return chars.slice(0, j).join("");
  }

  function stripWords(trimmed) {
    var unchanged = { text: trimmed, unit: null };
    var last = -1;
    for (var i = 0; i < trimmed.length; i++) if (isDigit(trimmed[i])) last = i;
    if (last < 0) return unchanged;
    var number = trimmed.slice(0, last + 1);
    var tail = trimmed.slice(last + 1);
    if (!Array.from(tail).some(isAlphabetic)) return unchanged;
    var spaced = tail.length > 0 && isWhitespace(Array.from(tail)[0]);
    tail = rustTrimStart(tail);
    var lower = tail.toLowerCase();
    var rest = lower;
    var symbol = null;
    var unit = null;
    var startsAlpha = function (t) {
      return t.length > 0 && isAlphabetic(Array.from(t)[0]);
    };
    if (lower.startsWith("mois") && !startsAlpha(lower.slice(4))) {
      rest = lower.slice(4);
      unit = "months";
    }
    if (unit === null) {
      for (var k = 0; k < WORD_UNITS.length; k++) {
        var word = WORD_UNITS[k][0];
        if (lower.startsWith(word)) {
          var m = lower.slice(word.length);
          var symbolUnit = !startsAlpha(word);
          if (symbolUnit || !startsAlpha(m)) {
            rest = m;
            symbol = WORD_UNITS[k][1];
            unit = WORD_UNITS[k][2];
            break;
          }
        }
      }
    }
    if (unit === null && !spaced) return unchanged;
    var ok = Array.from(rest).every(function (c) {
      return isAlphabetic(c) || isWhitespace(c) || c === "'" || c === "\u2019" || c === "-" || c === ".";
    });
    if (!ok) return unchanged;
    var words = [];
    var current = "";
    Array.from(rest).forEach(function (c) {
      if (isAlphabetic(c)) {
        current += c;
      } else {
        if (current) words.push(current);
        current = "";
      }
    });
    if (current) words.push(current);
    if (unit === null && words.length > 0 && (words[0].startsWith("eur") || words[0].startsWith("jour"))) return unchanged;
    for (var w = 0; w < words.length; w++) {
      if (SCALE_WORDS.indexOf(words[w]) >= 0) {
        throw invalid(
          "le mot " +
            quote(words[w]) +
            " change la valeur du nombre. Écrivez le nombre en entier, par exemple 12\u202F000\u00A0€ plutôt que 12 milliers d'euros."
        );
      }
    }
    if (words.length === 0 && KNOWN_UNITS.indexOf(rustTrimEnd(lower)) >= 0) return unchanged;
    number = rustTrimEnd(number);
    return symbol !== null ? { text: number + symbol, unit: null } : { text: number, unit: unit };
  }

  function splitUnit(chars, original) {
    var prefix = null;
    var body = chars;
    var i, n;
    for (i = 0; i < PREFIXES.length; i++) {
      n = Array.from(PREFIXES[i][0]).length;
      if (chars.length >= n && eqIgnoreCase(chars.slice(0, n), PREFIXES[i][0]) && !isAlphabetic(chars[n])) {
        prefix = PREFIXES[i][1];
        body = chars.slice(n);
        break;
      }
    }
    var suffix = null;
    for (i = 0; i < SUFFIXES.length; i++) {
      n = Array.from(SUFFIXES[i][0]).length;
      if (
        body.length >= n &&
        eqIgnoreCase(body.slice(body.length - n), SUFFIXES[i][0]) &&
        !(body.length > n && isAlphabetic(body[body.length - n - 1]))
      ) {
        suffix = SUFFIXES[i][1];
        body = body.slice(0, body.length - n);
        break;
      }
    }
    if (prefix && suffix) {
      throw invalid(
        "l'unité est écrite deux fois dans " +
          quote(original) +
          ". Écrivez-la une seule fois, après le nombre, par exemple 42\u00A0€."
      );
    }
    return { unit: prefix || suffix, body: body };
  }

  function checkCharacters(rest) {
    for (var i = 0; i < rest.length; i++) {
      var c = rest[i];
      if (isDigit(c) || c === "," || c === "." || isSpace(c)) continue;
      if (c === "e" || c === "E") {
        var digitBefore = i > 0 && isDigit(rest[i - 1]);
        var next = rest[i + 1];
        var digitAfter = isDigit(next) || ((next === "+" || next === "-" || next === "\u2212") && isDigit(rest[i + 2]));
        if (digitBefore && digitAfter) throw new ParseError("exposant", MSG_EXPONENT);
      }
      var detail;
      if (c === "+" || c === "-" || c === "\u2212") {
        detail =
          "le signe " + describeChar(c) + " n'est permis qu'une fois, tout au début du nombre (par exemple -12,5).";
      } else if (c === "€" || c === "%") {
        detail =
          "le symbole " +
          describeChar(c) +
          " doit être écrit au bout du nombre, une seule fois (par exemple 42\u00A0€ ou 12,5\u00A0%).";
      } else {
        detail =
          "caractère inattendu " +
          describeChar(c) +
          ". Une réponse ne contient que des chiffres, une virgule pour les décimales, des espaces entre les milliers et éventuellement une unité (€, %, jours), par exemple 1\u202F234,56\u00A0€.";
      }
      throw invalid(detail);
    }
  }

  function sepKind(c) {
    return c === "," ? "comma" : c === "." ? "point" : "space";
  }

  function readInteger(intPart, mixed, original) {
    var groups = [0];
    var kind = null;
    var digits = "";
    var i = 0;
    while (i < intPart.length) {
      var c = intPart[i];
      if (isDigit(c)) {
        digits += c;
        groups[groups.length - 1] += 1;
        i++;
        continue;
      }
      var sep = sepKind(c);
      if (sep === "space") {
        while (i + 1 < intPart.length && isSpace(intPart[i + 1])) i++;
      }
      if (kind === null) {
        kind = sep;
      } else if (kind !== sep) {
        throw ambiguous(
          quote(original) +
            " sépare les milliers de deux façons différentes. Choisissez-en une, par exemple 1\u202F234\u202F567,89."
        );
      }
      groups.push(0);
      i++;
    }
    if (kind !== null) {
      var firstOk = groups[0] >= 1 && groups[0] <= 3;
      var othersOk = groups.slice(1).every(function (g) {
        return g === 3;
      });
      if (!(firstOk && othersOk)) {
        var q = quote(original);
        var detail;
        if (kind === "space") {
          detail =
            "dans " +
            q +
            ", les espaces ne peuvent séparer que des groupes de 3 chiffres (1\u202F234\u202F567). Écrivez par exemple 1234,5 ou 1\u202F234,5.";
        } else if (mixed) {
          detail =
            "dans " +
            q +
            ", la virgule et le point sont ambigus\u00A0: quand les deux apparaissent, le dernier marque les décimales et l'autre sépare les milliers par groupes de 3 chiffres (1.234,56 ou 1,234.56), ce qui n'est pas le cas ici. Écrivez par exemple 1\u202F234,56.";
        } else if (kind === "comma") {
          detail =
            "dans " +
            q +
            ", les virgules sont ambiguës\u00A0: plusieurs virgules ne peuvent que séparer les milliers, par groupes de 3 chiffres (1,234,567), ce qui n'est pas le cas ici. Utilisez une seule virgule, pour les décimales, par exemple 1234,5 ou 1\u202F234,5.";
        } else {
          detail =
            "dans " +
            q +
            ", les points sont ambigus\u00A0: plusieurs points ne peuvent que séparer les milliers, par groupes de 3 chiffres (1.234.567), ce qui n'est pas le cas ici. Utilisez une seule virgule, pour les décimales, par exemple 1234,5 ou 1\u202F234,5.";
        }
        throw ambiguous(detail);
      }
    }
    return digits;
  }

  function readNumber(rest, original) {
    var commas = 0;
    var points = 0;
    var i;
    for (i = 0; i < rest.length; i++) {
      if (rest[i] === ",") commas++;
      else if (rest[i] === ".") points++;
    }
    var decimalAt = null;
    if (commas > 0 && points > 0) {
      var pos = 0;
      for (i = rest.length - 1; i >= 0; i--) {
        if (rest[i] === "," || rest[i] === ".") {
          pos = i;
          break;
        }
      }
      var d = rest[pos];
      var count = d === "," ? commas : points;
      if (count > 1) {
        throw ambiguous(
          quote(original) +
            " mélange virgules et points, et le dernier séparateur " +
            quote(d) +
            " (celui des décimales) apparaît plusieurs fois. Utilisez un seul séparateur décimal, par exemple 1\u202F234,56."
        );
      }
      decimalAt = pos;
    } else if (commas + points === 1) {
      for (i = 0; i < rest.length; i++) {
        if (rest[i] === "," || rest[i] === ".") {
          decimalAt = i;
          break;
        }
      }
    }
    var intPart = decimalAt === null ? rest : rest.slice(0, decimalAt);
    var fracPart = decimalAt === null ? [] : rest.slice(decimalAt + 1);
    for (i = 0; i < fracPart.length; i++) {
      var c = fracPart[i];
      if (!isDigit(c)) {
        if (isSpace(c)) {
          throw invalid(
            quote(original) +
              " contient un espace dans la partie décimale. Les décimales s'écrivent sans espace, par exemple 1\u202F234,5678."
          );
        }
        throw invalid(
          quote(original) + " contient un séparateur " + quote(c) + " après les décimales. Écrivez par exemple 1\u202F234,56."
        );
      }
    }
    var intDigits = readInteger(intPart, commas > 0 && points > 0, original);
    if (intDigits.length === 0 && fracPart.length === 0) {
      throw invalid(quote(original) + " ne contient aucun chiffre. Écrivez par exemple 0,5.");
    }
    // Decimal::from_str_exact: at most 28 decimals, mantissa below 2^96.
    var frac = fracPart.join("");
    if (frac.length > MAX_SCALE) throw new ParseError("hors-limites", MSG_OUT_OF_RANGE);
    var m = BigInt((intDigits || "0") + frac);
    if (m >= MANTISSA_LIMIT) throw new ParseError("hors-limites", MSG_OUT_OF_RANGE);
    return dec(m, frac.length);
  }

  /**
   * Reads an answer as a French student types it (port of parse_answer).
   * Returns { ok: true, value: Decimal, unit: null | "euros" | "percent" | "days" }
   * or { ok: false, code, message }. Never throws.
   */
  function parseAnswer(input) {
    try {
      return parseAnswerOrThrow(String(input));
    } catch (e) {
      if (e instanceof ParseError) return { ok: false, code: e.code, message: e.message };
      return { ok: false, code: "illisible", message: "Réponse illisible\u00A0: " + String(e && e.message) };
    }
  }

  function parseAnswerOrThrow(input) {
    var trimmed = rustTrim(input);
    if (trimmed.length === 0) throw new ParseError("vide", MSG_EMPTY);
    var chars = Array.from(trimmed);
    var digitCount = 0;
    for (var i = 0; i < chars.length; i++) if (isDigit(chars[i])) digitCount++;
    if (digitCount > MAX_DIGITS || chars.length > MAX_CHARS) throw new ParseError("trop-long", MSG_TOO_LONG);
    var stripped = stripWords(trimmed);
    var split = splitUnit(Array.from(stripped.text), trimmed);
    if (!split.unit) split.unit = stripped.unit;
    var body = trimChars(split.body);
    if (body.length === 0) {
      throw invalid(
        "il manque le nombre dans " +
          quote(trimmed) +
          ". Écrivez par exemple 12,5\u00A0%, 1\u202F234,56\u00A0€ ou 30\u00A0jours."
      );
    }
    var negative = false;
    var rest = body;
    if (body[0] === "+") {
      rest = body.slice(1);
    } else if (body[0] === "-" || body[0] === "\u2212") {
      negative = true;
      rest = body.slice(1);
    }
    rest = trimChars(rest);
    if (rest.length === 0) {
      throw invalid("il manque le nombre après le signe " + describeChar(body[0]) + ". Écrivez par exemple -12,5.");
    }
    checkCharacters(rest);
    var value = readNumber(rest, trimmed);
    if (negative) value = decNeg(value);
    return { ok: true, value: value, unit: split.unit };
  }

  // ================================================================ expressions (expr.rs)

  var MAX_SOURCE_LEN = 2000;
  var MAX_DEPTH = 64;
  var MAX_EXPONENT = 1000;
  var MAX_ROUND_DP = 10;
  var MAX_LITERAL_DIGITS = 28;

  /** An expression error: `code` as ExprError::code, `message` in French. */
  function ExprError(code, message, pos) {
    this.code = code;
    this.message = message;
    if (pos !== undefined) this.pos = pos;
  }

  function syntax(pos, msg) {
    return new ExprError("syntaxe", "erreur de syntaxe à la position " + pos + " : " + msg, pos);
  }

  var ARITY = {
    arrondi2: [1, "1"],
    tronque2: [1, "1"],
    abs: [1, "1"],
    si_positif: [1, "1"],
    arrondi_sup: [1, "1"],
    sqrt: [1, "1"],
    ln: [1, "1"],
    exp: [1, "1"],
    arrondi: [2, "2"],
    tronque: [2, "2"],
    min: [-2, "au moins 2"],
    rang: [-2, "au moins 2"],
    max: [-2, "au moins 2"],
  };

  function arityOk(name, got) {
    var a = ARITY[name][0];
    return a < 0 ? got >= -a : got === a;
  }

  function describeToken(t) {
    if (t.kind === "num") return "« " + decToString(t.value) + " »";
    if (t.kind === "ident") return "« " + t.name + " »";
    return "« " + t.kind + " »";
  }

  function isLower(c) {
    return c >= "a" && c <= "z";
  }

  function lex(src) {
    var tokens = [];
    var i = 0;
    while (i < src.length) {
      var c = src[i];
      var start = i;
      if (c === " " || c === "\t" || c === "\n" || c === "\r") {
        i++;
        continue;
      }
      if ("+-*/^(),".indexOf(c) >= 0) {
        tokens.push({ kind: c, pos: start });
        i++;
        continue;
      }
      if (isDigit(c)) {
        var r = lexNumber(src, i);
        tokens.push({ kind: "num", value: r.value, pos: start });
        i = r.next;
        continue;
      }
      if (isLower(c) || c === "_") {
        while (i < src.length && (isLower(src[i]) || isDigit(src[i]) || src[i] === "_")) i++;
        tokens.push({ kind: "ident", name: src.slice(start, i), pos: start });
        continue;
      }
      var ch = String.fromCodePoint(src.codePointAt(start));
      throw syntax(start, "caractère inattendu « " + ch + " »");
    }
    return tokens;
  }

  function lexNumber(src, start) {
    var i = start;
    while (i < src.length && isDigit(src[i])) i++;
    var intEnd = i;
    var fracStart = i;
    if (i < src.length && src[i] === ".") {
      i++;
      fracStart = i;
      while (i < src.length && isDigit(src[i])) i++;
      if (i === fracStart) throw syntax(fracStart, "chiffre attendu après le point décimal");
    }
    var intDigits = src.slice(start, intEnd);
    var fracDigits = src.slice(fracStart, i);
    var tooLong = syntax(
      start,
      "nombre trop long (" + MAX_LITERAL_DIGITS + " chiffres significatifs ou décimales au maximum)"
    );
    if (fracDigits.length > MAX_LITERAL_DIGITS) throw tooLong;
    var significant = (intDigits + fracDigits).replace(/^0+/, "");
    if (significant.length > MAX_LITERAL_DIGITS) throw tooLong;
    return { value: dec(BigInt("0" + significant), fracDigits.length), next: i };
  }

  function Parser(tokens, end) {
    this.tokens = tokens;
    this.idx = 0;
    this.depth = 0;
    this.end = end;
  }

  Parser.prototype.peek = function () {
    return this.idx < this.tokens.length ? this.tokens[this.idx] : null;
  };
  Parser.prototype.peekKind = function () {
    var t = this.peek();
    return t ? t.kind : null;
  };
  Parser.prototype.pos = function () {
    var t = this.peek();
    return t ? t.pos : this.end;
  };
  Parser.prototype.enter = function () {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      throw syntax(this.pos(), "expression trop imbriquée (profondeur " + MAX_DEPTH + " au maximum)");
    }
  };
  Parser.prototype.leave = function () {
    this.depth--;
  };
  Parser.prototype.unexpected = function () {
    var t = this.peek();
    return t ? syntax(t.pos, "symbole inattendu " + describeToken(t)) : syntax(this.end, "fin d'expression inattendue");
  };
  Parser.prototype.expectRParen = function () {
    if (this.peekKind() === ")") {
      this.idx++;
    } else if (this.peek() === null) {
      throw syntax(this.end, "parenthèse fermante « ) » attendue");
    } else {
      throw this.unexpected();
    }
  };
  Parser.prototype.chainOf = function (sub, ops) {
    var first = sub.call(this);
    var rest = [];
    while (ops.indexOf(this.peekKind()) >= 0) {
      var op = this.peekKind();
      this.idx++;
      rest.push([op, sub.call(this)]);
    }
    return rest.length === 0 ? first : { t: "chain", first: first, rest: rest };
  };
  Parser.prototype.expr = function () {
    return this.chainOf(this.term, ["+", "-"]);
  };
  Parser.prototype.term = function () {
    return this.chainOf(this.unary, ["*", "/"]);
  };
  Parser.prototype.unary = function () {
    if (this.peekKind() === "-") {
      this.idx++;
      this.enter();
      var operand = this.unary();
      this.leave();
      return { t: "neg", arg: operand };
    }
    return this.power();
  };
  Parser.prototype.power = function () {
    var base = this.primary();
    if (this.peekKind() === "^") {
      this.idx++;
      this.enter();
      var exponent = this.unary();
      this.leave();
      return { t: "pow", base: base, exp: exponent };
    }
    return base;
  };
  Parser.prototype.primary = function () {
    var tok = this.peek();
    if (tok === null) throw this.unexpected();
    if (tok.kind === "num") {
      this.idx++;
      return { t: "num", value: tok.value };
    }
    if (tok.kind === "ident") {
      var name = tok.name;
      this.idx++;
      if (this.peekKind() === "(") {
        this.idx++;
        if (!Object.prototype.hasOwnProperty.call(ARITY, name)) {
          throw new ExprError("fonction-inconnue", "fonction inconnue : « " + name + " »");
        }
        this.enter();
        var args = [];
        if (this.peekKind() !== ")") {
          args.push(this.expr());
          while (this.peekKind() === ",") {
            this.idx++;
            args.push(this.expr());
          }
        }
        this.expectRParen();
        this.leave();
        if (!arityOk(name, args.length)) {
          throw new ExprError(
            "arite",
            "nombre d'arguments incorrect pour « " +
              name +
              " » : " +
              ARITY[name][1] +
              " attendu(s), " +
              args.length +
              " reçu(s)"
          );
        }
        return { t: "call", name: name, args: args };
      }
      return { t: "var", name: name };
    }
    if (tok.kind === "(") {
      this.idx++;
      this.enter();
      var inner = this.expr();
      this.expectRParen();
      this.leave();
      return inner;
    }
    throw syntax(tok.pos, "symbole inattendu " + describeToken(tok));
  };

  /**
   * Parses a formula (port of Expr::parse). Returns the AST; throws an
   * ExprError ({code, message}) on a syntax, function-name or arity error.
   */
  function parseExpr(src) {
    src = String(src);
    if (Array.from(src).length > MAX_SOURCE_LEN) {
      throw syntax(MAX_SOURCE_LEN, "expression trop longue (" + MAX_SOURCE_LEN + " caractères au maximum)");
    }
    var tokens = lex(src);
    if (tokens.length === 0) throw syntax(0, "expression vide");
    var parser = new Parser(tokens, src.length);
    var node = parser.expr();
    var extra = parser.peek();
    if (extra !== null) throw syntax(extra.pos, "symbole inattendu " + describeToken(extra));
    return node;
  }

  /** Sorted names of the variables of an AST (function names excluded). */
  function exprVariables(node) {
    var seen = {};
    (function walk(n) {
      switch (n.t) {
        case "var":
          seen[n.name] = true;
          break;
        case "neg":
          walk(n.arg);
          break;
        case "pow":
          walk(n.base);
          walk(n.exp);
          break;
        case "chain":
          walk(n.first);
          n.rest.forEach(function (r) {
            walk(r[1]);
          });
          break;
        case "call":
          n.args.forEach(walk);
          break;
        default:
          break;
      }
    })(node);
    return Object.keys(seen).sort();
  }

  function overflowError() {
    return new ExprError("depassement", "dépassement de capacité du calcul décimal");
  }

  function checked(f) {
    try {
      return f();
    } catch (e) {
      if (e instanceof OverflowError) throw overflowError();
      throw e;
    }
  }

  function binary(op, a, b) {
    return checked(function () {
      switch (op) {
        case "+":
          return decAdd(a, b);
        case "-":
          return decSub(a, b);
        case "*":
          return decMul(a, b);
        default:
          if (decIsZero(b)) throw new ExprError("division-par-zero", "division par zéro");
          return decDiv(a, b);
      }
    });
  }

  // Square root, logarithm, exponential and fractional powers: the algorithms of
  // src/num/math.rs, step for step (same operations, same order, same stops), so
  // that both ports give the same digits.
  var LN_2 = decFromString("0.6931471805599453094172321215");
  var LN_10 = decFromString("2.302585092994045684017991455");
  var MAX_ITERATIONS = 200;
  var D_ONE = dec(ONE, 0);
  var D_TWO = dec(TWO, 0);
  var D_TEN = dec(TEN, 0);
  var D_HALF = dec(BigInt(5), 1);

  function domain(msg) {
    return new ExprError("argument", "argument invalide : " + msg);
  }

  function mathSqrt(x) {
    if (x.m < ZERO) throw domain("la racine carrée d'un nombre négatif n'existe pas");
    if (x.m === ZERO) return dec(ZERO, 0);
    var g = decCmp(x, D_ONE) > 0 ? x : D_ONE;
    for (var i = 0; i < MAX_ITERATIONS; i++) {
      var n = binary("+", binary("/", g, D_TWO), binary("/", binary("/", x, g), D_TWO));
      if (decCmp(n, g) >= 0) return g;
      g = n;
    }
    return g;
  }

  function mathExp(x) {
    if (x.m < ZERO) {
      var e;
      try {
        e = mathExp(decNeg(x));
      } catch (err) {
        if (err instanceof ExprError && err.code === "depassement") return dec(ZERO, 0);
        throw err;
      }
      return binary("/", D_ONE, e);
    }
    var r = x;
    var k = 0;
    while (decCmp(r, D_HALF) > 0) {
      r = binary("/", r, D_TWO);
      k++;
    }
    var sum = D_ONE;
    var term = D_ONE;
    for (var n = 1; n <= MAX_ITERATIONS; n++) {
      term = binary("/", binary("*", term, r), dec(BigInt(n), 0));
      if (decIsZero(term)) break;
      sum = binary("+", sum, term);
    }
    for (var i = 0; i < k; i++) sum = binary("*", sum, sum);
    return sum;
  }

  function mathLn(x) {
    if (x.m <= ZERO) throw domain("le logarithme n'existe que pour un nombre positif");
    var y = x;
    var e = 0;
    while (decCmp(y, D_TEN) >= 0) {
      y = binary("/", y, D_TEN);
      e++;
    }
    while (decCmp(y, D_ONE) < 0) {
      y = binary("*", y, D_TEN);
      e--;
    }
    var j = 0;
    while (decCmp(y, D_TWO) >= 0) {
      y = binary("/", y, D_TWO);
      j++;
    }
    var z = binary("/", binary("-", y, D_ONE), binary("+", y, D_ONE));
    var z2 = binary("*", z, z);
    var p = z;
    var s = z;
    for (var n = 1; n <= MAX_ITERATIONS; n++) {
      p = binary("*", p, z2);
      var t = binary("/", p, dec(BigInt(2 * n + 1), 0));
      if (decIsZero(t)) break;
      s = binary("+", s, t);
    }
    var head = binary("+", binary("+", s, s), binary("*", dec(BigInt(j), 0), LN_2));
    return binary("+", head, binary("*", dec(BigInt(e), 0), LN_10));
  }

  function powFractional(x, e) {
    if (x.m === ZERO) {
      if (e.m > ZERO) return dec(ZERO, 0);
      throw new ExprError("division-par-zero", "division par zéro");
    }
    if (x.m < ZERO) throw domain("une puissance non entière d'un nombre négatif n'existe pas");
    return mathExp(binary("*", e, mathLn(x)));
  }

  function power(base, exponent) {
    if (!decIsInteger(exponent)) return powFractional(base, exponent);
    var n = decToBigInt(exponent);
    if (babs(n) > BigInt(MAX_EXPONENT)) {
      throw new ExprError(
        "argument",
        "argument invalide : l'exposant entier de « ^ » doit être compris entre -" +
          MAX_EXPONENT +
          " et " +
          MAX_EXPONENT +
          " (reçu : " +
          decToString(exponent) +
          ")"
      );
    }
    var count = Number(babs(n));
    var acc = dec(ONE, 0);
    for (var i = 0; i < count; i++) acc = binary("*", acc, base);
    return n < ZERO ? binary("/", dec(ONE, 0), acc) : acc;
  }

  function decimalsArg(func, n) {
    if (!decIsInteger(n) || n.m < ZERO || decToBigInt(n) > BigInt(MAX_ROUND_DP)) {
      throw new ExprError(
        "argument",
        "argument invalide : le nombre de décimales de « " +
          func +
          " » doit être un entier compris entre 0 et " +
          MAX_ROUND_DP +
          " (reçu : " +
          decToString(n) +
          ")"
      );
    }
    return Number(decToBigInt(n));
  }

  function call(name, args) {
    switch (name) {
      case "arrondi2":
        return decRound(args[0], 2, "away");
      case "tronque2":
        return decRound(args[0], 2, "zero");
      case "arrondi":
        return decRound(args[0], decimalsArg("arrondi", args[1]), "away");
      case "tronque":
        return decRound(args[0], decimalsArg("tronque", args[1]), "zero");
      case "min":
        return args.reduce(function (a, b) {
          return decCmp(b, a) < 0 ? b : a;
        });
      case "max":
        return args.reduce(function (a, b) {
          return decCmp(b, a) > 0 ? b : a;
        });
      case "abs":
        return decAbs(args[0]);
      case "arrondi_sup": {
        // Smallest integer ≥ x: truncate, then one more when something was cut off above.
        var t = decRound(args[0], 0, "zero");
        return decCmp(args[0], t) > 0 ? decAdd(t, dec(ONE, 0)) : t;
      }
      case "rang": {
        var k = args.length - 1;
        var n = args[0];
        if (!decIsInteger(n) || n.m < ZERO || decToBigInt(n) < ONE || decToBigInt(n) > BigInt(k)) {
          throw new ExprError(
            "argument",
            "argument invalide : le rang demandé à « rang » doit être un entier compris entre 1 et " +
              k +
              " (reçu : " +
              decToString(n) +
              ")"
          );
        }
        return args[Number(decToBigInt(n))];
      }
      case "sqrt":
        return mathSqrt(args[0]);
      case "ln":
        return mathLn(args[0]);
      case "exp":
        return mathExp(args[0]);
      default: // si_positif
        return decCmp(args[0], dec(ZERO, 0)) > 0 ? args[0] : dec(ZERO, 0);
    }
  }

  function evalNode(node, lookup) {
    switch (node.t) {
      case "num":
        return node.value;
      case "var": {
        var v = lookup(node.name);
        if (v === undefined || v === null) {
          throw new ExprError("variable-inconnue", "variable inconnue : « " + node.name + " »");
        }
        return v;
      }
      case "neg":
        return decNeg(evalNode(node.arg, lookup));
      case "pow": {
        var b = evalNode(node.base, lookup);
        var e = evalNode(node.exp, lookup);
        return power(b, e);
      }
      case "chain": {
        var acc = evalNode(node.first, lookup);
        for (var i = 0; i < node.rest.length; i++) {
          var rhs = evalNode(node.rest[i][1], lookup);
          acc = binary(node.rest[i][0], acc, rhs);
        }
        return acc;
      }
      default: {
        var values = node.args.map(function (a) {
          return evalNode(a, lookup);
        });
        return call(node.name, values);
      }
    }
  }

  /**
   * Parses and evaluates `src`. `vars` is an object (name → Decimal) or a
   * function (name → Decimal | undefined). Returns { ok: true, value } or
   * { ok: false, code, message }. Never throws.
   */
  function evalExpr(src, vars) {
    var lookup =
      typeof vars === "function"
        ? vars
        : function (name) {
            return vars && Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
          };
    try {
      var ast = parseExpr(src);
      return { ok: true, value: evalNode(ast, lookup) };
    } catch (e) {
      if (e instanceof ExprError) return { ok: false, code: e.code, message: e.message };
      if (e instanceof OverflowError) return { ok: false, code: "depassement", message: overflowError().message };
      // A JavaScript limit (stack, memory): never let it escape.
      return { ok: false, code: "syntaxe", message: String(e && e.message) };
    }
  }

  // ================================================================ marking (correct.rs)

  var RATE_AS_FRACTION = "taux-non-exprime-en-pourcent";

  function unitConflict(expected, typed) {
    if (!typed) return null;
    if (
      (expected === "euros" && typed === "euros") ||
      (expected === "%" && typed === "percent") ||
      (expected === "jours" && typed === "days") ||
      ((expected === "nombre" || expected === "coefficient") && (typed === "years" || typed === "months"))
    ) {
      return null;
    }
    var name = {
      euros: "des euros",
      percent: "un pourcentage",
      days: "des jours",
      years: "des années",
      months: "des mois",
    }[typed];
    var want =
      {
        euros: "un montant en euros",
        "%": "un taux en %",
        jours: "un nombre de jours",
        coefficient: "un coefficient (sans unité)",
      }[expected] || "un nombre (sans unité)";
    return "Vous avez saisi " + name + ", mais la réponse attendue est " + want + ". Vérifiez la grandeur demandée.";
  }

  /** A question of the data contract with its decimals read. */
  function prepareQuestion(q) {
    return {
      key: q.key,
      label: q.label,
      unit: q.unit,
      answer: decFromString(q.answer),
      tolerance: decFromString(q.tolerance),
      points: decFromString(q.points),
      formula: q.formula === undefined ? null : q.formula,
      mistakes: (q.mistakes || []).map(function (m) {
        return { answer: decFromString(m.answer), note: m.note, message: m.message };
      }),
      accepted: (q.accepted || []).map(function (m) {
        return { answer: decFromString(m.answer), note: m.note, message: m.message };
      }),
    };
  }

  var MAX_OWN_INPUTS = 6;

  function has(obj, k) {
    return Object.prototype.hasOwnProperty.call(obj, k);
  }

  /**
   * Port of correct::recomputed: the student's own earlier answers (fewest first) from
   * which this step recomputes to `v`, or null.
   */
  function recomputed(q, v, tolerance, expected, own) {
    if (q.formula === null) return null;
    var ast;
    try {
      ast = parseExpr(q.formula);
    } catch (e) {
      return null;
    }
    var swappable = exprVariables(ast).filter(function (name) {
      return has(own, name) && !(has(expected, name) && decCmp(expected[name], own[name].value) === 0);
    });
    if (swappable.length === 0) return null;
    var free = swappable.slice(0, MAX_OWN_INPUTS);
    var fixed = swappable.slice(MAX_OWN_INPUTS);
    var masks = [];
    for (var m = 1; m < 1 << free.length; m++) masks.push(m);
    var ones = function (x) {
      var c = 0;
      for (; x; x >>= 1) c += x & 1;
      return c;
    };
    masks.sort(function (a, b) {
      return ones(a) - ones(b) || a - b;
    });
    if (fixed.length > 0) masks.unshift(0);
    for (var i = 0; i < masks.length; i++) {
      var mask = masks[i];
      var value;
      try {
        value = evalNode(ast, function (name) {
          var k = free.indexOf(name);
          if (k >= 0) return mask & (1 << k) ? own[name].value : expected[name];
          if (fixed.indexOf(name) >= 0) return own[name].value;
          return has(expected, name) ? expected[name] : undefined;
        });
      } catch (e) {
        continue;
      }
      if (within(v, value, tolerance)) {
        var from = [];
        free.forEach(function (name, k) {
          if (mask & (1 << k)) from.push(own[name]);
        });
        fixed.forEach(function (name) {
          from.push(own[name]);
        });
        return from;
      }
    }
    return null;
  }

  function labelsOf(from) {
    return from
      .map(function (o) {
        return "« " + o.label + " »";
      })
      .join(", ");
  }

  function mark(q, typed, expected, own) {
    var r = {
      key: q.key,
      verdict: "unanswered",
      typed: typed,
      value: null,
      points: dec(ZERO, 0),
      maxPoints: q.points,
      message: null,
      diagnosis: null,
    };
    if (typed === null) return r;
    var parsed = parseAnswer(typed);
    if (!parsed.ok) {
      r.verdict = "unreadable";
      r.message = parsed.message;
      return r;
    }
    r.value = parsed.value;
    var conflict = unitConflict(q.unit, parsed.unit);
    if (conflict) {
      r.verdict = "unreadable";
      r.message = conflict;
      return r;
    }
    var v = parsed.value;
    if (within(v, q.answer, q.tolerance)) {
      r.verdict = "correct";
      r.points = q.points;
      return r;
    }
    for (var a = 0; a < q.accepted.length; a++) {
      if (within(v, q.accepted[a].answer, q.tolerance)) {
        r.verdict = "correct";
        r.points = q.points;
        r.message = q.accepted[a].message;
        r.diagnosis = { note: q.accepted[a].note, message: q.accepted[a].message };
        return r;
      }
    }
    var from = recomputed(q, v, q.tolerance, expected, own);
    if (from !== null) {
      r.points = q.points;
      var wrongOnes = from.filter(function (o) {
        return !o.right;
      });
      if (wrongOnes.length === 0) {
        r.verdict = "correct";
        r.message = "Juste : calcul exact à partir de vos valeurs arrondies (" + labelsOf(from) + ").";
      } else {
        r.verdict = "carried-forward";
        r.message =
          "Calcul juste à partir de votre réponse erronée (" +
          labelsOf(wrongOnes) +
          ") : les points de cette étape sont accordés (erreur reportée).";
      }
      return r;
    }
    r.verdict = "wrong";
    var v100 = dec(v.m * BigInt(100), v.s);
    if (q.unit === "%" && !parsed.unit && within(v100, q.answer, q.tolerance)) {
      r.diagnosis = {
        note: RATE_AS_FRACTION,
        message:
          "Un taux est attendu en % : vous avez écrit " +
          typed +
          ", ce qui correspond à " +
          formatNumber(v100, 4) +
          " %. Multipliez par 100 et ajoutez « % ».",
      };
      return r;
    }
    for (var i = 0; i < q.mistakes.length; i++) {
      if (within(v, q.mistakes[i].answer, q.tolerance)) {
        r.diagnosis = { note: q.mistakes[i].note, message: q.mistakes[i].message };
        break;
      }
    }
    return r;
  }

  /**
   * An SQL query or a relational schema: only the Rust corrector can run or read it
   * (`clientele correct CODE`). The page records the attempt and points to the
   * expected result; no point is given here.
   */
  function markUnchecked(q, typed) {
    var r = {
      key: q.key,
      verdict: typed === null ? "unanswered" : "submitted",
      typed: typed,
      value: null,
      points: dec(ZERO, 0),
      maxPoints: q.points,
      message: null,
      diagnosis: null,
    };
    if (typed !== null) {
      r.message =
        "Le navigateur ne peut pas exécuter votre réponse\u00A0: comparez-la avec le résultat attendu ci-dessous, ou faites-la corriger avec clientele correct (le code est au-dessus de l'énoncé).";
    }
    return r;
  }

  /**
   * Marks `answers` (question key → text as typed) against a VARIANT of the
   * data contract (port of correct::correct). Returns
   * { code, results: [{key, verdict, typed, value, points, maxPoints, message,
   * diagnosis}], score, total }, decimals as { m, s }. Never throws on any
   * answer text.
   */
  function correct(variant, answers) {
    answers = answers || {};
    var expected = {};
    var params = variant.params || {};
    Object.keys(params).forEach(function (k) {
      try {
        expected[k] = decFromString(params[k]);
      } catch (e) {
        // Only numeric parameters take part in formulas.
      }
    });
    var questions = variant.questions.map(prepareQuestion);
    questions.forEach(function (q) {
      expected[q.key] = q.answer;
    });
    var own = {};
    var results = [];
    var score = dec(ZERO, 0);
    var total = dec(ZERO, 0);
    variant.questions.forEach(function (raw, index) {
      var q = questions[index];
      var typed = Object.prototype.hasOwnProperty.call(answers, q.key) ? answers[q.key] : null;
      if (typed !== null && typed !== undefined) {
        typed = rustTrim(String(typed));
        if (typed.length === 0) typed = null;
      } else {
        typed = null;
      }
      var r = raw.check ? markUnchecked(q, typed) : mark(q, typed, expected, own);
      if (r.value !== null && (r.verdict === "correct" || r.verdict === "wrong" || r.verdict === "carried-forward")) {
        own[q.key] = { value: r.value, right: r.verdict === "correct", label: q.label };
      }
      score = addExact(score, r.points);
      total = addExact(total, q.points);
      results.push(r);
    });
    return { code: variant.code, results: results, score: score, total: total };
  }

  // ================================================================ progress (localStorage)

  var STORAGE_KEY = "clientele-progres";
  var memoryProgress = {};

  function storage() {
    try {
      var s = root.localStorage;
      if (!s) return null;
      var probe = "clientele-test";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  /** Codes solved with full marks: { "NAP-11": true, … }. */
  function loadProgress() {
    var s = storage();
    if (!s) return Object.assign({}, memoryProgress);
    try {
      var data = JSON.parse(s.getItem(STORAGE_KEY) || "{}");
      var out = {};
      (Array.isArray(data.reussis) ? data.reussis : []).forEach(function (c) {
        if (typeof c === "string") out[c] = true;
      });
      return out;
    } catch (e) {
      return {};
    }
  }

  /** Saves; returns false when the browser keeps nothing (kept in memory then). */
  function saveProgress(progress) {
    memoryProgress = Object.assign({}, progress);
    var s = storage();
    if (!s) return false;
    try {
      s.setItem(STORAGE_KEY, JSON.stringify({ version: 1, reussis: Object.keys(progress).sort() }));
      return true;
    } catch (e) {
      return false;
    }
  }

  // ================================================================ DOM layer

  var VERDICT_TEXT = {
    correct: "Juste",
    "carried-forward": "Juste par report d'erreur",
    wrong: "Faux",
    unreadable: "Illisible",
    unanswered: "Sans réponse",
    submitted: "À vérifier avec clientele correct",
  };

  var VERDICT_ICON = {
    correct: "✓",
    "carried-forward": "✓",
    wrong: "✗",
    unreadable: "?",
    unanswered: "–",
    submitted: "…",
  };

  var UNIT_HINT = {
    euros: "en euros (€)",
    "%": "en %",
    jours: "en jours",
    coefficient: "coefficient, sans unité",
    nombre: "nombre, sans unité",
  };

  var uid = 0;

  function el(tag, attrs, children) {
    var node = root.document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "html") node.innerHTML = attrs[k];
        else if (k === "class") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === "string" ? root.document.createTextNode(c) : c);
    });
    return node;
  }

  function allWidgets() {
    return root.__clienteleWidgets || (root.__clienteleWidgets = []);
  }

  function Widget(container, data) {
    this.container = container;
    this.data = data;
    this.index = 0;
    this.id = "clientele-" + ++uid;
    this.build();
    this.showVariant();
    allWidgets().push(this);
  }

  Widget.prototype.build = function () {
    var self = this;
    var d = this.data;
    this.root = el("section", { class: "clientele-widget", "aria-labelledby": this.id + "-titre" });
    this.titleEl = el("h3", { class: "clientele-titre", id: this.id + "-titre", text: d.title || d.id });
    this.codeEl = el("p", { class: "clientele-code" });
    this.doneEl = el("p", { class: "clientele-reussi", hidden: "" });
    this.statementEl = el("div", { class: "clientele-enonce" });
    this.form = el("form", { class: "clientele-questions", novalidate: "" });
    this.fieldsEl = el("ol", { class: "clientele-champs" });
    this.checkBtn = el("button", { type: "submit", class: "clientele-bouton clientele-verifier", text: "Vérifier" });
    this.nextBtn = el("button", { type: "button", class: "clientele-bouton", text: "Nouvel énoncé" });
    this.solutionBtn = el("button", {
      type: "button",
      class: "clientele-bouton",
      "aria-expanded": "false",
      "aria-controls": this.id + "-corrige",
      text: "Voir le corrigé",
    });
    var actions = el("div", { class: "clientele-actions" }, [this.checkBtn, this.nextBtn, this.solutionBtn]);
    this.form.appendChild(this.fieldsEl);
    this.form.appendChild(actions);
    this.resultsEl = el("div", { class: "clientele-resultats", "aria-live": "polite", role: "status" });
    this.solutionEl = el("div", { class: "clientele-corrige", id: this.id + "-corrige", hidden: "" });
    this.progressEl = el("p", { class: "clientele-progression" });
    this.resetBtn = el("button", {
      type: "button",
      class: "clientele-bouton clientele-secondaire",
      text: "Réinitialiser ma progression",
    });
    var footer = el("div", { class: "clientele-pied" }, [this.progressEl, this.resetBtn]);
    [this.titleEl, this.codeEl, this.doneEl, this.statementEl, this.form, this.resultsEl, this.solutionEl, footer].forEach(
      function (n) {
        self.root.appendChild(n);
      }
    );
    this.container.appendChild(this.root);

    this.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      self.check();
    });
    this.nextBtn.addEventListener("click", function () {
      self.index = (self.index + 1) % self.data.variants.length;
      self.showVariant();
      self.resultsEl.textContent = "Nouvel énoncé\u00A0: " + self.variant().code + ".";
      self.statementEl.focus();
    });
    this.solutionBtn.addEventListener("click", function () {
      self.toggleSolution();
    });
    this.resetBtn.addEventListener("click", function () {
      saveProgress({});
      allWidgets().forEach(function (w) {
        w.refreshProgress();
      });
      self.progressEl.textContent = "Progression réinitialisée.";
    });
  };

  Widget.prototype.variant = function () {
    return this.data.variants[this.index];
  };

  Widget.prototype.showVariant = function () {
    var self = this;
    var v = this.variant();
    this.codeEl.textContent = "";
    this.codeEl.appendChild(el("span", { text: "Code\u00A0: " }));
    this.codeEl.appendChild(el("strong", { class: "clientele-code-valeur", text: v.code }));
    this.codeEl.appendChild(el("span", { text: " — corrigez-le aussi avec " }));
    this.codeEl.appendChild(el("code", { text: "clientele correct " + v.code }));
    this.statementEl.innerHTML = v.statement_html || "";
    this.statementEl.setAttribute("tabindex", "-1");
    this.fieldsEl.textContent = "";
    this.inputs = {};
    this.feedback = {};
    v.questions.forEach(function (q, i) {
      var inputId = self.id + "-q" + i;
      var hintId = inputId + "-unite";
      var fbId = inputId + "-retour";
      var label = el("label", { for: inputId, class: "clientele-consigne", html: q.prompt_html || q.label });
      var hint = el("span", { class: "clientele-unite", id: hintId, text: checkHint(q) || UNIT_HINT[q.unit] || "" });
      var input = el(q.check ? "textarea" : "input", {
        type: "text",
        id: inputId,
        name: q.key,
        inputmode: "decimal",
        autocomplete: "off",
        autocapitalize: "off",
        spellcheck: "false",
        "aria-describedby": hintId + " " + fbId,
        class: "clientele-saisie",
      });
      if (q.check) {
        input.removeAttribute("type");
        input.removeAttribute("inputmode");
        input.setAttribute("rows", q.check.kind === "sql" ? "6" : "5");
        input.className = "clientele-saisie clientele-saisie-longue";
      }
      var fb = el("div", { class: "clientele-retour", id: fbId });
      self.inputs[q.key] = input;
      self.feedback[q.key] = fb;
      self.fieldsEl.appendChild(
        el("li", { class: "clientele-question" }, [label, el("div", { class: "clientele-ligne" }, [input, hint]), fb])
      );
    });
    if (v.questions.some(function (q) { return q.check; })) {
      this.fieldsEl.insertBefore(
        el("li", { class: "clientele-note-sql" }, [
          "Ce navigateur ne peut pas exécuter de requête SQL ni lire un schéma. Pour vous entraîner sur la vraie base\u00A0: ",
          el("code", { text: "clientele generate " + this.data.id + " --seed " + v.seed + " --db base.sqlite" }),
          " écrit la base (ouvrez-la avec sqlite3 ou tout logiciel SQLite)\u00A0; écrivez vos réponses dans reponses.toml (cle = \"\"\"SELECT …\"\"\") puis ",
          el("code", { text: "clientele correct " + v.code + " --answers reponses.toml" }),
          ". Ici, «\u00A0Vérifier\u00A0» affiche le résultat attendu de chaque question.",
        ]),
        this.fieldsEl.firstChild
      );
    }
    this.resultsEl.textContent = "";
    this.solutionEl.innerHTML = v.solution_html || "";
    this.setSolutionVisible(false);
    this.refreshProgress();
  };

  Widget.prototype.setSolutionVisible = function (visible) {
    if (visible) this.solutionEl.removeAttribute("hidden");
    else this.solutionEl.setAttribute("hidden", "");
    this.solutionBtn.setAttribute("aria-expanded", visible ? "true" : "false");
    this.solutionBtn.textContent = visible ? "Masquer le corrigé" : "Voir le corrigé";
  };

  Widget.prototype.toggleSolution = function () {
    this.setSolutionVisible(this.solutionEl.hasAttribute("hidden"));
  };

  Widget.prototype.check = function () {
    var self = this;
    var v = this.variant();
    var answers = {};
    Object.keys(this.inputs).forEach(function (k) {
      answers[k] = self.inputs[k].value;
    });
    var report = correct(v, answers);
    var summary = el("ul", { class: "clientele-bilan" });
    report.results.forEach(function (r, i) {
      var q = v.questions[i];
      var fb = self.feedback[r.key];
      fb.textContent = "";
      fb.className = "clientele-retour clientele-" + r.verdict;
      var line = el("p", { class: "clientele-verdict" }, [
        el("span", { class: "clientele-icone", "aria-hidden": "true", text: VERDICT_ICON[r.verdict] }),
        el("strong", { text: VERDICT_TEXT[r.verdict] }),
        " (" + formatNumber(r.points, 2) + "\u00A0/\u00A0" + formatNumber(r.maxPoints, 2) + ")",
      ]);
      fb.appendChild(line);
      if (r.message) fb.appendChild(el("p", { class: "clientele-message", text: r.message }));
      if (r.diagnosis) {
        fb.appendChild(
          el("p", { class: "clientele-diagnostic" }, [
            r.diagnosis.message + " ",
            el("span", { class: "clientele-note", text: "[" + r.diagnosis.note + "]" }),
          ])
        );
      }
      if (q.check) {
        self.inputs[r.key].setAttribute("aria-invalid", "false");
        if (r.verdict === "submitted") fb.appendChild(expectedDetails(q));
        summary.appendChild(
          el("li", {
            text: q.label.charAt(0).toUpperCase() + q.label.slice(1) + "\u00A0: " + VERDICT_TEXT[r.verdict],
          })
        );
        return;
      }
      var bad = r.verdict === "wrong" || r.verdict === "unreadable" || r.verdict === "unanswered";
      var invalidAnswer = r.verdict === "wrong" || r.verdict === "unreadable";
      self.inputs[r.key].setAttribute("aria-invalid", invalidAnswer ? "true" : "false");
      if (bad) {
        var details = el("details", { class: "clientele-etape" }, [
          el("summary", { text: "Réponse attendue et calcul" }),
          el("p", {}, [
            "Réponse attendue\u00A0: ",
            el("strong", { text: formatExpected(decFromString(q.answer), q.unit) }),
          ]),
          el("div", { html: q.step_html || "" }),
        ]);
        fb.appendChild(details);
      }
      summary.appendChild(
        el("li", {
          text: q.label.charAt(0).toUpperCase() + q.label.slice(1) + "\u00A0: " + VERDICT_TEXT[r.verdict],
        })
      );
    });
    var full = decCmp(report.score, report.total) === 0;
    this.resultsEl.textContent = "";
    this.resultsEl.appendChild(
      el("p", {
        class: "clientele-score" + (full ? " clientele-score-plein" : ""),
        text: "Score\u00A0: " + formatNumber(report.score, 2) + " / " + formatNumber(report.total, 2),
      })
    );
    this.resultsEl.appendChild(summary);
    if (full) {
      var progress = loadProgress();
      progress[v.code] = true;
      this.stored = saveProgress(progress);
      allWidgets().forEach(function (w) {
        w.refreshProgress();
      });
    }
    return report;
  };

  Widget.prototype.refreshProgress = function () {
    var progress = loadProgress();
    var codes = this.data.variants.map(function (v) {
      return v.code;
    });
    var solved = codes.filter(function (c) {
      return progress[c];
    }).length;
    var current = !!progress[this.variant().code];
    this.doneEl.textContent = "✓ Exercice réussi";
    if (current) this.doneEl.removeAttribute("hidden");
    else this.doneEl.setAttribute("hidden", "");
    var text = "Énoncés réussis ici\u00A0: " + solved + " sur " + codes.length + ".";
    if (!storage()) text += " (Progression non enregistrée\u00A0: ce navigateur ne permet pas de la conserver.)";
    this.progressEl.textContent = text;
  };

  function checkHint(q) {
    if (!q.check) return "";
    return q.check.kind === "sql" ? "requête SQL (une seule requête SELECT)" : "schéma relationnel, une table par ligne";
  }

  /** The expected result of an SQL question (or the expected schema), after an attempt. */
  function expectedDetails(q) {
    var c = q.check;
    var body = [];
    if (c.kind === "sql" && c.expected) {
      var head = el("tr", {}, c.expected.columns.map(function (name) {
        return el("th", { text: name });
      }));
      var rows = c.expected.rows.map(function (row) {
        return el("tr", {}, row.map(function (cell) {
          return el("td", { text: cell === null ? "NULL" : cell });
        }));
      });
      var n = c.expected.rows.length;
      body.push(el("p", { text: "Résultat attendu (" + q.answer + " ligne" + (q.answer === "1" ? "" : "s") +
        (c.order_by && c.order_by.length ? ", dans cet ordre" : ", dans n'importe quel ordre") +
        (String(n) !== q.answer ? "\u00A0; " + n + " premières lignes" : "") + ")\u00A0:" }));
      body.push(el("table", { class: "clientele-resultat-sql" }, [el("thead", {}, [head]), el("tbody", {}, rows)]));
      body.push(el("p", { text: "Une requête qui convient\u00A0:" }));
      body.push(el("pre", {}, [el("code", { class: "language-sql", text: c.reference })]));
    } else {
      body.push(el("p", { text: "Schéma attendu\u00A0:" }));
      body.push(el("pre", {}, [el("code", { text: c.reference })]));
    }
    return el("details", { class: "clientele-etape", open: "" }, [
      el("summary", { text: c.kind === "sql" ? "Résultat attendu" : "Schéma attendu" }),
    ].concat(body));
  }

  function initExercise(container) {
    if (container.getAttribute("data-clientele-pret")) return null;
    var script = container.querySelector('script[type="application/json"]');
    var data;
    try {
      data = JSON.parse(script ? script.textContent : "");
      if (!data || !Array.isArray(data.variants) || data.variants.length === 0) throw new Error("aucun énoncé");
    } catch (e) {
      container.appendChild(
        el("p", { class: "clientele-erreur", text: "Exercice indisponible\u00A0: données illisibles." })
      );
      return null;
    }
    container.setAttribute("data-clientele-pret", "1");
    return new Widget(container, data);
  }

  function initAll() {
    var nodes = root.document.querySelectorAll(".clientele-exercice");
    for (var i = 0; i < nodes.length; i++) initExercise(nodes[i]);
  }

  var api = {
    parseAnswer: parseAnswer,
    parseExpr: parseExpr,
    evalExpr: evalExpr,
    exprVariables: exprVariables,
    correct: correct,
    Dec: {
      fromString: decFromString,
      toString: decToString,
      cmp: decCmp,
      add: decAdd,
      sub: decSub,
      mul: decMul,
      div: decDiv,
      neg: decNeg,
      round: decRound,
      within: within,
    },
    formatNumber: formatNumber,
    formatEuros: formatEuros,
    formatPercent: formatPercent,
    formatExpected: formatExpected,
    loadProgress: loadProgress,
    saveProgress: saveProgress,
    initAll: initAll,
    STORAGE_KEY: STORAGE_KEY,
  };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.clientele = api;
  }

  if (root.document && typeof root.document.querySelectorAll === "function") {
    if (root.document.readyState === "loading") root.document.addEventListener("DOMContentLoaded", initAll);
    else initAll();
  }
})(typeof window !== "undefined" ? window : globalThis);
