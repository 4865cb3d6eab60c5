//! The category-specific questions of the order form.
use crate::components::field::{Choice, Field, Input, Radios, Spec};
use crate::components::form::FormState;
use crate::domain::{CategoryKind, SessionMode};
use crate::dto::orders::{OrderForm, OrderStartView};
use crate::i18n::I18n;
use crate::islands::reveal::Reveal;
use leptos::prelude::*;

fn text(state: &FormState, name: &'static str, label: &'static str, kind: &'static str, value: &str) -> impl IntoView {
    view! { <Input spec={Field { name, label, kind, value: value.to_owned(), required: true, ..Default::default() }.spec(state)}/> }
}

/// The id of the place of sessions, shown only for sessions in person (with JavaScript).
const PLACE: &str = "order-place";

/// The questions for the offering's category.
pub fn fields(i18n: &I18n, v: &OrderStartView, state: &FormState) -> AnyView {
    let d: &OrderForm = &v.draft;
    match v.kind {
        CategoryKind::Goods => view! {
            {text(state, "quantity", "order-field-quantity", "number", &d.quantity)}
            <Input spec={Field { name: "address", label: "order-field-address", hint: Some("order-field-address-hint"), autocomplete: "street-address", value: d.address.clone(), required: true, ..Default::default() }.spec(state)}/>
            <Choice spec={Field { name: "region", label: "order-field-region", value: d.region.clone(), required: true, ..Default::default() }.spec(state)} options=v.regions.clone()/>
        }
        .into_any(),
        CategoryKind::Hours => {
            let days = [("hours_mon", "weekday-mon", &d.hours_mon), ("hours_tue", "weekday-tue", &d.hours_tue), ("hours_wed", "weekday-wed", &d.hours_wed), ("hours_thu", "weekday-thu", &d.hours_thu), ("hours_fri", "weekday-fri", &d.hours_fri), ("hours_sat", "weekday-sat", &d.hours_sat), ("hours_sun", "weekday-sun", &d.hours_sun)];
            view! {
                {text(state, "start_date", "order-field-start-date", "date", &d.start_date)}
                {text(state, "weeks", "order-field-weeks", "number", &d.weeks)}
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{i18n.t("order-field-schedule")}</legend>
                    <p class="app-field__hint">{i18n.t("order-field-schedule-hint")}</p>
                    <div class="app-grid-2">
                        {days.into_iter().map(|(name, label, value)| view! {
                            <Input spec={Field { name, label, kind: "number", inputmode: Some("numeric"), value: value.clone(), ..Default::default() }.spec(state)}/>
                        }).collect_view()}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        CategoryKind::Sessions => {
            let sessions = [
                ("s1_date", "s1_time", "s1_hours", &d.s1_date, &d.s1_time, &d.s1_hours, 1),
                ("s2_date", "s2_time", "s2_hours", &d.s2_date, &d.s2_time, &d.s2_hours, 2),
                ("s3_date", "s3_time", "s3_hours", &d.s3_date, &d.s3_time, &d.s3_hours, 3),
            ];
            let modes: Vec<(String, String)> =
                SessionMode::ALL.iter().map(|m| (m.code().to_owned(), i18n.t(&format!("mode-{m}")))).collect();
            let mode = view! {
                <Radios spec={Spec::new("mode", i18n.t("order-field-mode")).value(d.mode.clone()).error(state.field_error("mode"))} options=modes/>
            }
            .into_any();
            let place = view! {
                <div id=PLACE>
                    <Input spec={Field { name: "address", label: "order-field-place", hint: Some("order-field-place-hint"), autocomplete: "street-address", value: d.address.clone(), ..Default::default() }.spec(state)}/>
                </div>
            }
            .into_any();
            view! {
                // With JavaScript, the place shows only for sessions in person.
                <Reveal name="mode".to_owned() value=SessionMode::InPerson.code().to_owned() target=PLACE.to_owned()>
                    {mode}
                    {place}
                </Reveal>
                {sessions.into_iter().map(|(dn, tn, hn, dv, tv, hv, n)| view! {
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">{i18n.ta("order-field-session", &[("n", n.to_string())])}</legend>
                        <Input spec={Field { name: dn, label: "order-field-session-date", kind: "date", value: dv.clone(), ..Default::default() }.spec(state)}/>
                        <Input spec={Field { name: tn, label: "order-field-session-time", kind: "time", value: tv.clone(), ..Default::default() }.spec(state)}/>
                        <Input spec={Field { name: hn, label: "order-field-session-hours", kind: "number", inputmode: Some("numeric"), value: hv.clone(), ..Default::default() }.spec(state)}/>
                    </fieldset>
                }).collect_view()}
            }
            .into_any()
        }
        CategoryKind::Course => {
            let slots: Vec<(String, String)> = v
                .slots
                .iter()
                .map(|s| (s.date.clone(), i18n.ta("order-slot", &[("date", s.date.clone()), ("free", s.free.to_string())])))
                .collect();
            if slots.is_empty() {
                view! { <p class="app-notice app-notice--error" role="alert">{i18n.err("no_places")}</p> }.into_any()
            } else {
                view! {
                    <Radios spec={Spec::new("arrival", i18n.t("order-field-arrival")).value(d.arrival.clone()).error(state.field_error("arrival")).hint(i18n.t("order-field-arrival-hint"))} options=slots/>
                }
                .into_any()
            }
        }
    }
}
