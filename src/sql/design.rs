//! Relational schemas typed by a student, in the notation of French textbooks.
//!
//! One table a line: `commandes (*id_commande, date_commande : date, #id_client)`.
//! `*` marks a field of the primary key, `#` a foreign key (both for a field of a
//! composite key that is also a foreign key: `*#id_commande`), `: type` gives a type
//! (texte, entier, décimal, date). Tables may also be separated by `;`. Names are read
//! without regard to case; a student's table is matched with the expected one by its
//! primary key, else by its name.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub primary: bool,
    pub foreign: bool,
    pub ty: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignTable {
    pub name: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    pub tables: Vec<DesignTable>,
}

fn clean(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The canonical name of a type, or `None` for one this notation does not know.
pub fn canonical_type(t: &str) -> Option<&'static str> {
    let t = clean(t);
    let t = t.split('(').next().unwrap_or("").trim();
    Some(match t {
        "texte" | "text" | "varchar" | "char" | "chaine" | "chaîne" | "alphanumérique"
        | "alphanumerique" | "string" => "texte",
        "entier" | "integer" | "int" | "nombre entier" => "entier",
        "decimal" | "décimal" | "reel" | "réel" | "real" | "numeric" | "numérique"
        | "numerique" | "float" | "monétaire" | "monetaire" => "décimal",
        "date" => "date",
        _ => return None,
    })
}

/// Reads a schema; the error names the line.
pub fn parse(text: &str) -> Result<Schema, String> {
    let mut tables = Vec::new();
    let mut lineno = 0;
    for raw_line in text.lines() {
        lineno += 1;
        for part in raw_line.split(';') {
            let line = part.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let at = format!("ligne {lineno}");
            let (name, rest) = line.split_once('(').ok_or_else(|| {
                format!("{at} : « {line} » — écrivez une table par ligne sous la forme table (*cle, champ, #cle_etrangere).")
            })?;
            let inside = rest.trim_end().strip_suffix(')').ok_or_else(|| {
                format!(
                    "{at} : la parenthèse de la table « {} » n'est pas fermée.",
                    name.trim()
                )
            })?;
            let name = clean(name);
            if name.is_empty() || name.contains(char::is_whitespace) {
                return Err(format!(
                    "{at} : nom de table invalide « {name} » (un seul mot, par exemple lignes_commande)."
                ));
            }
            let mut fields = Vec::new();
            for token in inside.split(',') {
                let (f, ty) = match token.split_once(':') {
                    Some((f, ty)) => (f, Some(ty)),
                    None => (token, None),
                };
                let mut f = f.trim();
                let (mut primary, mut foreign) = (false, false);
                loop {
                    if let Some(r) = f.strip_prefix('*') {
                        primary = true;
                        f = r.trim_start();
                    } else if let Some(r) = f.strip_prefix('#') {
                        foreign = true;
                        f = r.trim_start();
                    } else {
                        break;
                    }
                }
                let fname = clean(f);
                if fname.is_empty() || fname.contains(char::is_whitespace) {
                    return Err(format!(
                        "{at} : champ invalide « {} » dans la table « {name} » (un seul mot par champ, séparés par des virgules).",
                        token.trim()
                    ));
                }
                let ty = match ty {
                    Some(t) => Some(
                        canonical_type(t)
                            .ok_or_else(|| {
                                format!(
                                    "{at} : type inconnu « {} » pour {fname} (types : texte, entier, décimal, date).",
                                    t.trim()
                                )
                            })?
                            .to_string(),
                    ),
                    None => None,
                };
                fields.push(Field {
                    name: fname,
                    primary,
                    foreign,
                    ty,
                });
            }
            tables.push(DesignTable { name, fields });
        }
    }
    if tables.is_empty() {
        return Err("Schéma vide : écrivez une table par ligne, par exemple clients (*id_client, nom, ville).".into());
    }
    Ok(Schema { tables })
}

impl DesignTable {
    fn key(&self) -> Vec<&str> {
        let mut k: Vec<&str> = self
            .fields
            .iter()
            .filter(|f| f.primary)
            .map(|f| f.name.as_str())
            .collect();
        k.sort();
        k
    }

    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The notation of this table.
    pub fn written(&self) -> String {
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|f| {
                let mut s = String::new();
                if f.primary {
                    s.push('*');
                }
                if f.foreign {
                    s.push('#');
                }
                s.push_str(&f.name);
                if let Some(t) = &f.ty {
                    s.push_str(" : ");
                    s.push_str(t);
                }
                s
            })
            .collect();
        format!("{} ({})", self.name, fields.join(", "))
    }
}

fn singular(s: &str) -> &str {
    s.strip_suffix('s').unwrap_or(s)
}

/// What is wrong with one expected table in the student's schema (empty: right).
pub struct TableCheck {
    pub table: String,
    pub problems: Vec<String>,
}

fn list(v: &[String]) -> String {
    v.iter()
        .map(|s| format!("« {s} »"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks `got` against `expected`, table by table.
pub fn check(expected: &Schema, got: &Schema) -> Vec<TableCheck> {
    let mut out = Vec::new();
    let mut taken = vec![false; got.tables.len()];
    for t in &expected.tables {
        let by_key = got
            .tables
            .iter()
            .enumerate()
            .position(|(i, g)| !taken[i] && !g.key().is_empty() && g.key() == t.key());
        let by_name = || {
            got.tables
                .iter()
                .enumerate()
                .position(|(i, g)| !taken[i] && singular(&g.name) == singular(&t.name))
        };
        let mut problems = Vec::new();
        let Some(i) = by_key.or_else(by_name) else {
            problems.push(format!(
                "table absente (identifiant : {})",
                t.key().join(" + ")
            ));
            out.push(TableCheck {
                table: t.name.clone(),
                problems,
            });
            continue;
        };
        taken[i] = true;
        let g = &got.tables[i];
        let missing: Vec<String> = t
            .fields
            .iter()
            .filter(|f| g.field(&f.name).is_none())
            .map(|f| f.name.clone())
            .collect();
        let extra: Vec<String> = g
            .fields
            .iter()
            .filter(|f| t.field(&f.name).is_none())
            .map(|f| f.name.clone())
            .collect();
        if !missing.is_empty() {
            problems.push(format!("champs manquants : {}", list(&missing)));
        }
        if !extra.is_empty() {
            problems.push(format!(
                "champs qui n'ont pas leur place ici : {} (chaque champ est dans la table de l'objet qu'il décrit ; seule une clé étrangère est répétée)",
                list(&extra)
            ));
        }
        if g.key() != t.key() {
            problems.push(format!(
                "clé primaire : {} attendu, {} écrit",
                t.key().join(" + "),
                if g.key().is_empty() {
                    "rien".to_string()
                } else {
                    g.key().join(" + ")
                }
            ));
        }
        for f in &t.fields {
            let Some(gf) = g.field(&f.name) else { continue };
            if f.foreign && !gf.foreign {
                problems.push(format!(
                    "« {} » est une clé étrangère (elle renvoie à la table où elle est clé primaire) : marquez-la #",
                    f.name
                ));
            } else if !f.foreign && gf.foreign {
                problems.push(format!("« {} » n'est pas une clé étrangère", f.name));
            }
            if let Some(ty) = &f.ty {
                match &gf.ty {
                    None => problems.push(format!("précisez le type de « {} »", f.name)),
                    Some(gt) if gt != ty => problems.push(type_problem(&f.name, ty, gt)),
                    _ => {}
                }
            }
        }
        out.push(TableCheck {
            table: t.name.clone(),
            problems,
        });
    }
    out
}

fn type_problem(field: &str, expected: &str, got: &str) -> String {
    match (expected, got) {
        ("texte", "entier" | "décimal") => format!(
            "« {field} » : type texte, pas {got} — un code postal ou un téléphone ne se calcule pas, et un nombre perd le 0 initial (01000 deviendrait 1000)"
        ),
        ("décimal", "entier") => format!(
            "« {field} » : type décimal, pas entier — un montant a des centimes"
        ),
        ("date", _) => format!(
            "« {field} » : type date, pas {got} — une date se trie et se compare comme une date"
        ),
        _ => format!("« {field} » : type {expected} attendu, {got} écrit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_notation() {
        let s = parse("Commandes (*id_commande, date_commande : Date, #id_client)\nlignes (*#id_commande, *#id_produit, quantite:entier); produits(*id_produit)").unwrap();
        assert_eq!(s.tables.len(), 3);
        assert_eq!(s.tables[0].name, "commandes");
        assert_eq!(s.tables[0].fields[1].ty.as_deref(), Some("date"));
        assert!(s.tables[1].fields[0].primary && s.tables[1].fields[0].foreign);
        assert_eq!(
            s.tables[1].written(),
            "lignes (*#id_commande, *#id_produit, quantite : entier)"
        );
        for bad in [
            "",
            "clients",
            "clients (id, ",
            "clients (id : couleur)",
            "la table (x)",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn finds_what_differs() {
        let exp = parse("clients (*id_client, nom, code_postal : texte)\ncommandes (*id_commande, date_commande : date, #id_client)").unwrap();
        let got = parse("client (*id_client, nom, code_postal : entier)\ncommandes (*id_commande, date_commande : date, id_client, nom)").unwrap();
        let c = check(&exp, &got);
        assert_eq!(c[0].problems.len(), 1, "{:?}", c[0].problems);
        assert!(c[0].problems[0].contains("0 initial"));
        assert_eq!(c[1].problems.len(), 2, "{:?}", c[1].problems);
        assert!(check(&exp, &exp).iter().all(|t| t.problems.is_empty()));
    }
}
