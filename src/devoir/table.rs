//! Reading the CSV files a teacher brings (rosters, filled answer sheets).
//!
//! They come from school systems and spreadsheets, so this module accepts what those
//! produce: UTF-8 with or without a byte-order mark, or Windows-1252 (what Excel on a
//! French Windows writes for « CSV (séparateur : point-virgule) »: refusing it would
//! leave most teachers stuck, and every byte of it decodes unambiguously); comma or
//! semicolon separators; headers in any case, with or without accents. UTF-16 and
//! binary files are refused with the line where the problem is.

use encoding_rs::WINDOWS_1252;

/// A decoded CSV file: header and records, each record with its line number in the file.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Set when the file was not UTF-8 and was read as Windows-1252 (the CLI says so).
    pub windows_1252: bool,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line number in the file, as a spreadsheet shows it.
    pub line: usize,
    pub cells: Vec<String>,
}

/// Turns the raw bytes of a file into text; `name` is used in messages.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, bool), String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(format!(
            "« {name} » est enregistré en UTF-16 (ligne 1) : enregistrez-le en « CSV UTF-8 » \
             (ou CSV point-virgule) depuis votre tableur."
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let (text, latin) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), false),
        Err(_) => {
            let (t, _, _) = WINDOWS_1252.decode(bytes);
            (t.into_owned(), true)
        }
    };
    // NUL and other control characters (C1 after a Windows-1252 reading) mean a binary
    // file or another encoding: refuse rather than produce garbled names.
    for (i, line) in text.split('\n').enumerate() {
        if let Some(c) = line
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\r' | '\t'))
        {
            return Err(format!(
                "« {name} », ligne {} : caractère de contrôle U+{:04X} inattendu ; le fichier \
                 n'est pas un CSV texte en UTF-8 ou Windows-1252. Enregistrez-le en « CSV UTF-8 » \
                 depuis votre tableur.",
                i + 1,
                c as u32
            ));
        }
    }
    Ok((text, latin))
}

/// The separator of the file, read from its header line: the one of `;`, `,` and tab
/// that appears most often there (French spreadsheets write `;`).
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let (semi, comma, tab) = (count(';'), count(','), count('\t'));
    if tab > semi && tab > comma {
        b'\t'
    } else if semi >= comma && semi > 0 {
        b';'
    } else {
        b','
    }
}

/// Reads a CSV file from its bytes. Blank lines are skipped; every record must have
/// as many cells as the header (a message names the line otherwise).
pub fn read(name: &str, bytes: &[u8]) -> Result<Table, String> {
    let (text, windows_1252) = decode(name, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map(|p| line_of(&text, p.byte() as usize))
                .unwrap_or(0);
            format!("« {name} », ligne {line} : CSV illisible ({e}).")
        })?;
        // Counted from the byte offset, which also works for CRLF files.
        let line = record
            .position()
            .map(|p| line_of(&text, p.byte() as usize))
            .unwrap_or(0);
        // A text cell the tool wrote with a `'` before a formula character gets it back
        // (see `crate::escape`).
        let cells: Vec<String> = record
            .iter()
            .map(|c| crate::escape::csv_unprefixed(c.trim()).to_string())
            .collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        match &headers {
            None => headers = Some(cells),
            Some(h) => {
                if cells.len() > h.len() && cells[h.len()..].iter().any(|c| !c.is_empty()) {
                    return Err(format!(
                        "« {name} », ligne {line} : {} cellules alors que l'en-tête a {} colonnes \
                         (séparateur en trop dans une cellule ?).",
                        cells.len(),
                        h.len()
                    ));
                }
                let mut cells = cells;
                cells.resize(h.len(), String::new());
                rows.push(Row { line, cells });
            }
        }
    }
    let headers = headers
        .ok_or_else(|| format!("« {name} » est vide : il faut au moins une ligne d'en-tête."))?;
    Ok(Table {
        name: name.to_string(),
        headers,
        rows,
        windows_1252,
    })
}

/// The 1-based line of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    // A record's offset may point at the line break that ends the previous one (CRLF,
    // blank lines): the record starts after it.
    let bytes = text.as_bytes();
    let mut at = at.min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A header reduced to compare spellings: lowercase ASCII letters and digits only,
/// accents removed (« Prénom », « PRENOM », « prénom » → `prenom`).
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'œ' => 'o',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

impl Table {
    /// The index of the first column whose normalised header is one of `names`.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.contains(&normalise(h).as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_compare_without_case_accents_or_punctuation() {
        assert_eq!(normalise("Prénom"), "prenom");
        assert_eq!(normalise(" PRÉNOM "), "prenom");
        assert_eq!(normalise("N°"), "n");
        assert_eq!(normalise("Nom de famille"), "nomdefamille");
        assert_eq!(normalise("Identifiant élève"), "identifianteleve");
    }

    #[test]
    fn the_separator_is_read_from_the_header() {
        assert_eq!(delimiter("nom;prénom;id\n"), b';');
        assert_eq!(delimiter("nom,prénom,id\n"), b',');
        assert_eq!(delimiter("nom\tprénom\tid\n"), b'\t');
        // A comma inside a semicolon file's header does not win.
        assert_eq!(delimiter("nom;prénom, usage;id\n"), b';');
    }

    #[test]
    fn lines_are_counted_in_crlf_files() {
        let t = read("x.csv", b"a;b\r\n1;2\r\n\r\n3;4\r\n").unwrap();
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
        let t = read("x.csv", "\u{feff}a;b\n\"x\ny\";2\n5;6\n".as_bytes()).unwrap();
        assert_eq!(t.headers, vec!["a", "b"]);
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
    }
}
