//! `cargo run -p catalog --example check -- content [--words]`: the loader's problems and
//! warnings without building the server (handy while writing content); with `--words`, the
//! number of words of body text of each lesson, as the 300-word advice counts them.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "content".into());
    let words = args.next().as_deref() == Some("--words");
    let languages = ["fr".to_string(), "en".to_string()];
    match catalog::load(std::path::Path::new(&dir), &languages) {
        Ok(catalog) => {
            if words {
                for module in catalog.modules() {
                    for lesson in &module.lessons {
                        for lang in &languages {
                            let path = module.dir.join(format!("{}.{lang}.md", lesson.slug));
                            let text = std::fs::read_to_string(&path).unwrap_or_default();
                            let body = text.splitn(3, "+++").nth(2).unwrap_or_default();
                            let n = catalog::advice::word_count(body);
                            println!("{n:4} {}", path.display());
                        }
                    }
                }
            }
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
