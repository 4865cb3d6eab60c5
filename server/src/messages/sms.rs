//! Text messages through the SMS gateway's HTTP API, or into `.sms.json` files in
//! development. The gateway receives `{"id", "to", "text"}` with `Idempotency-Key: <id>`: a
//! text sent twice (a worker stopped between the gateway's answer and marking it sent) is one
//! text to a gateway that honours the key.
use super::delivery::{safe_file_id, write_sink, DeliveryError, Sms, SmsGateway};
use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};
use std::path::PathBuf;
use std::time::Duration;

/// How long the gateway may take to answer.
const GATEWAY_TIMEOUT: Duration = Duration::from_secs(15);

/// The body the gateway receives.
fn body(sms: &Sms<'_>) -> serde_json::Value {
    serde_json::json!({ "id": sms.id, "to": sms.to, "text": sms.text })
}

/// Texts through the gateway's HTTP API.
pub struct HttpSms {
    client: reqwest::Client,
    url: String,
    key: SecretString,
}

impl HttpSms {
    /// A gateway at `url` that takes `key` as its bearer token.
    pub fn new(url: &str, key: SecretString) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(GATEWAY_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| anyhow::anyhow!("the SMS gateway's client: {e}"))?;
        Ok(Self { client, url: url.trim().to_owned(), key })
    }
}

#[async_trait]
impl SmsGateway for HttpSms {
    async fn send(&self, sms: &Sms<'_>) -> Result<(), DeliveryError> {
        let answer = self
            .client
            .post(&self.url)
            .header("Idempotency-Key", sms.id)
            .bearer_auth(self.key.expose_secret())
            .json(&body(sms))
            .send()
            .await
            // reqwest's text names the URL; the kind of failure is enough.
            .map_err(|e| {
                DeliveryError::new(if e.is_timeout() {
                    "sms gateway: timed out"
                } else if e.is_connect() {
                    "sms gateway: could not connect"
                } else {
                    "sms gateway: the request failed"
                })
            })?;
        let status = answer.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(DeliveryError::new(format!("sms gateway: answered {}", status.as_u16())))
        }
    }
}

/// Texts into `<dir>/<id>.sms.json` (development without a gateway), the gateway's body.
pub struct FileSms {
    dir: PathBuf,
}

impl FileSms {
    /// A sink writing into `dir`.
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }
}

#[async_trait]
impl SmsGateway for FileSms {
    async fn send(&self, sms: &Sms<'_>) -> Result<(), DeliveryError> {
        let name = format!("{}.sms.json", safe_file_id(sms.id)?);
        let bytes = serde_json::to_vec_pretty(&body(sms))
            .map_err(|_| DeliveryError::new("file sink: the text could not be written"))?;
        write_sink(self.dir.clone(), name, bytes).await
    }
}
