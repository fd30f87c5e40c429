//! What the checks that span files need of every item: its id, its title and the
//! references it makes. One implementation per item shape, here beside the trait.

use super::schema::*;

/// What the cross-file checks need of every item.
pub trait Item {
    fn id(&self) -> &Located;
    fn title(&self) -> &str;
    /// Every `kind:id` reference the item makes.
    fn refs(&self) -> Vec<&Located> {
        Vec::new()
    }
}

macro_rules! item {
    ($ty:ty, $title:ident $(, $refs:ident)*) => {
        impl Item for $ty {
            fn id(&self) -> &Located {
                &self.id
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn refs(&self) -> Vec<&Located> {
                #[allow(unused_mut)]
                let mut out: Vec<&Located> = Vec::new();
                $(out.extend(self.$refs.iter());)*
                out
            }
        }
    };
}

item!(Topic, name, related);
item!(Template, name, related);
item!(Scale, name);
item!(Quadrant, name);
item!(System, name, related);
item!(SupportModel, name, related);
item!(Exercise, name, related);
item!(Sign, text);
item!(Note, name);
item!(Recommendation, name, related);
item!(Guide, name, related);
item!(Tool, name, related);
item!(Region, name);
item!(Shelf, name);
item!(Question, text);
item!(PlanSection, name, related);
item!(Nudge, text);
item!(Care, name, related);
item!(Body, name);
item!(Pattern, label);

impl Item for Rule {
    fn id(&self) -> &Located {
        &self.id
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn refs(&self) -> Vec<&Located> {
        let mut out: Vec<&Located> = self.offer.iter().collect();
        out.extend(self.when.systems().iter());
        out.extend(self.when.tags().iter());
        out
    }
}
