//! Responses as other datasets record them: CFR's `Response` column and EuRepoC's political and
//! legal response fields are free words ("Sanctions", "Criminal charges", "Expulsion of
//! diplomats" ...), read here into our kinds. A word no kind matches is kept as `other` with a
//! warning naming it; a sponsor's denial is no response and is left out, said once.

use super::Response;
use crate::model::{PartialDate, ResponseKind};
use crate::strs::contains;

/// The kind of response a dataset's word names; `None` for a word that is no response at all
/// (a denial by the suspected sponsor, "not available", empty).
pub fn kind_of(word: &str) -> Option<Option<ResponseKind>> {
    let w = word.trim().to_ascii_lowercase();
    let has = |keys: &[&str]| keys.iter().any(|k| contains(&w, k));
    Some(Some(if w.is_empty() || has(&["not available", "none", "denial", "denied", "n/a"]) {
        return None;
    } else if has(&["sanction", "asset freeze", "designat"]) {
        ResponseKind::Sanctions
    } else if has(&["indict", "charge", "complaint", "arrest", "prosecut", "extradit", "convict"]) {
        ResponseKind::Indictment
    } else if has(&["seiz", "forfeit"]) {
        ResponseKind::Seizure
    } else if has(&["expul", "expel", "diplomat", "demarche", "démarche", "summon", "ambassador", "cooperation"]) {
        ResponseKind::Diplomatic
    } else if has(&["united nations", "un panel", "security council"]) {
        ResponseKind::UnFinding
    } else if has(&["joint", "allies", "multilateral"]) {
        ResponseKind::JointAttribution
    } else if has(&["attribut", "accus", "confirm", "statement", "condemn", "denounc", "blame"]) {
        ResponseKind::Attribution
    } else if has(&["countermeasure", "takedown", "disrupt", "hack back", "retaliat"]) {
        ResponseKind::Countermeasure
    } else {
        return Some(None);
    }))
}

/// Responses of one imported incident from a cell of words (several split at `,` `;` `|`, or in
/// EuRepoC's list form), each its own response dated `date` when the dataset gives one. Words no
/// kind matches come back in `unknown`; the caller warns.
pub fn from_words(
    incident: &str,
    words: &[String],
    date: Option<PartialDate>,
    responders: &[String],
    source: &str,
    unknown: &mut Vec<String>,
) -> Vec<Response> {
    let mut out: Vec<Response> = Vec::new();
    for word in words.iter().flat_map(|w| w.split([',', ';', '|'])).map(str::trim).filter(|w| !w.is_empty()) {
        let kind = match kind_of(word) {
            None => continue,
            Some(Some(k)) => k,
            Some(None) => {
                unknown.push(word.to_string());
                ResponseKind::Other
            }
        };
        out.push(Response {
            id: format!("{incident}-response-{}", out.len() + 1),
            date,
            responders: responders.to_vec(),
            kind,
            incidents: vec![incident.to_string()],
            description: format!("{source}: {word}"),
            sources: Vec::new(),
        });
    }
    out
}
