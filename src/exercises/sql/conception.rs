//! `sql/conception`: from a business need to a relational schema (S822). The student
//! is given the need, the management rules and the data dictionary, and writes the
//! schema in the textbook notation (`crate::sql::design`): which table holds which
//! field, primary and foreign keys, and the type of the fields marked in the
//! dictionary. Checked table by table.

use crate::exercises::context::Scene;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Check, Content, Question, SchemaCheck, Unit};
use crate::sql::design;
use crate::sql::pools::pools;
use rust_decimal::Decimal;

pub struct Conception;

const NEEDS: &[(&str, &str)] = &[
    ("visites", "suivi des visites des commerciaux"),
    ("commandes", "commandes et lignes de commande"),
    ("prospection", "fichier de prospection et salons"),
    ("fidelite", "programme de fidélité"),
];

impl Exercise for Conception {
    fn id(&self) -> &'static str {
        "sql/conception"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![ParamSpec::variant("besoin", "besoin à modéliser", NEEDS)]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let need = d.choice("besoin");
        let k = NEEDS.iter().position(|(v, _)| *v == need).unwrap_or(0);
        let spec = pools()
            .conception
            .get(k)
            .ok_or_else(|| Degenerate("besoin absent de base-clients.toml".into()))?;
        let scene = Scene::draw(d.rng());
        let reference = spec.schema.join("\n");
        let schema = design::parse(&reference).expect("schéma de base-clients.toml valide");
        let typed: Vec<&str> = schema
            .tables
            .iter()
            .flat_map(|t| &t.fields)
            .filter(|f| f.ty.is_some())
            .map(|f| f.name.as_str())
            .collect();
        // The dictionary in a stable order that does not give the tables away.
        let mut fields: Vec<(&String, &String)> = spec.champs.iter().collect();
        fields.sort();
        let mut dict = String::from("| champ | signification |\n|---|---|\n");
        for (f, m) in &fields {
            let mark = if typed.contains(&f.as_str()) {
                " *(type à préciser)*"
            } else {
                ""
            };
            dict.push_str(&format!("| `{f}` | {m}{mark} |\n"));
        }
        let rules: String = spec
            .regles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let end = if i + 1 == spec.regles.len() {
                    "."
                } else {
                    " ;"
                };
                format!("- {r}{end}\n")
            })
            .collect();
        let tables: Vec<String> = schema
            .tables
            .iter()
            .map(|t| format!("`{}`", t.name))
            .collect();
        let statement = format!(
            "{seller} veut {besoin}. Vous préparez le schéma relationnel de la base de données \
             qui servira à le faire.\n\n\
             Règles de gestion :\n\n{rules}\n\
             Dictionnaire des données (chaque champ apparaît dans une table, et une clé \
             étrangère en plus dans la table qui y fait référence) :\n\n{dict}\n\
             Le schéma comporte {n} tables : {tables}.\n\n\
             **Notation attendue** — une table par ligne, `table (champ, champ, …)` ; `*` devant \
             chaque champ de la clé primaire, `#` devant une clé étrangère (`*#` pour un champ \
             qui est les deux) ; `: type` après un champ dont le type est demandé (texte, \
             entier, décimal, date). Exemple : `factures (*id_facture, date_facture : date, \
             #id_client)`. Dans un fichier de réponses : `schema = \"\"\"` puis les lignes, puis \
             `\"\"\"`.\n",
            seller = crate::text::capitalise(scene.seller()),
            besoin = spec.besoin,
            n = schema.tables.len(),
            tables = crate::text::french_list(&tables),
        );
        let steps: Vec<String> = schema
            .tables
            .iter()
            .map(|t| format!("    {}", t.written()))
            .collect();
        let q = Question::new(
            "schema",
            "schéma relationnel",
            "Écrivez le schéma relationnel (tables, champs, clés primaires et étrangères, types \
             demandés).",
            Decimal::from(schema.tables.len() as u64),
            Unit::Number,
        )
        .points(Decimal::from(schema.tables.len() as u64))
        .step(format!(
            "Le schéma attendu (un point par table juste) :\n\n{}\n\n\
             Chaque objet de gestion a sa table et son identifiant (clé primaire). Une \
             relation « un … pour plusieurs … » se traduit par une clé étrangère du côté \
             « plusieurs » (elle reprend la clé primaire de l'autre table) ; une relation \
             « plusieurs pour plusieurs » porteuse d'une donnée (une quantité) devient une \
             table dont la clé primaire réunit les deux clés étrangères. Les codes postaux et \
             téléphones sont des textes (on ne calcule pas avec, et le 0 initial doit rester), \
             les montants des décimaux.",
            steps.join("\n")
        ))
        .checked_by(Check::Schema(SchemaCheck { reference }));
        Ok(Content {
            statement,
            questions: vec![q],
            solution_intro: String::new(),
            solution_outro: String::new(),
        })
    }
}
