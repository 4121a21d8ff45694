use crate::components::page_title::PageTitle;
use leptos::prelude::*;

use crate::components::loaded::loaded;
use crate::components::progress::ProgressBar;
use crate::i18n::{t, tr, tr_n, use_lang};
use crate::model::{ModuleCard, ProgressState};
use crate::routes::module_href;
use crate::serverfns::courses::list_modules;

/// `/`: the modules, in teaching order.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let modules = Resource::new(move || lang.get(), list_modules);
    view! {
        <PageTitle text=t("home-title") />
        <h1>{t("home-title")}</h1>
        <p class="intro">{t("home-intro")}</p>
        {loaded(
            modules,
            |modules| {
                view! {
                    <ul class="cards">
                        {modules
                            .into_iter()
                            .map(|card| view! { <ModuleCardView card /> })
                            .collect_view()}
                    </ul>
                }
            },
        )}
    }
}

#[component]
fn ModuleCardView(card: ModuleCard) -> impl IntoView {
    let lang = use_lang();
    let href = module_href(&card.slug);
    let count = i64::from(card.lesson_count);
    let minutes = i64::from(card.minutes);
    view! {
        <li class="card">
            <h2>
                <a href=href.clone()>{card.title}</a>
            </h2>
            // Shown by the page script when the module is saved on this phone.
            <p class="saved-mark" data-saved-mark=card.slug.clone() hidden>
                {t("offline-saved-mark")}
            </p>
            <p>{card.summary}</p>
            <p class="meta">
                <span>{move || tr_n(lang.get(), "module-minutes", &[("minutes", minutes)])}</span>
                " · "
                <span>{move || tr_n(lang.get(), "module-lessons", &[("count", count)])}</span>
            </p>
            {match card.progress {
                Some(progress) => {
                    let href = progress.continue_href.clone();
                    let key = match progress.state {
                        ProgressState::Completed => "module-review",
                        ProgressState::NotStarted => "module-start",
                        ProgressState::InProgress => "module-continue",
                    };
                    view! {
                        <ProgressBar progress />
                        <a class="button primary" href=href>
                            {move || tr(lang.get(), key)}
                        </a>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <a class="button" href=href>
                            {t("module-open")}
                        </a>
                    }
                        .into_any()
                }
            }}
        </li>
    }
}
