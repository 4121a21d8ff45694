use leptos::prelude::*;

use crate::i18n::Lang;

use crate::errors::AppError;
use crate::model::{ModuleTitle, VerifyKit};

/// What the browser needs to check a code offline: the public key, the titles a code may
/// name, and the month names. Public; sent once with the verification page.
#[server]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_verify_kit(lang: Lang) -> Result<VerifyKit, AppError> {
    use super::ssr::title_of;
    use crate::context::catalog;
    use crate::context::certifier;
    use crate::i18n::tr;

    let catalog = catalog()?;
    let mut slugs: Vec<&str> = catalog.modules().iter().map(|m| m.slug.as_str()).collect();
    slugs.push(certificates::COURSE);
    Ok(VerifyKit {
        public_key: certifier()?.keys.public_key_text(),
        titles: slugs
            .into_iter()
            .filter_map(|slug| {
                Some(ModuleTitle {
                    slug: slug.to_string(),
                    title: title_of(&catalog, slug, lang)?,
                })
            })
            .collect(),
        months: (1..=12).map(|m| tr(lang, &format!("month-{m}"))).collect(),
    })
}
