//! Loading entitlements from IPR lines: the upload page, the machine interface, idempotency,
//! deferred IINs and regional scope.
use super::audit_entries;
use crate::both;
use crate::fixtures::recipient;
use crate::helpers::{iin, TestApp};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{json, Value};
use server::entities::{entitlements, ipr_imports, recipients};

/// Uploads `content` as the IPR file, the way the page's form does; returns the redirect.
async fn upload(app: &TestApp, token: &str, name: &str, content: &str) -> reqwest::Response {
    let b = "----ssp-test-boundary-7MA4YWxkTrZu0gW";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"ipr_file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n--{b}--\r\n"
    );
    app.client
        .post(format!("{}/staff/imports/upload", app.base))
        .header("origin", &app.base)
        .header("cookie", format!("ssp_session={token}"))
        .header("content-type", format!("multipart/form-data; boundary={b}"))
        .body(body)
        .send()
        .await
        .unwrap()
}

/// The report an upload redirected to.
async fn report_of(app: &TestApp, token: &str, res: reqwest::Response) -> Value {
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/staff/imports/") && location.ends_with("?done=imported"), "{location}");
    let id = location.trim_start_matches("/staff/imports/").split('?').next().unwrap().to_owned();
    let a = app.call(Some(token), "staff_import", &[("id", &id)]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.body
}

fn days(n: i64) -> String {
    (Utc::now().date_naive() + Duration::days(n)).to_string()
}

/// A file with two good lines (one for a person without an account) and six bad ones.
fn file(known: &str, unknown: &str) -> String {
    let (from, to) = (days(-10), days(300));
    [
        "ИИН;Номер ИПАР;Код вида;Количество;С даты;По дату".to_owned(),
        format!("{known};ИПАР-2026-000101;wheelchair_manual;1;{from};{to}"),
        format!("{unknown};ИПАР-2026-000102;assistant_hour;960;{from};{to}"),
        format!("123;ИПАР-2026-000103;walker;1;{from};{to}"),
        format!("{known};ИПАР-2026-000101;teleporter;1;{from};{to}"),
        format!("{known};ИПАР-2026-000101;walker;1;{to};{from}"),
        format!("{known};ИПАР-2019-000001;walker;1;2019-01-01;2019-12-31"),
        format!("{known};ИПАР-2026-000101;wheelchair_manual;1;{from};{to}"),
        format!("{known};ИПАР-2026-000101;crutches;nine;{from};{to}"),
    ]
    .join("\r\n")
}

fn reasons(report: &Value) -> Vec<(u64, String)> {
    report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["outcome"] == "refused")
        .map(|l| (l["line"].as_u64().unwrap(), l["reason"].as_str().unwrap().to_owned()))
        .collect()
}

both!(an_import_loads_the_good_lines_and_reports_each_refused_one, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let asel = recipient(&app, "asel@mail.kz", 41).await;
    let known = iin("870412", 4, 41);
    let unknown = iin("650301", 3, 42);
    let report = report_of(&app, &staff, upload(&app, &staff, "ipr-november.csv", &file(&known, &unknown)).await).await;
    assert_eq!(report["summary"]["lines"], 8);
    assert_eq!(report["summary"]["accepted"], 2);
    assert_eq!(report["summary"]["refused"], 6);
    assert_eq!(report["summary"]["file_name"], "ipr-november.csv");
    assert_eq!(
        reasons(&report),
        vec![
            (3, "bad_iin".to_owned()),
            (4, "unknown_item_type".to_owned()),
            (5, "valid_to_before_valid_from".to_owned()),
            (6, "expired".to_owned()),
            (7, "duplicate_in_file".to_owned()),
            (8, "bad_quantity".to_owned()),
        ]
    );
    assert_eq!(report["lines"][1]["deferred"], true, "the second line is for a person without an account");
    assert_eq!(report["lines"][0]["deferred"], false);
    assert_eq!(report["lines"][0]["iin"], format!("••••••••{}", &known[8..]), "IINs are masked in the kept report");
    let mine =
        entitlements::Entity::find().filter(entitlements::Column::RecipientId.eq(asel.id)).all(&app.db).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].quantity_granted, mine[0].quantity_remaining, mine[0].source.as_str()), (1, 1, "ipr_file"));
    let waiting = recipients::Entity::find()
        .filter(recipients::Column::Iin.eq(unknown.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(waiting.account_id, None);
    let row = ipr_imports::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!((row.accepted, row.refused, row.sha256.len()), (2, 6, 64));
    let entry = &audit_entries(&app, "ipr.import").await[0];
    assert_eq!(entry.object_id, Some(row.id.to_string()));
    assert_eq!(entry.details.as_ref().unwrap()["accepted"], 2);
    let list = app.call(Some(&staff), "staff_imports", &[]).await;
    assert_eq!(list.body[0]["by"], "officer@enbek.gov.kz");
});

both!(importing_the_same_file_again_changes_nothing, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    recipient(&app, "asel@mail.kz", 41).await;
    let content = file(&iin("870412", 4, 41), &iin("650301", 3, 42));
    report_of(&app, &staff, upload(&app, &staff, "ipr.csv", &content).await).await;
    let (ents, people) = (
        entitlements::Entity::find().count(&app.db).await.unwrap(),
        recipients::Entity::find().count(&app.db).await.unwrap(),
    );
    let again = report_of(&app, &staff, upload(&app, &staff, "ipr.csv", &content).await).await;
    assert_eq!(
        (
            again["summary"]["accepted"].as_u64(),
            again["summary"]["unchanged"].as_u64(),
            again["summary"]["refused"].as_u64()
        ),
        (Some(0), Some(2), Some(6))
    );
    assert_eq!(entitlements::Entity::find().count(&app.db).await.unwrap(), ents);
    assert_eq!(recipients::Entity::find().count(&app.db).await.unwrap(), people);
    // The same IPR line with another quantity is not silently rewritten.
    let changed = content.replace("assistant_hour;960", "assistant_hour;480");
    let third = report_of(&app, &staff, upload(&app, &staff, "ipr.csv", &changed).await).await;
    assert!(reasons(&third).contains(&(2, "differs_from_loaded".to_owned())), "{third}");
});

both!(a_line_for_a_person_without_an_account_appears_when_they_sign_up, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let person = iin("910203", 4, 55);
    let content = format!(
        "iin,ipr_number,item_type,quantity,valid_from,valid_to\n{person},ИПАР-2026-000555,hearing_aid,2,{},{}\n",
        days(-1),
        days(200)
    );
    let report = report_of(&app, &staff, upload(&app, &staff, "one.csv", &content).await).await;
    assert_eq!(report["lines"][0]["deferred"], true);
    let token = app.sign_up_recipient("bota@mail.kz", &person).await;
    let dash = app.call(Some(&token), "dashboard", &[]).await;
    assert_eq!(dash.body["Recipient"]["open_entitlements"], 1, "{}", dash.body);
});

both!(a_file_that_is_not_an_ipr_file_is_refused_with_the_reason, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let res = upload(&app, &staff, "people.csv", "name,age\nAsel,37\n").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/staff/imports?error=bad_header");
    let res = upload(&app, &staff, "", "").await;
    assert_eq!(res.headers()["location"], "/staff/imports?error=file_required");
    let recipient_token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 41)).await;
    let res = upload(&app, &recipient_token, "x.csv", "iin\n").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "refused before the file is read");
    assert_eq!(ipr_imports::Entity::find().count(&app.db).await.unwrap(), 0);
});

both!(the_machine_interface_needs_its_key_and_answers_with_the_report, |app: TestApp| async move {
    let url = format!("{}/api/v1/ipr-lines", app.base);
    let person = iin("650301", 3, 42);
    let body = json!({ "file_name": "eisz-2026-11-23", "lines": [
        { "iin": person, "ipr_number": "ИПАР-2026-000900", "item_type": "walker", "quantity": 1, "valid_from": days(0), "valid_to": days(100) },
        { "iin": person, "ipr_number": "ИПАР-2026-000900", "item_type": "walker", "quantity": 0, "valid_from": days(0), "valid_to": days(100) },
    ]});
    let none = app.client.post(&url).json(&body).send().await.unwrap();
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    let wrong =
        app.client.post(&url).bearer_auth("not-the-key-but-just-as-long-0123456789").json(&body).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    // A machine client sends no session cookie and no Origin: the same-origin check lets it
    // through, and the key decides.
    let key = "test-ipr-key-that-is-long-enough-0123456789";
    let ok = app.client.post(&url).bearer_auth(key).json(&body).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let report: Value = ok.json().await.unwrap();
    assert_eq!((report["summary"]["accepted"].as_u64(), report["summary"]["refused"].as_u64()), (Some(1), Some(1)));
    assert_eq!(report["lines"][1]["reason"], "bad_quantity");
    assert_eq!(report["summary"]["by"], "system");
    let again = app.client.post(&url).bearer_auth(key).json(&body).send().await.unwrap().json::<Value>().await.unwrap();
    assert_eq!(again["summary"]["unchanged"], 1);
    let e = entitlements::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(e.source, "ipr_api");
    let entry = &audit_entries(&app, "ipr.import").await[0];
    assert_eq!((entry.actor_account_id, entry.actor_role.as_str()), (None, "system"));
    let garbage = app.client.post(&url).bearer_auth(key).body("{not json").send().await.unwrap();
    assert_eq!(garbage.status(), StatusCode::BAD_REQUEST);
});

both!(a_bearer_header_does_not_open_the_door_to_cross_site_forms, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 41)).await;
    // With the session cookie, a bearer header changes nothing: a foreign origin is refused.
    let forged = app
        .client
        .post(format!("{}/api/sign_out", app.base))
        .header("origin", "http://evil.example")
        .header("cookie", format!("ssp_session={token}"))
        .bearer_auth("anything")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz");
    // Without a cookie the request passes the guard but carries no session: staff functions
    // still answer "not signed in".
    let machine = app
        .client
        .post(format!("{}/api/staff_supplier_queue", app.base))
        .header("origin", "http://evil.example")
        .bearer_auth("anything")
        .send()
        .await
        .unwrap();
    assert_eq!(machine.status(), StatusCode::UNAUTHORIZED);
});

both!(a_regional_officer_loads_lines_only_for_people_of_their_region, |app: TestApp| async move {
    let officer = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    recipient(&app, "asel@mail.kz", 41).await; // lives in Almaty (ALA)
    let other = recipient(&app, "dana@mail.kz", 43).await;
    let r = recipients::Entity::find_by_id(other.id).one(&app.db).await.unwrap().unwrap();
    let mut am: recipients::ActiveModel = r.into();
    am.region_code = Set(Some("AST".into()));
    am.update(&app.db).await.unwrap();
    let (from, to) = (days(-1), days(200));
    let content = [
        "iin;ipr_number;item_type;quantity;valid_from;valid_to".to_owned(),
        format!("{};A-1;walker;1;{from};{to}", iin("870412", 4, 41)),
        format!("{};A-2;walker;1;{from};{to}", iin("870412", 4, 43)),
        format!("{};A-3;walker;1;{from};{to}", iin("650301", 3, 42)),
    ]
    .join("\n");
    let report = report_of(&app, &officer, upload(&app, &officer, "ala.csv", &content).await).await;
    assert_eq!(report["summary"]["accepted"], 1);
    assert_eq!(reasons(&report), vec![(2, "outside_region".to_owned()), (3, "region_unknown".to_owned())]);
    assert_eq!(recipients::Entity::find().count(&app.db).await.unwrap(), 2, "no row was made for the unknown IIN");
});
