//! What the browser and the server share: pages, components, view types, server functions
//! and the ports the backend implements.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod dto;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod routes;

use components::layout::Layout;
use components::me::provide_session;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
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
                <HydrationScripts options/>
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
        <Title formatter=move |page: String| if page.is_empty() { portal.clone() } else { format!("{page} — {portal}") }/>
        <Router>
            <Layout>
                <ErrorBoundary fallback=|_| view! { <not_found::ErrorPage/> }>
                    <Routes fallback=|| view! { <not_found::NotFoundPage/> }>
                        <Route path=path!("") view=home::HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-in") view=sign_in::SignInPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up") view=sign_up::SignUpPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up/recipient") view=sign_up_recipient::SignUpRecipientPage ssr=SsrMode::Async/>
                        <Route path=path!("/sign-up/supplier") view=sign_up_supplier::SignUpSupplierPage ssr=SsrMode::Async/>
                        <Route path=path!("/dashboard") view=dashboard::DashboardPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/audit") view=audit::AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("/entitlements") view=recipient::entitlements::EntitlementsPage ssr=SsrMode::Async/>
                        <Route path=path!("/catalogue") view=recipient::catalogue::CataloguePage ssr=SsrMode::Async/>
                        <Route path=path!("/offerings/:id") view=recipient::offering::OfferingPage ssr=SsrMode::Async/>
                        <Route path=path!("/order/:id") view=recipient::order_start::OrderStartPage ssr=SsrMode::Async/>
                        <Route path=path!("/order/:id/check") view=recipient::order_check::OrderCheckPage ssr=SsrMode::Async/>
                        <Route path=path!("/orders") view=recipient::orders::OrdersPage ssr=SsrMode::Async/>
                        <Route path=path!("/orders/:id") view=recipient::order::OrderPage ssr=SsrMode::Async/>
                        <Route path=path!("/notifications") view=recipient::notifications::NotificationsPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/profile") view=supplier::profile::SupplierProfilePage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/documents") view=supplier::documents::SupplierDocumentsPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings") view=supplier::offerings::SupplierOfferingsPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings/new") view=supplier::offering_new::NewOfferingPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings/import") view=supplier::import::OfferingImportPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/offerings/:id") view=supplier::offering::SupplierOfferingPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/orders") view=supplier::orders::SupplierOrdersPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/orders/:id") view=supplier::order::SupplierOrderPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/complaints") view=supplier::complaints::SupplierComplaintsPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/complaints/:id") view=supplier::complaint::SupplierComplaintPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/statements") view=supplier::statements::SupplierStatementsPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/quality") view=supplier::quality::SupplierQualityPage ssr=SsrMode::Async/>
                        <Route path=path!("/supplier/reviews/:id") view=supplier::review::SupplierReviewPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/suppliers") view=ministry::suppliers::StaffSuppliersPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/suppliers/:id") view=ministry::supplier::StaffSupplierPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/offerings/:id") view=ministry::offering::StaffOfferingPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/catalogue") view=ministry::catalogue::StaffCataloguePage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/catalogue/new-item-type") view=ministry::new_item_type::StaffNewItemTypePage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/item-types/:id") view=ministry::item_type::StaffItemTypePage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/imports") view=ministry::imports::StaffImportsPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/imports/:id") view=ministry::import_report::StaffImportReportPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/complaints") view=ministry::complaints::StaffComplaintsPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/complaints/:id") view=ministry::complaint::StaffComplaintPage ssr=SsrMode::Async/>
                        <Route path=path!("/staff/provision") view=ministry::provision::StaffProvisionPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/staff") view=ministry::staff_accounts::AdminStaffPage ssr=SsrMode::Async/>
                    </Routes>
                </ErrorBoundary>
            </Layout>
        </Router>
    }
}
