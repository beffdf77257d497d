//! CoNLL entity scoring: exact-match precision, recall and F1 per type and micro-averaged.

use crate::{Entity, EntityType, Tag};

/// The entities of a tag sequence, read as conlleval does: an entity starts at `B-X`, or at an
/// `I-X` that does not continue an entity of type X, and runs over the following `I-X`.
pub fn chunks(tags: &[Tag]) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut open: Option<Entity> = None;
    for (i, t) in tags.iter().enumerate() {
        let continues = matches!((t, &open), (Tag::I(e), Some(o)) if *e == o.kind);
        if continues {
            if let Some(o) = open.as_mut() {
                o.end = i + 1;
            }
            continue;
        }
        if let Some(o) = open.take() {
            out.push(o);
        }
        if let Some(kind) = t.entity() {
            open = Some(Entity {
                kind,
                start: i,
                end: i + 1,
            });
        }
    }
    out.extend(open);
    out
}

/// Counts for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted entities that match a gold one exactly (span and type).
    pub correct: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Gold entities.
    pub gold: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        pct(self.correct, self.predicted)
    }

    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        pct(self.correct, self.gold)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores over a set of sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Per type, in [`EntityType::ALL`] order.
    pub by_type: [Counts; 4],
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose tag is right.
    pub tokens_right: usize,
}

impl Scores {
    /// Score one sentence's predicted tags against the gold ones.
    pub fn add_sentence(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for (k, ty) in EntityType::ALL.iter().enumerate() {
            let c = &mut self.by_type[k];
            c.gold += g.iter().filter(|e| e.kind == *ty).count();
            c.predicted += p.iter().filter(|e| e.kind == *ty).count();
            c.correct += p.iter().filter(|e| e.kind == *ty && g.contains(e)).count();
        }
        self.tokens += gold.len();
        self.tokens_right += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
    }

    /// Add another set's counts.
    pub fn merge(&mut self, o: &Scores) {
        for (a, b) in self.by_type.iter_mut().zip(&o.by_type) {
            a.add(*b);
        }
        self.tokens += o.tokens;
        self.tokens_right += o.tokens_right;
    }

    /// All types pooled (micro average).
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for b in &self.by_type {
            c.add(*b);
        }
        c
    }

    /// A table: one line per type and the micro line, P/R/F1 in percent.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<6} {:>7} {:>7} {:>7} {:>6} {:>6}\n",
            "type", "P", "R", "F1", "gold", "pred"
        );
        let line = |name: &str, c: &Counts| {
            format!(
                "{:<6} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6}\n",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.predicted
            )
        };
        for (ty, c) in EntityType::ALL.iter().zip(&self.by_type) {
            s += &line(ty.as_str(), c);
        }
        s += &line("micro", &self.micro());
        s += &format!(
            "token accuracy {:.2}% of {}\n",
            pct(self.tokens_right, self.tokens),
            self.tokens
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn chunks_like_conlleval() {
        let tags = [
            Tag::B(Pers),
            Tag::I(Pers),
            Tag::O,
            Tag::I(Loc), // an I- after O starts an entity
            Tag::B(Loc),
            Tag::I(Org), // type change starts another
        ];
        let c = chunks(&tags);
        assert_eq!(
            c,
            vec![
                Entity {
                    kind: Pers,
                    start: 0,
                    end: 2
                },
                Entity {
                    kind: Loc,
                    start: 3,
                    end: 4
                },
                Entity {
                    kind: Loc,
                    start: 4,
                    end: 5
                },
                Entity {
                    kind: Org,
                    start: 5,
                    end: 6
                },
            ]
        );
    }

    #[test]
    fn exact_match_scores() {
        let gold = [Tag::B(Pers), Tag::I(Pers), Tag::O, Tag::B(Loc)];
        // The person is cut short (wrong), the place is right, one spurious org.
        let pred = [Tag::B(Pers), Tag::O, Tag::B(Org), Tag::B(Loc)];
        let mut s = Scores::default();
        s.add_sentence(&gold, &pred);
        let m = s.micro();
        assert_eq!((m.correct, m.predicted, m.gold), (1, 3, 2));
        assert!((m.precision() - 100.0 / 3.0).abs() < 1e-9);
        assert!((m.recall() - 50.0).abs() < 1e-9);
        assert!((m.f1() - 40.0).abs() < 1e-9);
        assert_eq!(s.by_type[1].f1(), 100.0);
        assert_eq!(s.by_type[0].f1(), 0.0);
        assert_eq!(s.tokens_right, 2);
        assert!(s.table().contains("micro"));
    }
}
