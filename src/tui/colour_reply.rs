//! Keeping a terminal's late answer about its colours out of the keys.
//!
//! At start Lantern asks the terminal for its background (OSC 11) and waits a short
//! while. A terminal that answers later — over a slow ssh link, say — sends
//! `ESC ] 11 ; rgb:… BEL` into the same input as the keys, and the key reader would
//! read it as Alt-], then `1`, `1`, `;`, `r`… — and `r` opens the weekly review. This
//! filter sets aside exactly that shape and hands on everything else, in order.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What an answer starts with after `ESC ]`.
const PREFIX: &str = "11;rgb:";
/// The longest answer: `rgb:RRRR/GGGG/BBBB` and a little room.
const LONGEST: usize = 40;

#[derive(Debug, Default)]
pub struct ColourReplyFilter {
    /// The events of an answer being read, kept until it is whole (set aside) or
    /// turns out to be keys after all (handed on).
    held: Vec<Event>,
    text: String,
}

impl ColourReplyFilter {
    /// The events to act on now, given the next one from the terminal.
    pub fn feed(&mut self, event: Event) -> Vec<Event> {
        let Event::Key(key) = &event else {
            return self.release_with(event);
        };
        if self.held.is_empty() {
            if is(key, KeyCode::Char(']'), KeyModifiers::ALT) {
                self.held.push(event);
                return Vec::new();
            }
            return vec![event];
        }
        let ends = is(key, KeyCode::Char('g'), KeyModifiers::CONTROL)
            || is(key, KeyCode::Char('\\'), KeyModifiers::ALT);
        if ends && self.text.len() > PREFIX.len() && self.text.starts_with(PREFIX) {
            self.held.clear();
            self.text.clear();
            return Vec::new();
        }
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && key.kind == KeyEventKind::Press
                    && self.could_go_on(c) =>
            {
                self.text.push(c);
                self.held.push(event);
                Vec::new()
            }
            _ => self.release_with(event),
        }
    }

    /// What is held, handed on: called when the terminal has gone quiet, since an
    /// answer arrives all at once and a person's Alt-] must not wait for a next key.
    pub fn flush(&mut self) -> Vec<Event> {
        self.text.clear();
        std::mem::take(&mut self.held)
    }

    /// Whether `c` can come next in an answer.
    fn could_go_on(&self, c: char) -> bool {
        let next = self.text.len();
        if next >= LONGEST {
            return false;
        }
        match PREFIX.as_bytes().get(next) {
            Some(&expected) => c == char::from(expected),
            None => c.is_ascii_hexdigit() || c == '/',
        }
    }

    /// Hands on what was held, then `event`: they were keys after all.
    fn release_with(&mut self, event: Event) -> Vec<Event> {
        let mut out = std::mem::take(&mut self.held);
        self.text.clear();
        out.push(event);
        out
    }
}

fn is(key: &KeyEvent, code: KeyCode, modifiers: KeyModifiers) -> bool {
    key.code == code && key.modifiers == modifiers && key.kind == KeyEventKind::Press
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn chars(text: &str) -> Vec<Event> {
        text.chars()
            .map(|c| key(KeyCode::Char(c), KeyModifiers::NONE))
            .collect()
    }

    fn run(events: Vec<Event>) -> Vec<Event> {
        let mut filter = ColourReplyFilter::default();
        events.into_iter().flat_map(|e| filter.feed(e)).collect()
    }

    fn answer(end: Event) -> Vec<Event> {
        let mut events = vec![key(KeyCode::Char(']'), KeyModifiers::ALT)];
        events.extend(chars("11;rgb:ffff/ffff/ffff"));
        events.push(end);
        events
    }

    #[test]
    fn a_late_answer_ending_in_bel_or_st_is_set_aside_and_keys_around_it_pass() {
        for end in [
            key(KeyCode::Char('g'), KeyModifiers::CONTROL),
            key(KeyCode::Char('\\'), KeyModifiers::ALT),
        ] {
            let mut events = chars("c");
            events.extend(answer(end));
            events.extend(chars("3"));
            assert_eq!(run(events), chars("c3"));
        }
    }

    #[test]
    fn anything_else_after_alt_bracket_is_keys_in_their_order() {
        let mut events = vec![key(KeyCode::Char(']'), KeyModifiers::ALT)];
        events.extend(chars("11;r"));
        events.extend(chars("x"));
        assert_eq!(run(events.clone()), events);

        let alone = vec![
            key(KeyCode::Char(']'), KeyModifiers::ALT),
            key(KeyCode::Enter, KeyModifiers::NONE),
        ];
        assert_eq!(run(alone.clone()), alone);

        // An answer cut off by another event is handed on as it came.
        let mut cut = answer(key(KeyCode::Esc, KeyModifiers::NONE));
        cut.insert(5, Event::FocusGained);
        assert_eq!(run(cut.clone()), cut);
    }

    #[test]
    fn a_quiet_terminal_hands_on_what_was_held() {
        let mut filter = ColourReplyFilter::default();
        assert!(filter
            .feed(key(KeyCode::Char(']'), KeyModifiers::ALT))
            .is_empty());
        assert_eq!(
            filter.flush(),
            vec![key(KeyCode::Char(']'), KeyModifiers::ALT)]
        );
        assert!(filter.flush().is_empty());
    }

    #[test]
    fn an_answer_that_never_ends_is_handed_on_once_it_is_too_long() {
        let mut events = vec![key(KeyCode::Char(']'), KeyModifiers::ALT)];
        events.extend(chars("11;rgb:"));
        events.extend(chars(&"f".repeat(60)));
        assert_eq!(run(events.clone()), events);
    }
}
