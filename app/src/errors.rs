//! The one error type a visitor may see.
//!
//! Server functions return `Result<_, AppError>`. Each variant has a status code and a message
//! key translated on the page; the cause of an internal error goes to the server log, never to
//! the page or the wire.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The module, lesson or page asked for does not exist.
    #[error("not found")]
    NotFound,
    /// Something failed on the server; details are in its log.
    #[error("internal error")]
    Internal,
    /// The request never reached the server function, or its answer was unreadable.
    #[error("request failed")]
    Transport,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Internal | AppError::Transport => 500,
        }
    }

    /// Logs `cause` on the server and returns the error the visitor sees.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %value, "server function failed");
        let _ = value;
        AppError::Transport
    }
}

/// Sets the HTTP status of the page being rendered on the server; nothing in the browser.
pub fn set_page_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(status),
    ) {
        response.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
