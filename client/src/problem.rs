//! Code, fields and messages (Indonesian and English) of every [`ClientError`], so that each
//! channel (the uniffi and wasm bindings) shows the same text for the same code. A server's
//! refusal keeps the server's own problem; the client's own failures get theirs here.

use std::collections::BTreeMap;

use kotacerdas_core::{Coded, Lang, Problem};

use crate::ClientError;

/// The client's own failures as coded values.
enum Local<'a> {
    Network,
    Timeout,
    Decode(&'a str),
    Storage(&'a str),
}

impl Coded for Local<'_> {
    fn code(&self) -> &'static str {
        match self {
            Local::Network => "NETWORK",
            Local::Timeout => "TIMEOUT",
            Local::Decode(_) => "DECODE",
            Local::Storage(_) => "STORAGE",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            Local::Network => (
                "Tidak dapat terhubung ke server; coba lagi saat ada sinyal",
                "Cannot reach the server; try again when there is signal",
            ),
            Local::Timeout => (
                "Server tidak menjawab tepat waktu; coba lagi nanti",
                "The server did not answer in time; try again later",
            ),
            Local::Decode(_) => (
                "Jawaban server tidak sesuai dengan API",
                "The server's answer does not fit the API",
            ),
            Local::Storage(_) => (
                "Penyimpanan lokal (kotak keluar) gagal",
                "Local storage (the outbox) failed",
            ),
        };
        match lang {
            Lang::Id => id.to_owned(),
            Lang::En => en.to_owned(),
        }
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            Local::Network | Local::Timeout => Vec::new(),
            // The technical detail (no request data: URLs and bodies are left out upstream).
            Local::Decode(detail) | Local::Storage(detail) => {
                vec![("detail", (*detail).to_owned())]
            }
        }
    }
}

impl ClientError {
    /// Code, fields and both messages: the server's problem for a refusal, else the client's
    /// own (`NETWORK`, `TIMEOUT`, `DECODE`, `STORAGE`). `code` equals [`ClientError::code`].
    pub fn problem(&self) -> Problem {
        let local = match self {
            ClientError::Auth { problem, .. } | ClientError::Server { problem, .. } => {
                return problem.clone();
            }
            ClientError::Network { timeout: true, .. } => Local::Timeout,
            ClientError::Network { .. } => Local::Network,
            ClientError::Decode { message } => Local::Decode(message),
            ClientError::Storage { message } => Local::Storage(message),
        };
        let mut problem = Problem::from_coded(&local);
        if let ClientError::Network { message, .. } = self {
            problem.fields = BTreeMap::from([("detail".to_owned(), message.clone())]);
        }
        problem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_code_and_two_messages() {
        let errors = [
            ClientError::Network {
                message: "connection refused".into(),
                timeout: false,
            },
            ClientError::Network {
                message: "timed out".into(),
                timeout: true,
            },
            ClientError::Decode {
                message: "EOF".into(),
            },
            ClientError::Storage {
                message: "disk full".into(),
            },
        ];
        for error in &errors {
            let problem = error.problem();
            assert_eq!(problem.code, error.code());
            assert!(!problem.message_id.is_empty() && problem.message_id != problem.message_en);
            assert!(problem.fields.contains_key("detail"), "{problem:?}");
        }
        let server = ClientError::Server {
            status: 422,
            problem: Problem {
                code: "REPORT_INVALID".into(),
                message_id: "a".into(),
                message_en: "b".into(),
                fields: BTreeMap::new(),
            },
            problems: Vec::new(),
        };
        assert_eq!(server.problem().code, "REPORT_INVALID");
    }
}
