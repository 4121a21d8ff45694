use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::loaded::loaded;
use crate::i18n::{tr, use_lang};
use crate::model::JobAidPage as JobAid;
use crate::serverfns::courses::get_job_aid;

/// `/job-aid/:module`: a module's one-page field memo, laid out to print on one A4 page
/// (the site's header, footer and navigation are hidden in print).
#[component]
pub fn JobAidPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let aid = Resource::new(
        move || (lang.get(), params.read().get("module").unwrap_or_default()),
        |(lang, module)| get_job_aid(lang.code().to_string(), module),
    );
    loaded(aid, |aid| view! { <JobAidView aid /> })
}

#[component]
fn JobAidView(aid: JobAid) -> impl IntoView {
    let lang = use_lang();
    let JobAid {
        module,
        title,
        html,
        sources,
    } = aid;
    view! {
        <PageTitle text=title.clone() />
        <nav class="breadcrumb no-print" aria-label=move || tr(lang.get(), "breadcrumb")>
            <a href="/">{move || tr(lang.get(), "breadcrumb-home")}</a>
            " › "
            <a href=module.href>{module.title.clone()}</a>
        </nav>
        <p class="meta no-print">{move || tr(lang.get(), "job-aid-print")}</p>
        <article class="job-aid">
            <p class="meta">{move || tr(lang.get(), "job-aid-label")} " · " {module.title}</p>
            <h1>{title}</h1>
            <div class="lesson-body" inner_html=html></div>
            <section class="sources">
                <h2>{move || tr(lang.get(), "lesson-sources")}</h2>
                <ul>{sources.into_iter().map(|source| view! { <li>{source}</li> }).collect_view()}</ul>
            </section>
        </article>
    }
}
