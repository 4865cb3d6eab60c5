//! The one error type that crosses from the backend to the UI. It carries stable snake_case
//! codes, never prose: the UI translates them (`err-<code>`) in the reader's language.
use crate::domain::RefusalCode;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// A problem with one form field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's `name` in the form, also the stem of its element id.
    pub field: String,
    /// Why it was refused.
    pub code: String,
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Some fields need fixing; shown beside each field and in the summary.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// A business rule refused the request (a code such as `price_changed`).
    #[error("refused: {0}")]
    Refused(RefusalCode),
    /// The request needs a signed-in account.
    #[error("not signed in")]
    NotSignedIn,
    /// Signed in, but this role or this account may not do that.
    #[error("forbidden")]
    Forbidden,
    /// Nothing with that id that this account may see.
    #[error("not found")]
    NotFound,
    /// Too many failed attempts; try again after this many seconds.
    #[error("too many attempts")]
    TooManyAttempts(u64),
    /// The request itself is malformed (not a form or JSON the function takes): 400.
    #[error("malformed request")]
    Malformed,
    /// The server is too busy to take this request now; try again in a moment.
    #[error("busy")]
    Busy,
    /// Something broke on our side; the reference is in the server log.
    #[error("unexpected error {0}")]
    Unexpected(String),
}

impl AppError {
    /// One invalid field.
    pub fn field(field: &str, code: &str) -> Self {
        Self::Invalid(vec![FieldError { field: field.into(), code: code.into() }])
    }

    /// A refusal by a business rule.
    pub fn refused(code: RefusalCode) -> Self {
        Self::Refused(code)
    }

    /// The code the UI translates for the page-level message.
    pub fn code(&self) -> &str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::Refused(code) => code.code(),
            Self::NotSignedIn => "not_signed_in",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::TooManyAttempts(_) => "too_many_attempts",
            Self::Busy => "busy",
            Self::Malformed => "bad_request",
            Self::Unexpected(_) => "unexpected",
        }
    }

    /// The field errors, if any.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Self::Invalid(f) => f,
            _ => &[],
        }
    }

    /// The error code for one field, if it has one.
    pub fn field_code(&self, field: &str) -> Option<&str> {
        self.fields().iter().find(|f| f.field == field).map(|f| f.code.as_str())
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Self::Invalid(_) => 422,
            Self::Refused(_) => 409,
            Self::NotSignedIn => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::TooManyAttempts(_) => 429,
            Self::Busy => 503,
            Self::Malformed => 400,
            Self::Unexpected(_) => 500,
        }
    }
}

/// Collects field errors while a form is parsed, so every problem is reported at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the outcome of parsing one field; returns the value when it parsed.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, &str>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }

    /// Records an error for a field.
    pub fn add(&mut self, field: &str, code: &str) {
        self.0.push(FieldError { field: field.into(), code: code.into() });
    }

    /// Whether nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok` when nothing was recorded.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                Self::Malformed
            }
            other => Self::Unexpected(other.to_string()),
        }
    }
}
