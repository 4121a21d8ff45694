//! CSV that opens well in a spreadsheet: UTF-8 with a byte-order mark (so accents survive
//! Excel), `;` between cells for French (the list separator of French spreadsheets) and `,`
//! for English, and every cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
//! tab, carriage return first) prefixed with `'`, so a learner's name cannot run a formula on
//! the trainer's computer.

use crate::{Error, Result};

/// The CSV text of `rows` (the first row is the header), for a spreadsheet in `lang`.
pub fn write(rows: &[Vec<String>], lang: &str) -> Result<Vec<u8>> {
    let delimiter = if lang == "fr" { b';' } else { b',' };
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        // Several tables in one file: rows differ in length.
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_writer(&mut out);
        for row in rows {
            writer
                .write_record(row.iter().map(|cell| neutralise(cell)))
                .map_err(|e| Error::Csv(e.to_string()))?;
        }
        writer.flush().map_err(|e| Error::Csv(e.to_string()))?;
    }
    Ok(out)
}

/// A cell a spreadsheet shows as text, never runs.
pub fn neutralise(cell: &str) -> String {
    const STARTS_A_FORMULA: [char; 10] = [
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ];
    if cell.starts_with(STARTS_A_FORMULA) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_accents_kept() {
        let rows = vec![
            vec!["Nom".into(), "Score".into()],
            vec!["=HYPERLINK(\"http://x\")".into(), "80".into()],
            vec!["+33 6".into(), "-5".into()],
            vec!["@SUM(A1)".into(), "Aïssata ; Traoré".into()],
            vec!["＝HYPERLINK(\"http://x\")".into(), "＋1".into()],
            Vec::new(),
            vec!["Une autre table".into()],
        ];
        let text = String::from_utf8(write(&rows, "fr").unwrap()).unwrap();
        assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains("'＝HYPERLINK"), "full-width too: {text}");
        assert!(text.contains("'＋1"), "{text}");
        assert!(text.contains("'+33 6;'-5"), "{text}");
        assert!(
            text.contains("'@SUM(A1);\"Aïssata ; Traoré\""),
            "quoted when it holds the separator: {text}"
        );
        assert!(
            text.ends_with("\n\nUne autre table\n") || text.ends_with("\n\"\"\nUne autre table\n"),
            "{text:?}"
        );
        let english = String::from_utf8(write(&rows, "en").unwrap()).unwrap();
        assert!(english.contains("Nom,Score"));
        assert_eq!(neutralise("80"), "80");
        assert_eq!(neutralise("\tx"), "'\tx");
    }
}
