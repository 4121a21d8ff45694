//! What a visitor sees when a page cannot be shown: a short message in their language and a
//! way home, with the right HTTP status. Never the cause.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;

use crate::errors::{AppError, set_page_status};
use crate::i18n::{tr, use_lang};

#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    set_page_status(error.status());
    let lang = use_lang();
    let title = match error {
        AppError::NotFound => "not-found-title",
        AppError::SignInRequired => "sign-in-required-title",
        AppError::PasswordChangeRequired => "password-change-required-title",
        AppError::Forbidden => "forbidden-title",
        AppError::Invalid(_) => "invalid-title",
        AppError::Internal | AppError::Transport => "error-title",
    };
    let text = error.message_key();
    // The one step that helps: sign in, choose a password, or go home.
    let (href, label) = match error {
        AppError::SignInRequired => ("/sign-in", "sign-in-action"),
        AppError::PasswordChangeRequired => ("/account/password", "password-title"),
        _ => ("/", "back-home"),
    };
    view! {
        <PageTitle text=move || tr(lang.get(), title) />
        <section class="error-page" data-status=error.status()>
            <h1>{move || tr(lang.get(), title)}</h1>
            <p>{move || tr(lang.get(), &text)}</p>
            <p>
                <a class="button" href=href>
                    {move || tr(lang.get(), label)}
                </a>
            </p>
        </section>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn render(error: AppError, lang: &str) -> String {
        let owner = Owner::new();
        owner.with(|| {
            leptos_meta::provide_meta_context();
            provide_context(RwSignal::new(Lang::parse(lang).unwrap()));
            view! { <ErrorView error /> }.to_html()
        })
    }

    #[test]
    fn a_server_failure_reads_as_a_plain_message_in_the_visitors_language() {
        let fr = render(AppError::Internal, "fr");
        assert!(
            fr.contains("Une erreur est survenue") && fr.contains("Retour à l’accueil"),
            "{fr}"
        );
        assert!(fr.contains("data-status=\"500\""), "{fr}");
        let en = render(AppError::Transport, "en");
        assert!(
            en.contains("Something went wrong") && en.contains("Back to the home page"),
            "{en}"
        );
    }

    #[test]
    fn a_missing_page_says_so_with_status_404() {
        let page = render(AppError::NotFound, "fr");
        assert!(
            page.contains("Page introuvable") && page.contains("data-status=\"404\""),
            "{page}"
        );
    }
}
