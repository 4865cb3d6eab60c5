//! Identity before a record opens: sign-up reveals nothing, the e-mail is confirmed by a
//! link, and a typed IIN opens that person's record only after a proof (an SMS code to the
//! phone on the record, or a regional officer's activation letter).
use crate::both;
use crate::helpers::{iin, TestApp};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::entities::{
    accounts, audit_log, entitlements, item_types, one_time_codes, outbox_messages, recipients, representatives,
};

const PASSWORD: &str = "steppe horses run at dawn";

/// A person's record as the IPR import leaves it: no account, an entitlement, maybe a phone.
async fn record(app: &TestApp, person: &str, region: &str, phone: Option<&str>) -> recipients::Model {
    let now = chrono::Utc::now();
    let r = recipients::ActiveModel {
        account_id: Set(None),
        iin: Set(person.to_owned()),
        full_name: Set(Some("Ахметов Алихан Ерланович".into())),
        region_code: Set(Some(region.into())),
        created_at: Set(now),
        updated_at: Set(now),
        phone: Set(phone.map(Into::into)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let wheelchair = item_types::Entity::find()
        .filter(item_types::Column::Code.eq("wheelchair_manual"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    entitlements::ActiveModel {
        recipient_id: Set(r.id),
        item_type_id: Set(wheelchair.id),
        quantity_granted: Set(1),
        quantity_remaining: Set(1),
        valid_from: Set(now.date_naive() - chrono::Duration::days(1)),
        valid_to: Set(now.date_naive() + chrono::Duration::days(300)),
        ipr_number: Set("ИПАР-2026-000001".into()),
        source: Set("import".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    r
}

/// Signs up with `person`'s IIN, confirms the e-mail and signs in, proving nothing.
async fn claimant(app: &TestApp, email: &str, person: &str) -> String {
    let a = sign_up(app, email, person).await;
    assert!(a.status.is_success() || a.status.is_redirection(), "{}", a.body);
    app.confirm_email(email).await;
    app.signed_in(email).await
}

async fn sign_up(app: &TestApp, email: &str, person: &str) -> crate::helpers::Answer {
    app.call(
        None,
        "sign_up_recipient",
        &[("email", email), ("password", PASSWORD), ("iin", person), ("full_name", "Кто-то Другой"), ("region", "AST")],
    )
    .await
}

async fn count(app: &TestApp, address: &str, kind: &str) -> usize {
    outbox_messages::Entity::find()
        .filter(outbox_messages::Column::Address.eq(address))
        .filter(outbox_messages::Column::Kind.eq(kind))
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

/// The code in the newest SMS to `phone`.
async fn sms_code(app: &TestApp, phone: &str) -> String {
    let msg = app.outbox(phone, "claim_code").await.expect("an SMS with a code");
    msg.body_text.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).expect("six digits").to_owned()
}

both!(sign_up_answers_the_same_for_a_known_and_an_unknown_email_or_iin, |app: TestApp| async move {
    let person = iin("870412", 4, 77);
    app.sign_up_recipient("asel@mail.kz", &person).await;
    let known_email = sign_up(&app, "asel@mail.kz", &iin("850101", 4, 33)).await;
    let known_iin = sign_up(&app, "stranger@mail.kz", &person).await;
    let fresh = sign_up(&app, "fresh@mail.kz", &iin("800202", 3, 44)).await;
    for a in [&known_email, &known_iin] {
        assert_eq!(a.status, fresh.status);
        assert_eq!(a.body, fresh.body);
        assert_eq!(a.headers.get("location"), fresh.headers.get("location"));
        assert!(a.session_cookie().is_none() && fresh.session_cookie().is_none(), "nobody is signed in by a sign-up");
    }
    // Only the address's owner learns which it was.
    assert_eq!(count(&app, "asel@mail.kz", "sign_up_exists").await, 1);
    assert_eq!(count(&app, "stranger@mail.kz", "email_confirm").await, 1);
    assert_eq!(count(&app, "fresh@mail.kz", "email_confirm").await, 1);
    let accounts =
        accounts::Entity::find().filter(accounts::Column::Email.eq("asel@mail.kz")).all(&app.db).await.unwrap();
    assert_eq!(accounts.len(), 1, "no second account for a known address");
});

both!(an_email_is_unique_whatever_its_case, |app: TestApp| async move {
    app.sign_up_recipient("Aigul@Mail.kz", &iin("900815", 3, 12)).await;
    let a = sign_up(&app, "aigul@MAIL.KZ", &iin("850101", 4, 33)).await;
    assert!(a.status.is_success() || a.status.is_redirection(), "{}", a.body);
    assert_eq!(
        accounts::Entity::find().filter(accounts::Column::Email.eq("aigul@mail.kz")).all(&app.db).await.unwrap().len(),
        1
    );
    assert_eq!(count(&app, "aigul@mail.kz", "sign_up_exists").await, 1);
});

both!(until_the_email_is_confirmed_the_account_cannot_sign_in_and_a_link_works_once, |app: TestApp| async move {
    let a = sign_up(&app, "new@mail.kz", &iin("800202", 3, 44)).await;
    assert!(a.status.is_success() || a.status.is_redirection(), "{}", a.body);
    let refused = app.sign_in("new@mail.kz", PASSWORD).await;
    assert_eq!(refused.error_code().as_deref(), Some("email_not_confirmed"), "{}", refused.body);
    assert!(refused.session_cookie().is_none());
    let token = app.confirmation_token("new@mail.kz").await;
    let wrong = app.call(None, "confirm_email", &[("token", "not-the-token")]).await;
    assert_eq!(wrong.error_code().as_deref(), Some("link_invalid"));
    let ok = app.call(None, "confirm_email", &[("token", &token)]).await;
    assert!(ok.status.is_success() || ok.status.is_redirection(), "{}", ok.body);
    let again = app.call(None, "confirm_email", &[("token", &token)]).await;
    assert_eq!(again.error_code().as_deref(), Some("link_invalid"), "a link works once");
    assert_eq!(app.sign_in("new@mail.kz", PASSWORD).await.status, StatusCode::OK);
});

both!(a_stranger_who_types_someones_iin_sees_and_changes_nothing_of_that_person, |app: TestApp| async move {
    let child = iin("160903", 5, 21);
    let r = record(&app, &child, "AST", None).await;
    let token = claimant(&app, "stranger@mail.kz", &child).await;
    for f in ["dashboard", "entitlements_list", "orders_list"] {
        let a = app.call(Some(&token), f, &[]).await;
        if f != "dashboard" {
            assert_eq!(a.error_code().as_deref(), Some("no_one_to_act_for"), "{f}: {}", a.body);
        }
        assert!(!a.body.to_string().contains("Ахметов"), "{f} shows nothing of the person: {}", a.body);
    }
    let after = recipients::Entity::find_by_id(r.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(after.account_id, None, "the record stays unclaimed");
    assert_eq!(after.full_name.as_deref(), Some("Ахметов Алихан Ерланович"), "nor renamed");
    // Asking for an SMS code answers as for anyone; the code goes to the record's phone
    // only, and there is none here.
    let sent = app.call(Some(&token), "send_claim_code", &[]).await;
    assert!(sent.status.is_success() || sent.status.is_redirection(), "{}", sent.body);
    assert_eq!(
        outbox_messages::Entity::find()
            .filter(outbox_messages::Column::Channel.eq("sms"))
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        0
    );
});

both!(an_sms_code_to_the_phone_on_the_record_proves_identity_once, |app: TestApp| async move {
    let person = iin("870412", 4, 77);
    let r = record(&app, &person, "ALA", Some("+77015550101")).await;
    let token = claimant(&app, "asel@mail.kz", &person).await;
    let sent = app.call(Some(&token), "send_claim_code", &[]).await;
    assert!(sent.status.is_success() || sent.status.is_redirection(), "{}", sent.body);
    let code = sms_code(&app, "+77015550101").await;
    let stored = one_time_codes::Entity::find().all(&app.db).await.unwrap();
    assert!(stored.iter().all(|c| !c.code_hash.contains(&code)), "stored hashed");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let bad = app.call(Some(&token), "prove_identity", &[("code", wrong)]).await;
    assert_eq!(bad.field_error("code").as_deref(), Some("code_invalid"), "{}", bad.body);
    let ok = app.call(Some(&token), "prove_identity", &[("code", &code)]).await;
    assert!(ok.status.is_success() || ok.status.is_redirection(), "{}", ok.body);
    let linked = recipients::Entity::find_by_id(r.id).one(&app.db).await.unwrap().unwrap();
    assert!(linked.account_id.is_some());
    let dash = app.call(Some(&token), "dashboard", &[]).await;
    assert_eq!(dash.body["Recipient"]["open_entitlements"], 1, "{}", dash.body);
    let reuse = app.call(Some(&token), "prove_identity", &[("code", &code)]).await;
    assert_ne!(reuse.status, StatusCode::OK);
    // A second account claiming the same IIN gets no code: the record is someone's now.
    let other = claimant(&app, "other@mail.kz", &person).await;
    app.call(Some(&other), "send_claim_code", &[]).await;
    assert_eq!(count(&app, "+77015550101", "claim_code").await, 1);
    let audit =
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("identity.proven")).all(&app.db).await.unwrap();
    assert_eq!(audit.len(), 1);
});

both!(an_sms_code_expires_after_ten_minutes_and_wrong_codes_are_throttled, |app: TestApp| async move {
    let person = iin("870412", 4, 77);
    record(&app, &person, "ALA", Some("+77015550101")).await;
    let token = claimant(&app, "asel@mail.kz", &person).await;
    app.call(Some(&token), "send_claim_code", &[]).await;
    let code = sms_code(&app, "+77015550101").await;
    let row = one_time_codes::Entity::find()
        .filter(one_time_codes::Column::Purpose.eq("claim_sms"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.expires_at <= chrono::Utc::now() + chrono::Duration::minutes(10));
    let mut am: one_time_codes::ActiveModel = row.into();
    am.expires_at = Set(chrono::Utc::now() - chrono::Duration::seconds(1));
    am.update(&app.db).await.unwrap();
    let late = app.call(Some(&token), "prove_identity", &[("code", &code)]).await;
    assert_eq!(late.field_error("code").as_deref(), Some("code_invalid"));
    let mut throttled = false;
    for _ in 0..8 {
        if app.call(Some(&token), "prove_identity", &[("code", "123456")]).await.status == StatusCode::TOO_MANY_REQUESTS
        {
            throttled = true;
            break;
        }
    }
    assert!(throttled, "guessing codes is slowed down");
});

both!(
    a_regional_officer_issues_letters_for_their_region_only_and_a_letter_links_a_representative_once,
    |app: TestApp| async move {
        let child = iin("160903", 5, 21);
        let r = record(&app, &child, "AST", None).await;
        let almaty = app.staff("officer.ala@gov.kz", Some("ALA")).await;
        let elsewhere =
            app.call(Some(&almaty), "staff_issue_letter", &[("iin", &child), ("for_whom", "representative")]).await;
        assert_eq!(elsewhere.field_error("iin").as_deref(), Some("no_record_for_iin"), "{}", elsewhere.body);
        let astana = app.staff("officer.ast@gov.kz", Some("AST")).await;
        let issued =
            app.call(Some(&astana), "staff_issue_letter", &[("iin", &child), ("for_whom", "representative")]).await;
        assert!(issued.status.is_success() || issued.status.is_redirection(), "{}", issued.body);
        // The letter reaches the print page once, through a short-lived cookie.
        let cookie = issued
            .headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("ssp_activation_letter="))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
            .expect("the letter handed to the print page");
        let printed = app
            .client
            .post(format!("{}/api/staff_letter", app.base))
            .header("origin", &app.base)
            .header("cookie", format!("ssp_session={astana}; ssp_activation_letter={cookie}"))
            .send()
            .await
            .unwrap();
        let letter: serde_json::Value = printed.json().await.unwrap();
        let code = letter["code"].as_str().expect("the code").to_owned();
        assert_eq!(letter["iin"], child.as_str());
        assert_eq!(
            one_time_codes::Entity::find()
                .all(&app.db)
                .await
                .unwrap()
                .iter()
                .filter(|c| c.code_hash.contains(&code.replace('-', "")))
                .count(),
            0
        );
        // The parent signs up with their own IIN, and the letter makes them the child's representative.
        let parent = claimant(&app, "parent@mail.kz", &iin("880512", 4, 55)).await;
        let ok = app.call(Some(&parent), "prove_identity", &[("code", &code.to_lowercase())]).await;
        assert!(ok.status.is_success() || ok.status.is_redirection(), "{}", ok.body);
        let reps = representatives::Entity::find()
            .filter(representatives::Column::RecipientId.eq(r.id))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(reps.len(), 1);
        let parent_token = app.signed_in("parent@mail.kz").await;
        assert_eq!(app.whoami(&parent_token).await["role"], "representative");
        let ents = app.call(Some(&parent_token), "entitlements_list", &[]).await;
        assert_eq!(ents.status, StatusCode::OK, "{}", ents.body);
        // Used once.
        let thief = claimant(&app, "thief@mail.kz", &iin("900101", 3, 66)).await;
        let reuse = app.call(Some(&thief), "prove_identity", &[("code", &code)]).await;
        assert_eq!(reuse.field_error("code").as_deref(), Some("code_invalid"));
        for action in ["identity.letter_issued", "identity.representative_linked"] {
            assert_eq!(
                audit_log::Entity::find()
                    .filter(audit_log::Column::Action.eq(action))
                    .all(&app.db)
                    .await
                    .unwrap()
                    .len(),
                1,
                "{action}"
            );
        }
    }
);

both!(a_phone_sent_with_an_ipr_line_receives_the_code_that_opens_that_record, |app: TestApp| async move {
    let person = iin("650301", 3, 42);
    let today = chrono::Utc::now().date_naive();
    let body = serde_json::json!({ "lines": [
        { "iin": person, "ipr_number": "ИПАР-2026-000900", "item_type": "walker", "quantity": 1,
          "valid_from": today.to_string(), "valid_to": (today + chrono::Duration::days(100)).to_string(), "phone": "8 (701) 555-01-02" },
        { "iin": iin("650301", 3, 43), "ipr_number": "ИПАР-2026-000901", "item_type": "walker", "quantity": 1,
          "valid_from": today.to_string(), "valid_to": (today + chrono::Duration::days(100)).to_string(), "phone": "<script>" },
    ]});
    let report: serde_json::Value = app
        .client
        .post(format!("{}/api/v1/ipr-lines", app.base))
        .bearer_auth("test-ipr-key-that-is-long-enough-0123456789")
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["summary"]["accepted"], 1, "{report}");
    assert_eq!(report["lines"][1]["reason"], "bad_phone", "{report}");
    let token = claimant(&app, "arman@mail.kz", &person).await;
    app.call(Some(&token), "send_claim_code", &[]).await;
    let code = sms_code(&app, "+77015550102").await;
    let ok = app.call(Some(&token), "prove_identity", &[("code", &code)]).await;
    assert!(ok.status.is_success() || ok.status.is_redirection(), "{}", ok.body);
    let ents = app.call(Some(&token), "entitlements_list", &[]).await;
    assert_eq!(ents.status, StatusCode::OK, "{}", ents.body);
    assert!(ents.body.to_string().contains("ИПАР-2026-000900"), "{}", ents.body);
});

both!(a_password_reset_by_email_link_ends_every_session_works_once_and_is_audited, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let unknown = app.call(None, "request_password_reset", &[("email", "nobody@mail.kz")]).await;
    let known = app.call(None, "request_password_reset", &[("email", "Asel@Mail.kz")]).await;
    assert_eq!((unknown.status, &unknown.body), (known.status, &known.body), "the same answer for any address");
    assert_eq!(count(&app, "nobody@mail.kz", "password_reset").await, 0);
    let msg = app.outbox("asel@mail.kz", "password_reset").await.expect("a reset e-mail");
    let at = msg.body_text.find("token=").unwrap() + "token=".len();
    let link: String =
        msg.body_text[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let weak = app.call(None, "reset_password", &[("token", &link), ("new_password", "qwertyuiop123")]).await;
    assert_eq!(weak.field_error("new_password").as_deref(), Some("password_too_common"), "{}", weak.body);
    let ok =
        app.call(None, "reset_password", &[("token", &link), ("new_password", "a brand new password for asel")]).await;
    assert!(ok.status.is_success() || ok.status.is_redirection(), "{}", ok.body);
    assert!(app.whoami(&token).await.is_null(), "the old session has ended");
    assert_eq!(
        app.sign_in("asel@mail.kz", PASSWORD).await.status,
        StatusCode::CONFLICT,
        "the old password no longer works"
    );
    assert_eq!(app.sign_in("asel@mail.kz", "a brand new password for asel").await.status, StatusCode::OK);
    let again =
        app.call(None, "reset_password", &[("token", &link), ("new_password", "yet another password for asel")]).await;
    assert_eq!(again.error_code().as_deref(), Some("link_invalid"), "a link works once");
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("account.password_reset"))
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );
});

both!(
    a_password_reset_by_sms_code_goes_to_the_phone_on_record_works_once_and_throttles_guesses,
    |app: TestApp| async move {
        let person = iin("870412", 4, 78);
        let phone = "+77017778899";
        record(&app, &person, "ALA", Some(phone)).await;
        let token = app.sign_up_recipient("dana@mail.kz", &person).await;
        let app = &app;
        let how = |email: &'static str| async move {
            app.call(None, "request_password_reset", &[("email", email), ("how", "sms")]).await
        };
        let unknown = how("nobody@mail.kz").await;
        let known = how("Dana@Mail.kz").await;
        assert_eq!((unknown.status, &unknown.body), (known.status, &known.body), "the same answer for any address");
        let code = app.outbox(phone, "reset_code").await.expect("an SMS with a code to the phone on the record");
        let code: String =
            code.body_text.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).expect("six digits").to_owned();
        assert_eq!(count(app, "dana@mail.kz", "password_reset").await, 0, "no e-mail link was asked for");
        // A wrong code, the right code for another address: refused beside the code field.
        let wrong = if code == "000000" { "111111" } else { "000000" };
        let refused = app
            .call(
                None,
                "reset_password_with_code",
                &[("email", "dana@mail.kz"), ("code", wrong), ("new_password", "a brand new password for dana")],
            )
            .await;
        assert_eq!(refused.field_error("code").as_deref(), Some("code_invalid"), "{}", refused.body);
        let elsewhere = app
            .call(
                None,
                "reset_password_with_code",
                &[("email", "nobody@mail.kz"), ("code", &code), ("new_password", "a brand new password for dana")],
            )
            .await;
        assert_eq!(elsewhere.field_error("code").as_deref(), Some("code_invalid"));
        let ok = app
            .call(
                None,
                "reset_password_with_code",
                &[("email", "dana@mail.kz"), ("code", &code), ("new_password", "a brand new password for dana")],
            )
            .await;
        assert!(ok.status.is_success() || ok.status.is_redirection(), "{}", ok.body);
        assert!(app.whoami(&token).await.is_null(), "the old session has ended");
        assert_eq!(app.sign_in("dana@mail.kz", "a brand new password for dana").await.status, StatusCode::OK);
        let again = app
            .call(
                None,
                "reset_password_with_code",
                &[("email", "dana@mail.kz"), ("code", &code), ("new_password", "yet another password for dana")],
            )
            .await;
        assert_eq!(again.field_error("code").as_deref(), Some("code_invalid"), "a code works once");
        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("account.password_reset"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(audited.len(), 1);
        assert_eq!(audited[0].details.as_ref().unwrap()["method"], "sms_code");
        // Guessing: after a few wrong codes even the right one waits.
        how("dana@mail.kz").await;
        let fresh = app.outbox(phone, "reset_code").await.unwrap();
        let fresh: String =
            fresh.body_text.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).unwrap().to_owned();
        let mut throttled = false;
        for guess in 0..12 {
            let g = format!("{:06}", (guess * 7919 + 13) % 1_000_000);
            if g == fresh {
                continue;
            }
            let a = app
                .call(
                    None,
                    "reset_password_with_code",
                    &[("email", "dana@mail.kz"), ("code", &g), ("new_password", "guessing a password for dana")],
                )
                .await;
            if a.status == StatusCode::TOO_MANY_REQUESTS {
                throttled = true;
                break;
            }
        }
        assert!(throttled, "guesses are throttled");
        let late = app
            .call(
                None,
                "reset_password_with_code",
                &[("email", "dana@mail.kz"), ("code", &fresh), ("new_password", "guessing a password for dana")],
            )
            .await;
        assert_eq!(late.status, StatusCode::TOO_MANY_REQUESTS, "{}", late.body);
    }
);

both!(the_links_in_delivered_emails_confirm_warn_and_reset, |app: TestApp| async move {
    use server::messages::delivery::Transports;
    let mut settings = app.settings.clone();
    settings.smtp_url = Some(crate::messages::smtp_url().into());
    settings.mail_from = Some("Portal <portal@localhost>".into());
    let transports = Transports::from_settings(&settings).unwrap();
    let deliver = || server::messages::worker::deliver_due(&app.db, &transports, chrono::Utc::now(), 50);
    let email = format!("links-{}@mail.kz", uuid::Uuid::new_v4().simple());
    let link_in = |mail: &crate::messages::Mime, path: &str| -> String {
        let text = mail
            .parts()
            .into_iter()
            .find(|p| p.header("content-type").starts_with("text/plain"))
            .expect("a text part")
            .text();
        let at = text.find(path).unwrap_or_else(|| panic!("a link to {path} in {text}"));
        text[at..].chars().take_while(|c| !c.is_whitespace()).collect()
    };
    // Sign-up: the confirmation link arrives and confirms.
    assert!(sign_up(&app, &email, &iin("800202", 3, 44)).await.status.is_success());
    deliver().await.unwrap();
    let mails = crate::messages::mails_to(&email, 1).await;
    let confirm = link_in(&mails[0], "/confirm-email?token=");
    let token = confirm.split("token=").nth(1).unwrap();
    assert!(app.call(None, "confirm_email", &[("token", token)]).await.status.is_success());
    assert_eq!(app.sign_in(&email, PASSWORD).await.status, StatusCode::OK);
    // Signing up again with the address: "you already have an account", with the sign-in link.
    assert!(sign_up(&app, &email, &iin("850101", 4, 33)).await.status.is_success());
    deliver().await.unwrap();
    let mails = crate::messages::mails_to(&email, 2).await;
    let warning = mails
        .iter()
        .find(|m| m.text_part_contains("/sign-in\n") || m.text_part_contains("/sign-in "))
        .expect("the warning e-mail");
    assert!(link_in(warning, "/sign-in").ends_with("/sign-in"), "the warning links to sign-in");
    // A reset link arrives and sets a new password.
    assert!(app.call(None, "request_password_reset", &[("email", &email)]).await.status.is_success());
    deliver().await.unwrap();
    let mails = crate::messages::mails_to(&email, 3).await;
    let reset = mails
        .iter()
        .find_map(|m| m.text_part_contains("/reset-password?token=").then(|| link_in(m, "/reset-password?token=")))
        .expect("the reset e-mail");
    let token = reset.split("token=").nth(1).unwrap();
    let ok = app
        .call(None, "reset_password", &[("token", token), ("new_password", "a brand new password for the links")])
        .await;
    assert!(ok.status.is_success(), "{}", ok.body);
    assert_eq!(app.sign_in(&email, "a brand new password for the links").await.status, StatusCode::OK);
});
