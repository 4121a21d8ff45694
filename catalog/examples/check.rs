//! `cargo run -p catalog --example check -- content`: the loader's problems and warnings,
//! without building the server (handy while writing content).
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    let languages = ["fr".to_string(), "en".to_string()];
    match catalog::load(std::path::Path::new(&dir), &languages) {
        Ok(catalog) => {
            for warning in catalog.warnings() {
                println!("{warning}");
            }
            println!("{} warning(s)", catalog.warnings().len());
        }
        Err(problems) => {
            eprintln!("{problems}");
            std::process::exit(1);
        }
    }
}
