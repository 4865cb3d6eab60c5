//! The outbox delivered: e-mail through a real SMTP server (aiosmtpd, started by
//! `scripts/mail-server.sh`, read back from its maildir), texts through an SMS gateway stub
//! started here, retries on a moved clock, a worker killed in the middle of a batch, giving up
//! after the last attempt, and the running application's own worker writing the development
//! files. Without `TEST_SMTP_URL` and `TEST_MAILDIR` these tests fail; they never skip.
use crate::both;
use crate::helpers::{logged, spawn_with, Backend, TestApp};
use app::domain::Lang;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine;
use chrono::{DateTime, Duration, DurationRound, Utc};
use sea_orm::{EntityTrait, TransactionTrait};
use serde_json::Value;
use server::entities::outbox_messages;
use server::messages::worker::{self, backoff, LEASE, MAX_ATTEMPTS};
use server::messages::{self, Channel, Outgoing, Transports};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const SMS_KEY: &str = "sms-gateway-key-for-the-tests";
const TEXT: &str = "Сәлем, Асель!\n\nВаш код: 482913.\n\nhttps://portal.example.kz/confirm?t=abc&x=1";

pub(crate) fn smtp_url() -> String {
    std::env::var("TEST_SMTP_URL").unwrap_or_else(|_| {
        panic!(
            "TEST_SMTP_URL is not set: the message tests deliver through a real SMTP server. Run \
             ./scripts/mail-server.sh, then export TEST_SMTP_URL=smtp://127.0.0.1:$(cat target/mail-server.port) \
             TEST_MAILDIR=$PWD/target/test-maildir (./scripts/test.sh does both)."
        )
    })
}

fn maildir() -> PathBuf {
    std::env::var("TEST_MAILDIR").map(PathBuf::from).unwrap_or_else(|_| {
        panic!("TEST_MAILDIR is not set: it names the maildir scripts/mail-server.sh's aiosmtpd writes into (./scripts/test.sh sets it).")
    })
}

/// What the SMS gateway stub received.
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    pub(crate) key: String,
    pub(crate) auth: String,
    pub(crate) body: Value,
}

/// An SMS gateway on 127.0.0.1: records each request, fails the first `fail_first` with 503,
/// and with `hold_first` never answers the first one.
#[derive(Clone, Default)]
pub(crate) struct Gateway {
    seen: Arc<Mutex<Vec<Seen>>>,
    fail_first: Arc<AtomicUsize>,
    hold_first: Arc<AtomicBool>,
}

impl Gateway {
    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn keys(&self) -> Vec<String> {
        self.seen().into_iter().map(|s| s.key).collect()
    }
}

async fn gateway_answer(State(g): State<Gateway>, headers: HeaderMap, Json(body): Json<Value>) -> StatusCode {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let n = {
        let mut seen = g.seen.lock().unwrap();
        seen.push(Seen { key: header("idempotency-key"), auth: header("authorization"), body });
        seen.len()
    };
    if n == 1 && g.hold_first.load(Ordering::SeqCst) {
        std::future::pending::<()>().await;
    }
    if n <= g.fail_first.load(Ordering::SeqCst) {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    }
}

pub(crate) async fn start_gateway() -> (Gateway, String) {
    let gateway = Gateway::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/sms", listener.local_addr().unwrap());
    let router = Router::new().route("/sms", post(gateway_answer)).with_state(gateway.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (gateway, url)
}

/// The application's transports, configured for the real SMTP server and the stub.
pub(crate) fn transports(app: &TestApp, gateway_url: &str) -> Transports {
    let mut settings = app.settings.clone();
    settings.smtp_url = Some(smtp_url().into());
    settings.mail_from = Some("Portal <portal@localhost>".into());
    settings.sms_url = Some(gateway_url.into());
    settings.sms_key = Some(SMS_KEY.into());
    Transports::from_settings(&settings).unwrap()
}

fn unique_email() -> String {
    format!("asel.{}@example.kz", uuid::Uuid::new_v4().simple())
}

fn unique_phone() -> String {
    format!("+7701{:07}", uuid::Uuid::new_v4().as_u128() % 10_000_000)
}

fn email(to: &str) -> Outgoing {
    Outgoing {
        channel: Channel::Email,
        address: to.to_owned(),
        lang: Lang::Kk,
        kind: "test_email",
        subject: "Порталға тіркелуді растаңыз".into(),
        text: TEXT.into(),
        html: Some("<!doctype html><html lang=\"kk\"><body><p>Сәлем, Асель!</p></body></html>".into()),
    }
}

fn sms(to: &str) -> Outgoing {
    Outgoing {
        channel: Channel::Sms,
        address: to.to_owned(),
        lang: Lang::Ru,
        kind: "test_sms",
        subject: String::new(),
        text: "Код: 482913".into(),
        html: None,
    }
}

/// Enqueues as an event does: inside its transaction.
async fn enqueue(app: &TestApp, msg: Outgoing) -> String {
    let tx = app.db.begin().await.unwrap();
    let id = messages::enqueue(&tx, msg).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn row(app: &TestApp, id: &str) -> outbox_messages::Model {
    outbox_messages::Entity::find_by_id(id.to_owned()).one(&app.db).await.unwrap().expect("the outbox row")
}

/// A moment just after every row enqueued so far, in whole seconds (so waits compare exactly).
pub(crate) fn moment() -> DateTime<Utc> {
    (Utc::now() + Duration::seconds(1)).duration_trunc(Duration::seconds(1)).unwrap()
}

// A small reader for what the SMTP server wrote: headers, encoded words, parts and their
// transfer encodings.

pub(crate) struct Mime {
    headers: Vec<(String, String)>,
    body: String,
}

impl Mime {
    fn parse(raw: &str) -> Self {
        let raw = raw.replace("\r\n", "\n");
        let (head, body) = raw.split_once("\n\n").unwrap_or((raw.as_str(), ""));
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            } else if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
            }
        }
        Self { headers, body: body.to_owned() }
    }

    pub(crate) fn header(&self, name: &str) -> String {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| decode_words(v)).unwrap_or_default()
    }

    /// The body with its transfer encoding undone.
    pub(crate) fn text(&self) -> String {
        let bytes = match self.header("content-transfer-encoding").to_ascii_lowercase().as_str() {
            "base64" => base64::engine::general_purpose::STANDARD
                .decode(self.body.split_whitespace().collect::<String>())
                .unwrap(),
            "quoted-printable" => quoted_printable(&self.body),
            _ => self.body.clone().into_bytes(),
        };
        String::from_utf8(bytes).unwrap().replace("\r\n", "\n").trim_end().to_owned()
    }

    /// Whether the plain-text part holds `needle`.
    pub(crate) fn text_part_contains(&self, needle: &str) -> bool {
        self.parts().iter().any(|p| p.header("content-type").starts_with("text/plain") && p.text().contains(needle))
    }

    pub(crate) fn parts(&self) -> Vec<Mime> {
        let kind = self.header("content-type");
        let boundary = kind
            .split(';')
            .find_map(|p| p.trim().strip_prefix("boundary="))
            .expect("a multipart boundary")
            .trim_matches('"')
            .to_owned();
        let delimiter = format!("--{boundary}");
        self.body
            .split(delimiter.as_str())
            .skip(1)
            .take_while(|p| !p.starts_with("--"))
            .map(|p| Mime::parse(p.strip_prefix('\n').unwrap_or(p)))
            .collect()
    }
}

fn quoted_printable(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            if let Some(v) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Undoes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); the space between two
/// adjacent words is not part of the text.
fn decode_words(v: &str) -> String {
    let mut out: Vec<u8> = Vec::new();
    let mut rest = v;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let mut fields = rest[start + 2..].splitn(3, '?');
        let (Some(_charset), Some(encoding), Some(tail)) = (fields.next(), fields.next(), fields.next()) else { break };
        let Some(end) = tail.find("?=") else { break };
        let before = &rest[..start];
        if !(after_word && before.trim().is_empty()) {
            out.extend_from_slice(before.as_bytes());
        }
        let word = &tail[..end];
        match encoding.to_ascii_lowercase().as_str() {
            "b" => out.extend(base64::engine::general_purpose::STANDARD.decode(word).unwrap()),
            _ => out.extend(quoted_printable(&word.replace('_', " "))),
        }
        rest = &tail[end + 2..];
        after_word = true;
    }
    out.extend_from_slice(rest.as_bytes());
    String::from_utf8(out).unwrap()
}

/// The messages the SMTP server holds for `to`, waiting (up to ten seconds) for `n` of them.
pub(crate) async fn mails_to(to: &str, n: usize) -> Vec<Mime> {
    let dir = maildir();
    for _ in 0..100 {
        let mut found = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
            for entry in entries.flatten() {
                let Ok(raw) = std::fs::read_to_string(entry.path()) else { continue };
                let mail = Mime::parse(&raw);
                if mail.header("to").contains(to) {
                    found.push(mail);
                }
            }
        }
        if found.len() >= n {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the SMTP server (maildir {}) holds fewer than {n} messages for the test's address", dir.display());
}

both!(
    an_email_reaches_the_smtp_server_with_its_text_and_html_and_the_outbox_id_as_message_id,
    |app: TestApp| async move {
        let (_gateway, url) = start_gateway().await;
        let transports = transports(&app, &url);
        let to = unique_email();
        let id = enqueue(&app, email(&to)).await;
        let now = moment();
        assert_eq!(messages::deliver_due(&app.db, &transports, now, 10).await.unwrap(), 1);

        let mails = mails_to(&to, 1).await;
        assert_eq!(mails.len(), 1);
        let mail = &mails[0];
        assert_eq!(mail.header("subject"), "Порталға тіркелуді растаңыз");
        assert!(mail.header("from").contains("portal@localhost"), "{}", mail.header("from"));
        assert_eq!(mail.header("message-id"), format!("<{id}@portal>"));
        assert!(mail.header("content-type").starts_with("multipart/alternative"), "{}", mail.header("content-type"));
        let parts = mail.parts();
        assert_eq!(parts.len(), 2, "a text part and an HTML part");
        assert!(parts[0].header("content-type").starts_with("text/plain"), "{}", parts[0].header("content-type"));
        assert_eq!(parts[0].text(), TEXT);
        assert!(parts[1].header("content-type").starts_with("text/html"), "{}", parts[1].header("content-type"));
        assert!(parts[1].text().contains("<p>Сәлем, Асель!</p>"), "{}", parts[1].text());

        let sent = row(&app, &id).await;
        assert_eq!(sent.status, "sent");
        assert_eq!(sent.sent_at, Some(now));
        assert_eq!(sent.attempts, 1);
        assert_eq!(sent.locked_until, None);
        assert_eq!(
            messages::deliver_due(&app.db, &transports, now + Duration::days(1), 10).await.unwrap(),
            0,
            "a sent message is not sent again"
        );
        assert_eq!(mails_to(&to, 1).await.len(), 1);
        assert!(logged().contains(&id), "the delivery is logged by its outbox id");
        assert!(!logged().contains(&to), "the address is never logged");
    }
);

both!(a_text_the_gateway_refuses_waits_and_goes_again_with_the_same_idempotency_key, |app: TestApp| async move {
    let (gateway, url) = start_gateway().await;
    gateway.fail_first.store(1, Ordering::SeqCst);
    let transports = transports(&app, &url);
    let phone = unique_phone();
    let id = enqueue(&app, sms(&phone)).await;
    let now = moment();

    assert_eq!(messages::deliver_due(&app.db, &transports, now, 10).await.unwrap(), 0);
    let waiting = row(&app, &id).await;
    assert_eq!(waiting.status, "queued");
    assert_eq!(waiting.attempts, 1);
    assert_eq!(waiting.next_attempt_at, now + Duration::seconds(30), "the first wait is 30 seconds");
    assert_eq!(waiting.locked_until, None);
    let reason = waiting.last_error.clone().unwrap_or_default();
    assert!(reason.contains("503"), "{reason}");
    assert!(!reason.contains(&phone) && !reason.contains("482913"), "{reason}");

    assert_eq!(
        messages::deliver_due(&app.db, &transports, now + Duration::seconds(20), 10).await.unwrap(),
        0,
        "not yet due"
    );
    assert_eq!(gateway.seen().len(), 1);
    assert_eq!(
        messages::deliver_due(&app.db, &transports, now + Duration::seconds(31), 10).await.unwrap(),
        1,
        "due once the clock passes the wait"
    );
    let sent = row(&app, &id).await;
    assert_eq!(sent.status, "sent");
    assert_eq!(sent.attempts, 2);
    assert_eq!(sent.last_error, None);

    let seen = gateway.seen();
    assert_eq!(seen.len(), 2);
    for s in &seen {
        assert_eq!(s.key, id, "the idempotency key is the outbox id");
        assert_eq!(s.auth, format!("Bearer {SMS_KEY}"));
        assert_eq!(s.body, serde_json::json!({ "id": id, "to": phone, "text": "Код: 482913" }));
    }
    assert!(!logged().contains(&phone), "the phone number is never logged");
});

both!(
    a_worker_killed_in_the_middle_of_a_batch_loses_nothing_and_a_repeat_carries_the_same_id,
    |app: TestApp| async move {
        let (gateway, url) = start_gateway().await;
        gateway.hold_first.store(true, Ordering::SeqCst);
        let transports = transports(&app, &url);
        let to = unique_email();
        let mail = enqueue(&app, email(&to)).await;
        let first = enqueue(&app, sms(&unique_phone())).await;
        let second = enqueue(&app, sms(&unique_phone())).await;
        let now = moment();

        // The worker takes all three, sends the e-mail, and dies while the gateway holds the text.
        let (db, t) = (app.db.clone(), transports.clone());
        let batch = tokio::spawn(async move { messages::deliver_due(&db, &t, now, 10).await });
        for _ in 0..200 {
            if !gateway.seen().is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(gateway.seen().len(), 1, "the gateway holds the first text");
        batch.abort();
        assert!(batch.await.unwrap_err().is_cancelled());

        assert_eq!(row(&app, &mail).await.status, "sent");
        for id in [&first, &second] {
            let taken = row(&app, id).await;
            assert_eq!((taken.status.as_str(), taken.attempts), ("queued", 0));
            assert_eq!(taken.locked_until, Some(now + LEASE), "still leased to the dead worker");
        }
        assert_eq!(
            messages::deliver_due(&app.db, &transports, now + Duration::minutes(1), 10).await.unwrap(),
            0,
            "nobody takes leased rows"
        );
        assert_eq!(gateway.seen().len(), 1);

        assert_eq!(
            messages::deliver_due(&app.db, &transports, now + LEASE + Duration::seconds(1), 10).await.unwrap(),
            2,
            "after the lease, everything goes out"
        );
        for id in [&mail, &first, &second] {
            assert_eq!(row(&app, id).await.status, "sent");
        }
        assert_eq!(
            gateway.keys(),
            [first.clone(), first.clone(), second.clone()],
            "the text sent twice carries one idempotency key"
        );
        let seen = gateway.seen();
        assert_eq!(seen[0].body, seen[1].body);
        assert_eq!(mails_to(&to, 1).await.len(), 1, "the e-mail went once");

        // An e-mail handed to the SMTP server by a worker that died before marking it.
        let to = unique_email();
        let mail = enqueue(&app, email(&to)).await;
        let later = now + LEASE * 3;
        let taken = worker::claim(&app.db, later, 10).await.unwrap();
        assert_eq!(taken.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), std::slice::from_ref(&mail));
        worker::deliver_one(&transports, &taken[0]).await.unwrap();
        assert_eq!(messages::deliver_due(&app.db, &transports, later + Duration::minutes(1), 10).await.unwrap(), 0);
        assert_eq!(
            messages::deliver_due(&app.db, &transports, later + LEASE + Duration::seconds(1), 10).await.unwrap(),
            1
        );
        assert_eq!(row(&app, &mail).await.status, "sent");
        let twice = mails_to(&to, 2).await;
        assert_eq!(twice.len(), 2);
        for m in &twice {
            assert_eq!(
                m.header("message-id"),
                format!("<{mail}@portal>"),
                "both copies are one message to a mail client"
            );
        }
    }
);

both!(after_eight_failed_attempts_a_message_is_failed_and_never_tried_again, |app: TestApp| async move {
    let (gateway, url) = start_gateway().await;
    gateway.fail_first.store(usize::MAX, Ordering::SeqCst);
    let transports = transports(&app, &url);
    let id = enqueue(&app, sms(&unique_phone())).await;
    let mut at = moment();
    let mut waits = Vec::new();
    for attempt in 1..=MAX_ATTEMPTS {
        assert_eq!(messages::deliver_due(&app.db, &transports, at, 10).await.unwrap(), 0);
        let r = row(&app, &id).await;
        assert_eq!(r.attempts, attempt);
        assert_eq!(r.locked_until, None);
        if attempt < MAX_ATTEMPTS {
            assert_eq!(r.status, "queued", "attempt {attempt}");
            assert_eq!(r.next_attempt_at - at, backoff(attempt));
            waits.push((r.next_attempt_at - at).num_seconds());
            assert_eq!(
                messages::deliver_due(&app.db, &transports, r.next_attempt_at - Duration::seconds(1), 10)
                    .await
                    .unwrap(),
                0
            );
            at = r.next_attempt_at;
        } else {
            assert_eq!(r.status, "failed");
            assert!(r.last_error.unwrap_or_default().contains("503"));
        }
    }
    assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920]);
    assert_eq!(gateway.seen().len(), 8);
    assert_eq!(messages::deliver_due(&app.db, &transports, at + Duration::days(30), 10).await.unwrap(), 0);
    assert_eq!(gateway.seen().len(), 8, "a failed message is never tried again");
    assert_eq!(row(&app, &id).await.status, "failed");
});

/// The running application's worker (on, every second) with no SMTP server or gateway
/// configured writes each message into the data folder, readable by the owner only.
async fn the_running_worker_writes_the_development_files(backend: Backend) {
    use std::os::unix::fs::PermissionsExt;
    let (app, _dir) = spawn_with(backend, |s| {
        s.worker = true;
        s.worker_interval_seconds = 1;
    })
    .await;
    let to = unique_email();
    let phone = unique_phone();
    let mail = enqueue(&app, email(&to)).await;
    let text = enqueue(&app, sms(&phone)).await;
    for _ in 0..300 {
        if row(&app, &mail).await.status == "sent" && row(&app, &text).await.status == "sent" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(row(&app, &mail).await.status, "sent");
    assert_eq!(row(&app, &text).await.status, "sent");
    let outbox = app.settings.data_dir.join("outbox");
    let eml = outbox.join(format!("{mail}.eml"));
    let written = Mime::parse(&std::fs::read_to_string(&eml).unwrap());
    assert_eq!(written.header("message-id"), format!("<{mail}@portal>"));
    assert_eq!(written.header("to"), to);
    assert_eq!(written.parts()[0].text(), TEXT);
    let json = outbox.join(format!("{text}.sms.json"));
    let body: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(body, serde_json::json!({ "id": text, "to": phone, "text": "Код: 482913" }));
    for f in [&eml, &json] {
        assert_eq!(std::fs::metadata(f).unwrap().permissions().mode() & 0o777, 0o600, "{}", f.display());
    }
    assert!(!logged().contains(&to) && !logged().contains(&phone));
}

mod the_running_applications_worker_writes_the_development_files {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        the_running_worker_writes_the_development_files(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        the_running_worker_writes_the_development_files(Backend::Postgres).await;
    }
}

both!(two_workers_at_once_take_different_messages, |app: TestApp| async move {
    let mut ids = Vec::new();
    for _ in 0..8 {
        ids.push(enqueue(&app, sms(&unique_phone())).await);
    }
    let now = moment();
    let (a, b) = tokio::join!(worker::claim(&app.db, now, 4), worker::claim(&app.db, now, 4));
    let mut taken: Vec<String> = a.unwrap().into_iter().chain(b.unwrap()).map(|r| r.id).collect();
    taken.sort();
    ids.sort();
    assert_eq!(taken, ids, "each message taken once, none left out");
    assert!(worker::claim(&app.db, now, 4).await.unwrap().is_empty(), "a third worker finds them all leased");
});
