use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::loaded::loaded;
use crate::i18n::{t, use_lang};
use crate::model::SidePageContent as Glossary;
use crate::serverfns::courses::get_glossary;

/// `/glossary/:module`: the words and acronyms of a module, which its lessons link to.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let glossary = Resource::new(
        move || (lang.get(), params.read().get("module").unwrap_or_default()),
        |(lang, module)| get_glossary(lang, module),
    );
    loaded(glossary, |glossary| view! { <GlossaryView glossary /> })
}

#[component]
fn GlossaryView(glossary: Glossary) -> impl IntoView {
    let Glossary {
        module,
        title,
        html,
        sources,
    } = glossary;
    view! {
        <Title text=title.clone() />
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/">{t("breadcrumb-home")}</a>
            " › "
            <a href=module.href>{module.title.clone()}</a>
        </nav>
        <article class="glossary">
            <p class="meta">{t("glossary-label")} " · " {module.title}</p>
            <h1>{title}</h1>
            <div class="lesson-body" inner_html=html></div>
            <section class="sources">
                <h2>{t("lesson-sources")}</h2>
                <ul>
                    {sources.into_iter().map(|source| view! { <li>{source}</li> }).collect_view()}
                </ul>
            </section>
        </article>
    }
}
