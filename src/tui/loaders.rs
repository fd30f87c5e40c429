//! The loaders that assemble what a screen shows from the store: the plan's sections
//! and the supervision period. Today's data comes from `session::today`, which the
//! command line's `checkin`, `suggest` and `nudge` share.

use chrono::{DateTime, FixedOffset};

use crate::content::Content;
use crate::domain::insights::{Period, Scales};
use crate::domain::supervision::{default_since, SupervisionPrep};
use crate::store::Store;

use super::effects::fail;

pub fn supervision_prep(
    store: &Store,
    content: &Content,
    now: DateTime<FixedOffset>,
    since: Option<chrono::NaiveDate>,
) -> std::result::Result<SupervisionPrep, String> {
    let today = now.date_naive();
    let since = match since {
        Some(day) => day,
        None => default_since(
            store
                .last_supervision()
                .map_err(fail("Could not read your supervision dates"))?,
            today,
        ),
    };
    store
        .supervision_prep(Period::between(since, today), Scales::from_content(content))
        .map_err(fail("Could not gather the period"))
}

pub fn plan_texts(store: &Store) -> std::result::Result<Vec<(String, String)>, String> {
    Ok(store
        .plan()
        .map_err(fail("Could not read your plan"))?
        .into_iter()
        .map(|p| (p.section_id, p.text))
        .collect())
}
