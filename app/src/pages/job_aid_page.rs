use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::loaded::loaded;
use crate::i18n::{t, use_lang};
use crate::model::SidePageContent as JobAid;
use crate::serverfns::courses::get_job_aid;

/// `/job-aid/:module`: a module's one-page field memo, laid out to print on one A4 page
/// (the site's header, footer and navigation are hidden in print).
#[component]
pub fn JobAidPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let aid = Resource::new(
        move || (lang.get(), params.read().get("module").unwrap_or_default()),
        |(lang, module)| get_job_aid(lang, module),
    );
    loaded(aid, |aid| view! { <JobAidView aid /> })
}

#[component]
fn JobAidView(aid: JobAid) -> impl IntoView {
    let JobAid {
        module,
        title,
        html,
        sources,
    } = aid;
    view! {
        <PageTitle text=title.clone() />
        <nav class="breadcrumb no-print" aria-label=t("breadcrumb")>
            <a href="/">{t("breadcrumb-home")}</a>
            " › "
            <a href=module.href>{module.title.clone()}</a>
        </nav>
        <p class="meta no-print">{t("job-aid-print")}</p>
        <article class="job-aid">
            <p class="meta">{t("job-aid-label")} " · " {module.title}</p>
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
