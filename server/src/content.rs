//! Loading the course content with the app's languages, for start-up and `content check`.

use std::path::Path;

use app::i18n::Lang;
use catalog::{Catalog, Problems};

/// Loads `content_dir`, requiring every language the interface is translated into.
pub fn load(content_dir: &Path) -> Result<Catalog, Problems> {
    let languages: Vec<String> = Lang::all()
        .into_iter()
        .map(|l| l.code().to_string())
        .collect();
    catalog::load(content_dir, &languages)
}
