//! Country codes, names and ACLED regions for the exports: the one country table of
//! [`vigie_model::countries`], extended by the user's `countries.tsv`.

use std::path::Path;
pub use vigie_model::countries::{iso2_of, Countries, Country};

/// The shipped table extended by `countries.tsv` in a user folder, when present.
pub fn load(user_dir: Option<&Path>) -> Result<Countries, String> {
    let mut c = Countries::embedded().clone();
    if let Some(p) = user_dir
        .map(|d| d.join("countries.tsv"))
        .filter(|p| p.exists())
    {
        let s = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        c.extend(&s).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_file_extends_the_table() {
        let dir = std::env::temp_dir().join(format!("vigie-countries-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("countries.tsv"), "XZ\tXZZ\t999\tZedland\tEurope\n").unwrap();
        let c = load(Some(&dir)).unwrap();
        assert_eq!(c.find("Zedland").unwrap().region.as_deref(), Some("Europe"));
        std::fs::write(dir.join("countries.tsv"), "XZ\tnot a row\n").unwrap();
        let e = load(Some(&dir)).unwrap_err();
        assert!(e.contains("countries.tsv") && e.contains("line 1"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
        assert!(load(None).unwrap().find("ML").is_some());
    }
}
