use crate::api::ministry::admin_create_staff::AdminCreateStaff;
use crate::api::ministry::admin_reset_second_factor::AdminResetSecondFactor;
use crate::api::ministry::admin_set_staff_status::AdminSetStaffStatus;
use crate::api::ministry::admin_staff_accounts::admin_staff_accounts;
use crate::api::reference::regions::regions;
use crate::components::field::{Choice, Field, Input, Radios, Spec};
use crate::components::form::{ErrorSummary, FormState, WithForm};
use crate::components::loaded::load_error;
use crate::components::status::{tag, Tone};
use crate::domain::{AccountStatus, Role, StaffAccountAction};
use crate::dto::ministry::StaffAccountRow;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Staff accounts for admins: who can work in the portal, from where, and since when they
/// last signed in; create an account, disable or enable one.
#[component]
pub fn AdminStaffPage() -> impl IntoView {
    // One resource for the list and the region choices: a resource created inside another
    // one's rendering would not hydrate in the same order it was rendered.
    let data = Resource::new(
        || (),
        |_| async move { Ok::<_, crate::error::AppError>((admin_staff_accounts().await?, regions().await?)) },
    );
    view! {
        <DoneBanner/>
        <PageHeading key="admin-staff-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((list, regions)) => {
                        let choices: Vec<(String, String)> = regions.into_iter().map(|r| (r.code, r.name)).collect();
                        view! { {accounts(list)} <NewStaffForm regions=choices/> }.into_any()
                    }
                    Err(e) => load_error(e, routes::ADMIN_STAFF.into()),
                }
            })}
        </Suspense>
    }
}

fn accounts(list: Vec<StaffAccountRow>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = list
        .into_iter()
        .map(|a| {
            let active = a.status == AccountStatus::Active;
            let status = if active { tag(i18n.t("admin-status-active"), Tone::Green).into_any() } else { tag(i18n.t("admin-status-disabled"), Tone::Red).into_any() };
            let action = if active { StaffAccountAction::Disable } else { StaffAccountAction::Enable }.code();
            let button = i18n.t(if active { "admin-disable" } else { "admin-enable" });
            let form = (!a.is_me).then(|| view! {
                <form method="post" action=AdminSetStaffStatus::PATH class="app-nav__signout">
                    <input type="hidden" name="account_id" value=a.id.to_string()/>
                    <input type="hidden" name="action" value=action/>
                    <button type="submit" class=if active { "app-button app-button--warning" } else { "app-button app-button--secondary" }>
                        {button}<span class="app-visually-hidden">" "{a.name.clone()}</span>
                    </button>
                </form>
            });
            let second_factor = if a.second_factor { i18n.t("admin-second-factor-on") } else { i18n.t("admin-second-factor-off") };
            let reset = (!a.is_me && a.second_factor).then(|| view! {
                <form method="post" action=AdminResetSecondFactor::PATH class="app-nav__signout">
                    <input type="hidden" name="account_id" value=a.id.to_string()/>
                    <button type="submit" class="app-button app-button--secondary">
                        {i18n.t("admin-reset-second-factor")}<span class="app-visually-hidden">" "{a.name.clone()}</span>
                    </button>
                </form>
            });
            view! {
                <tr>
                    <td>{a.name.clone()}</td>
                    <td>{a.email}</td>
                    <td>{i18n.code("admin-role", a.role.code())}</td>
                    <td>{a.region.unwrap_or_else(|| i18n.t("admin-central"))}</td>
                    <td>{status}</td>
                    <td class="app-nowrap">{a.last_sign_in.unwrap_or_else(|| "—".into())}</td>
                    <td>{second_factor}</td>
                    <td>{form}{reset}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="staff-caption">
            <table class="app-table">
                <caption id="staff-caption" class="app-visually-hidden">{i18n.t("admin-staff-title")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("admin-name")}</th>
                    <th scope="col">{i18n.t("field-email")}</th>
                    <th scope="col">{i18n.t("admin-role-label")}</th>
                    <th scope="col">{i18n.t("admin-region")}</th>
                    <th scope="col">{i18n.t("staff-status")}</th>
                    <th scope="col">{i18n.t("admin-last-sign-in")}</th>
                    <th scope="col">{i18n.t("admin-second-factor")}</th>
                    <th scope="col"><span class="app-visually-hidden">{i18n.t("admin-actions")}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The region drop-down: "central ministry" (empty) first, then the 20 regions.
#[component]
fn RegionChoice(state: FormState, regions: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let spec = Spec::from_state(&state, "staff_region", i18n.t("admin-region"), "").hint(i18n.t("admin-region-hint"));
    view! { <Choice spec=spec options=regions empty=i18n.t("admin-central")/> }
}

#[component]
fn NewStaffForm(regions: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let roles = vec![
        (Role::Staff.code().to_owned(), i18n.code("admin-role", "staff")),
        (Role::Admin.code().to_owned(), i18n.code("admin-role", "admin")),
    ];
    view! {
        <h2 id="new-staff">{i18n.t("admin-new-staff")}</h2>
        <WithForm form="admin_create_staff" path=AdminCreateStaff::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=AdminCreateStaff::PATH class="app-form" novalidate>
                <Input spec={Field { name: "staff_name", label: "admin-name", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "staff_email", label: "field-email", kind: "email", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <RegionChoice state=state.clone() regions=regions.clone()/>
                <Radios spec={Spec::from_state(&state, "staff_role", i18n.t("admin-role-label"), "staff")} options=roles.clone()/>
                <Input spec={Field { name: "staff_password", label: "admin-password", hint: Some("admin-password-hint"), kind: "password", autocomplete: "new-password", required: true, ..Default::default() }.spec(&state)}/>
                <button type="submit" class="app-button">{i18n.t("admin-create-submit")}</button>
            </form>
        </WithForm>
    }
}
