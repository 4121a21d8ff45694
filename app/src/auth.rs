//! Who is calling, for server functions and pages (server side only).
//!
//! Every server function that reads or changes anyone's data starts with [`ssr::caller`] and
//! then asks `accounts::Caller` for the role or cohort it needs: the server decides, whatever
//! the page showed.

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::net::{IpAddr, SocketAddr};
    use std::time::Duration;

    use accounts::Caller;
    use accounts::session_store::keys;
    use axum::extract::ConnectInfo;
    use leptos::prelude::*;
    use sea_orm::DatabaseConnection;
    use tower_sessions::Session;

    use crate::errors::AppError;

    /// Session limits, provided by the server.
    #[derive(Debug, Clone, Copy)]
    pub struct SessionLimits {
        /// A session ends this long after sign-in, however active.
        pub absolute: Duration,
        /// A session ends after this long without a request.
        pub idle: Duration,
    }

    impl Default for SessionLimits {
        fn default() -> Self {
            Self {
                absolute: Duration::from_secs(12 * 3600),
                idle: Duration::from_secs(2 * 3600),
            }
        }
    }

    pub async fn session() -> Result<Session, AppError> {
        leptos_axum::extract::<Session>()
            .await
            .map_err(|e| AppError::internal(format!("no session layer: {e}")))
    }

    /// The caller as of now. An expired session (absolute limit) is ended here.
    pub async fn caller() -> Result<Caller, AppError> {
        let session = session().await?;
        caller_of(&session).await
    }

    pub async fn caller_of(session: &Session) -> Result<Caller, AppError> {
        resolve(
            session,
            &crate::context::db()?,
            crate::context::session_limits(),
        )
        .await
    }

    /// The caller behind `session`, outside Leptos too (the server's own routes).
    pub async fn resolve(
        session: &Session,
        db: &DatabaseConnection,
        limits: SessionLimits,
    ) -> Result<Caller, AppError> {
        let get = |key: &'static str| async move { session.get::<i64>(key).await.ok().flatten() };
        let Some(account_id) = get(keys::ACCOUNT_ID).await else {
            return Ok(Caller::Anonymous);
        };
        let signed_in_at = get(keys::SIGNED_IN_AT).await.unwrap_or(0);
        if accounts::now() - signed_in_at >= limits.absolute.as_secs() as i64 {
            session.flush().await.map_err(AppError::internal)?;
            return Ok(Caller::Anonymous);
        }
        let must_set_password = session
            .get::<bool>(keys::MUST_SET_PASSWORD)
            .await
            .ok()
            .flatten()
            .unwrap_or(false);
        Ok(Caller::resolve(db, Some(account_id), must_set_password).await?)
    }

    /// Opens a session for `account_id` under a new id (no session fixation).
    pub async fn start(
        session: &Session,
        account_id: i64,
        must_set_password: bool,
    ) -> Result<(), AppError> {
        session.cycle_id().await.map_err(AppError::internal)?;
        session.clear().await;
        session
            .insert(keys::ACCOUNT_ID, account_id)
            .await
            .map_err(AppError::internal)?;
        session
            .insert(keys::SIGNED_IN_AT, accounts::now())
            .await
            .map_err(AppError::internal)?;
        session
            .insert(keys::MUST_SET_PASSWORD, must_set_password)
            .await
            .map_err(AppError::internal)?;
        Ok(())
    }

    /// Where the client's address comes from. Behind a reverse proxy or load balancer every
    /// request comes from the proxy, so the address is in a header it sets
    /// (`CLIENT_IP_HEADER`, say `x-forwarded-for`); that header is believed only on requests
    /// whose TCP peer is one of `trusted_proxies` (`TRUSTED_PROXIES`): anyone who reaches the
    /// server directly could write anything in it.
    #[derive(Debug, Clone, Default)]
    pub struct ClientIpHeader {
        pub header: Option<String>,
        pub trusted_proxies: Vec<IpAddr>,
    }

    impl ClientIpHeader {
        /// The client's address for a request from `peer` with these `headers`: the last
        /// entry of the header when a trusted proxy sent it and it reads as an address,
        /// otherwise the peer itself (so a request never escapes per-address counting).
        pub fn client(&self, peer: IpAddr, headers: &http::HeaderMap) -> IpAddr {
            let Some(name) = self.header.as_deref() else {
                return peer;
            };
            if !self.trusted_proxies.contains(&peer) {
                return peer;
            }
            let values: Vec<&str> = headers
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            address_from_header(&values.join(",")).unwrap_or(peer)
        }
    }

    /// Whether cookies get `Secure` (the platform is served over https), provided by the server.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct SecureCookies(pub bool);

    /// The cookie that marks a browser which signed in to an account before (see
    /// `accounts::sign_in`): failures typed elsewhere do not lock it out.
    pub const DEVICE_COOKIE: &str = "device";

    /// The browser's device token, if it sent one.
    pub fn device_token(headers: &http::HeaderMap) -> Option<String> {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| cookie::Cookie::split_parse(value.to_owned()))
            .filter_map(Result::ok)
            .find(|c| c.name() == DEVICE_COOKIE)
            .map(|c| c.value().to_string())
    }

    /// The `Set-Cookie` value that keeps the device token as long as the account trusts it.
    pub fn device_cookie(token: &str, secure: SecureCookies) -> String {
        cookie::Cookie::build((DEVICE_COOKIE, token.to_string()))
            .path("/")
            .max_age(cookie::time::Duration::days(accounts::sign_in::DEVICE_DAYS))
            .same_site(cookie::SameSite::Lax)
            .http_only(true)
            .secure(secure.0)
            .build()
            .to_string()
    }

    /// The client's address, for throttling sign-ins, join codes and certificate lookups.
    pub async fn client_address() -> Option<IpAddr> {
        let rule = crate::context::client_ip_header();
        let ConnectInfo(peer) = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
            .await
            .ok()?;
        let parts = use_context::<http::request::Parts>()?;
        Some(rule.client(peer.ip(), &parts.headers))
    }

    /// The last address in a forwarding header: the one the trusted proxy itself added (those
    /// before it were sent by the client and may be forged).
    pub fn address_from_header(value: &str) -> Option<IpAddr> {
        value.rsplit(',').next()?.trim().parse().ok()
    }

    /// A date as shown to people: `2026-11-29 14:05 UTC`.
    pub fn when(unix: i64) -> String {
        match time::OffsetDateTime::from_unix_timestamp(unix) {
            Ok(t) => format!(
                "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            ),
            Err(_) => String::new(),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_proxy_added_address_is_the_last_one() {
            let forged_then_real = "198.51.100.9, 203.0.113.7";
            assert_eq!(
                address_from_header(forged_then_real),
                Some("203.0.113.7".parse().unwrap())
            );
            assert_eq!(
                address_from_header("2001:db8::1"),
                Some("2001:db8::1".parse().unwrap())
            );
            assert_eq!(address_from_header("garbage"), None);
            assert_eq!(address_from_header(""), None);
        }

        #[test]
        fn the_header_is_believed_only_from_a_trusted_proxy() {
            let proxy: IpAddr = "10.0.0.2".parse().unwrap();
            let stranger: IpAddr = "198.51.100.20".parse().unwrap();
            let rule = ClientIpHeader {
                header: Some("x-forwarded-for".into()),
                trusted_proxies: vec![proxy],
            };
            let mut headers = http::HeaderMap::new();
            headers.insert("x-forwarded-for", "192.0.2.1, 203.0.113.7".parse().unwrap());
            assert_eq!(
                rule.client(proxy, &headers),
                "203.0.113.7".parse::<IpAddr>().unwrap()
            );
            assert_eq!(
                rule.client(stranger, &headers),
                stranger,
                "a forged header is ignored"
            );
            let garbage: http::HeaderMap = [(
                http::header::HeaderName::from_static("x-forwarded-for"),
                "nonsense".parse().unwrap(),
            )]
            .into_iter()
            .collect();
            assert_eq!(
                rule.client(proxy, &garbage),
                proxy,
                "garbage falls back to the peer"
            );
            assert_eq!(
                rule.client(proxy, &http::HeaderMap::new()),
                proxy,
                "so does no header"
            );
            assert_eq!(
                ClientIpHeader::default().client(stranger, &headers),
                stranger
            );
        }
    }
}
