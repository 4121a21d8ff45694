//! The HTML shell and the router: which page answers which address.

use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::Layout;
use crate::i18n::initial_lang;
use crate::pages::account_page::AccountPage;
use crate::pages::admin_page::AdminPage;
use crate::pages::attempt_page::AttemptPage;
use crate::pages::certificates_page::CertificatesPage;
use crate::pages::cohort_page::CohortPage;
use crate::pages::glossary_page::GlossaryPage;
use crate::pages::home_page::HomePage;
use crate::pages::job_aid_page::JobAidPage;
use crate::pages::join_page::JoinPage;
use crate::pages::lesson_page::LessonPage;
use crate::pages::module_page::ModulePage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::offline_page::OfflinePage;
use crate::pages::password_page::PasswordPage;
use crate::pages::quiz_page::QuizPage;
use crate::pages::report_page::{
    AttendanceReportPage, GainReportPage, LearnerReportPage, ProgressReportPage,
    QuestionsReportPage,
};
use crate::pages::sign_in_page::SignInPage;
use crate::pages::slips_page::SlipsPage;
use crate::pages::trainer_page::TrainerPage;
use crate::pages::verify_page::{VerifyNumberPage, VerifyPage};

/// The stylesheet's address: `/pkg/app.<hash>.css` when the build hashed its files.
fn stylesheet_href(options: &LeptosOptions) -> String {
    crate::context::stylesheet_href(&options.site_pkg_dir).unwrap_or_else(|| {
        AssetNames::plain(&options.output_name).stylesheet_href(&options.site_pkg_dir)
    })
}

/// The built files' names under `/pkg`, read once when the server starts (it provides them
/// as context, shared); without them, the unhashed names of a development build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetNames {
    pub css: String,
    pub js: String,
    pub wasm: String,
}

impl AssetNames {
    /// The names a build that did not hash its files gives `output` (`app.css`, …).
    pub fn plain(output: &str) -> Self {
        Self {
            css: format!("{output}.css"),
            js: format!("{output}.js"),
            wasm: format!("{output}.wasm"),
        }
    }

    /// The stylesheet's address under the site's `pkg_dir` (`pkg`): `/pkg/app.<hash>.css`.
    pub fn stylesheet_href(&self, pkg_dir: &str) -> String {
        format!("/{pkg_dir}/{}", self.css)
    }
}

/// The document around the app, rendered on the server only. It loads no script: a page with
/// an island adds the islands loader itself ([`crate::components::island_scripts`]).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="data:," />
                <link rel="stylesheet" href=stylesheet_href(&options) />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Islands mode: nothing outside an island is hydrated, so no resource is serialised into
    // the page and the lesson's HTML travels once.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    // Every route renders completely on the server before the response starts (SsrMode::Async),
    // so the page reads the same with JavaScript off and the status code can still be set.
    view! {
        <Html {..} lang=move || lang.get().code() />
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/modules/:module") view=ModulePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/modules/:module/:lesson")
                        view=LessonPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/modules/:module/test/:kind")
                        view=QuizPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/job-aid/:module") view=JobAidPage ssr=SsrMode::Async />
                    <Route path=path!("/glossary/:module") view=GlossaryPage ssr=SsrMode::Async />
                    <Route path=path!("/certificates") view=CertificatesPage ssr=SsrMode::Async />
                    <Route path=path!("/verify") view=VerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/verify/:number") view=VerifyNumberPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/modules/:module/test/:kind/:number")
                        view=AttemptPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/offline") view=OfflinePage ssr=SsrMode::Async />
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/join") view=JoinPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/password") view=PasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/trainer") view=TrainerPage ssr=SsrMode::Async />
                    <Route path=path!("/trainer/cohorts/:id") view=CohortPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/trainer/cohorts/:id/progress")
                        view=ProgressReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/trainer/cohorts/:id/questions/:module")
                        view=QuestionsReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/trainer/cohorts/:id/gain/:module")
                        view=GainReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/trainer/cohorts/:id/learners/:account")
                        view=LearnerReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/trainer/cohorts/:id/attendance")
                        view=AttendanceReportPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/slips") view=SlipsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
