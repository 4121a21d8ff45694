use leptos::prelude::*;

use crate::components::error_view::ErrorView;
use crate::errors::AppError;

/// Any address that matches no route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ErrorView error=AppError::NotFound /> }
}
