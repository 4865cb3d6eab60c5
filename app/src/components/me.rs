//! Who is signed in, known synchronously while the page renders: the server reads it from the
//! request and hands it to the browser with the page, so the header needs no loading step
//! and shows correctly with JavaScript off.
use crate::domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in account as the header and navigation need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Name shown in the header.
    pub name: String,
    /// Role, for the navigation.
    pub role: Role,
    /// Unread notifications.
    pub unread: u32,
}

/// The current session (`None` for visitors), provided by [`provide_session`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentSession(pub Option<SessionView>);

#[cfg(feature = "ssr")]
fn from_request() -> Option<SessionView> {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::ports::Caller>().cloned())
        .and_then(|c| c.actor)
        .map(|a| SessionView { name: a.display_name, role: a.role, unread: a.unread })
}

#[cfg(not(feature = "ssr"))]
fn from_request() -> Option<SessionView> {
    None
}

/// Provides the current session for this page.
pub fn provide_session() {
    let value = SharedValue::new(from_request).into_inner();
    provide_context(CurrentSession(value));
}

/// The current session.
pub fn use_session() -> Option<SessionView> {
    use_context::<CurrentSession>().and_then(|c| c.0)
}
