//! The labels the perceptron learns and decodes: BILOU, finer than the BIO tags it reports.
//!
//! A name's last token gets its own label (`L-`), and a one-token name another (`U-`), so the
//! model learns what ends a name (a common word after a person's name: «… المعلم», «… خليفة»)
//! apart from what continues one. Ratinov & Roth (2009, "Design challenges and misconceptions in
//! named entity recognition") found this scheme better than BIO for the same features. Tags are
//! converted to labels for training ([`of_tags`]) and labels back to tags after decoding
//! ([`to_tag`]): `B-`, `I-` stay, `L-` becomes `I-`, `U-` becomes `B-`.
//!
//! Label indices: 0 is `O`; entity type `k` (the position in [`EntityType::ALL`]) has
//! `1 + 4k` (B), `2 + 4k` (I), `3 + 4k` (L), `4 + 4k` (U).

use crate::{EntityType, Tag};

/// Number of labels.
pub const N_LABELS: usize = 1 + 4 * EntityType::ALL.len();

/// The part of a name a label marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

fn parts(y: usize) -> Option<(usize, Part)> {
    if y == 0 || y >= N_LABELS {
        return None;
    }
    let k = (y - 1) / 4;
    let part = match (y - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((k, part))
}

fn label(k: usize, part: Part) -> u8 {
    let p = match part {
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    (1 + 4 * k + p) as u8
}

/// The labels of a sentence's BIO tags. An `I-X` that does not follow `B-X` or `I-X` opens a
/// name, as CoNLL scoring reads it.
pub fn of_tags(tags: &[Tag]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tags.len());
    for (i, t) in tags.iter().enumerate() {
        let Some(e) = t.entity() else {
            out.push(0);
            continue;
        };
        let prev_same = i > 0 && tags[i - 1].entity() == Some(e);
        let opens = matches!(t, Tag::B(_)) || !prev_same;
        let next_continues = tags.get(i + 1) == Some(&Tag::I(e));
        let part = match (opens, next_continues) {
            (true, true) => Part::Begin,
            (true, false) => Part::Unit,
            (false, true) => Part::Inside,
            (false, false) => Part::Last,
        };
        out.push(label(e as usize, part));
    }
    out
}

/// The BIO tag a label reports (`O` for an out-of-range label).
pub fn to_tag(y: usize) -> Tag {
    match parts(y) {
        None => Tag::O,
        Some((k, Part::Begin | Part::Unit)) => Tag::B(EntityType::ALL[k]),
        Some((k, Part::Inside | Part::Last)) => Tag::I(EntityType::ALL[k]),
    }
}

/// The entity type of a label: 0 for `O`, 1..=4 for PERS LOC ORG MISC.
pub fn entity_type(y: u8) -> usize {
    parts(usize::from(y)).map_or(0, |(k, _)| k + 1)
}

/// May label `y` follow label `prev` (`None`: the sentence start)? Inside a name (after `B-X`
/// or `I-X`) only `I-X` or `L-X`; elsewhere only `O`, `B-` or `U-`.
pub fn may_follow(prev: Option<usize>, y: usize) -> bool {
    let open = prev
        .and_then(parts)
        .filter(|(_, p)| matches!(p, Part::Begin | Part::Inside));
    match (open, parts(y)) {
        (Some((k, _)), Some((k2, Part::Inside | Part::Last))) => k == k2,
        (Some(_), _) => false,
        (None, None) => y == 0,
        (None, Some((_, p))) => matches!(p, Part::Begin | Part::Unit),
    }
}

/// May a sentence end with label `y` (no name left open)?
pub fn may_end(y: usize) -> bool {
    !matches!(parts(y), Some((_, Part::Begin | Part::Inside)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split(' ').map(|t| Tag::parse(t).unwrap()).collect()
    }

    #[test]
    fn tags_become_labels_and_back() {
        let t = tags("O B-PERS I-PERS I-PERS O B-LOC B-LOC I-ORG O I-MISC I-MISC");
        let y = of_tags(&t);
        let names: Vec<String> = y
            .iter()
            .map(|&y| match parts(y.into()) {
                None => "O".to_string(),
                Some((k, p)) => format!("{:?}-{}", p, EntityType::ALL[k].as_str()),
            })
            .collect();
        assert_eq!(
            names,
            [
                "O",
                "Begin-PERS",
                "Inside-PERS",
                "Last-PERS",
                "O",
                "Unit-LOC",
                "Unit-LOC",
                "Unit-ORG",
                "O",
                "Begin-MISC",
                "Last-MISC"
            ]
        );
        // Back to tags: the same names (a stray I- reads as B-).
        let back: Vec<Tag> = y.iter().map(|&y| to_tag(y.into())).collect();
        assert_eq!(
            crate::eval::chunks(&back),
            crate::eval::chunks(&t),
            "the same entities"
        );
        assert_eq!(back[7], Tag::B(EntityType::Org));
    }

    #[test]
    fn constraints() {
        let b_loc = label(1, Part::Begin) as usize;
        let i_loc = label(1, Part::Inside) as usize;
        let l_loc = label(1, Part::Last) as usize;
        let u_loc = label(1, Part::Unit) as usize;
        let l_pers = label(0, Part::Last) as usize;
        assert!(may_follow(None, b_loc) && may_follow(None, u_loc) && may_follow(None, 0));
        assert!(!may_follow(None, i_loc) && !may_follow(None, l_loc));
        assert!(may_follow(Some(b_loc), i_loc) && may_follow(Some(i_loc), l_loc));
        assert!(!may_follow(Some(b_loc), 0), "an open name must close");
        assert!(!may_follow(Some(b_loc), l_pers), "with its own type");
        assert!(may_follow(Some(l_loc), 0) && may_follow(Some(u_loc), b_loc));
        assert!(!may_follow(Some(u_loc), l_loc));
        assert!(may_end(0) && may_end(l_loc) && may_end(u_loc));
        assert!(!may_end(b_loc) && !may_end(i_loc));
        assert_eq!(entity_type(0), 0);
        assert_eq!(entity_type(u_loc as u8), 2);
        assert_eq!(N_LABELS, 17);
    }
}
