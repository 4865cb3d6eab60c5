//! What the browser and the server share: pages, components, view types, server functions
//! and the ports the backend implements.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod dto;
pub mod error;
pub mod i18n;
pub mod islands;
pub mod notices;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod routes;

use components::guard::{Guard, ADMINS, RECIPIENTS, SIGNED_IN, STAFF, SUPPLIERS};
use components::layout::Layout;
use components::me::provide_session;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};
use pages::*;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let i18n = i18n::provide_i18n();
    #[cfg(feature = "ssr")]
    set_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=i18n.lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.ico"/>
                <islands::scripts::IslandScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy, with the nonce of this response for Leptos's inline
/// hydration scripts: no `unsafe-inline` scripts.
#[cfg(feature = "ssr")]
fn set_security_policy() {
    let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(v) = http::HeaderValue::from_str(&csp) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
    }
}

/// The application: layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = i18n::provide_i18n();
    provide_session();
    let portal = i18n.t("portal-name");
    view! {
        <Stylesheet id="leptos" href="/pkg/portal.css"/>
        <components::title::TitleFormatter portal=portal/>
        <Router>
            <Layout>
                <ErrorBoundary fallback=|_| view! { <not_found::ErrorPage/> }>
                    <Routes fallback=|| view! { <not_found::NotFoundPage/> }>
                        <Route path=path!("") view=home::HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-in") view=sign_in::SignInPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-in/two-factor") view=account::second_factor::SecondFactorPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-in/two-factor/set-up") view=account::second_factor_set_up::SecondFactorSetUpPage ssr=SsrMode::Async/>
                        <Route path=path!("/account") view=|| view! { <Guard roles=SIGNED_IN><account::overview::AccountPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/account/password") view=|| view! { <Guard roles=SIGNED_IN><account::password::PasswordPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/account/messages") view=|| view! { <Guard roles=SIGNED_IN><account::messages::MessagesPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/account/sessions") view=|| view! { <Guard roles=SIGNED_IN><account::sessions::SessionsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/account/identity") view=|| view! { <Guard roles=RECIPIENTS><account::identity::IdentityPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/confirm-email") view=confirm_email::ConfirmEmailPage ssr=SsrMode::Async/>
                        <Route path=path!("/forgot-password") view=password_reset::ForgotPasswordPage ssr=SsrMode::Async/>
                        <Route path=path!("/reset-password") view=password_reset::ResetPasswordPage ssr=SsrMode::Async/>
                        <Route path=path!("/reset-password/code") view=password_reset::ResetWithCodePage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up/sent") view=sign_up_sent::SignUpSentPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/letters") view=|| view! { <Guard roles=STAFF><ministry::letters::StaffLettersPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/letters/print") view=|| view! { <Guard roles=STAFF><ministry::letters::StaffLetterPrintPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/account/recovery-codes") view=|| view! { <Guard roles=SIGNED_IN><account::recovery_codes::RecoveryCodesPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up") view=sign_up::SignUpPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up/recipient") view=sign_up_recipient::SignUpRecipientPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up/supplier") view=sign_up_supplier::SignUpSupplierPage ssr=SsrMode::Async/>
                        <Route path=path!("/dashboard") view=|| view! { <Guard roles=SIGNED_IN><dashboard::DashboardPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/audit") view=|| view! { <Guard roles=STAFF><audit::AuditPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/entitlements") view=|| view! { <Guard roles=RECIPIENTS><recipient::entitlements::EntitlementsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/catalogue") view=recipient::catalogue::CataloguePage ssr=SsrMode::Async/>
                        <Route path=path!("/offerings/:id") view=recipient::offering::OfferingPage ssr=SsrMode::Async/>
                        <Route path=path!("/order/:id") view=|| view! { <Guard roles=RECIPIENTS><recipient::order_start::OrderStartPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/order/:id/check") view=|| view! { <Guard roles=RECIPIENTS><recipient::order_check::OrderCheckPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/orders") view=|| view! { <Guard roles=RECIPIENTS><recipient::orders::OrdersPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/orders/:id") view=|| view! { <Guard roles=RECIPIENTS><recipient::order::OrderPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/notifications") view=|| view! { <Guard roles=SIGNED_IN><recipient::notifications::NotificationsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/profile") view=|| view! { <Guard roles=SUPPLIERS><supplier::profile::SupplierProfilePage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/documents") view=|| view! { <Guard roles=SUPPLIERS><supplier::documents::SupplierDocumentsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings") view=|| view! { <Guard roles=SUPPLIERS><supplier::offerings::SupplierOfferingsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings/new") view=|| view! { <Guard roles=SUPPLIERS><supplier::offering_new::NewOfferingPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings/import") view=|| view! { <Guard roles=SUPPLIERS><supplier::import::OfferingImportPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings/:id") view=|| view! { <Guard roles=SUPPLIERS><supplier::offering::SupplierOfferingPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/orders") view=|| view! { <Guard roles=SUPPLIERS><supplier::orders::SupplierOrdersPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/orders/:id") view=|| view! { <Guard roles=SUPPLIERS><supplier::order::SupplierOrderPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/complaints") view=|| view! { <Guard roles=SUPPLIERS><supplier::complaints::SupplierComplaintsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/complaints/:id") view=|| view! { <Guard roles=SUPPLIERS><supplier::complaint::SupplierComplaintPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/statements") view=|| view! { <Guard roles=SUPPLIERS><supplier::statements::SupplierStatementsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/quality") view=|| view! { <Guard roles=SUPPLIERS><supplier::quality::SupplierQualityPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/api-keys") view=|| view! { <Guard roles=SUPPLIERS><supplier::api_keys::SupplierApiKeysPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/reviews/:id") view=|| view! { <Guard roles=SUPPLIERS><supplier::review::SupplierReviewPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/suppliers") view=|| view! { <Guard roles=STAFF><ministry::suppliers::StaffSuppliersPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/suppliers/:id") view=|| view! { <Guard roles=STAFF><ministry::supplier::StaffSupplierPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/offerings/:id") view=|| view! { <Guard roles=STAFF><ministry::offering::StaffOfferingPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/catalogue") view=|| view! { <Guard roles=STAFF><ministry::catalogue::StaffCataloguePage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/catalogue/new-item-type") view=|| view! { <Guard roles=STAFF><ministry::new_item_type::StaffNewItemTypePage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/item-types/:id") view=|| view! { <Guard roles=STAFF><ministry::item_type::StaffItemTypePage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/imports") view=|| view! { <Guard roles=STAFF><ministry::imports::StaffImportsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/imports/:id") view=|| view! { <Guard roles=STAFF><ministry::import_report::StaffImportReportPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/complaints") view=|| view! { <Guard roles=STAFF><ministry::complaints::StaffComplaintsPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/complaints/:id") view=|| view! { <Guard roles=STAFF><ministry::complaint::StaffComplaintPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/staff/provision") view=|| view! { <Guard roles=STAFF><ministry::provision::StaffProvisionPage/></Guard> } ssr=SsrMode::Async/>
                        <Route path=path!("/admin/staff") view=|| view! { <Guard roles=ADMINS><ministry::staff_accounts::AdminStaffPage/></Guard> } ssr=SsrMode::Async/>
                    </Routes>
                </ErrorBoundary>
            </Layout>
        </Router>
    }
}
