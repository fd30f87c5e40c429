//! Writing an entry: a template's prompts one at a time, each above a soft-wrapping
//! text area. Everything typed is kept as a draft about a second after a pause, at
//! least every second and a half while typing goes on, and on every change of prompt,
//! so a crash, a closed terminal or a `kill -9` loses at most about two seconds.

mod account;
mod keys;
mod view;

pub use account::{slot as account_slot, slot_entry as account_slot_entry, AccountFrom};
pub use keys::{on_key, Cmd, ACCOUNT_KEYS, KEYS};
pub use view::view;

use crate::content::schema::Template;
use crate::domain::editor_text::{self, Written};
use crate::domain::entry::{Answer, Entry};
use crate::store::Draft;
use crate::tui::autosave::Autosave;
use crate::tui::message::Effect;
use crate::tui::screens::{Env, Out};
use crate::tui::widgets::{single_line, writing_area};
use chrono::{DateTime, FixedOffset};
use ratatui_textarea::{CursorMove, TextArea};

/// Text longer than this is laid out again on every key, which turns typing slow, so
/// it is left to $EDITOR (`lantern edit`) instead.
pub const TOO_LONG_TO_EDIT: usize = 512 * 1024;

/// "10.0 MB", "640 kB": a size a person reads at a glance.
pub fn size_words(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}

/// One page of writing: a prompt and its answer, or the free-writing body.
pub struct Page {
    pub prompt_id: Option<String>,
    pub prompt: String,
    pub hint: Option<String>,
    pub area: TextArea<'static>,
}

pub struct Editor {
    pub slot: String,
    pub entry_id: Option<i64>,
    pub uid: Option<String>,
    pub created: Option<DateTime<FixedOffset>>,
    /// When the entry being edited was last saved, as loaded: a save finds out whether
    /// it was changed elsewhere meanwhile.
    pub loaded_updated: Option<DateTime<FixedOffset>>,
    pub template_id: Option<String>,
    pub template_name: String,
    pub tags: Vec<String>,
    pub title: TextArea<'static>,
    pub pages: Vec<Page>,
    pub index: usize,
    pub on_title: bool,
    /// Typed since opening.
    pub changed: bool,
    /// Typed since the last draft save.
    keeping: Autosave,
    /// Writing a reflective account for a registration body rather than an entry.
    pub account: Option<AccountFrom>,
}

/// Pasted text for a one-line field: line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

fn lines(text: &str) -> Vec<String> {
    if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    }
}

impl Editor {
    fn build(template: Option<&Template>, written: &Written, slot: String) -> Editor {
        let prompts = editor_text::prompts_for(template, &written.answers);
        let mut pages: Vec<Page> = prompts
            .into_iter()
            .map(|(id, text, hint)| {
                let answer = written
                    .answers
                    .iter()
                    .find(|a| a.prompt_id == id)
                    .map_or("", |a| a.text.as_str());
                Page {
                    prompt_id: Some(id),
                    prompt: text,
                    hint,
                    area: writing_area(lines(answer), "write as much or as little as you like"),
                }
            })
            .collect();
        if pages.is_empty() || !written.body.trim().is_empty() {
            pages.insert(
                0,
                Page {
                    prompt_id: None,
                    prompt: if pages.is_empty() {
                        "Write freely.".into()
                    } else {
                        "Notes".into()
                    },
                    hint: None,
                    area: writing_area(
                        lines(&written.body),
                        "write as much or as little as you like",
                    ),
                },
            );
        }
        let mut title = single_line("a title (optional)");
        title.insert_str(&written.title);
        // Carry on from the end of what is already written.
        for page in &mut pages {
            page.area.move_cursor(CursorMove::Bottom);
            page.area.move_cursor(CursorMove::End);
        }
        Editor {
            slot,
            entry_id: None,
            uid: None,
            created: None,
            loaded_updated: None,
            template_id: template.map(|t| t.id.as_ref().clone()),
            template_name: template.map_or("Free writing".into(), |t| t.name.clone()),
            tags: written.tags.clone(),
            title,
            pages,
            index: 0,
            on_title: false,
            changed: false,
            keeping: Autosave::default(),
            account: None,
        }
    }

    /// A new entry whose draft slot is named by `uid` (the action's fresh id).
    pub fn new_entry_as(template: Option<&Template>, uid: &str) -> Editor {
        let written = Written {
            tags: template.map(|t| t.tags.clone()).unwrap_or_default(),
            ..Default::default()
        };
        Editor::build(template, &written, format!("new:{uid}"))
    }

    /// A new entry with an id of its own, for callers outside `update` (tests, tools):
    /// `update` itself takes its ids from the runtime, through `new_entry_as`.
    pub fn new_entry(template: Option<&Template>) -> Editor {
        Editor::new_entry_as(template, &uuid::Uuid::new_v4().to_string())
    }

    pub fn edit_entry(entry: &Entry, env: &Env<'_>) -> Editor {
        let template = entry
            .template_id
            .as_deref()
            .and_then(|t| crate::domain::leadership::find(env.content, t));
        let written = Written {
            title: entry.title.clone(),
            tags: entry.tags.clone(),
            body: entry.body.clone(),
            answers: entry.answers.clone(),
        };
        let mut e = Editor::build(template.as_ref(), &written, format!("entry:{}", entry.id));
        e.template_id = entry.template_id.clone();
        e.entry_id = Some(entry.id);
        e.uid = Some(entry.uid.clone());
        e.created = Some(entry.created);
        e.loaded_updated = Some(entry.updated);
        e
    }

    pub fn from_draft(draft: &Draft, env: &Env<'_>) -> Editor {
        if let Some(entry_id) = account::slot_entry(&draft.slot) {
            let body = env
                .config
                .registration
                .as_deref()
                .and_then(|id| env.content.body(id));
            if let Some(body) = body {
                let written = Written {
                    title: draft.title.clone(),
                    tags: Vec::new(),
                    body: draft.body.clone(),
                    answers: draft.answers.clone(),
                };
                let mut e = Editor::new_account(body, None, &written, draft.slot.clone());
                if let Some(from) = &mut e.account {
                    from.entry_id = entry_id;
                }
                e.index = draft.prompt_index.min(e.pages.len().saturating_sub(1));
                e.changed = true;
                return e;
            }
        }
        let template = draft
            .template_id
            .as_deref()
            .and_then(|t| crate::domain::leadership::find(env.content, t));
        let written = Written {
            title: draft.title.clone(),
            tags: Vec::new(),
            body: draft.body.clone(),
            answers: draft.answers.clone(),
        };
        let mut e = Editor::build(template.as_ref(), &written, draft.slot.clone());
        if template.is_some() || draft.template_id.is_none() {
            e.tags = template
                .as_ref()
                .map(|t| t.tags.clone())
                .unwrap_or_default();
        }
        e.template_id = draft.template_id.clone();
        e.entry_id = draft.entry_id;
        e.index = draft.prompt_index.min(e.pages.len().saturating_sub(1));
        // A resumed draft is unsaved work: leaving asks again.
        e.changed = true;
        e
    }

    fn written(&self) -> Written {
        let mut body = String::new();
        let mut answers = Vec::new();
        for page in &self.pages {
            let text = page.area.lines().join("\n");
            match &page.prompt_id {
                None => body = text.trim_end().to_string(),
                Some(id) => {
                    if !text.trim().is_empty() {
                        answers.push(Answer {
                            prompt_id: id.clone(),
                            prompt: page.prompt.clone(),
                            text: text.trim_end().to_string(),
                        });
                    }
                }
            }
        }
        Written {
            title: self.title.lines().join(" ").trim().to_string(),
            tags: self.tags.clone(),
            body,
            answers,
        }
    }

    pub fn draft(&self, now: DateTime<FixedOffset>) -> Draft {
        let w = self.written();
        Draft {
            slot: self.slot.clone(),
            template_id: self.template_id.clone(),
            entry_id: self.entry_id,
            title: w.title,
            body: w.body,
            answers: w.answers,
            prompt_index: self.index,
            updated: now,
        }
    }

    /// The entry as written; `uid` names it if it is new.
    pub fn entry(&self, now: DateTime<FixedOffset>, uid: &str) -> Entry {
        let w = self.written();
        Entry {
            id: self.entry_id.unwrap_or(0),
            uid: self.uid.clone().unwrap_or_else(|| uid.to_string()),
            template_id: self.template_id.clone(),
            title: w.title,
            body: w.body,
            answers: w.answers,
            tags: w.tags,
            created: self.created.unwrap_or(now),
            updated: now,
        }
    }

    /// The draft to save now, if typing has paused long enough or has gone on so long
    /// that the oldest unsaved change must not wait any more.
    pub fn autosave(&mut self, now: DateTime<FixedOffset>) -> Option<Effect> {
        self.keeping
            .due(now)
            .then(|| Effect::SaveDraft(self.draft(now)))
    }

    fn typed(&mut self, now: DateTime<FixedOffset>) {
        self.changed = true;
        self.keeping.typed(now);
    }

    /// Whether anything but blank lines has been written.
    pub fn has_text(&self) -> bool {
        self.pages
            .iter()
            .any(|p| p.area.lines().iter().any(|l| !l.trim().is_empty()))
    }

    /// How many bytes of writing the editor holds.
    pub fn text_len(&self) -> usize {
        self.pages
            .iter()
            .map(|p| p.area.lines().iter().map(|l| l.len() + 1).sum::<usize>())
            .sum()
    }

    /// Pasted text goes in as one insertion, into the title (on one line) or the page.
    /// A paste that would make the entry too long to edit here is refused, and the
    /// status says how to save it whole; the text is still on the clipboard.
    pub fn paste(&mut self, text: &str, now: DateTime<FixedOffset>) -> Option<String> {
        let after = self.text_len() + text.len();
        if after > TOO_LONG_TO_EDIT {
            return Some(format!(
                "That paste would make this entry {}, too long to edit here. `lantern write < file` saves it whole.",
                size_words(after)
            ));
        }
        let inserted = if self.on_title {
            self.title.insert_str(one_line(text))
        } else {
            match self.pages.get_mut(self.index) {
                Some(page) => page.area.insert_str(text),
                None => false,
            }
        };
        if inserted {
            self.typed(now);
        }
        None
    }

    fn go_to(&mut self, index: usize, now: DateTime<FixedOffset>, out: &mut Out) {
        if index == self.index || index >= self.pages.len() {
            return;
        }
        if self.keeping.take() {
            out.effects.push(Effect::SaveDraft(self.draft(now)));
        }
        self.index = index;
        self.on_title = false;
    }

    /// Text back from $EDITOR replaces what is here.
    pub fn take_external(&mut self, text: &str, now: DateTime<FixedOffset>) {
        let prompts: Vec<(String, String, Option<String>)> = self
            .pages
            .iter()
            .filter_map(|p| Some((p.prompt_id.clone()?, p.prompt.clone(), p.hint.clone())))
            .collect();
        let w = editor_text::parse(text, &prompts);
        self.title = single_line("a title (optional)");
        self.title.insert_str(&w.title);
        self.tags = w.tags;
        let has_body_page = self.pages.iter().any(|p| p.prompt_id.is_none());
        if !w.body.is_empty() && !has_body_page {
            self.pages.insert(
                0,
                Page {
                    prompt_id: None,
                    prompt: "Notes".into(),
                    hint: None,
                    area: writing_area(vec![String::new()], ""),
                },
            );
        }
        for page in &mut self.pages {
            let text = match &page.prompt_id {
                None => w.body.clone(),
                Some(id) => w
                    .answers
                    .iter()
                    .find(|a| &a.prompt_id == id)
                    .map_or(String::new(), |a| a.text.clone()),
            };
            page.area = writing_area(lines(&text), "write as much or as little as you like");
        }
        self.typed(now);
    }

    pub fn external_text(&self) -> String {
        let prompts: Vec<(String, String, Option<String>)> = self
            .pages
            .iter()
            .filter_map(|p| Some((p.prompt_id.clone()?, p.prompt.clone(), p.hint.clone())))
            .collect();
        editor_text::render(&prompts, &self.written())
    }
}
