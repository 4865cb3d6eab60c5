//! Who may open a page, decided before anything of it renders: a visitor goes to sign in
//! (and comes back), a signed-in account of another role gets 403 with a page that says so,
//! and no form or data of the page is ever rendered for them.
use crate::components::loaded::refused_page;
use crate::components::me::use_session;
use crate::domain::Role;
use crate::error::AppError;
use leptos::prelude::*;

/// Recipients and their representatives.
pub const RECIPIENTS: &[Role] = &[Role::Recipient, Role::Representative];
/// Suppliers.
pub const SUPPLIERS: &[Role] = &[Role::Supplier];
/// Ministry staff and admins.
pub const STAFF: &[Role] = &[Role::Staff, Role::Admin];
/// Admins.
pub const ADMINS: &[Role] = &[Role::Admin];
/// Every signed-in account.
pub const SIGNED_IN: &[Role] = &[Role::Recipient, Role::Representative, Role::Supplier, Role::Staff, Role::Admin];

/// Renders `children` only for an account whose role is one of `roles`.
#[component]
pub fn Guard(
    /// Who may open the page.
    roles: &'static [Role],
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let here = crate::components::loaded::here();
    match use_session() {
        None => refused_page(AppError::NotSignedIn, here),
        Some(s) if roles.contains(&s.role) => children().into_any(),
        Some(_) => refused_page(AppError::Forbidden, here),
    }
}
