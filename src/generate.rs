//! Drawing an instance: `f(type, seed, fixed parameters)`.
//!
//! An exercise module only describes its parameters and builds its content from a
//! [`Draw`]; this module owns everything they share: validating a teacher's `--set`
//! values, redrawing degenerate combinations, filtering the known mistakes, assembling
//! the worked solution and computing the instance code.

use crate::catalog::{self, TypeEntry};
use crate::code;
use crate::exercises;
use crate::model::{Content, Instance, ParamValue, Params, Question, Unit};
use crate::num::tolerance::{within, Scaled};
use crate::num::{format, parse};
use crate::rng::Rng;
use crate::text::push_capitalised;
use crate::typography::{elisions, minus_signs};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// The kind of value a parameter takes.
#[derive(Debug, Clone)]
pub enum ParamKind {
    /// A decimal in `[min, max]`, in the given unit.
    Decimal {
        min: Decimal,
        max: Decimal,
        unit: Unit,
    },
    /// An integer in `[min, max]`.
    Integer { min: i64, max: i64 },
    /// One of a list of `(value, French description)`. With a `default` it is a
    /// convention (not drawn unless fixed); without, a variant drawn at random.
    Choice {
        values: &'static [(&'static str, &'static str)],
        default: Option<&'static str>,
    },
}

/// A parameter an exercise type accepts with `--set`.
#[derive(Debug, Clone)]
pub struct ParamSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: ParamKind,
}

impl ParamSpec {
    pub fn decimal(
        name: &'static str,
        description: &'static str,
        min: &str,
        max: &str,
        unit: Unit,
    ) -> Self {
        let min = min.parse().expect("borne décimale");
        let max = max.parse().expect("borne décimale");
        ParamSpec {
            name,
            description,
            kind: ParamKind::Decimal { min, max, unit },
        }
    }

    pub fn integer(name: &'static str, description: &'static str, min: i64, max: i64) -> Self {
        ParamSpec {
            name,
            description,
            kind: ParamKind::Integer { min, max },
        }
    }

    pub fn convention(
        name: &'static str,
        description: &'static str,
        values: &'static [(&'static str, &'static str)],
    ) -> Self {
        let default = Some(values[0].0);
        ParamSpec {
            name,
            description,
            kind: ParamKind::Choice { values, default },
        }
    }

    pub fn variant(
        name: &'static str,
        description: &'static str,
        values: &'static [(&'static str, &'static str)],
    ) -> Self {
        ParamSpec {
            name,
            description,
            kind: ParamKind::Choice {
                values,
                default: None,
            },
        }
    }

    /// The accepted values, as a French phrase for `list` and error messages.
    pub fn domain(&self) -> String {
        match &self.kind {
            ParamKind::Decimal { min, max, unit } => {
                let u = match unit {
                    Unit::Percent => " (en %)",
                    Unit::Euros => " (en euros)",
                    Unit::Days => " (en jours)",
                    _ => "",
                };
                format!(
                    "nombre de {} à {}{u}",
                    format::number(*min, 4),
                    format::number(*max, 4)
                )
            }
            ParamKind::Integer { min, max } => format!(
                "entier de {} à {}",
                format::number(Decimal::from(*min), 0),
                format::number(Decimal::from(*max), 0)
            ),
            ParamKind::Choice { values, default } => {
                let list: Vec<String> = values.iter().map(|(v, _)| v.to_string()).collect();
                match default {
                    Some(d) => format!("{} (défaut : {d})", list.join(" | ")),
                    None => format!("{} (tiré au hasard)", list.join(" | ")),
                }
            }
        }
    }
}

/// Why an instance could not be generated. Messages are French and complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenError {
    UnknownType(String),
    UnknownParam {
        name: String,
        id: String,
        valid: Vec<String>,
    },
    InvalidValue {
        name: String,
        value: String,
        expected: String,
    },
    Degenerate {
        id: String,
        reason: String,
    },
}

impl std::fmt::Display for GenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenError::UnknownType(id) => {
                let ids: Vec<&str> = catalog::catalog()
                    .types
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect();
                write!(
                    f,
                    "Type d'exercice inconnu : « {id} ». Types disponibles : {}.",
                    ids.join(", ")
                )
            }
            GenError::UnknownParam { name, id, valid } => write!(
                f,
                "Paramètre inconnu « {name} » pour {id}. Paramètres acceptés :\n  {}",
                valid.join("\n  ")
            ),
            GenError::InvalidValue {
                name,
                value,
                expected,
            } => {
                write!(
                    f,
                    "Valeur invalide pour « {name} » : « {value} ». Attendu : {expected}."
                )
            }
            GenError::Degenerate { id, reason } => write!(
                f,
                "Impossible de générer {id} avec ces paramètres fixés : {reason}. \
                 Modifiez ou retirez un des --set."
            ),
        }
    }
}

impl std::error::Error for GenError {}

/// Marks a drawn combination that would make a meaningless exercise (a zero, a negative
/// margin where none is meant…); the generator draws again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Degenerate(pub Cow<'static, str>);

/// What an exercise type provides.
pub trait Exercise: Sync {
    fn id(&self) -> &'static str;
    /// The output version its codes carry (`NAP2-…`). A version, once published, is never
    /// changed: the frozen copies in [`crate::v1`] keep regenerating the codes of version 1.
    fn version(&self) -> u32;
    fn params(&self) -> Vec<ParamSpec>;
    fn build(&self, draw: &mut Draw) -> Result<Content, Degenerate>;
}

/// The drawing state handed to an exercise module.
pub struct Draw<'a> {
    rng: Rng,
    fixed: &'a Params,
    specs: &'a [ParamSpec],
    /// The values drawn so far, in drawing order: put in order once, when the instance is
    /// assembled (a map insertion per draw was a noticeable cost).
    params: Vec<(&'static str, ParamValue)>,
}

impl<'a> Draw<'a> {
    /// Randomness for what is not a parameter (business, customer, date).
    pub fn rng(&mut self) -> &mut Rng {
        &mut self.rng
    }

    fn spec(&self, name: &str) -> &ParamSpec {
        // A module names its parameters with the literals of its own `params()`, so the
        // same pointer usually finds it without comparing text.
        self.specs
            .iter()
            .find(|s| std::ptr::eq(s.name, name))
            .or_else(|| self.specs.iter().find(|s| s.name == name))
            .unwrap_or_else(|| panic!("paramètre « {name} » non déclaré"))
    }

    /// A numeric parameter: the teacher's value if fixed, else `draw(rng)`.
    pub fn number(
        &mut self,
        name: &'static str,
        draw: impl FnOnce(&mut Rng) -> Decimal,
    ) -> Decimal {
        // An undeclared parameter is a bug of the exercise module, which the test suite
        // (built in debug) catches on every type; release builds skip the lookup.
        debug_assert!(
            self.specs.iter().any(|s| s.name == name),
            "paramètre « {name} » non déclaré"
        );
        let v = match self.fixed.get(name).and_then(ParamValue::as_number) {
            Some(v) => v,
            None => draw(&mut self.rng).normalize(),
        };
        self.params.push((name, ParamValue::Number(v)));
        v
    }

    /// An integer parameter, drawn uniformly in its declared range unless fixed.
    pub fn integer(&mut self, name: &'static str) -> i64 {
        let (min, max) = match self.spec(name).kind {
            ParamKind::Integer { min, max } => (min, max),
            _ => panic!("« {name} » n'est pas entier"),
        };
        let v = self.number(name, |r| Decimal::from(r.int(min, max)));
        i64::try_from(v).expect("entier validé")
    }

    /// A choice parameter: fixed, else its convention default, else drawn.
    pub fn choice(&mut self, name: &'static str) -> &'static str {
        let (values, default) = match &self.spec(name).kind {
            ParamKind::Choice { values, default } => (*values, *default),
            _ => panic!("« {name} » n'est pas un choix"),
        };
        let v = match self.fixed.get(name) {
            Some(ParamValue::Choice(s)) => {
                values.iter().find(|(v, _)| v == s).expect("choix validé").0
            }
            _ => match default {
                Some(d) => d,
                None => self.rng.pick(values).0,
            },
        };
        self.params
            .push((name, ParamValue::Choice(Cow::Borrowed(v))));
        v
    }

    /// Whether the teacher fixed this parameter (a module may then skip a redraw).
    pub fn is_fixed(&self, name: &str) -> bool {
        self.fixed.contains_key(name)
    }
}

/// Checks raw `--set NAME=VALUE` pairs against a type's parameters.
pub fn validate_overrides(
    exercise: &dyn Exercise,
    raw: &BTreeMap<String, String>,
) -> Result<Params, GenError> {
    let specs = exercise.params();
    let mut out = Params::new();
    for (name, value) in raw {
        let spec = specs
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| GenError::UnknownParam {
                name: name.clone(),
                id: exercise.id().to_string(),
                valid: specs
                    .iter()
                    .map(|s| format!("{} : {} — {}", s.name, s.domain(), s.description))
                    .collect(),
            })?;
        let invalid = || GenError::InvalidValue {
            name: name.clone(),
            value: value.clone(),
            expected: spec.domain(),
        };
        let v = match &spec.kind {
            ParamKind::Decimal { min, max, .. } => {
                let d = parse::parse_answer(value).map_err(|_| invalid())?.value;
                if d < *min || d > *max {
                    return Err(invalid());
                }
                ParamValue::Number(d.normalize())
            }
            ParamKind::Integer { min, max } => {
                let d = parse::parse_answer(value).map_err(|_| invalid())?.value;
                if d.fract() != Decimal::ZERO || d < Decimal::from(*min) || d > Decimal::from(*max)
                {
                    return Err(invalid());
                }
                ParamValue::Number(d.normalize())
            }
            ParamKind::Choice { values, .. } => match values.iter().find(|(v, _)| v == value) {
                Some((v, _)) => ParamValue::Choice(Cow::Borrowed(v)),
                None => return Err(invalid()),
            },
        };
        out.insert(Cow::Borrowed(spec.name), v);
    }
    Ok(out)
}

/// The canonical text of fixed parameters, hashed into the code.
fn canonical(fixed: &Params) -> String {
    fixed.iter().map(|(k, v)| format!("{k}={v};")).collect()
}

const MAX_ATTEMPTS: usize = 500;

/// Generates the instance of type `id` for `seed` and the fixed parameters `raw`.
pub fn generate(id: &str, seed: u64, raw: &BTreeMap<String, String>) -> Result<Instance, GenError> {
    let entry = catalog::catalog()
        .find(id)
        .ok_or_else(|| GenError::UnknownType(id.to_string()))?;
    let exercise = exercises::find(id).ok_or_else(|| GenError::UnknownType(id.to_string()))?;
    let fixed = validate_overrides(exercise, raw)?;
    generate_with(entry, exercise, seed, &fixed)
}

/// The parameters of every registered type, declared once: rebuilding the list for each
/// instance was a noticeable part of the generation time.
static SPECS: LazyLock<HashMap<&'static str, Vec<ParamSpec>>> = LazyLock::new(|| {
    exercises::ALL
        .iter()
        .map(|e| (e.id(), e.params()))
        .collect()
});

/// The parameters of `exercise`: cached for the registered types, built for others (tests).
fn specs_of(exercise: &dyn Exercise) -> Cow<'static, [ParamSpec]> {
    match SPECS.get(exercise.id()) {
        Some(specs) => Cow::Borrowed(specs),
        None => Cow::Owned(exercise.params()),
    }
}

/// Generates from already validated parameters. `entry` is the catalog's (which lives as
/// long as the program): the instance borrows its id, title and savoirs.
pub fn generate_with(
    entry: &'static TypeEntry,
    exercise: &dyn Exercise,
    seed: u64,
    fixed: &Params,
) -> Result<Instance, GenError> {
    let specs = specs_of(exercise);
    let mut draw = Draw {
        rng: Rng::from_seed(seed),
        fixed,
        specs: &specs,
        params: Vec::with_capacity(specs.len()),
    };
    let mut last = Cow::Borrowed("");
    for _ in 0..MAX_ATTEMPTS {
        draw.params.clear();
        match exercise.build(&mut draw) {
            Ok(mut content) => {
                if exercise.version() >= 2 {
                    minus_signs_in(&mut content);
                    // Half a unit of the precision a prompt asks for, declared once here
                    // rather than in each module (version 1 keeps its published tolerance;
                    // the marker tightens it the same way).
                    for q in &mut content.questions {
                        let t = q.grading_tolerance();
                        if t != q.tolerance {
                            q.tolerance = t.normalize();
                        }
                    }
                }
                return Ok(assemble(entry, exercise, seed, fixed, draw.params, content));
            }
            Err(Degenerate(reason)) => last = reason,
        }
    }
    Err(GenError::Degenerate {
        id: entry.id.clone(),
        reason: last.into_owned(),
    })
}

/// The French minus sign and the elision of « de » in every text of `content` (see
/// [`crate::typography`]).
fn minus_signs_in(content: &mut Content) {
    fn fixed(s: &str) -> Option<String> {
        match (minus_signs(s), elisions(s)) {
            (Cow::Borrowed(_), Cow::Borrowed(_)) => None,
            (Cow::Owned(t), _) => Some(elisions(&t).into_owned()),
            (Cow::Borrowed(_), Cow::Owned(t)) => Some(t),
        }
    }
    fn fix(s: &mut String) {
        if let Some(t) = fixed(s) {
            *s = t;
        }
    }
    fn fix_cow(s: &mut Cow<'static, str>) {
        if let Some(t) = fixed(s) {
            *s = Cow::Owned(t);
        }
    }
    fix(&mut content.statement);
    fix(&mut content.solution_intro);
    fix(&mut content.solution_outro);
    for q in &mut content.questions {
        fix_cow(&mut q.prompt);
        fix(&mut q.step);
        for m in &mut q.mistakes {
            fix_cow(&mut m.message);
        }
    }
}

fn assemble(
    entry: &'static TypeEntry,
    exercise: &dyn Exercise,
    seed: u64,
    fixed: &Params,
    mut params: Vec<(&'static str, ParamValue)>,
    content: Content,
) -> Instance {
    // In name order before the map sorts them (it then only checks the order): names
    // compared by their first byte first, where most differ, as a whole comparison is a
    // library call and sorting a dozen names cost 5 % of generating an invoice
    // (callgrind). Stable, so a name drawn twice keeps its values in drawing order.
    params.sort_by(|(a, _), (b, _)| {
        a.as_bytes()
            .first()
            .cmp(&b.as_bytes().first())
            .then_with(|| a.cmp(b))
    });
    let hash = (!fixed.is_empty()).then(|| code::params_hash(&canonical(fixed)));
    let code = code::encode(&entry.prefixe, exercise.version(), seed, hash.as_deref());
    let mut questions = content.questions;
    questions.iter_mut().for_each(prune_mistakes);
    let steps: usize = questions
        .iter()
        .map(|q| q.label.len() + q.step.len() + 16)
        .sum();
    let mut solution = String::with_capacity(
        content.solution_intro.len() + steps + content.solution_outro.len() + 4,
    );
    if !content.solution_intro.is_empty() {
        solution.push_str(&content.solution_intro);
        solution.push_str("\n\n");
    }
    for (i, q) in questions.iter().enumerate() {
        crate::push_text!(solution, "**", i + 1, ". ");
        push_capitalised(&mut solution, q.label);
        solution.push_str("**\n\n");
        solution.push_str(&q.step);
        solution.push_str("\n\n");
    }
    if !content.solution_outro.is_empty() {
        solution.push_str(&content.solution_outro);
        solution.push('\n');
    }
    solution.truncate(solution.trim_end().len());
    solution.push('\n');
    Instance {
        id: &entry.id,
        title: &entry.titre,
        seed,
        code,
        savoirs: &entry.savoirs,
        // A parameter drawn twice keeps its last value (`collect` keeps the last of equal
        // keys, as `insert` would).
        params: params
            .into_iter()
            .map(|(k, v)| (Cow::Borrowed(k), v))
            .collect(),
        statement: content.statement,
        questions,
        solution,
    }
}

/// A known mistake is only worth diagnosing if it cannot be confused with the right
/// answer or with an earlier listed mistake for these parameters (with one reduction,
/// "rates added" and "rates cascaded" give the same value).
fn prune_mistakes(q: &mut Question) {
    /// The answer and up to 15 mistakes (every type has fewer) compared as integers.
    const VALUES: usize = 16;
    let margin = q.tolerance * Decimal::TWO;
    let values = std::iter::once(q.answer).chain(q.mistakes.iter().map(|m| m.answer));
    if let Some(scaled) = Scaled::<VALUES>::new(values, margin) {
        // `kept[..n]`: the indices (among the values) of the answer and the mistakes kept so far.
        let mut kept = [0; VALUES];
        let mut n = 1;
        let mut i = 0;
        q.mistakes.retain(|_| {
            i += 1;
            let keep = !kept[..n].iter().any(|&k| scaled.near(i, k));
            if keep {
                kept[n] = i;
                n += 1;
            }
            keep
        });
        return;
    }
    let answer = q.answer;
    // In place: `mistakes[..i]` are the ones kept so far.
    let mut i = 0;
    while i < q.mistakes.len() {
        let value = q.mistakes[i].answer;
        let near = |x: Decimal| within(value, x, margin);
        if near(answer) || q.mistakes[..i].iter().any(|k| near(k.answer)) {
            q.mistakes.remove(i);
        } else {
            i += 1;
        }
    }
}

/// A seed for a user who gave none: random, but short enough for a readable code.
pub fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(std::process::id() as u64);
    h.finish() % 33_554_432 // 32^5: five base-32 characters
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Draws `taux` twice (a module redrawing a value) and a choice, then stops.
    struct TwoDraws;

    impl Exercise for TwoDraws {
        fn id(&self) -> &'static str {
            "test/deux-tirages"
        }
        fn version(&self) -> u32 {
            1
        }
        fn params(&self) -> Vec<ParamSpec> {
            vec![
                ParamSpec::decimal("taux", "un taux", "0", "100", Unit::Percent),
                ParamSpec::variant("sens", "un sens", &[("haut", "vers le haut")]),
            ]
        }
        fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
            d.choice("sens");
            d.number("taux", |_| dec!(10));
            d.number("taux", |_| dec!(20));
            Ok(Content {
                statement: String::new(),
                questions: Vec::new(),
                solution_intro: String::new(),
                solution_outro: String::new(),
            })
        }
    }

    /// Mistakes within twice the tolerance of the answer or of a mistake kept before them
    /// are dropped, whether the values compare as integers or (a mantissa beyond 64 bits)
    /// as decimals.
    #[test]
    fn mistakes_near_the_answer_or_an_earlier_one_are_pruned() {
        let question = |extra: &[Decimal]| {
            let mut q = Question::new("x", "x", "x", dec!(10), Unit::Euros);
            // 10,02 and 12,015 are within 0,02 € of the answer and of 12 €; 10,03 is not.
            for v in [dec!(10.02), dec!(12), dec!(12.015), dec!(10.03), dec!(12)]
                .iter()
                .chain(extra)
            {
                q = q.mistake(*v, "n", "m");
            }
            prune_mistakes(&mut q);
            q.mistakes.iter().map(|m| m.answer).collect::<Vec<_>>()
        };
        assert_eq!(question(&[]), [dec!(12), dec!(10.03)]);
        let huge = Decimal::MAX;
        assert_eq!(
            question(&[huge, dec!(12.01)]),
            [dec!(12), dec!(10.03), huge]
        );
        // More mistakes than the integer comparison holds: the same rule.
        let many: Vec<Decimal> = (0..20).map(|i| Decimal::from(20 + i % 10)).collect();
        let mut expected = vec![dec!(12), dec!(10.03)];
        expected.extend((20..30).map(Decimal::from));
        assert_eq!(question(&many), expected);
    }

    #[test]
    fn parameters_come_out_sorted_with_their_last_value() {
        let entry = catalog::catalog().types.first().expect("catalogue");
        let inst = generate_with(entry, &TwoDraws, 1, &Params::new()).unwrap();
        let params: Vec<(&str, String)> = inst
            .params
            .iter()
            .map(|(k, v)| (k.as_ref(), v.to_string()))
            .collect();
        assert_eq!(params, [("sens", "haut".into()), ("taux", "20".into())]);
    }
}
