//! The book's preprocessor: `{{#exercice ID}}` directives and LaTeX formulas.
//!
//! A directive becomes a `<div class="clientele-exercice">` holding every variant of the
//! exercise as JSON (the contract with `book/assets/clientele.js`); `$…$` and `$$…$$`
//! become MathML. Code spans and fenced code blocks are left untouched. Any problem
//! stops the build with the chapter file and line.

use super::index::{self, Embeds};
use super::{math, typography};
use crate::catalog;
use crate::generate::generate;
use crate::model::{Instance, ParamValue};
use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use pulldown_cmark::{html, Options, Parser};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Variants embedded when the directive does not say `variantes=N`.
pub const DEFAULT_VARIANTS: u64 = 20;
/// Most variants one directive may embed (each one weighs a few kilobytes).
pub const MAX_VARIANTS: u64 = 100;
/// First seed when the directive does not say `graine=S`: the same for every type, so
/// that the book's first variant is `clientele generate ID --seed 1`.
pub const DEFAULT_SEED: u64 = 1;

/// An error located in a chapter file; its `Display` is the French message of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LocatedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ligne {} : {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LocatedError {}

/// The in-crate mdBook preprocessor, registered under the name `clientele`.
pub struct ClientelePreprocessor {
    /// How chapter paths are shown in errors: the source directory as the user gave it
    /// (`book/src`).
    pub shown_src: PathBuf,
}

impl Preprocessor for ClientelePreprocessor {
    fn name(&self) -> &str {
        "clientele"
    }

    fn run(
        &self,
        _ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let mut first_error: Option<LocatedError> = None;
        // The index of exercises needs to know every embedding chapter before any expansion.
        let embeds = index::collect(&book);
        book.for_each_mut(|item| {
            if first_error.is_some() {
                return;
            }
            let BookItem::Chapter(chapter) = item else {
                return;
            };
            let shown = match &chapter.source_path {
                Some(p) => self.shown_src.join(p),
                None => return,
            };
            let page = chapter.path.clone().unwrap_or_default();
            let site = Some((&embeds, page.as_path()));
            match expand_in(&chapter.content, &shown.display().to_string(), site) {
                Ok(text) => chapter.content = text,
                Err(e) => first_error = Some(e),
            }
        });
        match first_error {
            Some(e) => Err(e.into()),
            None => Ok(book),
        }
    }

    fn supports_renderer(&self, renderer: &str) -> mdbook_preprocessor::errors::Result<bool> {
        Ok(renderer == "html")
    }
}

/// Expands directives and formulas of one chapter. `file` names it in errors.
/// `{{#index-exercices}}` needs the whole book: see [`expand_page`].
pub fn expand(content: &str, file: &str) -> Result<String, LocatedError> {
    expand_in(content, file, None)
}

/// [`expand`] for the chapter at `page` (its path in the book, for relative links) of a
/// book whose embedding chapters are `embeds` (see [`index::collect`]).
pub fn expand_page(
    content: &str,
    file: &str,
    embeds: &Embeds,
    page: &Path,
) -> Result<String, LocatedError> {
    expand_in(content, file, Some((embeds, page)))
}

fn expand_in(
    content: &str,
    file: &str,
    site: Option<(&Embeds, &Path)>,
) -> Result<String, LocatedError> {
    let mut out = String::with_capacity(content.len());
    let bytes = content.as_bytes();
    let mut fence: Option<(u8, usize)> = None;
    let mut line_start = 0;
    let mut i = 0;
    let at = |pos: usize, message: String| LocatedError {
        file: file.to_string(),
        line: content[..pos].matches('\n').count() + 1,
        message,
    };
    while i < bytes.len() {
        if i == line_start {
            // Fenced code blocks: copied line by line, untouched.
            let line_end = content[i..].find('\n').map_or(content.len(), |n| i + n + 1);
            let line = &content[i..line_end];
            let trimmed = line.trim_start_matches(' ');
            let indent = line.len() - trimmed.len();
            let marker = trimmed.bytes().next();
            let run = |c: u8| trimmed.bytes().take_while(|&b| b == c).count();
            match fence {
                Some((c, n)) => {
                    if indent < 4
                        && marker == Some(c)
                        && run(c) >= n
                        && trimmed[run(c)..].trim().is_empty()
                    {
                        fence = None;
                    }
                    out.push_str(line);
                    i = line_end;
                    line_start = line_end;
                    continue;
                }
                None => {
                    if indent < 4 {
                        if let Some(c @ (b'`' | b'~')) = marker {
                            if run(c) >= 3 && !(c == b'`' && trimmed[run(c)..].contains('`')) {
                                fence = Some((c, run(c)));
                                out.push_str(line);
                                i = line_end;
                                line_start = line_end;
                                continue;
                            }
                        }
                    }
                }
            }
        }
        let rest = &content[i..];
        let c = bytes[i];
        if c == b'\n' {
            out.push('\n');
            i += 1;
            line_start = i;
        } else if c == b'\\' && rest.len() > 1 && rest.as_bytes()[1].is_ascii_punctuation() {
            // A Markdown escape (`\$`, `\``) stays as it is.
            out.push_str(&rest[..2]);
            i += 2;
        } else if c == b'`' {
            let n = rest.bytes().take_while(|&b| b == b'`').count();
            let ticks = &rest[..n];
            match find_closing_ticks(&rest[n..], n) {
                Some(end) => {
                    let len = n + end + n;
                    out.push_str(&rest[..len]);
                    i += len;
                }
                None => {
                    out.push_str(ticks);
                    i += n;
                }
            }
        } else if rest.starts_with("{{#exercice") {
            let end = rest.find("}}").ok_or_else(|| {
                at(
                    i,
                    "directive {{#exercice …}} non fermée (il manque « }} »)".to_string(),
                )
            })?;
            let inside = &rest["{{#exercice".len()..end];
            let directive = Directive::parse(inside).map_err(|m| at(i, m))?;
            out.push_str(&directive.render().map_err(|m| at(i, m))?);
            i += end + 2;
        } else if rest.starts_with(index::DIRECTIVE) {
            let (embeds, page) = site.ok_or_else(|| {
                at(
                    i,
                    format!(
                        "la directive {} ne s'emploie que dans un chapitre du livre",
                        index::DIRECTIVE
                    ),
                )
            })?;
            // The generated Markdown gets the same typography as written prose.
            let table = index::render(embeds, page);
            out.push_str(&expand_in(&table, file, None).map_err(|e| at(i, e.message))?);
            i += index::DIRECTIVE.len();
        } else if rest.starts_with("{{#") {
            let shown: String = rest
                .split("}}")
                .next()
                .unwrap_or(rest)
                .chars()
                .take(40)
                .collect();
            return Err(at(
                i,
                format!(
                    "directive inconnue « {shown}}}}} » (directives permises : {{{{#exercice ID}}}} et {})",
                    index::DIRECTIVE
                ),
            ));
        } else if let Some(after) = rest.strip_prefix("$$") {
            match after.find("$$") {
                Some(end) => {
                    let latex = &after[..end];
                    out.push_str(&math::to_mathml(latex, true).map_err(|m| at(i, m))?);
                    i += 2 + end + 2;
                }
                None => {
                    out.push_str("$$");
                    i += 2;
                }
            }
        } else if c == b'$' {
            match inline_formula(rest) {
                Some(len) => {
                    let latex = &rest[1..len - 1];
                    out.push_str(&math::to_mathml(latex, false).map_err(|m| at(i, m))?);
                    i += len;
                }
                None => {
                    out.push('$');
                    i += 1;
                }
            }
        } else if c == b' ' && i != line_start {
            // Prose: French no-break spaces (a space opening a line is indentation).
            out.push(typography::space(out.chars().next_back(), &out, &rest[1..]));
            i += 1;
        } else {
            let ch = rest.chars().next().expect("non-empty");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    Ok(out)
}

/// The offset of a run of exactly `n` backticks closing a code span, if any.
fn find_closing_ticks(text: &str, n: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = 0;
    while j < b.len() {
        if b[j] == b'`' {
            let run = b[j..].iter().take_while(|&&x| x == b'`').count();
            if run == n {
                return Some(j);
            }
            j += run;
        } else if b[j] == b'\n'
            && text[j + 1..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n')
        {
            // A code span does not cross a blank line.
            return None;
        } else {
            j += 1;
        }
    }
    None
}

/// The length of `$…$` at the start of `text` (delimiters included), when it is a
/// formula: on one line, no space just inside the dollars, no digit right after the
/// closing one (so that « 5 $ et 10 $ » stays text).
fn inline_formula(text: &str) -> Option<usize> {
    let body = &text[1..];
    let first = body.chars().next()?;
    if first.is_whitespace() || first == '$' {
        return None;
    }
    let mut prev = first;
    let mut escaped = false;
    for (k, ch) in body.char_indices().skip(1) {
        if ch == '\n' {
            return None;
        }
        if ch == '$' && !escaped {
            if prev.is_whitespace() {
                return None;
            }
            let after = body[k + 1..].chars().next();
            if after.is_some_and(|a| a.is_ascii_digit()) {
                return None;
            }
            return Some(1 + k + 1);
        }
        escaped = ch == '\\' && !escaped;
        prev = ch;
    }
    None
}

/// `{{#exercice ID variantes=N graine=S}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub id: String,
    pub variants: u64,
    pub seed: u64,
}

impl Directive {
    /// Parses what follows `{{#exercice` up to `}}`.
    pub fn parse(inside: &str) -> Result<Directive, String> {
        let mut words = inside.split_whitespace();
        let id = words.next().ok_or_else(|| {
            "directive {{#exercice}} sans identifiant (par exemple {{#exercice prix/net-a-payer}})"
                .to_string()
        })?;
        if catalog::catalog().find(id).is_none() || crate::exercises::find(id).is_none() {
            return Err(format!(
                "type d'exercice inconnu « {id} » (voir clientele list)"
            ));
        }
        let mut variants = None;
        let mut seed = None;
        for word in words {
            let (name, value) = word.split_once('=').ok_or_else(|| {
                format!("option « {word} » : la forme attendue est variantes=N ou graine=S")
            })?;
            let slot = match name {
                "variantes" => &mut variants,
                "graine" => &mut seed,
                _ => {
                    return Err(format!(
                        "option inconnue « {name} » (options permises : variantes=N, graine=S)"
                    ))
                }
            };
            if slot.is_some() {
                return Err(format!("l'option « {name} » est donnée deux fois"));
            }
            let n: u64 = value.parse().map_err(|_| {
                format!("option « {name} » : « {value} » n'est pas un entier positif")
            })?;
            *slot = Some(n);
        }
        let variants = variants.unwrap_or(DEFAULT_VARIANTS);
        if !(1..=MAX_VARIANTS).contains(&variants) {
            return Err(format!(
                "option « variantes » : {variants} est hors des limites (de 1 à {MAX_VARIANTS})"
            ));
        }
        let seed = seed.unwrap_or(DEFAULT_SEED);
        if seed.checked_add(variants - 1).is_none() {
            return Err(format!(
                "option « graine » : {seed} est trop grande pour {variants} variantes"
            ));
        }
        Ok(Directive {
            id: id.to_string(),
            variants,
            seed,
        })
    }

    /// Generates the variants and writes the HTML block (see [`exercise_block`]).
    pub fn render(&self) -> Result<String, String> {
        let instances = (self.seed..self.seed + self.variants)
            .map(|s| generate(&self.id, s, &BTreeMap::new()).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(exercise_block(&self.id, &instances))
    }
}

/// The HTML block of one embedded exercise: the contract with `clientele.js`.
pub fn exercise_block(id: &str, instances: &[Instance]) -> String {
    let entry = catalog::catalog().find(id).expect("type du catalogue");
    let data = json!({
        "id": id,
        "title": entry.titre,
        "savoirs": entry.savoirs,
        "variants": instances.iter().map(variant).collect::<Vec<_>>(),
    });
    let id_attr = html_attribute(id);
    let id_code = html_text(id);
    format!(
        "\n<div class=\"clientele-exercice\" data-exercice=\"{id_attr}\">\n\
         <script type=\"application/json\">{}</script>\n\
         <noscript><p>Activez JavaScript pour faire cet exercice dans la page, ou générez-le avec <code>clientele generate {id_code}</code>.</p></noscript>\n\
         </div>\n",
        script_json(&data)
    )
}

/// One variant as the JavaScript reads it.
pub fn variant(inst: &Instance) -> Value {
    let params: serde_json::Map<String, Value> = inst
        .params
        .iter()
        .filter_map(|(k, v)| match v {
            ParamValue::Number(d) => Some((k.to_string(), Value::String(d.to_string()))),
            ParamValue::Choice(_) => None,
        })
        .collect();
    let questions: Vec<Value> = inst
        .questions
        .iter()
        .map(|q| {
            let mut v = json!({
                "key": q.key,
                "label": q.label,
                "prompt_html": markdown_html(&q.prompt),
                "unit": q.unit,
                "answer": q.answer.to_string(),
                "tolerance": q.grading_tolerance().to_string(),
                "points": q.points.to_string(),
                "formula": q.formula,
                "mistakes": q.mistakes.iter().map(|m| json!({
                    "answer": m.answer.to_string(),
                    "note": m.note,
                    "message": m.message,
                })).collect::<Vec<_>>(),
                "step_html": markdown_html(&q.step),
            });
            if let (false, Some(obj)) = (q.accepted.is_empty(), v.as_object_mut()) {
                let accepted = q.accepted.iter().map(|m| {
                    json!({
                        "answer": m.answer.to_string(),
                        "note": m.note,
                        "message": m.message,
                    })
                });
                obj.insert("accepted".to_string(), accepted.collect());
            }
            // An SQL query or a schema: the browser cannot run the corrector, it shows
            // the expected result after an attempt (the schema and sample rows are in
            // the statement).
            if let (Some(check), Some(obj)) = (&q.check, v.as_object_mut()) {
                let mut c = serde_json::to_value(check).expect("JSON");
                if let Some(m) = c.as_object_mut() {
                    m.remove("variants");
                }
                obj.insert("check".to_string(), c);
            }
            v
        })
        .collect();
    json!({
        "code": inst.code,
        "seed": inst.seed,
        "params": params,
        "statement_html": markdown_html(&inst.statement),
        "solution_html": markdown_html(&inst.solution),
        "questions": questions,
    })
}

/// Markdown of an instance to HTML (tables on; raw HTML such as SVG charts passes).
pub fn markdown_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    out
}

/// JSON that can sit inside `<script>`: `<`, `>` and `&` are written as `\u003c`… so
/// that neither `</script>` nor `<!--` can appear.
pub fn script_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_attribute(s: &str) -> String {
    html_text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directive_options() {
        let d = Directive::parse(" prix/net-a-payer variantes=3 graine=7").unwrap();
        assert_eq!((d.variants, d.seed), (3, 7));
        let d = Directive::parse(" prix/net-a-payer").unwrap();
        assert_eq!((d.variants, d.seed), (DEFAULT_VARIANTS, DEFAULT_SEED));
        for bad in [
            "",
            " prix/xyz",
            " prix/net-a-payer variantes=0",
            " prix/net-a-payer variantes=101",
            " prix/net-a-payer variantes=x",
            " prix/net-a-payer couleur=2",
            " prix/net-a-payer graine=1 graine=2",
            " prix/net-a-payer graine",
        ] {
            assert!(Directive::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn code_is_left_alone() {
        let src = "`$x$` et `{{#exercice prix/xyz}}`\n\n```\n$$\\frac{a}{$$\n{{#exercice prix/xyz}}\n```\n";
        assert_eq!(expand(src, "f.md").unwrap(), src);
    }

    #[test]
    fn lone_dollars_stay() {
        for src in [
            "Il coûte 5 $ et 10 $.",
            "$ x$",
            "de 5$ à 10$",
            "un $$ seul",
            "\\$x\\$",
        ] {
            assert_eq!(expand(src, "f.md").unwrap(), src);
        }
    }

    #[test]
    fn formulas_become_mathml() {
        let out = expand("Soit $x_i$ et\n\n$$\\frac{a}{b}$$\n", "f.md").unwrap();
        assert!(out.contains("<math display=\"inline\"><msub>"), "{out}");
        assert!(out.contains("<math display=\"block\"><mfrac>"), "{out}");
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = expand("a\nb\n\n$\\frac{1}{$ c", "book/src/x.md").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("book/src/x.md", 4));
        let e = expand("a\n{{#exercice prix/xyz}}\n", "book/src/x.md").unwrap_err();
        assert_eq!(
            e.to_string(),
            "book/src/x.md ligne 2 : type d'exercice inconnu « prix/xyz » (voir clientele list)"
        );
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let v = json!({"s": "</script><!-- & -->"});
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }
}
