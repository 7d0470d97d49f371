//! The class list (« liste de classe ») exported from a school system.

use super::table::{self, Table};
use std::collections::BTreeMap;

/// One student of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    /// What the student's variant is derived from: the `identifiant` column, or
    /// « NOM Prénom » when the export has no identifier column.
    pub id: String,
    pub nom: String,
    pub prenom: String,
    /// Line of the student in the roster file.
    pub line: usize,
}

impl Student {
    /// « Prénom NOM », as on a paper sheet.
    pub fn display_name(&self) -> String {
        match (self.prenom.is_empty(), self.nom.is_empty()) {
            (true, _) => self.nom.clone(),
            (false, true) => self.prenom.clone(),
            (false, false) => format!("{} {}", self.prenom, self.nom),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Roster {
    pub students: Vec<Student>,
    pub windows_1252: bool,
}

/// Header spellings met in school exports (normalised by [`table::normalise`]).
pub const ID_HEADERS: &[&str] = &[
    "identifiant",
    "id",
    "identifianteleve",
    "ideleve",
    "numero",
    "numeroeleve",
    "no",
    "n",
    "num",
    "ine",
    "matricule",
    "login",
    "code",
    "codeeleve",
];
pub const NOM_HEADERS: &[&str] = &["nom", "nomdefamille", "nomeleve", "nomdusage"];
pub const PRENOM_HEADERS: &[&str] = &["prenom", "prenoms", "prenomeleve"];

impl Roster {
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Roster, String> {
        let t = table::read(name, bytes)?;
        Self::from_table(&t)
    }

    fn from_table(t: &Table) -> Result<Roster, String> {
        let nom = t.column(NOM_HEADERS).ok_or_else(|| missing(t, "nom"))?;
        let prenom = t
            .column(PRENOM_HEADERS)
            .ok_or_else(|| missing(t, "prénom"))?;
        let id = t.column(ID_HEADERS);
        let mut students = Vec::with_capacity(t.rows.len());
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for row in &t.rows {
            let s = Student {
                nom: row.cells[nom].clone(),
                prenom: row.cells[prenom].clone(),
                id: match id {
                    Some(i) => row.cells[i].clone(),
                    None => format!("{} {}", row.cells[nom], row.cells[prenom])
                        .trim()
                        .to_string(),
                },
                line: row.line,
            };
            if s.id.is_empty() {
                return Err(format!(
                    "« {} », ligne {} : identifiant vide (chaque élève doit avoir un identifiant, \
                     qui détermine ses valeurs).",
                    t.name, row.line
                ));
            }
            if s.nom.is_empty() && s.prenom.is_empty() {
                return Err(format!(
                    "« {} », ligne {} : ni nom ni prénom pour l'élève « {} ».",
                    t.name, row.line, s.id
                ));
            }
            if let Some(first) = seen.insert(s.id.clone(), row.line) {
                return Err(format!(
                    "« {} », ligne {} : l'élève « {} » figure déjà ligne {first} (ligne en double ; \
                     deux élèves ne peuvent pas avoir le même identifiant).",
                    t.name, row.line, s.id
                ));
            }
            students.push(s);
        }
        if students.is_empty() {
            return Err(format!("« {} » ne contient aucun élève.", t.name));
        }
        Ok(Roster {
            students,
            windows_1252: t.windows_1252,
        })
    }

    pub fn find(&self, id: &str) -> Option<&Student> {
        self.students.iter().find(|s| s.id == id)
    }
}

fn missing(t: &Table, what: &str) -> String {
    format!(
        "« {} », ligne 1 : colonne « {what} » introuvable. Colonnes trouvées : {}. \
         Colonnes attendues : nom, prénom et, de préférence, identifiant.",
        t.name,
        t.headers
            .iter()
            .map(|h| format!("« {h} »"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}
