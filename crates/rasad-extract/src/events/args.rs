//! Arguments from clause structure: actor, recipient, time, place and quantity of each match.
//!
//! Rules (examples in `tests/events_rules.rs`):
//! - `svo`: a verb's subject is the mention right after a complementizer أن/إن earlier in its
//!   clause, or a sentence-initial mention right before it.
//! - `vso`: else the mention right after the verb (one adverb may stand between); not after
//!   «إنها / أنهم / لكنها» (`complementizer pronoun`: the pronoun is the subject), nor after an
//!   unlinked definite noun following «إن / أن» (`unlinked subject`: «إن الطائرات قصفت مواقع
//!   الحوثيين»); a generic class of persons after a subject is the object, no apposition
//!   («اعتقلت الشرطة صحفيين»); `suspect arrested`: an arrest whose only actor is a suspect or a
//!   detainee is done to them («أوقف المشتبه به»).
//! - `coordinated`: a verb or verbal noun with و, or a verbal noun governed by «عبر / من خلال /
//!   على / ل / ب», takes the clause's subject.
//! - `idafa`: a verbal noun's agent is the mention right after it, quoted or not («إطلاق إيران
//!   5», «ضربات أمريكية», «سيطرة «حماس»»); with an `obj` frame the mention is the object unless a
//!   count or another mention follows it.
//! - `gap agent`: a gapped phrase whose second word is a noun has the verbal noun's agent in its
//!   gap («إطلاق الحوثيين سراح 5»); before a preposition the gap holds the object.
//! - `aspectual`: a verbal noun governed by a verb of beginning or going on («شرع 27 أسيرا في
//!   إضراب») is that verb's subject's act; `without`: «اعتقالهم دون توجيه تهم» — the act done
//!   without has the sides of the act before it.
//! - `coordinated subject`: a verb governing a verbal noun («وقع ممثلون عن X و Y … اتفاقا») has
//!   all the bodies its subject names; dated and placed insertions («، مساء السبت 20 مايو، في
//!   مدينة جدة،») are stepped over, several in a row too.
//! - `agent and object`: a verbal noun's genitive followed by a definite or possessed noun is the
//!   agent («اقتحام محتجين إيرانيين سفارتها»); `mission owner`: a possessed embassy is the
//!   pronoun's state, never the state it stands in («سفارتها في طهران»); `owned machines`: «غارات
//!   لطائرات حربية روسية».
//! - `operation result`: «إن العملية أسفرت عن ضبط أسلحة» is the act of the body quoted;
//!   `definite act`: «الغارات» with no actor has the actor of the last act of its type;
//!   `possessed object`: «نهبوا مخازنه» is done to the pronoun's owner.
//! - `relative`: «العمليات التي شنها X», «الاتفاق الذي توصلت إليه X» → X is the agent;
//!   `relative subject`: «مرابض المدفعية التي تقصف المدنيين» — the relative's head is the
//!   subject of a verb with no pronoun of its own.
//! - `pronoun`: a noun trigger with a possessive pronoun («وقتله», «حربه») takes the previous
//!   event's actor when coordinated, else the nearest mention before it; a pronoun object or
//!   a pronoun after a frame preposition («لطرده») is the nearest earlier mention that is no
//!   actor of the sentence; `patient pronoun`: the pronoun of an arrest, abduction or attack on a
//!   person («بعد توقيفهم») is who suffered it.
//! - Rules over the sentence's matches after them (each with its example in
//!   `tests/events_args.rs`): `withdrawn before` («دخلت وحدات الجيش … بعد انسحاب مجموعات مسلحة
//!   منها»), `others` («فيما رفض آخرون التسوية وطالبوا بنقلهم»), `arrested doers`, `destined`
//!   (a seized load «في طريقه إلى X»), `threatened target` («متوعدا باستهداف السفن المرتبطة
//!   بإسرائيل»), `pointed to` («مشيرا إلى ضبط …»), `within programme`, `convicted` («أعضاء
//!   في خلية … المدانين بالتخابر مع X و Y»: the act charged is the group's, with X and Y),
//!   `fought with` («سيطرة «حماس» على غزة إثر اقتتال مع حركة فتح»: Hamas fought Fatah), `in
//!   protest` («احتجاجا على إعدام …» is the protest of the act before's actor), `hosted forces`
//!   (an attack on «قاعدة …، التي تتمركز فيها قوات أمريكية» is on those forces), `adjectival
//!   verb` («وحدات خاصة تقاتل حركة الشباب»: the mention after the verb is its object); in
//!   `cause`, unarmed casualties of clashes were their victims and «أن 3 من عناصر الجيش قتلوا»
//!   names those killed; in `mediation` and `symmetric sides`, a deal mediated by another has the
//!   sides of the fighting told before, not its announcer.
//! - `frame`: recipients through the entry's prepositions; `بين X و Y` gives both sides; a
//!   symmetric idafa «اتفاق X و Y» too; actor prepositions (لدى، من قبل، على يد) give the actor.
//! - `attach`: time, place (after a locative preposition) and quantity: the nearest after the
//!   trigger before the next trigger of the sentence, else (time, place) the nearest before it.

use super::lexicon::{Entry, Head, Lexicon};
use super::{relation, Ctx, Match, MEDIATION};
use rasad_doc::Relation;
use rasad_text::clitics::{Conj, Prep};

/// The arguments of one match.
#[derive(Debug, Clone, Default)]
pub struct Args {
    /// Actor entity ids.
    pub actor: Vec<String>,
    /// Recipient entity ids.
    pub recipient: Vec<String>,
    /// Place id.
    pub place: Option<String>,
    /// Time index and relation.
    pub time: Option<(usize, Relation)>,
    /// Quantity index.
    pub quantity: Option<usize>,
    /// How the actor was found (a subject other clauses may take over).
    pub subject: bool,
    /// The entity an attached pronoun of the trigger or its frame was resolved to; a later
    /// pronoun of the same sentence refers to it too («ودعم حربه ... في معقله»).
    pub pron: Option<String>,
    /// A casualty told as the result of an attack the same sentence reports: the attack's
    /// event carries it (its count included) and it makes no event of its own.
    pub absorbed: bool,
}

/// The grammatical gender and number a pronoun asks of its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Agree {
    /// ه: a masculine singular noun («التنظيم»).
    Masc,
    /// ها: a feminine singular noun or a non-human plural («المليشيا», «الحكومة», «القوات»).
    Fem,
    /// هم، هما: a human plural or dual («الحوثيين»).
    Plural,
}

/// Generic classes that are what an arrest is done to, never who does it.
const PATIENTS: &[&str] = &["suspects", "detainees"];

const COMPLEMENTIZERS: &[&str] = &[
    "ان",
    "فان",
    "بان",
    "لان",
    "وان",
    "انه",
    "انها",
    // «لكنها طالبت», «لكن الحكومة رفضت»: «لكنّ» opens a clause as «أنّ» does
    "لكن",
    "ولكن",
    "لكنه",
    "لكنها",
    "لكنهم",
    "ولكنه",
    "ولكنها",
    "ولكنهم",
];
const WORD_PREPS: &[&str] = &[
    "على",
    "علي",
    "عن",
    "ضد",
    "مع",
    "بين",
    "الى",
    "الي",
    "في",
    "من",
    "لدى",
    "لدي",
    "باتجاه",
    "نحو",
    "صوب",
    "عبر",
    "خلال",
    "داخل",
    "قرب",
];
const LOCATIVE: &[&str] = &[
    "في",
    "من",
    "الى",
    "الي",
    "داخل",
    "قرب",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "بمدينه",
    "بمحافظه",
    "مدينه",
    "محافظه",
    "منطقه",
    "بلده",
    "عاصمه",
];
/// Heads of a noun phrase naming someone who stands for a body (indefinite, in construct):
/// «ممثل الاتحاد», «عضو المكتب السياسي», «مندوب السودان», «وفد الحركة».
const REPRESENTATIVES: &[&str] = &[
    "مكتب",
    "ممثل",
    "ممثله",
    // «ممثلون عن الجيش وقوات الدعم السريع»
    "ممثلون",
    "ممثلين",
    "ممثلو",
    "ممثلي",
    "عضو",
    "اعضاء",
    "رئيس",
    "نائب",
    "وزير",
    "وزيره",
    "قائد",
    "قاده",
    "مندوب",
    "مندوبه",
    "سفير",
    "سفيره",
    "وفد",
    "امين",
    "مدير",
    "زعيم",
    "ناطق",
    "متحدث",
    "مستشار",
    "مبعوث",
    "امير",
    "محافظ",
    "قياده",
    "قيادي",
    "مسؤول",
    "مسؤوله",
    "رئيسه",
    // groups acting for a body: «أغلقت قبائل موالية لحفتر», «هاجم مسلحون من الحركة»
    "قبائل",
    "مسلحون",
    "مسلحين",
    "عناصر",
    "مقاتلون",
    "مقاتلين",
    "مجموعات",
    "مجموعه",
    "فصائل",
    "قوه",
    "قوات",
    "وحدات",
    // machines acting for their owner: «هدمت آليات تابعة لبلدية القدس», «طائرات تابعة للجيش»
    "اليات",
    "جرافات",
    "طائرات",
    "طائره",
    "مقاتلات",
    "دبابات",
    // posts: «نقاط تفتيش تابعة للدعم السريع»
    "نقاط",
    "نقطه",
    // patrols and convoys: «تعرضت دورية للجيش العراقي لهجوم», «قافلة للأمم المتحدة»
    "دوريه",
    "دوريات",
    "قافله",
    "قوافل",
    "زوارق",
    "سفن",
];

/// Machines that act for their owner after «لـ» («غارات لطائرات حربية روسية»), as keys.
const MACHINES: &[&str] = &["طائرات", "طائره", "مقاتلات", "زوارق", "سفن", "مسيرات"];

/// Words of belonging that carry a noun phrase over their preposition.
const AFFILIATION: &[&str] = &[
    "انتماء",
    "انتمائهم",
    "انتمائه",
    "انتمائها",
    "المنتمين",
    "منتمين",
    "ينتمون",
    "ينتمي",
    "تنتمي",
    "التابعين",
    "تابعين",
    "التابعه",
    "تابعه",
    "التابع",
    "تابع",
    "الموالين",
    "موالين",
    "الموالية",
    "موالية",
    "المنتسبين",
    "منتسبين",
    "المرتبطين",
    "مرتبطين",
    "المرتبطه",
    "مرتبطه",
    "المرتبط",
    "مرتبط",
    "صلتهم",
    "علاقتهم",
];
const RELATIVES: &[&str] = &["التي", "الذي", "الذين", "اللذين", "اللتين"];
const GOVERNORS: &[&str] = &[
    "عبر", "خلال", "على", "علي", "بهدف", "اجل", "بعد", "عقب", "اثر", "اطار",
];
/// Nouns used as prepositions of cause: «قتل 3 جنود، الأحد، جراء قصف».
const CAUSES: &[&str] = &["جراء", "اثر", "بسبب", "نتيجه", "اثناء", "وسط", "عند"];
const NEGATORS: &[&str] = &["عدم", "دون", "بدون", "اي"];

impl Ctx<'_> {
    /// The entity a mention stands for in an event: its linked entity, except that a generic
    /// official or spokesman speaking for a body («المتحدث العسكري باسم جماعة الحوثي», «المتحدث
    /// باسمها») stands for that body (`represented`).
    pub(crate) fn entity(&self, mi: usize) -> String {
        let own = self.doc.mentions[mi]
            .entity
            .as_deref()
            .unwrap_or_default()
            .to_string();
        if matches!(self.doc.mentions[mi].kind, rasad_doc::EntityKind::Per) && self.generic(mi) {
            if let Some(body) = self.represented(mi) {
                return body;
            }
        }
        own
    }

    /// `represented`: the body named (or pointed to by a pronoun) right after «باسم» following
    /// mention `mi`.
    fn represented(&self, mi: usize) -> Option<String> {
        let m = &self.doc.mentions[mi];
        let end = token_after(self.a, m.end)?;
        let w = self.word(end);
        let w = w.strip_prefix('و').unwrap_or(&w);
        if !w.starts_with("باسم") {
            return None;
        }
        if w == "باسم" {
            let (mj, _) = self.mention_at.get(end + 1).copied().flatten()?;
            let id = self.doc.mentions[mj].entity.as_deref()?.to_string();
            return (!self.generic(mj)).then_some(id);
        }
        // «باسمها»: the nearest specific mention before it
        let (s, _) = self.sentence_of(end);
        (s..end).rev().find_map(|t| {
            let (mj, e) = self.mention_at[t]?;
            (e <= end && !self.generic(mj))
                .then(|| self.doc.mentions[mj].entity.as_deref().map(String::from))?
        })
    }

    /// «انتقد مكتب ممثل الاتحاد الأوروبي», «رفض عضو المكتب السياسي للجماعة»: a subject whose
    /// head is a person or office standing for a body (one to three construct nouns from
    /// [`REPRESENTATIVES`]) followed by the body's mention; the body is the subject.
    fn representative_subject(&self, from: usize, se: usize) -> Option<(usize, usize, usize)> {
        let mut t = from;
        while t < se && t < from + 3 {
            let tok = &self.a.tokens[t];
            if tok.kind != rasad_text::TokenKind::Word
                || tok.seg.article
                || tok.seg.prep.is_some()
                || self.in_mention[t].is_some()
                || !self.is_any(t, REPRESENTATIVES)
            {
                break;
            }
            t += 1;
            // «قبائل موالية لـ», «عناصر تابعة لـ»: the affiliation leads to the body
            if t < se && self.is_any(t, AFFILIATION) {
                t += 1;
                break;
            }
        }
        if t == from || t >= se {
            return None;
        }
        // «عضو في المجلس السياسي لـ«حزب الله»»: a short noun phrase, then the body
        self.np_mention(t, (t + 6).min(se))
            .filter(|&(mi, _, _)| !self.generic(mi))
    }

    /// The person named at the end of a noun phrase opened at `from` by an office
    /// («قائد القوات المسلحة في شرق ليبيا المشير خليفة حفتر»): the first person mention within
    /// ten words before a clause break.
    fn titled_person(&self, from: usize, se: usize) -> Option<usize> {
        let tok = self.a.tokens.get(from)?;
        if from >= se
            || tok.seg.prep.is_some()
            || tok.seg.conj.is_some()
            || self.in_mention[from].is_some()
            || !self.is_any(from, REPRESENTATIVES)
        {
            return None;
        }
        (from + 1..(from + 10).min(se))
            .take_while(|&t| !self.is_break(t) && !self.has_conj(t))
            .find_map(|t| {
                let (mi, _) = self.mention_at[t]?;
                matches!(self.doc.mentions[mi].kind, rasad_doc::EntityKind::Per).then_some(mi)
            })
    }

    /// A complementizer opening reported content (أن، إن، بأن …) stands in `[from, to)`; «قبل
    /// أن», «بعد أن», «دون أن» subordinate a clause with the same subject and do not count.
    fn any_complementizer(&self, from: usize, to: usize) -> bool {
        (from..to).any(|u| {
            self.is_any(u, COMPLEMENTIZERS)
                && !(u > 0
                    && self.is_any(u - 1, &["قبل", "بعد", "دون", "بدون", "منذ", "حتي", "بدل"]))
        })
    }

    fn is_any(&self, t: usize, list: &[&str]) -> bool {
        list.iter().any(|w| self.is(t, w))
    }

    /// Token `t`'s form without its conjunction is one of `list` (view forms; no allocation).
    fn bare_in(&self, t: usize, list: &[&str]) -> bool {
        let w = self.bare(t);
        list.iter().any(|x| w.iter().copied().eq(x.chars()))
    }

    fn is_word_prep(&self, t: usize) -> bool {
        WORD_PREPS.iter().any(|w| self.word_is(t, w))
    }

    fn sentence_of(&self, t: usize) -> (usize, usize) {
        self.sent_toks[self.sent[t] as usize]
    }

    /// A comma-delimited time insertion starting at the comma `t` («، الثلاثاء 24 أغسطس 2021،»):
    /// the token after its closing comma.
    pub(crate) fn insertion_end(&self, t: usize) -> Option<usize> {
        let n = self.a.tokens.len();
        if t + 2 >= n || !self.is_comma(t) {
            return None;
        }
        if self.word_is(t + 1, "في") {
            return self.place_insertion_end(t + 2);
        }
        // («، مساء السبت 20 مايو،»: a part of the day before the date)
        let (_, te) = self.time_at[t + 1].or_else(|| {
            let part = ["مساء", "صباح", "ظهر", "فجر", "ليل", "ليله", "عصر", "ظهيره"]
                .iter()
                .any(|w| self.word_is(t + 1, w));
            part.then(|| self.time_at[t + 2]).flatten()
        })?;
        (te < n && self.is_comma(te)).then_some(te + 1)
    }

    /// After «، في»: a place (after at most one cue word: «مدينة جدة»), then at most two words of
    /// names («السعودية»), then a comma; the token after that comma.
    fn place_insertion_end(&self, from: usize) -> Option<usize> {
        let n = self.a.tokens.len();
        let &(_, pe, _) = self
            .places
            .iter()
            .find(|&&(ps, _, _)| ps == from || ps == from + 1)?;
        let mut e = pe;
        while e < n && e < pe + 2 && !self.is_comma(e) {
            let named = self.in_mention[e].is_some() || self.places.iter().any(|p| p.0 == e);
            if !named {
                return None;
            }
            e += 1;
        }
        (e < n && self.is_comma(e)).then_some(e + 1)
    }

    /// No clause break stands in `[from, to)` but the commas of dated insertions.
    fn clear_between(&self, from: usize, to: usize) -> bool {
        let mut t = from;
        while t < to {
            if let Some(e) = self.insertion_end(t) {
                t = e;
                continue;
            }
            if self.is_break(t) {
                return false;
            }
            t += 1;
        }
        true
    }

    /// The token before `t`, stepping back over a comma-delimited time insertion.
    fn before_insertion(&self, t: usize, floor: usize) -> Option<usize> {
        let p = t.checked_sub(1).filter(|&p| p >= floor)?;
        if !self.is_comma(p) {
            return Some(p);
        }
        // the opening comma of the insertion closed at `close`; insertions in a row share a comma
        // («، مساء السبت 20 مايو، في مدينة جدة،»)
        let opening = |close: usize| {
            (floor..close)
                .rev()
                .take(12)
                .find(|&q| self.is_comma(q))
                .filter(|&q| self.insertion_end(q) == Some(close + 1))
        };
        let mut q = opening(p)?;
        while let Some(q2) = opening(q) {
            q = q2;
        }
        q.checked_sub(1).filter(|&x| x >= floor)
    }

    pub(crate) fn is_comma(&self, t: usize) -> bool {
        let tok = &self.a.tokens[t];
        tok.kind == rasad_text::TokenKind::Punct
            && matches!(self.a.view.chars[tok.nstart as usize], '،' | ',')
    }

    /// The first token of a sentence's text after a dateline («بيروت –», «الكويت -»).
    pub(crate) fn after_dateline(&self, ts: usize, te: usize) -> usize {
        for t in ts..(ts + 4).min(te) {
            let tok = &self.a.tokens[t];
            if tok.kind == rasad_text::TokenKind::Punct {
                let c = self.a.view.chars[tok.nstart as usize];
                if matches!(c, '–' | '-' | '—') {
                    return t + 1;
                }
                if self.is_break(t) {
                    break;
                }
            }
        }
        ts
    }

    /// The first linked mention starting in `[from, to)`, not past a clause break; `(mention,
    /// first token, end token)`.
    fn mention_in(&self, from: usize, to: usize) -> Option<(usize, usize, usize)> {
        for t in from..to.min(self.a.tokens.len()) {
            if let Some((mi, e)) = self.mention_at[t] {
                return Some((mi, t, e));
            }
            if self.is_break(t) {
                return None;
            }
        }
        None
    }

    /// The antecedent of the pronoun attached to token `pron_tok`: the entity an earlier pronoun
    /// of the sentence was resolved to (`chain`) when it agrees, else the nearest linked mention
    /// ending before `before` in its sentence whose entity is not in `exclude` and whose head
    /// agrees with the pronoun (ه → «التنظيم», ها → «المليشيا»), else the nearest such mention.
    fn antecedent(
        &self,
        pron_tok: usize,
        before: usize,
        exclude: &[String],
        chain: Option<&str>,
    ) -> Option<String> {
        let (s, _) = self.sentence_of(before);
        // ه often stands for an unlinked person noun («قيادي أفرجت عنه») whose group is the
        // nearest mention, so only ها and هم filter by agreement
        let want = self.pron_agree(pron_tok).filter(|&w| w != Agree::Masc);
        let all: Vec<(usize, String)> = (s..before)
            .rev()
            .filter_map(|t| {
                let (mi, e) = self.mention_at[t]?;
                (e <= before).then(|| (mi, self.entity(mi)))
            })
            .collect();
        let agrees = |mi: usize| want.is_none_or(|w| self.mention_agree(mi).is_none_or(|g| g == w));
        // the chain may name another event's actor (sentence actors are excluded for a reason
        // that does not hold for a pronoun chain)
        if let Some(c) = chain {
            if let Some((_, id)) = all.iter().find(|(mi, id)| id == c && agrees(*mi)) {
                return Some(id.clone());
            }
        }
        let cands: Vec<&(usize, String)> =
            all.iter().filter(|(_, id)| !exclude.contains(id)).collect();
        // a pronoun that asks for a form (ها، هم) takes an agreeing mention even when it is
        // another event's actor («أن المهاجمين … ينسحبوا … اشتبكت معهم») before a
        // disagreeing one; never the event's own actor (the first excluded ids)
        let agreeing_excluded = || {
            want.and_then(|_| {
                all.iter().find(|(mi, id)| {
                    agrees(*mi) && self.mention_agree(*mi).is_some() && exclude.first() != Some(id)
                })
            })
        };
        cands
            .iter()
            .copied()
            .find(|(mi, _)| agrees(*mi))
            .or_else(agreeing_excluded)
            .or(cands.first().copied())
            .map(|(_, id)| id.clone())
    }

    /// What the pronoun attached to token `t` asks of its antecedent.
    fn pron_agree(&self, t: usize) -> Option<Agree> {
        use rasad_text::clitics::Pron;
        match self.a.tokens[t].seg.pron {
            Some(Pron::Hu) => Some(Agree::Masc),
            Some(Pron::Ha) => Some(Agree::Fem),
            Some(Pron::Hum | Pron::Huma) => Some(Agree::Plural),
            Some(_) => None,
            None => {
                let w = self.word(t);
                if w.ends_with("هم") || w.ends_with("هما") {
                    Some(Agree::Plural)
                } else if w.ends_with("ها") {
                    Some(Agree::Fem)
                } else if w.ends_with('ه') {
                    Some(Agree::Masc)
                } else {
                    None
                }
            }
        }
    }

    /// The gender and number of a mention's head word, when the form tells: «تنظيم» masculine,
    /// «حركة», «مليشيا», «القوات» feminine, «الحوثيين» plural; names of states (masculine or
    /// feminine by usage) and persons' names are not judged.
    fn mention_agree(&self, mi: usize) -> Option<Agree> {
        let m = &self.doc.mentions[mi];
        if matches!(m.kind, rasad_doc::EntityKind::Gpe) {
            return None;
        }
        let head = m.text.split_whitespace().next()?;
        let head = head.trim_matches(|c: char| !c.is_alphabetic());
        if head.ends_with('ة') || head.ends_with("ات") || head.ends_with("يا") {
            Some(Agree::Fem)
        } else if head.ends_with("ين") || head.ends_with("ون") {
            Some(Agree::Plural)
        } else if matches!(m.kind, rasad_doc::EntityKind::Org) {
            Some(Agree::Masc)
        } else {
            None
        }
    }

    fn has_pron(&self, t: usize) -> bool {
        if t >= self.a.tokens.len() {
            return false;
        }
        // a word ending in ة has no pronoun (the view writes both as ه)
        let last = self.a.tokens[t].end as usize;
        if last > 0 && self.a.chars.get(last - 1) == Some(&'ة') {
            return false;
        }
        if self.a.tokens[t].seg.pron.is_some() {
            return true;
        }
        // «ومده»: the segmenter kept the pronoun, the keys took it off
        let w = self.word(t);
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(&w);
        // (not «تتهم», «يتهم»: an imperfect prefix and one letter are no stem; nor «متهما»: a
        // participle with the accusative tanween)
        ["هما", "هم", "ها", "ه"].iter().any(|suf| {
            w.strip_suffix(suf).is_some_and(|b| {
                let n = b.chars().count();
                n <= 3
                    && !(n <= 2 && b.starts_with(['ي', 'ت', 'ن']))
                    && !(n <= 2 && *suf == "هما" && b.starts_with('م'))
                    // nor «اتهم» (accused): «ات» is a key of the word, no stem
                    && b != "ات"
                    && self.is(t, b)
            })
        })
    }

    fn has_conj(&self, t: usize) -> bool {
        self.a.tokens[t].seg.conj == Some(Conj::Wa) || self.a.tokens[t].seg.conj == Some(Conj::Fa)
    }

    /// Where a frame preposition `p` stands at token `t`: the token its argument starts at.
    fn prep_at(&self, p: &str, t: usize) -> Option<usize> {
        let tok = &self.a.tokens[t];
        match p {
            "ل" => (tok.seg.prep == Some(Prep::Li)).then_some(t),
            "ب" => (tok.seg.prep == Some(Prep::Bi)).then_some(t),
            "ك" => (tok.seg.prep == Some(Prep::Ka)).then_some(t),
            _ => {
                let words: Vec<String> = rasad_text::normalize_key(p)
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                let first = words.first()?;
                let n = self.a.tokens.len();
                // a compound preposition: each word in turn; the first may carry و
                let ok = t + words.len() <= n
                    && words.iter().enumerate().all(|(i, w)| {
                        let v = self.word(t + i);
                        v == *w || (i == 0 && self.is(t, w) && v.len() <= w.len() + 2)
                    });
                if !ok && words.len() > 1 && t + words.len() <= n {
                    // «في معقله»: a compound preposition whose last noun carries the pronoun
                    let last = t + words.len() - 1;
                    let ok = words[..words.len() - 1]
                        .iter()
                        .enumerate()
                        .all(|(i, w)| self.word(t + i) == *w)
                        && self.is(last, &words[words.len() - 1])
                        && self.has_pron(last);
                    return ok.then_some(last);
                }
                if !ok {
                    // a preposition with an attached pronoun: «عنهم», «عليه», «ضده»
                    let v = self.word(t);
                    if words.len() == 1 && v.len() > first.len() && self.has_pron(t) {
                        let stem = self.keys(t).iter().any(|k| k == first || k == "عل");
                        return stem.then_some(t);
                    }
                    return None;
                }
                Some(t + words.len())
            }
        }
    }

    /// The argument of a preposition whose object starts at `at` (the preposition token itself
    /// for a clitic): a mention within a short noun phrase («عن أكثر من 400 عنصر من تنظيم
    /// القاعدة»), or an attached pronoun's antecedent.
    fn pp_object(
        &self,
        at: usize,
        prep_tok: usize,
        head: usize,
        exclude: &[String],
        chain: Option<&str>,
    ) -> Option<(String, usize)> {
        if self.has_pron(prep_tok) && self.mention_at[prep_tok].is_none() {
            return self
                .antecedent(prep_tok, head, exclude, chain)
                .map(|id| (id, prep_tok + 1));
        }
        // «في معقله», «عن عناصره»: the object noun carries the pronoun
        if at != prep_tok
            && at < self.a.tokens.len()
            && self.mention_at[at].is_none()
            && self.in_mention[at].is_none()
            && self.a.tokens[at].kind == rasad_text::TokenKind::Word
            && self.has_pron(at)
            // «مع نظيره الإيراني»: a mention describing the noun names it
            && self.mention_at.get(at + 1).is_none_or(|m| m.is_none())
        {
            return self
                .antecedent(at, head, exclude, chain)
                .map(|id| (id, at + 1));
        }
        if let Some((mi, _, e)) = self.np_mention(at, at + 8) {
            // not past another frame-like preposition other than the partitive «من»
            return Some((self.entity(mi), e));
        }
        None
    }

    /// The mention a short noun phrase in `[from, to)` names: the first specific one before a
    /// break or a preposition other than the partitive «من», else the first generic one
    /// («لأكثر من 18 إرهابيا من أخطر عناصر القاعدة» → al-Qaeda).
    fn np_mention(&self, from: usize, to: usize) -> Option<(usize, usize, usize)> {
        let mut generic = None;
        let mut t = from;
        let mut to = to;
        while t < to.min(self.a.tokens.len()) {
            if let Some(e) = self.insertion_end(t) {
                to += e - t;
                t = e;
                continue;
            }
            // «48 شخصا يشتبه بانتمائهم إلى تنظيم داعش», «عناصر تابعين لـ»: an affiliation word
            // carries the noun phrase over its preposition
            let affiliated = t > from && self.is_any(t - 1, AFFILIATION);
            if t > from
                && (self.is_break(t) || (self.is_word_prep(t) && !self.is(t, "من") && !affiliated))
            {
                break;
            }
            if let Some((mi, e)) = self.mention_at[t] {
                if !self.generic(mi) {
                    return Some((mi, t, e));
                }
                generic.get_or_insert((mi, t, e));
                t = e;
                continue;
            }
            t += 1;
        }
        generic
    }
}

/// The first token starting at or after code point `off`.
fn token_after(a: &rasad_text::Analysis, off: u32) -> Option<usize> {
    let t = a.tokens.partition_point(|t| t.start < off);
    (t < a.tokens.len()).then_some(t)
}

/// The arguments of every match, in order.
pub fn arguments(cx: &Ctx, lex: &Lexicon, matches: &[Match]) -> Vec<Args> {
    let mut out: Vec<Args> = Vec::with_capacity(matches.len());
    // subjects of the current sentence, computed once per sentence
    let mut subjects: Vec<Subject> = Vec::new();
    let mut stated: Vec<Subject> = Vec::new();
    let mut cur_sent = u32::MAX;
    let mut sent_first_event = 0;
    for (i, m) in matches.iter().enumerate() {
        let h = m.start();
        let s = cx.sent[h];
        if s != cur_sent {
            cur_sent = s;
            sent_first_event = i;
            stated = clause_subjects(cx, s as usize, matches);
            subjects.clone_from(&stated);
        }
        let e = &lex.entries[m.entry as usize];
        let prev: &[Args] = &out[sent_first_event..i];
        let prev_m = &matches[sent_first_event..i];
        let mut a = one(cx, e, m, &subjects, &stated, prev, prev_m);
        let (_, se) = cx.sentence_of(h);
        let next_head = matches
            .get(i + 1)
            .map(|n| n.start())
            .filter(|&n| n < se)
            .unwrap_or(se);
        attach(cx, m, next_head, &mut a);
        if a.subject {
            if let Some(id) = a.actor.first() {
                subjects.push((h, h, id.clone(), false, false));
            }
        }
        out.push(a);
    }
    share(cx, lex, matches, &mut out);
    cause(cx, lex, matches, &mut out);
    symmetric_sides(cx, lex, matches, &mut out);
    dual(cx, lex, matches, &mut out);
    object_of_verb(cx, lex, matches, &mut out);
    mediation(cx, lex, matches, &mut out);
    by_agent(cx, lex, matches, &mut out);
    called_by(cx, lex, matches, &mut out);
    affirmed(cx, lex, matches, &mut out);
    anaphoric(cx, lex, matches, &mut out);
    the_step(cx, lex, matches, &mut out);
    won_by_fighting(cx, lex, matches, &mut out);
    proposed(cx, matches, &mut out);
    without(cx, matches, &mut out);
    charge(cx, lex, matches, &mut out);
    convicted(cx, matches, &mut out);
    fought_with(cx, lex, matches, &mut out);
    in_protest(cx, lex, matches, &mut out);
    hosted_forces(cx, lex, matches, &mut out);
    adjectival_verb(cx, lex, matches, &mut out);
    definite_act(cx, lex, matches, &mut out);
    withdrawn_before(cx, lex, matches, &mut out);
    others(cx, matches, &mut out);
    arrested_doers(cx, lex, matches, &mut out);
    destined(cx, lex, matches, &mut out);
    threatened_target(cx, lex, matches, &mut out);
    relative_subject(cx, matches, &mut out);
    pointed_to(cx, lex, matches, &mut out);
    within_programme(cx, lex, matches, &mut out);
    out
}

/// Words that place an act inside a larger frame: «ضمن برنامج المساعدات», «في إطار اتفاق».
const WITHIN: &[&str] = &["ضمن", "اطار", "اطر"];

/// `within programme`: «تسلم الجيش من الولايات المتحدة شحنة …، ضمن برنامج المساعدات العسكرية
/// الأمريكية» — an event noun of the type of an earlier act of its sentence, governed by «ضمن /
/// في إطار» (past a word such as «برنامج»), names the frame of that act, not another act.
fn within_programme(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        if m.head != Head::Noun || out[i].absorbed || h < 2 {
            continue;
        }
        let framed = (h.saturating_sub(2)..h).any(|t| cx.is_any(t, WITHIN))
            && (h.saturating_sub(2)..h).all(|t| !cx.is_break(t) && cx.in_mention[t].is_none());
        if !framed {
            continue;
        }
        let ty = lex.entries[m.entry as usize].ty;
        let earlier = earlier_in_sentence(cx, matches, i).any(|j| {
            // (its sides may be filled later, from its phrase's gap: «تسلم X من Y شحنة»)
            lex.entries[matches[j].entry as usize].ty == ty && !out[j].absorbed
        });
        if earlier {
            out[i].absorbed = true;
        }
    }
}

/// Participles that add a point to a statement: «…، مشيرا إلى ضبط كميات من العبوات».
const POINTING: &[&str] = &["مشيرا", "مشيره", "لافتا", "لافته", "مضيفا", "مضيفه"];

/// `pointed to`: «أن 3 من عناصر الجيش قتلوا في تبادل لإطلاق النار مع عناصر تكفيرية، مشيرا إلى
/// ضبط كميات من العبوات» — a seizure or arrest with no one named, added by «مشيرا إلى» to a
/// statement, was done in the act the statement told just before, by its actor and against its
/// other side.
fn pointed_to(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        if lex.entries[m.entry as usize].ty != T::Coerce
            || !out[i].actor.is_empty()
            || !out[i].recipient.is_empty()
            || h < 2
            || !cx.is_any(h - 1, &["الى", "الي"])
            || !cx.is_any(h - 2, POINTING)
        {
            continue;
        }
        let Some(j) = earlier_in_sentence(cx, matches, i)
            .find(|&j| !out[j].absorbed && !out[j].actor.is_empty())
        else {
            continue;
        };
        let (actor, recipient) = (out[j].actor.clone(), out[j].recipient.clone());
        out[i].recipient = recipient
            .into_iter()
            .filter(|r| !actor.contains(r))
            .collect();
        out[i].actor = actor;
    }
}

/// `relative subject`: «استهدفت مرابض المدفعية التي تقصف المدنيين» — a verb right after a
/// relative pronoun, with no pronoun of its own, has the relative's head as its subject: the
/// mention that ends at the pronoun, or else — the head being the object of the act just before
/// — that act's recipient; the mention after the verb is its object.
fn relative_subject(cx: &Ctx, matches: &[Match], out: &mut [Args]) {
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        if m.head != Head::Verb
            || h < 2
            || !cx.is_any(h - 1, RELATIVES)
            || cx.a.tokens[h].seg.pron.is_some()
        {
            continue;
        }
        let s = cx.sent[h];
        let object = cx
            .mention_in(m.end(), m.end() + 1)
            .map(|(mi, _, _)| cx.entity(mi));
        // (a mention of at most three tokens ending at the pronoun)
        let head = (h.saturating_sub(4)..h - 1)
            .find_map(|t| cx.mention_at[t].filter(|&(_, e)| e == h - 1))
            .map(|(mi, _)| vec![cx.entity(mi)]);
        let head = head.or_else(|| {
            let j = i - 1;
            let p = &matches[j];
            // (the act may retell an earlier one of its sentence, «وردت الهيئة بقصف مواقع
            // للجيش، مؤكدة أنها استهدفت …»: that one's recipient)
            (cx.sent[p.start()] == s
                && p.end() < h
                && h - p.end() <= 4
                && (p.end()..h).all(|t| !cx.is_break(t)))
            .then(|| {
                (0..=j)
                    .rev()
                    .take_while(|&k| cx.sent[matches[k].start()] == s)
                    // (not a recipient read through the relative clause itself)
                    .find(|&k| {
                        !out[k].recipient.is_empty()
                            && !object
                                .as_ref()
                                .is_some_and(|o| out[k].recipient.contains(o))
                    })
                    .map(|k| out[k].recipient.clone())
            })
            .flatten()
        });
        let Some(head) = head else {
            continue;
        };
        let object = object.filter(|o| !head.contains(o));
        out[i].actor = head;
        out[i].recipient = object.into_iter().collect();
    }
}

/// Verbal nouns of the hostile acts a threat announces («توعد باستهداف», «هدد بملاحقة»).
const THREATENED_ACTS: &[&str] = &[
    "استهداف",
    "ضرب",
    "مهاجمه",
    "قصف",
    "ملاحقه",
    "معاقبه",
    "طرد",
    "اعتقال",
    "رد",
    "الرد",
];

/// `threatened target`: «متوعدا باستهداف كل السفن المرتبطة بإسرائيل» — a threat with no one
/// threatened threatens whom the hostile act it announces («بـ» + a verbal noun) is aimed at.
fn threatened_target(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for (i, m) in matches.iter().enumerate() {
        let e = &lex.entries[m.entry as usize];
        if e.ty != T::Threaten || !out[i].recipient.is_empty() || out[i].actor.is_empty() {
            continue;
        }
        let (_, se) = cx.sentence_of(m.start());
        let end = m.end();
        // the announced act right after it, joined by «بـ»
        let Some(c) = (end..(end + 2).min(se)).find(|&t| {
            let tok = &cx.a.tokens[t];
            tok.seg.prep == Some(Prep::Bi) && cx.in_mention[t].is_none()
        }) else {
            continue;
        };
        if !cx.is_any(c, THREATENED_ACTS) {
            continue;
        }
        // («بالرد على X»)
        let from = if cx.is_any(c + 1, &["على", "علي"]) {
            c + 2
        } else {
            c + 1
        };
        np_recipient(cx, &mut out[i], from, (from + 5).min(se));
    }
}

/// Words that say where a seized load was going: «في طريقه إلى», «متجهة إلى», «مهربة إلى».
const BOUND_FOR: &[&str] = &[
    "طريقه",
    "طريقها",
    "متجهه",
    "متجها",
    "متجهين",
    "مهربه",
    "مهربا",
    "مرسله",
    "مرسلا",
    "موجهه",
    "موجها",
];

/// `destined`: «ضبطت قوات خفر السواحل قاربا محملا بأسلحة …، قالت إنه كان في طريقه إلى جماعة
/// الحوثي» — a seizure with no one it was taken from is against whom the load was bound for.
fn destined(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for (i, m) in matches.iter().enumerate() {
        let e = &lex.entries[m.entry as usize];
        if e.mode.as_deref() != Some("confiscate")
            || !out[i].recipient.is_empty()
            || out[i].actor.is_empty()
        {
            continue;
        }
        let (_, se) = cx.sentence_of(m.start());
        // in its sentence, after it, «… إلى X»
        let Some(t) = (m.end()..se).find(|&t| cx.bare_in(t, BOUND_FOR)) else {
            continue;
        };
        let Some(p) = (t + 1..(t + 3).min(se)).find(|&p| cx.is_any(p, &["الى", "الي"]))
        else {
            continue;
        };
        np_recipient(cx, &mut out[i], p + 1, (p + 4).min(se));
    }
}

/// The matches before match `i` in its sentence, nearest first.
fn earlier_in_sentence<'a>(
    cx: &'a Ctx,
    matches: &'a [Match],
    i: usize,
) -> impl Iterator<Item = usize> + 'a {
    let s = cx.sent[matches[i].start()];
    (0..i)
        .rev()
        .take_while(move |&j| cx.sent[matches[j].start()] == s)
}

/// The mention of the short noun phrase in `[from, to)` becomes the act's one recipient, unless it
/// is its actor.
fn np_recipient(cx: &Ctx, a: &mut Args, from: usize, to: usize) {
    if let Some((mi, _, _)) = cx.np_mention(from, to) {
        let id = cx.entity(mi);
        if !a.actor.contains(&id) {
            a.recipient = vec![id];
        }
    }
}

/// `arrested doers`: «وحطم محتجون واجهات … وأضرموا النار …، قبل أن تتدخل القوى الأمنية وتوقف 4
/// أشخاص» — an arrest with no one named arrested, told after a riot or attack in its sentence, is
/// of those who did it.
fn arrested_doers(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 1..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if e.mode.as_deref() != Some("arrest")
            || !out[i].recipient.is_empty()
            || out[i].actor.is_empty()
        {
            continue;
        }
        let actor = out[i].actor.clone();
        let doers = earlier_in_sentence(cx, matches, i).find(|&j| {
            matches!(
                lex.entries[matches[j].entry as usize].ty,
                T::Protest | T::Assault
            ) && !out[j].absorbed
                && !out[j].actor.is_empty()
                && !out[j].actor.iter().any(|a| actor.contains(a))
        });
        if let Some(j) = doers {
            out[i].recipient = out[j].actor.clone();
        }
    }
}

/// `others`: «سلم عشرات المسلحين أسلحتهم …، فيما رفض آخرون التسوية وطالبوا بنقلهم» — «آخرون»
/// right after a verb is more of the group whose act the sentence told before: the verb has that
/// act's actor (and its recipient, when it has none), and so do the verbs joined to it by «و»
/// with no subject of their own.
fn others(cx: &Ctx, matches: &[Match], out: &mut [Args]) {
    for i in 0..matches.len() {
        let m = &matches[i];
        let h = m.start();
        let e = m.end();
        if m.head != Head::Verb
            || !out[i].actor.is_empty()
            || e >= cx.a.tokens.len()
            || !cx.bare_in(e, &["اخرون", "اخرين"])
        {
            continue;
        }
        let s = cx.sent[h];
        let Some(j) = earlier_in_sentence(cx, matches, i).find(|&j| !out[j].actor.is_empty())
        else {
            continue;
        };
        let (actor, recipient) = (out[j].actor.clone(), out[j].recipient.clone());
        let mut last = i;
        for k in i..matches.len() {
            let mk = &matches[k];
            // (an act named in the object, «رفض آخرون التسوية», is passed over)
            if k != i && cx.sent[mk.start()] == s && mk.head != Head::Verb {
                continue;
            }
            if k != i
                && (cx.sent[mk.start()] != s
                    || !cx.has_conj(mk.start())
                    || !out[k].actor.is_empty()
                    || (matches[last].end()..mk.start()).any(|t| cx.is_break(t)))
            {
                break;
            }
            out[k].actor = actor.clone();
            if out[k].recipient.is_empty() {
                out[k].recipient = recipient.clone();
            }
            last = k;
        }
    }
}

/// `withdrawn before`: «دخلت وحدات من الجيش أحياء المدينة بعد انسحاب مجموعات مسلحة منها» — a
/// withdrawal told after «بعد» with no recipient (or only a pronoun's) is from before the subject of the clause it
/// follows: the side that came in.
fn withdrawn_before(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for i in 0..matches.len() {
        let m = &matches[i];
        let h = m.start();
        if lex.entries[m.entry as usize].mode.as_deref() != Some("withdraw")
            || m.head != Head::Noun
            // (a pronoun after it, «منها», is the place left, not a side)
            || !(out[i].recipient.is_empty()
                || out[i].pron.as_ref().is_some_and(|p| out[i].recipient == [p.clone()]))
            || out[i].actor.is_empty()
            || h == 0
            || !cx.bare_in(h - 1, &["بعد"])
        {
            continue;
        }
        let s = cx.sent[h];
        let (ss, _) = cx.sentence_of(h);
        // the last subject stated before it in its sentence, with no break between
        let Some((st, _, id, _, _)) = clause_subjects(cx, s as usize, matches)
            .into_iter()
            .rfind(|(st, _, _, _, _)| *st < h)
        else {
            continue;
        };
        if st < ss || (st..h).any(|t| cx.is_break(t)) || out[i].actor.contains(&id) {
            continue;
        }
        out[i].recipient = vec![id];
    }
}

/// `definite act`: «وأضاف المصدر أن الغارات الجوية أسفرت عن مقتل 4» — an act of force told by a
/// definite noun with no actor of its own belongs to the campaign already told: it has the actor
/// of the last act of its type before it with a specific actor (and that act's recipient when it
/// has none).
fn definite_act(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let m = &matches[i];
        let ty = lex.entries[m.entry as usize].ty;
        let tok = &cx.a.tokens[m.start()];
        if m.head != Head::Noun
            || !tok.seg.article
            || tok.seg.prep.is_some()
            || !out[i].actor.is_empty()
            || out[i].absorbed
            || !(matches!(ty, T::Assault | T::Coerce)
                // (talks in the plural, «المفاوضات»: a round going on; «اللقاء», «الزيارة»
                // retell one meeting, merged with it)
                || (ty == T::Consult && cx.bare(m.start()).ends_with(&['ا', 'ت'])))
            // («وكان الهجوم، الذي نسبته مصادر إلى الجيش التركي»: its own relative clause tells;
            // not «المفاوضات، التي بدأت مطلع مايو», whose verb names no one)
            || (m.end()..(m.end() + 2).min(cx.a.tokens.len()))
                .any(|t| cx.is_any(t, RELATIVES) && cx.has_pron(t + 1))
        {
            continue;
        }
        let Some(j) = (0..i).rev().find(|&j| {
            lex.entries[matches[j].entry as usize].ty == ty
                && !out[j].absorbed
                && !out[j].actor.is_empty()
                && out[j].actor.iter().all(|x| !cx.generic_id(x))
        }) else {
            continue;
        };
        let (actor, recipient) = (out[j].actor.clone(), out[j].recipient.clone());
        let a = &mut out[i];
        a.recipient.retain(|r| !actor.contains(r));
        if a.recipient.is_empty() {
            a.recipient = recipient;
        }
        a.actor = actor;
    }
}

/// `without`: «اعتقالهم الإداري دون توجيه تهم» — a verbal noun after «دون / بدون / من دون»
/// with no side of its own tells how the act just before it in the clause was done: it has that
/// act's sides.
fn without(cx: &Ctx, matches: &[Match], out: &mut [Args]) {
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        let tok = &cx.a.tokens[h];
        if m.head != Head::Noun
            || !out[i].actor.is_empty()
            || tok.seg.prep.is_some()
            || tok.seg.conj.is_some()
            || h == 0
            || !(cx.word_is(h - 1, "دون") || cx.word_is(h - 1, "بدون"))
        {
            continue;
        }
        let j = i - 1;
        let p = &matches[j];
        if cx.sent[p.start()] != cx.sent[h]
            || out[j].actor.is_empty()
            || (p.end()..h).any(|t| cx.is_break(t))
        {
            continue;
        }
        let (actor, recipient) = (out[j].actor.clone(), out[j].recipient.clone());
        let a = &mut out[i];
        a.actor = actor;
        if a.recipient.is_empty() || a.recipient.iter().any(|r| a.actor.contains(r)) {
            a.recipient = recipient;
        }
    }
}

/// `charge`: the act an accusation charges («اتهمت الحكومة الحوثيين بقصف الأحياء», «متهما
/// أنقرة بالسعي إلى التصعيد») is the accused's: its actor is the accusation's recipient, and so
/// is the actor of an act it is done through («بخرق الهدنة عبر شن غارات»).
fn charge(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if e.ty != T::Accuse
            || !e.frame.about.iter().any(|x| x == "ب")
            || out[i].recipient.is_empty()
        {
            continue;
        }
        let s = cx.sent[matches[i].start()];
        let accused = out[i].recipient.clone();
        let mut j = i + 1;
        let mut charged = false;
        while j < matches.len() && cx.sent[matches[j].start()] == s {
            let h = matches[j].start();
            // («بمواصلة تزويد الحوثيين», «بمحاولة اغتيال»: the charge's «بـ» on a verbal noun of
            // continuing or trying that governs the act)
            let by_bi = cx.a.tokens[h].seg.prep == Some(Prep::Bi)
                || (h > 0
                    && cx.a.tokens[h - 1].seg.prep == Some(Prep::Bi)
                    && cx.is_any(h - 1, &["مواصله", "محاوله", "استمرار"]));
            let through = h > 0 && cx.is_any(h - 1, &["عبر", "خلال"]);
            let between_break = (matches[j - 1].end()..h).any(|t| cx.is_break(t));
            // (the charge follows the accused: within six words, or further when only the
            // subject and a dated insertion stand between: «اتهم مندوب السودان، الثلاثاء …،
            // دولة الإمارات بتزويد»)
            let near = h.saturating_sub(matches[i].end()) <= 6
                || (h.saturating_sub(matches[i].end()) <= 20
                    && cx.clear_between(matches[i].end(), h));
            if (!charged && by_bi && near) || (charged && through && !between_break) {
                out[j].actor = accused.clone();
                let a = out[j].actor.clone();
                out[j].recipient.retain(|r| !a.contains(r));
                charged = true;
                j += 1;
                continue;
            }
            break;
        }
    }
}

/// Diplomatic missions, owned by a state («سفارتها», «قنصليته»).
const MISSIONS: &[&str] = &["سفاره", "قنصليه", "بعثه", "ممثليه"];

/// Participles that charge a noun phrase with an act: «المدانين بالتخابر», «متهمين بالتخطيط».
const CHARGED: &[&str] = &[
    "مدان",
    "مدانين",
    "مدانون",
    "مدانه",
    "مدانا",
    "متهم",
    "متهمين",
    "متهمون",
    "متهمه",
    "متهما",
];

/// `convicted`: «أعضاء في «خلية العبدلي» المدانين بالتخابر مع إيران و«حزب الله»» — an act
/// told with «بـ» right after a participle of accusing or convicting is done by the noun phrase
/// the participle describes (the mention right before it, a closing quote between at most); the
/// mentions joined by «و» after «مع» are its other side.
fn convicted(cx: &Ctx, matches: &[Match], out: &mut [Args]) {
    let n = cx.a.tokens.len();
    for (i, m) in matches.iter().enumerate() {
        let h = m.start();
        if h < 2
            || m.head == Head::Verb
            || cx.a.tokens[h].seg.prep != Some(Prep::Bi)
            || !cx.is_any(h - 1, CHARGED)
        {
            continue;
        }
        let (ss, _) = cx.sentence_of(h);
        let quote =
            |t: usize| cx.a.tokens[t].kind == rasad_text::TokenKind::Punct && !cx.is_break(t);
        // the mention the participle describes ends right before it
        let mut end = h - 1;
        while end > ss && quote(end - 1) {
            end -= 1;
        }
        let Some(agent) = (ss..end).rev().take(8).find_map(|t| {
            cx.mention_at[t]
                .filter(|&(_, e)| e == end)
                .map(|(mi, _)| mi)
        }) else {
            continue;
        };
        let agent = cx.entity(agent);
        // «… مع X و«Y»»: the other side
        let mut with = Vec::new();
        let mut t = m.end();
        if t < n && cx.word_is(t, "مع") {
            t += 1;
            loop {
                while t < n && quote(t) {
                    t += 1;
                }
                let Some((mi, e)) = cx.mention_at.get(t).copied().flatten() else {
                    break;
                };
                let id = cx.entity(mi);
                if id != agent && !with.contains(&id) {
                    with.push(id);
                }
                t = e;
                while t < n && quote(t) {
                    t += 1;
                }
                if t < n && cx.word_is(t, "و") {
                    t += 1;
                } else if !(t < n && cx.has_conj(t) && cx.mention_at[t].is_some()) {
                    break;
                }
            }
        }
        out[i].actor = vec![agent.clone()];
        if with.is_empty() {
            out[i].recipient.retain(|r| *r != agent);
        } else {
            out[i].recipient = with;
        }
    }
}

/// `fought with`: «منذ سيطرة «حماس» على قطاع غزة إثر اقتتال مع حركة فتح» — fighting told after
/// «إثر / بعد / عقب» with «مع X» and no one named to fight X is by the actor of the act it led
/// to, told before it in its sentence.
fn fought_with(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        if lex.entries[m.entry as usize].ty != T::Assault
            || !out[i].actor.is_empty()
            || out[i].recipient.is_empty()
            || m.end() >= cx.a.tokens.len()
            || !cx.word_is(m.end(), "مع")
            || h == 0
            || !cx.bare_in(h - 1, &["اثر", "بعد", "عقب"])
        {
            continue;
        }
        let recipient = out[i].recipient.clone();
        let before = earlier_in_sentence(cx, matches, i)
            .find(|&j| !out[j].actor.is_empty())
            .map(|j| out[j].actor.clone());
        if let Some(actor) = before.filter(|a| !a.iter().any(|x| recipient.contains(x))) {
            out[i].actor = actor;
        }
    }
}

/// `in protest`: «إثر اقتحام محتجين إيرانيين سفارتها احتجاجا على إعدام رجل دين» — «احتجاجا»
/// tells why the act before it in its sentence was done: the protest is by that act's actor, and
/// against the actor of the act after «على» when the sentence names one.
fn in_protest(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        if lex.entries[m.entry as usize].ty != T::Protest || !cx.bare_in(h, &["احتجاجا"]) {
            continue;
        }
        let Some(j) = earlier_in_sentence(cx, matches, i)
            .find(|&j| !out[j].actor.is_empty() && !out[j].absorbed)
        else {
            continue;
        };
        let actor = out[j].actor.clone();
        let against = (m.end() < cx.a.tokens.len() && cx.is_any(m.end(), &["على", "علي"]))
            .then(|| {
                matches
                    .get(i + 1)
                    .filter(|n| n.start() == m.end() + 1)
                    .map(|_| out[i + 1].actor.clone())
            })
            .flatten()
            .filter(|a| !a.is_empty() && !a.iter().any(|x| actor.contains(x)));
        out[i].actor = actor;
        match against {
            Some(r) => out[i].recipient = r,
            None => {
                let a = out[i].actor.clone();
                out[i].recipient.retain(|r| !a.contains(r));
            }
        }
    }
}

/// Facilities an attack may target that house forces: a base, an airport, a camp, a headquarters.
const FACILITIES: &[&str] = &["قاعده", "مطار", "معسكر", "مقر", "ثكنه"];

/// Verbs that say a facility houses forces: «تتمركز فيها», «تستضيف», «تضم», «ينتشر فيها».
const HOUSING: &[&str] = &[
    "تتمركز",
    "يتمركز",
    "تستضيف",
    "يستضيف",
    "تضم",
    "يضم",
    "تنتشر",
    "ينتشر",
    "توجد",
    "يوجد",
];

/// `hosted forces`: «استهدفت 3 صواريخ، فجر السبت، قاعدة عين الأسد الجوية في محافظة الأنبار، التي
/// تتمركز فيها قوات أمريكية» — an attack with no target named, on a base (or an airport, a camp)
/// that a relative clause of its sentence says houses someone's forces, is on those forces.
fn hosted_forces(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    let n = cx.a.tokens.len();
    for (i, m) in matches.iter().enumerate() {
        if lex.entries[m.entry as usize].ty != T::Assault || !out[i].recipient.is_empty() {
            continue;
        }
        let (_, se) = cx.sentence_of(m.start());
        // the facility: the object, within twenty words after the trigger (past its subject
        // and a dated insertion), before the sentence's next verb
        let next = matches[i + 1..]
            .iter()
            .find(|x| x.head == Head::Verb)
            .map_or(se, |x| x.start())
            .min(se)
            .min(m.end() + 20);
        let Some(at) = (m.end()..next).find(|&t| cx.is_any(t, FACILITIES)) else {
            continue;
        };
        let end = (at + 25).min(se).min(n);
        let Some(rel) = (at + 1..end).find(|&t| cx.is_any(t, &["التي", "الذي", "التى"]))
        else {
            continue;
        };
        // the housing verb within two words (past «فيها»), then the forces within three
        let Some(v) = (rel + 1..(rel + 3).min(end)).find(|&t| cx.is_any(t, HOUSING)) else {
            continue;
        };
        np_recipient(cx, &mut out[i], v + 1, (v + 4).min(end));
    }
}

/// `adjectival verb`: «دربت 15 ألف جندي صومالي، بينهم وحدات خاصة تقاتل حركة الشباب» — an
/// imperfect verb with no pronoun of its own right after an indefinite noun or adjective that is
/// no mention describes that noun: the mention after the verb is its object, not its subject, and
/// the doer is the nearest mention before the noun (within six words).
fn adjectival_verb(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for (i, m) in matches.iter().enumerate() {
        let h = m.start();
        let e = &lex.entries[m.entry as usize];
        if m.head != Head::Verb || h < 2 || !e.frame.recipient.iter().any(|p| p == "obj") {
            continue;
        }
        let tok = &cx.a.tokens[h];
        let first = cx.bare(h).first().copied();
        // (a verb with a pronoun of its own refers back to the noun: «حركة تصنفها الجزائر» has
        // its subject after it)
        if tok.seg.conj.is_some()
            || tok.seg.prep.is_some()
            || tok.seg.pron.is_some()
            || !matches!(first, Some('ت' | 'ي'))
        {
            continue;
        }
        let noun = &cx.a.tokens[h - 1];
        // (a noun or adjective by its ending: «خاصة», «مسلحة», «وحدات», «مقاتلون»; not a
        // particle such as «فيما», «كما»)
        let w = cx.bare(h - 1);
        let nominal = w.len() > 3
            && (w.ends_with(&['ه'])
                || w.ends_with(&['ا', 'ت'])
                || w.ends_with(&['و', 'ن'])
                || w.ends_with(&['ي', 'ن']));
        let indefinite_noun = nominal
            && noun.kind == rasad_text::TokenKind::Word
            && !noun.seg.article
            && noun.seg.prep.is_none()
            && noun.seg.pron.is_none()
            && cx.in_mention[h - 1].is_none()
            && !cx.is_word_prep(h - 1)
            && !cx.is_any(h - 1, COMPLEMENTIZERS)
            && cx.quantity_at[h - 1].is_none()
            && cx.time_at[h - 1].is_none();
        if !indefinite_noun {
            continue;
        }
        // the verb's subject as read: the mention right after it
        let Some((mi, _, _)) = cx.mention_in(h + 1, h + 2) else {
            continue;
        };
        let after = cx.entity(mi);
        if out[i].actor != [after.clone()] {
            continue;
        }
        let (ss, _) = cx.sentence_of(h);
        let doer = (ss.max(h.saturating_sub(8))..h - 1)
            .rev()
            .find_map(|t| cx.in_mention[t])
            .map(|mj| cx.entity(mj))
            .filter(|d| *d != after);
        out[i].actor = doer.into_iter().collect();
        out[i].recipient = vec![after];
    }
}

/// `by agent`: «جرت العملية بمساندة جوية من التحالف», «أطلقتها الحكومة بدعم من ميليشيات
/// العشائر» — help told as a manner adjunct («بدعم / بمساندة» with «من» after it, one adjective
/// between at most) is given by the «من» phrase's actor to the actor of the clause it modifies.
fn by_agent(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let m = &matches[i];
        let h = m.start();
        let ty = lex.entries[m.entry as usize].ty;
        if m.head != Head::Noun
            || !matches!(ty, T::Aid | T::Support)
            || cx.a.tokens[h].seg.prep != Some(Prep::Bi)
            || cx.a.tokens[h].seg.article
        {
            continue;
        }
        let (_, se) = cx.sentence_of(h);
        let Some(min) = (m.end()..(m.end() + 2).min(se))
            .take_while(|&t| !cx.is_break(t) && cx.in_mention[t].is_none())
            .find(|&t| cx.word_is(t, "من"))
        else {
            continue;
        };
        let Some((mi, _, _)) = cx.mention_in(min + 1, min + 2) else {
            continue;
        };
        let giver = cx.entity(mi);
        // the helped: the actor the rules gave the adjunct (its clause's), else the sentence's
        // latest act's actor
        let mut helped: Vec<String> = out[i].actor.clone();
        if helped.is_empty() {
            helped = (0..i)
                .rev()
                .take_while(|&j| cx.sent[matches[j].start()] == cx.sent[h])
                .find(|&j| !out[j].actor.is_empty())
                .map(|j| out[j].actor.clone())
                .unwrap_or_default();
        }
        helped.retain(|x| *x != giver);
        out[i].actor = vec![giver];
        out[i].recipient = helped;
    }
}

/// `called by`: «نفذ الموظفون إضرابا عاما بدعوة من الاتحاد العام للشغل» — a protest called by
/// someone is that caller's act; and the protest's purpose told after it («…، احتجاجا على
/// تجميد الأجور») is the same act, not a second protest: it gives the protest its recipient.
fn called_by(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let m = &matches[i];
        if lex.entries[m.entry as usize].ty != T::Protest {
            continue;
        }
        let (_, se) = cx.sentence_of(m.start());
        let call = (m.end()..(m.end() + 2).min(se))
            .take_while(|&t| !cx.is_break(t))
            .find(|&t| cx.is_any(t, &["بدعوه"]));
        // «…، تلبية لدعوة لجان المقاومة»: answering a call, past the places of the protest
        let answered = || {
            (m.end()..(m.end() + 10).min(se))
                .take_while(|&t| !cx.is_break(t) || cx.is_comma(t))
                .find(|&t| t + 1 < se && cx.is_any(t, &["تلبيه"]) && cx.word_is(t + 1, "لدعوه"))
                .map(|t| t + 1)
        };
        if let Some(c) = call.or_else(answered) {
            let at = if c + 1 < se && cx.word_is(c + 1, "من") {
                c + 2
            } else {
                c + 1
            };
            if let Some((mi, _, _)) = cx.mention_in(at, at + 1) {
                let id = cx.entity(mi);
                out[i].recipient.retain(|r| *r != id);
                out[i].actor = vec![id];
            }
        }
        // the purpose: a later protest noun of the same sentence in the accusative («احتجاجا»)
        let Some(j) = (i + 1..matches.len())
            .take_while(|&j| cx.sent[matches[j].start()] == cx.sent[m.start()])
            .find(|&j| {
                let n = &matches[j];
                lex.entries[n.entry as usize].ty == T::Protest
                    && n.head == Head::Noun
                    && cx.word_is(n.start(), "احتجاجا")
            })
        else {
            continue;
        };
        if out[i].actor.is_empty() && out[i].recipient.is_empty() {
            continue;
        }
        if out[i].recipient.is_empty() {
            let actor = out[i].actor.clone();
            out[i].recipient = out[j]
                .recipient
                .iter()
                .filter(|r| !actor.contains(r))
                .cloned()
                .collect();
        }
        out[j].absorbed = true;
    }
}

/// Circumstantial participles of affirming: «…، مؤكدة في بيان أنها استهدفت …».
const AFFIRMING: &[&str] = &[
    "مؤكدا",
    "مؤكده",
    "مؤكدين",
    "مشيرا",
    "مشيره",
    "موضحا",
    "موضحه",
    "معلنا",
    "معلنه",
];

/// `affirmed`: «وتبنت الحركة الهجوم، مؤكدة في بيان أن عناصرها استهدفت الفندق» — an act told
/// in the complement of an affirming participle, of the type of an act the same sentence told
/// before it, with no new subject after the complementizer («أنها استهدفت»), is that act
/// restated, not a second one.
fn affirmed(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for j in 1..matches.len() {
        let n = &matches[j];
        let h = n.start();
        let s = cx.sent[h];
        let ty = lex.entries[n.entry as usize].ty;
        let Some(i) = (0..j)
            .rev()
            .take_while(|&i| cx.sent[matches[i].start()] == s)
            .find(|&i| {
                // (the earlier telling may itself retell: «وتبنت الحركة الهجوم»)
                lex.entries[matches[i].entry as usize].ty == ty
            })
        else {
            continue;
        };
        let from = matches[i].end();
        let Some(p) = (from..h).find(|&t| cx.is_any(t, AFFIRMING)) else {
            continue;
        };
        // the complement keeps the subject: «أنها استهدفت», «أن استهدف»; a new subject
        // («مشيرا إلى أن قوة من الجيش اشتبكت») tells another act
        let Some(c) = (p..h).rev().find(|&t| cx.is_any(t, COMPLEMENTIZERS)) else {
            continue;
        };
        if cx.has_pron(c) || c + 1 == h {
            out[j].absorbed = true;
        }
    }
}

/// `won by fighting`: «استعاد الجيش السيطرة على بلدة … بعد معارك مع مسلحي الحركة» — a seizure
/// with no other side told as following a fight («بعد / إثر / عقب» + an attack) is taken from
/// whom it was fought against.
fn won_by_fighting(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if e.ty != T::Coerce || e.mode.as_deref() != Some("seize") || !out[i].recipient.is_empty() {
            continue;
        }
        let s = cx.sent[matches[i].start()];
        let fight = (i + 1..matches.len())
            .take_while(|&j| cx.sent[matches[j].start()] == s)
            .find(|&j| {
                let h = matches[j].start();
                lex.entries[matches[j].entry as usize].ty == T::Assault
                    && h > 0
                    && cx.is_any(h - 1, &["بعد", "اثر", "عقب"])
            });
        if let Some(j) = fight {
            let actor = out[i].actor.clone();
            let other: Vec<String> = out[j]
                .recipient
                .iter()
                .chain(&out[j].actor)
                .filter(|x| !actor.contains(x))
                .cloned()
                .collect();
            if let Some(first) = other.into_iter().next() {
                out[i].recipient = vec![first];
            }
        }
    }
}

/// Nouns of a plan not yet done: «مقترح», «مبادرة», «مسودة».
const PROPOSALS: &[&str] = &["مقترح", "مقترحا", "اقتراح", "مبادره", "مسوده", "مشروع"];

/// `proposed`: «محادثات حول مقترح جديد لوقف إطلاق النار في غزة وتبادل الأسرى» — the acts a
/// proposal holds (a verbal noun after it, and those coordinated with it) are its content, not
/// acts done; the talks about it are the event.
fn proposed(cx: &Ctx, matches: &[Match], out: &mut [Args]) {
    let mut content = false;
    for i in 0..matches.len() {
        let m = &matches[i];
        let h = m.start();
        let (ss, _) = cx.sentence_of(h);
        let after_proposal = m.head == Head::Noun
            && (h.saturating_sub(3).max(ss)..h)
                .rev()
                .take_while(|&t| !cx.is_break(t) && cx.in_mention[t].is_none())
                .any(|t| cx.is_any(t, PROPOSALS));
        // («…، لوقف إطلاق النار وتبادل الأسرى»: the next noun joined by و right after it)
        let joined = content
            && i > 0
            && m.head == Head::Noun
            && cx.has_conj(h)
            && cx.sent[matches[i - 1].start()] == cx.sent[h]
            && h.saturating_sub(matches[i - 1].end()) <= 3
            && (matches[i - 1].end()..h).all(|t| !cx.is_break(t));
        content = after_proposal || joined;
        if content {
            out[i].absorbed = true;
        }
    }
}

/// Nouns that name the act just told by its kind: «الخطوة», «القرار», «الإجراء».
const STEPS: &[&str] = &[
    "الخطوه",
    "بالخطوه",
    "القرار",
    "بالقرار",
    "الاجراء",
    "بالاجراء",
    "الاعلان",
    "بالاعلان",
];

/// `the step`: «ورحب الحلف بالخطوة», «وانتقدت الرباط القرار» — a reaction whose object names the
/// act just told by its kind is to whoever did it: the actor of the first act of the last sentence
/// before it that tells one which is no reaction and not the reactor's own.
fn the_step(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    let reaction = |t: T| matches!(t, T::Accuse | T::Support | T::Protest);
    for j in 1..matches.len() {
        let m = &matches[j];
        if !reaction(lex.entries[m.entry as usize].ty) || !out[j].recipient.is_empty() {
            continue;
        }
        let (_, se) = cx.sentence_of(m.start());
        // the object right after the trigger, or after its subject
        let step = (m.end()..(m.end() + 4).min(se))
            .take_while(|&t| !cx.is_break(t))
            .any(|t| cx.is_any(t, STEPS));
        if !step {
            continue;
        }
        // (the first such act of its sentence: the sentence's own act, not a background one
        // told in a relative clause after it — «…، وإطلاق سراح 6 اعتقلتهم قوات النخبة»)
        let reactor = out[j].actor.clone();
        // (a mediation is no step: «تمت بوساطة وجهاء … ورحبت الحكومة بالخطوة» welcomes the release)
        let fits = |k: usize| {
            let f = &lex.entries[matches[k].entry as usize];
            !reaction(f.ty)
                && f.cameo != MEDIATION
                && !out[k].actor.is_empty()
                && !out[k].actor.iter().any(|x| reactor.contains(x))
        };
        let done = (0..j).rev().find(|&k| fits(k)).map(|last| {
            let s = cx.sent[matches[last].start()];
            (0..=last)
                .find(|&k| cx.sent[matches[k].start()] == s && fits(k))
                .unwrap_or(last)
        });
        if let Some(k) = done {
            out[j].recipient = out[k].actor.clone();
        }
    }
}

/// `anaphoric`: a definite verbal noun that is the object of a reaction («ورفضت الدعم السريع
/// العقوبات», «ورحب الأمين العام بالاتفاق», «ونددت الرئاسة بالهجوم») names an act already told,
/// not a new one: it makes no event of its own.
fn anaphoric(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        let tok = &cx.a.tokens[h];
        if m.head != Head::Noun || !tok.seg.article {
            continue;
        }
        let Some(j) = (0..i).rev().find(|&j| matches[j].end() <= h) else {
            continue;
        };
        let p = &matches[j];
        // (a denial reaches further: «نفت في بيان أي صلة لها بالهجوم»)
        let reach = if lex.entries[p.entry as usize].ty == T::Reject {
            8
        } else {
            3
        };
        if cx.sent[p.start()] != cx.sent[h] || h - p.end() > reach {
            continue;
        }
        let pe = &lex.entries[p.entry as usize];
        // a charge («اتهمها بالتنسيق مع …») tells a new, alleged act
        let reaction = matches!(pe.ty, T::Accuse | T::Reject | T::Support | T::Protest)
            && !pe.frame.about.iter().any(|x| x == "ب");
        // only the reaction's own words and its subject stand between
        let clear = (p.end()..h).all(|t| !cx.is_break(t));
        if reaction && clear {
            out[i].absorbed = true;
            // the reaction is to whoever did the act told before («انتقدت إثيوبيا الاتفاقية»
            // → the two signatories; «ندد بالهجوم» → the attacker)
            let ty = lex.entries[m.entry as usize].ty;
            // (not a denial: what is denied is a claim, made by someone else)
            let reactor = out[j].actor.clone();
            if out[j].recipient.is_empty() && pe.ty != T::Reject {
                // (the same word first, even one told as a verb's object: «الاتفاقية» is the
                // «اتفاقية» signed, not a memorandum told in between)
                let usable = |k: usize| !out[k].actor.is_empty() && !out[k].absorbed;
                let told = (0..j)
                    .rev()
                    .find(|&k| matches[k].entry == m.entry && !out[k].actor.is_empty())
                    // (else the story's first act of the type: a reaction names the lead act,
                    // not a reply told after it — «ونددت إيران بالهجوم» after the air defences'
                    // interception)
                    .or_else(|| {
                        (0..j)
                            .find(|&k| lex.entries[matches[k].entry as usize].ty == ty && usable(k))
                    });
                if let Some(k) = told {
                    let symmetric = lex.entries[matches[k].entry as usize].frame.symmetric
                        || matches!(ty, T::Agree | T::Consult | T::Cooperate);
                    let mut sides = out[k].actor.clone();
                    if symmetric {
                        sides.extend(out[k].recipient.iter().cloned());
                    }
                    sides.retain(|x| !reactor.contains(x));
                    sides.dedup();
                    out[j].recipient = sides;
                }
            }
        }
    }
}

/// `mediation`: a mediation («بوساطة مصرية قطرية», «توسطت فيه الولايات المتحدة وفرنسا») is
/// between the two sides of the agreement, truce or talks it brought about — the nearest such
/// event with two sides in its sentence, else in the two sentences before; mediators named
/// side by side («مصرية قطرية») are all its actors.
fn mediation(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if e.cameo != MEDIATION {
            continue;
        }
        // («بعد انهيار هدنة توسطت فيها مع السعودية»: a verb with no subject after it is the
        // sentence's subject's, with the one after «مع» beside it)
        let h = matches[i].start();
        if out[i].actor.is_empty() && matches[i].head == Head::Verb {
            let s = cx.sent[h];
            if let Some(id) = latest_subject(&clause_subjects(cx, s as usize, matches), h) {
                out[i].actor.push(id);
                let (_, se) = cx.sentence_of(h);
                let e0 = matches[i].end();
                let with = (e0..(e0 + 2).min(se)).find(|&t| cx.word_is(t, "مع"));
                if let Some((mi, _, _)) = with.and_then(|t| cx.mention_in(t + 1, t + 2)) {
                    let co = cx.entity(mi);
                    if !out[i].actor.contains(&co) {
                        out[i].actor.push(co);
                    }
                }
                let actor = out[i].actor.clone();
                out[i].recipient.retain(|r| !actor.contains(r));
            }
        }
        // mediators side by side
        if let Some(first) = out[i].actor.first().cloned() {
            let (_, se) = cx.sentence_of(matches[i].start());
            let at = (matches[i].end()..se.min(matches[i].end() + 4))
                .find(|&t| cx.mention_at[t].is_some_and(|(mi, _)| cx.entity(mi) == first));
            if let Some(t) = at {
                let mut u = cx.mention_at[t].map_or(t, |(_, e)| e);
                while u < se {
                    let Some((mj, ue)) = cx.mention_at[u] else {
                        break;
                    };
                    let id = cx.entity(mj);
                    if !out[i].actor.contains(&id) {
                        out[i].actor.push(id);
                    }
                    u = ue;
                }
            }
        }
        if out[i].recipient.len() >= 2 {
            continue;
        }
        let si = cx.sent[matches[i].start()];
        let sides_of = |j: usize| -> Option<Vec<String>> {
            let f = &lex.entries[matches[j].entry as usize];
            if j == i
                || f.cameo == MEDIATION
                || !matches!(
                    f.ty,
                    T::Agree | T::Consult | T::Retreat | T::Assault | T::Cooperate
                )
            {
                return None;
            }
            let mut both: Vec<String> = out[j]
                .actor
                .iter()
                .chain(&out[j].recipient)
                .cloned()
                .collect();
            both.retain(|x| !out[i].actor.contains(x));
            both.dedup();
            (both.len() >= 2).then_some(both)
        };
        let same: Vec<usize> = (0..matches.len())
            .filter(|&j| cx.sent[matches[j].start()] == si)
            .collect();
        let near = same
            .iter()
            .copied()
            .min_by_key(|&j| j.abs_diff(i))
            .and_then(&sides_of)
            .or_else(|| same.iter().find_map(|&j| sides_of(j)))
            .or_else(|| {
                (0..i)
                    .rev()
                    .take_while(|&j| cx.sent[matches[j].start()] + 2 >= si)
                    .find_map(&sides_of)
            });
        // (a release by one side, brokered: «أفرجت الجماعة عن 40 محتجزا … تمت بوساطة وجهاء»
        // mediated with the side that released)
        let near = near.or_else(|| {
            (0..i)
                .rev()
                .take_while(|&j| cx.sent[matches[j].start()] + 2 >= si)
                .filter(|&j| lex.entries[matches[j].entry as usize].ty == T::Retreat)
                .map(|j| out[j].actor.clone())
                .find(|a| !a.is_empty() && !a.iter().any(|x| out[i].actor.contains(x)))
        });
        if let Some(sides) = near {
            out[i].recipient = sides;
        }
    }
}

/// `symmetric sides`: a symmetric event (talks, agreement, truce, clashes, cooperation) with
/// one side or none takes the other from a coordination in its sentence that names the known
/// side («العراق وإيران يوقعان اتفاقا» → both), else — an agreement, truce or talks — the two
/// sides of the last fighting the article told («اشتباكات بين جهاز الردع واللواء 444 … التوصل إلى
/// اتفاق لوقف إطلاق النار»).
/// `object`: «وقع العراق وإيران، الثلاثاء، اتفاقا», «بحث الوزير في اتصال هاتفي» — an event noun
/// that is the bare object of a verb trigger of its own type in the same clause (or, for talks,
/// its setting after «في»; no other trigger, no conjunction and no break but commas between,
/// within 12 words) is that verb's act told again: it makes no event, and gives the verb the
/// sides the verb lacks. Attacks and arrests are left to `cause`.
fn object_of_verb(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for j in 1..matches.len() {
        let (v, n) = (&matches[j - 1], &matches[j]);
        let (ev, en) = (
            &lex.entries[v.entry as usize],
            &lex.entries[n.entry as usize],
        );
        // (not attacks: «قتل 3 في هجوم» is the attack's result, which `cause` handles)
        // (talks and protests may be told as the verb's setting: «بحث … في اتصال», «خرج
        // المتظاهرون في مواكب»)
        let consult = matches!(
            ev.ty,
            rasad_doc::EventType::Consult | rasad_doc::EventType::Protest
        );
        if v.head != Head::Verb
            || n.head != Head::Noun
            || ev.ty != en.ty
            || matches!(
                ev.ty,
                rasad_doc::EventType::Assault | rasad_doc::EventType::Coerce
            )
            || cx.a.tokens[n.start()].seg.prep.is_some()
            || (n.start() > 0
                && cx.is_word_prep(n.start() - 1)
                && !(consult && cx.word_is(n.start() - 1, "في")))
            || cx.sent[v.start()] != cx.sent[n.start()]
            || n.start() < v.end()
            || n.start() - v.end() > 12
            || cx.has_conj(n.start())
            || cx.a.tokens[n.start()].seg.article
            || (v.end()..n.start()).any(|t| {
                (cx.is_break(t) && !cx.is_comma(t))
                    || (cx.has_conj(t) && cx.in_mention[t].is_none())
            })
        {
            continue;
        }
        let (na, nr) = (out[j].actor.clone(), out[j].recipient.clone());
        let a = &mut out[j - 1];
        if a.actor.is_empty() {
            a.actor = na;
        }
        if a.recipient.is_empty() {
            a.recipient = nr.into_iter().filter(|r| !a.actor.contains(r)).collect();
        }
        out[j].absorbed = true;
    }
}

/// Words for «the two sides» of a story: «الطرفان», «الجانبين», «البلدان».
const DUALS: &[&str] = &[
    "الطرفان",
    "الطرفين",
    "الجانبان",
    "الجانبين",
    "البلدان",
    "البلدين",
    "الحركتان",
    "الحركتين",
];

/// `dual`: «بحث الجانبان», «دون أن يتفق الطرفان», «ويتبادل الجانبان القصف» — an act with no
/// actor whose clause names «the two sides» (within three words of the trigger, no clause break
/// between) is by the two sides of the last act told with two named, specific sides.
///
/// A symmetric act followed by «بين» and «the two sides» («تعزيز التنسيق الأمني بين البلدين»)
/// has those two sides, whatever actor its clause gave it.
///
/// An act with an actor and no recipient whose object is «the two sides» («دعت الجامعة العربية
/// البلدين إلى الحوار»: in a phrase's gap or right after it) is done to those two sides.
fn dual(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    for i in 0..matches.len() {
        let m = &matches[i];
        let (ss, se) = cx.sentence_of(m.start());
        let near = |t: usize| cx.bare_in(t, DUALS);
        // «تعزيز التنسيق الأمني بين البلدين»: a symmetric act «between the two sides» is
        // theirs, whoever is said to seek it
        let between = lex.entries[m.entry as usize].frame.symmetric
            && (m.end()..(m.end() + 2).min(se))
                .take_while(|&t| !cx.is_break(t))
                .any(|t| cx.word_is(t, "بين") && t + 1 < se && near(t + 1));
        if between {
            if let Some(both) = last_two_sides(cx, &out[..i], &[]) {
                out[i].actor = both;
                out[i].recipient.clear();
                continue;
            }
        }
        if !out[i].actor.is_empty() {
            if !out[i].recipient.is_empty() {
                continue;
            }
            let object = (m.start() + 1..m.end())
                .filter(|t| !m.toks.contains(t))
                .chain(m.end()..(m.end() + 2).min(se))
                .take_while(|&t| !cx.is_break(t))
                .any(near);
            if !object {
                continue;
            }
            if let Some(both) = last_two_sides(cx, &out[..i], &out[i].actor) {
                out[i].recipient = both;
            }
            continue;
        }
        let before = (m.start().saturating_sub(3).max(ss)..m.start())
            .rev()
            .take_while(|&t| !cx.is_break(t))
            .any(near);
        let after = (m.end()..(m.end() + 3).min(se))
            .take_while(|&t| !cx.is_break(t))
            .any(near);
        // («ويتبادل الجانبان القصف»: in the phrase's gap)
        let inside = (m.start() + 1..m.end())
            .filter(|t| !m.toks.contains(t))
            .any(near);
        if !(before || after || inside) {
            continue;
        }
        if let Some(both) = last_two_sides(cx, &out[..i], &[]) {
            let e = &lex.entries[m.entry as usize];
            let a = &mut out[i];
            a.recipient.retain(|r| !both.contains(r));
            a.actor = both;
            if e.frame.symmetric {
                a.recipient.clear();
            }
        }
    }
}

/// The two named, specific sides of the last act in `before` told with exactly two, leaving
/// `except` out.
fn last_two_sides(cx: &Ctx, before: &[Args], except: &[String]) -> Option<Vec<String>> {
    before.iter().rev().find_map(|a| {
        let mut both: Vec<String> = a
            .actor
            .iter()
            .chain(&a.recipient)
            .filter(|x| !cx.generic_id(x) && !except.contains(x))
            .cloned()
            .collect();
        both.dedup();
        (both.len() == 2).then_some(both)
    })
}

fn symmetric_sides(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    for i in 0..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if !e.frame.symmetric {
            continue;
        }
        // the mediator of its sentence is no side of the agreement («وأعلنت الحكومة التوصل إلى
        // اتفاق … بعد وساطة قادتها»)
        let si = cx.sent[matches[i].start()];
        let mediations: Vec<usize> = (0..matches.len())
            .filter(|&j| {
                j != i
                    && cx.sent[matches[j].start()] == si
                    && lex.entries[matches[j].entry as usize].cameo == MEDIATION
            })
            .collect();
        let mediator = |x: &String| mediations.iter().any(|&j| out[j].actor.contains(x));
        let mut mediated = false;
        if out[i].recipient.is_empty() && out[i].actor.len() == 1 && mediator(&out[i].actor[0]) {
            out[i].actor.clear();
            mediated = true;
        }
        // a deal mediated in its sentence by another: its one side may be who announced it
        // («وأعلنت الحكومة التوصل إلى اتفاق … بعد وساطة أجراها أعيان المنطقة»); the fighting told
        // before decides (below)
        let announced = !mediated
            && out[i].recipient.is_empty()
            && out[i].actor.len() == 1
            && !mediations.is_empty();
        let mut sides: Vec<String> = out[i]
            .actor
            .iter()
            .chain(&out[i].recipient)
            .cloned()
            .collect();
        sides.dedup();
        if sides.len() >= 2 {
            continue;
        }
        let (ss, se) = cx.sentence_of(matches[i].start());
        if let Some(known) = sides.first().cloned() {
            // «X و Y» / «Y و X» with X the known side
            let mut other = None;
            for t in ss..se {
                let Some((mi, me)) = cx.mention_at[t] else {
                    continue;
                };
                if cx.entity(mi) != known || me >= se {
                    continue;
                }
                if cx.has_conj(me) {
                    if let Some((mj, _)) = cx.mention_at[me] {
                        other = Some(cx.entity(mj));
                        break;
                    }
                }
                if cx.has_conj(t) && t > ss {
                    if let Some(p) = (ss..t)
                        .rev()
                        .find(|&p| cx.mention_at[p].is_some_and(|(_, pe)| pe == t))
                    {
                        let (mj, _) = cx.mention_at[p].expect("found");
                        other = Some(cx.entity(mj));
                        break;
                    }
                }
            }
            if let Some(o) = other.filter(|o| *o != known) {
                let a = &mut out[i];
                a.recipient.push(o);
                let actor = a.actor.clone();
                a.recipient.retain(|r| !actor.contains(r));
                continue;
            }
        }
        if !matches!(e.ty, T::Agree | T::Retreat | T::Consult) {
            continue;
        }
        let si = cx.sent[matches[i].start()];
        let fight = (0..i).rev().find_map(|j| {
            let f = &lex.entries[matches[j].entry as usize];
            // the fighting told in this sentence or the two before it
            if cx.sent[matches[j].start()] + 2 < si {
                return None;
            }
            let both: Vec<&String> = out[j].actor.iter().chain(&out[j].recipient).collect();
            (f.ty == T::Assault && f.frame.symmetric && both.len() >= 2)
                .then(|| (out[j].actor.clone(), out[j].recipient.clone()))
        });
        // (a mediated deal with no fighting told: the two sides last told together, «مفاوضات
        // … بين الحكومة والحوثيين … في صفقة رعتها الأمم المتحدة»)
        let fight = fight.or_else(|| {
            mediated
                .then(|| last_two_sides(cx, &out[..i], &[]))
                .flatten()
                .map(|both| (both, Vec::new()))
        });
        if let Some((fa, fr)) = fight {
            let all: Vec<String> = fa.iter().chain(&fr).cloned().collect();
            if sides.is_empty() || (announced && !all.contains(&sides[0])) {
                out[i].actor = fa;
                out[i].recipient = fr;
            } else if all.contains(&sides[0]) {
                let others: Vec<String> = all.into_iter().filter(|x| *x != sides[0]).collect();
                if out[i].actor.is_empty() {
                    out[i].actor = others;
                } else {
                    out[i].recipient = others;
                }
            }
        }
    }
}

/// Words that tie a casualty to the attack that caused it: «قتل 3 جنود في هجوم», «جراء
/// القصف», «هجوم أسفر عن مقتل», «غارة أدت إلى مقتل».
const CAUSE_LINKS: &[&str] = &[
    "في",
    "جراء",
    "اثر",
    "نتيجه",
    "بسبب",
    "خلال",
    "عندما",
    "حين",
    "حينما",
    "اثناء",
];
/// Verbs that tie an attack to its toll: «هجوم أسفر عن مقتل», «غارة أدت إلى مقتل».
const RESULT_LINKS: &[&str] = &[
    "اسفر",
    "اسفرت",
    "يسفر",
    "ادي",
    "ادت",
    "يؤدي",
    "خلف",
    "خلفت",
    "اوقع",
    "اوقعت",
];

/// Generic actors who do not fight: killed in clashes, they were the clashes' victims.
const UNARMED: &[&str] = &[
    "protesters",
    "civilians",
    "residents",
    "journalists",
    "displaced-people",
    "detainees",
    "strikers",
    "activists",
];

/// `cause`: a casualty («قتل», «مقتل», «إصابة» — ASSAULT entries whose object is a person) and
/// the attack that caused it, next to each other in a sentence and tied by a cause word or a
/// «بـ» on the attack («بهجوم»), are one story: the attack's victims are the casualties, and the
/// casualties' killer is the attack's actor when the casualty has none or only a generic one.
/// The casualty is then absorbed: the attack takes its count and it makes no event of its own
/// (ACLED counts fatalities on the event, not as events).
fn cause(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    let casualty = |i: usize| {
        let e = &lex.entries[matches[i].entry as usize];
        e.ty == T::Assault && e.object.as_deref() == Some("person")
    };
    let attack = |i: usize| {
        let e = &lex.entries[matches[i].entry as usize];
        e.ty == T::Assault && e.object.as_deref() != Some("person")
    };
    // pairs: a casualty and the next attack after it in the sentence (other casualties between:
    // «قتل 3 وأصيب 9 برصاص …»), or an attack and the casualty right after it
    let mut pairs = Vec::new();
    for i in 0..matches.len() {
        let s = cx.sent[matches[i].start()];
        if casualty(i) {
            let next = (i + 1..matches.len())
                .take_while(|&j| cx.sent[matches[j].start()] == s && casualty(j) || attack(j))
                .take_while(|&j| cx.sent[matches[j].start()] == s)
                .find(|&j| attack(j));
            if let Some(j) = next {
                pairs.push((i, j, j - 1));
            }
        } else if attack(i) {
            // every casualty that follows at once (a purpose and then a result: «أطلقت الغاز
            // لتفريق المحتجين، ما أسفر عن مقتل 9»)
            for j in (i + 1..matches.len())
                .take_while(|&j| cx.sent[matches[j].start()] == s && casualty(j))
            {
                pairs.push((j, i, i));
            }
        }
    }
    // «أن 3 من عناصر الجيش قتلوا»: a casualty verb after its counted subject, in the clause a
    // complementizer opens, names those killed before it
    for i in 0..matches.len() {
        let h = matches[i].start();
        if !casualty(i)
            || matches[i].head != Head::Verb
            || !out[i].recipient.is_empty()
            || !out[i].actor.is_empty()
        {
            continue;
        }
        let (ss, _) = cx.sentence_of(h);
        let Some(c) = (h.saturating_sub(6).max(ss)..h)
            .rev()
            .find(|&t| cx.is_any(t, COMPLEMENTIZERS))
        else {
            continue;
        };
        let counted = cx.quantity_at[c + 1].is_some()
            || cx.a.tokens.get(c + 1).map(|t| t.kind) == Some(rasad_text::TokenKind::Number);
        if !counted || (c + 1..h).any(|t| cx.is_break(t)) {
            continue;
        }
        if let Some((mi, _, _)) = cx.np_mention(c + 1, h) {
            out[i].recipient.push(cx.entity(mi));
        }
    }
    // «قتل 9 أشخاص، بينهم 3 من عناصر الأمن»: the casualties named in the «بينهم» phrase
    for i in 0..matches.len() {
        if !casualty(i) || !out[i].recipient.is_empty() {
            continue;
        }
        let (_, se) = cx.sentence_of(matches[i].start());
        let from = matches[i].end();
        if let Some(t) =
            (from..(from + 8).min(se)).find(|&t| cx.is_any(t, &["بينهم", "منهم", "بينهما"]))
        {
            if let Some((mi, _, _)) = cx.np_mention(t + 1, (t + 8).min(se)) {
                let id = cx.entity(mi);
                if !out[i].actor.contains(&id) {
                    out[i].recipient.push(id);
                }
            }
        }
    }
    for (c, a, before) in pairs {
        let (p, m) = if c < a {
            (&matches[before], &matches[a])
        } else {
            (&matches[a], &matches[c])
        };
        if p.end() > m.start() {
            continue;
        }
        // casualty then attack: «في / جراء / بـ» right before the attack; attack then
        // casualty: a result verb between them (a casualty joined by و is another act)
        let tied = if c < a {
            cx.a.tokens[m.start()].seg.prep == Some(Prep::Bi)
                || (m.start().saturating_sub(2).max(p.end())..m.start())
                    .any(|t| cx.is_any(t, CAUSE_LINKS))
        } else {
            (p.end()..m.start()).any(|t| cx.is_any(t, RESULT_LINKS))
                // a purpose right after the act: «أطلقت الغاز لتفريق المحتجين»
                || (cx.a.tokens[m.start()].seg.prep == Some(Prep::Li)
                    && !cx.a.tokens[m.start()].seg.article
                    && (p.end()..m.start()).all(|t| !cx.is_break(t)))
        };
        if !tied {
            continue;
        }
        // «قتل 4 مهربين في اشتباكات مع حرس الحدود»: the casualties were the other side
        // — unless they were unarmed («قتل 10 متظاهرين في مواجهات مع قوات الأمن»: the force
        // killed them)
        if lex.entries[matches[a].entry as usize].frame.symmetric
            && out[a].actor.is_empty()
            && !out[a].recipient.is_empty()
        {
            let rec = out[a].recipient.clone();
            let unarmed = !out[c].recipient.is_empty()
                && out[c]
                    .recipient
                    .iter()
                    .all(|x| UNARMED.contains(&x.as_str()));
            if unarmed {
                out[a].actor = rec.clone();
                out[a].recipient = out[c].recipient.clone();
                out[a].recipient.retain(|x| !rec.contains(x));
            } else {
                out[a].actor = out[c].recipient.clone();
                out[a].actor.retain(|x| !rec.contains(x));
            }
        }
        let generic_only = out[c].actor.iter().all(|id| cx.generic_id(id));
        if generic_only && !out[a].actor.is_empty() {
            out[c].actor = out[a].actor.clone();
        }
        if out[a].recipient.is_empty() && !out[c].recipient.is_empty() {
            let actor = out[a].actor.clone();
            out[a].recipient = out[c].recipient.clone();
            out[a].recipient.retain(|r| !actor.contains(r));
        }
        let actor = out[c].actor.clone();
        out[c].recipient.retain(|r| !actor.contains(r));
        if out[a].quantity.is_none() {
            out[a].quantity = out[c].quantity;
        }
        out[c].absorbed = !out[a].actor.is_empty() || !out[a].recipient.is_empty();
    }
}

/// Two classes of interaction whose triggers may share a recipient when coordinated.
fn conflict(t: rasad_doc::EventType) -> bool {
    use rasad_doc::EventType as T;
    matches!(t, T::Assault | T::Coerce)
}

/// Arguments coordinated triggers share, and a release's actor from the captivity it ends:
/// - `coordinated`: «ضربات أمريكية وغارات التحالف» — a trigger joined to the previous one by و
///   (a comma may stand before the و) takes the sides it lacks from it, and gives the previous
///   one the sides that one lacks («الهجوم على المقرات، وسيطرة التنظيم على …»); recipients only
///   between triggers of one type, or both attacks and coercion.
/// - `captor`: «الإفراج عن دبلوماسي كان مختطفا لدى التنظيم» — a release without an actor is by
///   whoever the participle after it says held the released.
fn share(cx: &Ctx, lex: &Lexicon, matches: &[Match], out: &mut [Args]) {
    use rasad_doc::EventType as T;
    // «وأدانت الولايات المتحدة احتجاز السفينة، مطالبة بالإفراج الفوري»: a demand, threat or
    // charge in a circumstantial clause is addressed to whom the sentence's first act was
    for i in 1..matches.len() {
        let m = &matches[i];
        let h = m.start();
        let tok = &cx.a.tokens[h];
        let speech = |t: T| matches!(t, T::Request | T::Threaten | T::Accuse | T::Reject);
        if !out[i].recipient.is_empty()
            || h == 0
            || !cx.is_comma(h - 1)
            || m.head == Head::Verb
            || tok.seg.article
            || tok.seg.prep.is_some()
            || !speech(lex.entries[m.entry as usize].ty)
        {
            continue;
        }
        // (the nearest such act with a recipient: «ونددت النقابة بالخطف، وحملت الوزارة
        // المسؤولية، مطالبة بالكشف عن الجناة» → the ministry)
        let Some(j) = earlier_in_sentence(cx, matches, i).find(|&j| {
            speech(lex.entries[matches[j].entry as usize].ty) && !out[j].recipient.is_empty()
        }) else {
            continue;
        };
        {
            let actor = out[i].actor.clone();
            out[i].recipient = out[j].recipient.clone();
            out[i].recipient.retain(|r| !actor.contains(r));
        }
    }
    for i in 1..matches.len() {
        let (p, m) = (&matches[i - 1], &matches[i]);
        let h = m.start();
        if cx.sent[p.start()] != cx.sent[h] || !cx.has_conj(h) || p.end() > h {
            continue;
        }
        // no clause break between them but a comma right before the و
        if (p.end()..h.saturating_sub(1)).any(|t| cx.is_break(t)) {
            continue;
        }
        let (ep, em) = (
            &lex.entries[p.entry as usize],
            &lex.entries[m.entry as usize],
        );
        let same = ep.ty == em.ty || (conflict(ep.ty) && conflict(em.ty));
        let (before, after) = out.split_at_mut(i);
        let (pa, ma) = (&mut before[i - 1], &mut after[0]);
        if ma.actor.is_empty() && !pa.actor.is_empty() {
            ma.actor = pa.actor.clone();
        } else if pa.actor.is_empty() && !ma.actor.is_empty() && m.head == Head::Noun {
            pa.actor = ma.actor.clone();
        }
        if same && ma.recipient.is_empty() && !pa.recipient.is_empty() {
            ma.recipient = pa.recipient.clone();
            ma.recipient.retain(|r| !ma.actor.contains(r));
        } else if same && pa.recipient.is_empty() && !ma.recipient.is_empty() {
            pa.recipient = ma.recipient.clone();
            pa.recipient.retain(|r| !pa.actor.contains(r));
        }
    }
    for i in 0..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if e.mode.as_deref() != Some("release") || !out[i].actor.is_empty() {
            continue;
        }
        let s = cx.sent[matches[i].start()];
        let captor = (i + 1..matches.len())
            .take_while(|&j| cx.sent[matches[j].start()] == s)
            .find(|&j| {
                matches[j].head == Head::Participle
                    && !out[j].actor.is_empty()
                    && (out[j].recipient.is_empty()
                        || out[j]
                            .recipient
                            .iter()
                            .any(|r| out[i].recipient.contains(r)))
            });
        if let Some(j) = captor {
            out[i].actor = out[j].actor.clone();
            let actor = out[i].actor.clone();
            out[i].recipient.retain(|r| !actor.contains(r));
        }
    }
}

/// A subject a sentence states outside triggers: (first token, end token, entity, after a
/// complementizer, a clause-initial topic that needs its verb right after it).
pub type Subject = (usize, usize, String, bool, bool);

const CLAUSE_OPENERS: &[&str] = &[
    "فيما",
    "كما",
    "بينما",
    "حين",
    "حيث",
    "ثم",
    "وقد",
    "قد",
    "فقد",
];

/// The subjects a sentence states outside triggers: the noun phrase after a complementizer
/// («أن قوة من الجيش» → the army), and the mention right after a clause-initial verb (at the
/// sentence's start after a dateline, after a comma or after «فيما / كما / بينما»).
fn clause_subjects(cx: &Ctx, s: usize, matches: &[Match]) -> Vec<Subject> {
    let (ts, te) = cx.sent_toks[s];
    let mut out = Vec::new();
    if ts >= te {
        return out;
    }
    let start = cx.after_dateline(ts, te);
    for t in ts..te {
        if cx.is_any(t, COMPLEMENTIZERS) && t + 1 < te {
            if let Some((mi, mt, me)) = cx
                .mention_in(t + 1, t + 2)
                .or_else(|| cx.np_mention(t + 1, (t + 4).min(te)))
            {
                out.push((mt, me, cx.entity(mi), true, false));
            } else if cx.has_pron(t) || (cx.has_pron(t + 1) && cx.in_mention[t + 1].is_none()) {
                // «قال الجيش إن قواته ردت», «أعلنت القيادة أنها نفذت»: the pronoun is the
                // speaker's, the subject stated before the complementizer
                if let Some((_, _, id, _, _)) = out.iter().rev().find(|(st, _, _, _, _)| *st < t) {
                    // (not marked as after a complementizer: it reaches no verb past a break)
                    let id = id.clone();
                    out.push((t, t + 1, id, false, false));
                }
            }
            continue;
        }
        // «الجزائر تقطع علاقاتها», «وواشنطن تسلمه»: a clause opening with a noun phrase whose
        // mention ends right before a word that is no noun of the phrase (the verb); the verb
        // must follow the mention at once (checked where it is used)
        let topic_start = t == start
            || (t > ts && cx.is_break(t - 1))
            || (cx.has_conj(t) && cx.mention_at[t].is_some() && t > ts && !cx.is_word_prep(t - 1));
        if topic_start && cx.a.tokens[t].seg.prep.is_none() && !cx.is_word_prep(t) {
            // the noun phrase opens the clause («وفد عماني يتوسط»); a clause opening with a
            // trigger («قتل 3 فلسطينيين») has no topic
            let opens_at = |mt: usize| {
                (t..mt).all(|u| {
                    cx.a.tokens[u].kind != rasad_text::TokenKind::Number
                        && cx.quantity_at[u].is_none()
                        && !matches.iter().any(|m| m.toks.contains(&u))
                })
            };
            if let Some((mi, mt, me)) = cx
                .mention_in(t, (t + 3).min(te))
                .filter(|&(_, mt, _)| opens_at(mt))
            {
                // («لكن «كتائب حزب الله» نفت»: a quoted name)
                let me = if me < te
                    && cx.a.tokens[me].kind == rasad_text::TokenKind::Punct
                    && cx.a.view.chars[cx.a.tokens[me].nstart as usize] == '»'
                {
                    me + 1
                } else {
                    me
                };
                let verbish = me < te
                    && cx.a.tokens[me].kind == rasad_text::TokenKind::Word
                    && !cx.a.tokens[me].seg.article
                    && cx.a.tokens[me].seg.prep.is_none()
                    && cx.in_mention[me].is_none()
                    && !cx.is_word_prep(me);
                if verbish && cx.a.tokens[mt].seg.prep.is_none() {
                    out.push((mt, me, cx.entity(mi), false, true));
                }
            }
        }
        // «واستنسخت مليشيا الحوثي ...», «بيروت – رحل الجيش اللبناني»: a clause's first word
        // that is no preposition, article noun or mention, then a mention
        let opens =
            t == start || (t > ts && (cx.is_break(t - 1) || cx.is_any(t - 1, CLAUSE_OPENERS)));
        if !opens || t + 1 >= te || cx.is_break(t) {
            continue;
        }
        let tok = &cx.a.tokens[t];
        if tok.kind != rasad_text::TokenKind::Word
            || cx.is_word_prep(t)
            || tok.seg.prep.is_some()
            || tok.seg.article
            || cx.in_mention[t].is_some()
            || cx.is_any(t, CLAUSE_OPENERS)
            // «…، متهما الرباط»: a circumstantial participle's noun is its object
            || matches
                .iter()
                .any(|m| m.start() == t && m.head != Head::Verb)
        {
            continue;
        }
        // («وقالت «حماس»»: a name in quotes)
        let open_quote = t + 2 < te
            && cx.a.tokens[t + 1].kind == rasad_text::TokenKind::Punct
            && cx.a.view.chars[cx.a.tokens[t + 1].nstart as usize] == '«';
        let first = t + 1 + open_quote as usize;
        if let Some((mi, mt, me)) = cx
            .mention_in(first, first + 1)
            .or_else(|| cx.representative_subject(t + 1, te))
        {
            if cx.a.tokens[mt].seg.prep.is_none() {
                out.push((mt, me, cx.entity(mi), false, false));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Verbs whose object is an act their subject does: light verbs («شن غارات», «نفذ عملية»,
/// «أجرى مباحثات») and verbs of announcing, deciding, starting, trying, refusing or denying
/// («أعلنت الشرطة القبض على», «قررت الحكومة طرد», «نفت إيران تقديم أي دعم»).
const GOVERNING_VERBS: &[&str] = &[
    "شن",
    "شنت",
    "يشن",
    "تشن",
    "شنوا",
    "نفذ",
    "نفذت",
    "ينفذ",
    "تنفذ",
    "نفذوا",
    "اجري",
    "اجرت",
    "يجري",
    "تجري",
    "اجروا",
    "خاض",
    "خاضت",
    "يخوض",
    "تخوض",
    "ارتكب",
    "ارتكبت",
    "يرتكب",
    "ترتكب",
    // «وقع الطرفان … اتفاقا», «أبرمت الحكومة صفقة»
    "وقع",
    "وقعت",
    "يوقع",
    "توقع",
    "وقعوا",
    "ابرم",
    "ابرمت",
    "يبرم",
    "تبرم",
    "اطلق",
    "اطلقت",
    "يطلق",
    "تطلق",
    "اطلقوا",
    "اعلن",
    "اعلنت",
    "يعلن",
    "تعلن",
    "قرر",
    "قررت",
    "يقرر",
    "تقرر",
    "بدا",
    "بدات",
    "يبدا",
    "تبدا",
    "واصل",
    "واصلت",
    "يواصل",
    "يواصلون",
    "واصلوا",
    "تواصل",
    "استانف",
    "استانفت",
    "يستانف",
    "تستانف",
    "باشر",
    "باشرت",
    "يباشر",
    "تباشر",
    "حاول",
    "حاولت",
    "يحاول",
    "تحاول",
    "اعتزم",
    "اعتزمت",
    "يعتزم",
    "تعتزم",
    "نفي",
    "نفت",
    "ينفي",
    "تنفي",
    "نفوا",
    "رفض",
    "رفضت",
    "يرفض",
    "ترفض",
    "رفضوا",
    "هدد",
    "هددت",
    "يهدد",
    "تهدد",
    "توعد",
    "توعدت",
    "يتوعد",
    "تتوعد",
    "عرض",
    "عرضت",
    "يعرض",
    "تعرض",
    "اقترح",
    "اقترحت",
    "يقترح",
    "تقترح",
    "تبني",
    "تبنت",
    "يتبني",
    "تتبني",
];

/// `governed`: the subject of the verb that governs a verbal-noun trigger in its clause
/// («شن الطيران الأردني في وقت سابق غارات», «أعلنت شرطة عدن، السبت، القبض على»): that verb's
/// actor when it is a trigger itself, else the mention right after it, else a subject stated
/// right before it (after a complementizer or opening the clause). Comma-delimited time
/// insertions are stepped over; any other clause break ends the search.
fn governing_subject(
    cx: &Ctx,
    h: usize,
    ss: usize,
    prev: &[Args],
    prev_m: &[Match],
    stated: &[Subject],
) -> Vec<String> {
    let mut t = h;
    let mut steps = 0;
    let verb = loop {
        let Some(p) = cx.before_insertion(t, ss) else {
            return Vec::new();
        };
        if cx.is_break(p) || steps > 10 {
            return Vec::new();
        }
        if cx.a.tokens[p].seg.prep.is_none()
            && cx.is_any(p, GOVERNING_VERBS)
            && cx.in_mention[p].is_none()
        {
            break p;
        }
        // another trigger in between governs its own nouns
        if prev_m
            .iter()
            .any(|m| m.toks.contains(&p) && m.head == Head::Verb)
        {
            return Vec::new();
        }
        t = p;
        steps += 1;
    };
    if let Some(i) = prev_m.iter().position(|m| m.toks.contains(&verb)) {
        return prev[i].actor.first().cloned().into_iter().collect();
    }
    // «سائقي الشاحنات الذين يواصلون إضرابا»: a verb of a relative clause is its antecedent's
    // (an antecedent that names no actor leaves the act without one)
    if verb >= ss + 2 && cx.is_any(verb - 1, RELATIVES) {
        return cx.in_mention[verb - 2]
            .map(|mi| cx.entity(mi))
            .into_iter()
            .collect();
    }
    // (`coordinated subject`: «وقع ممثلون عن الجيش وقوات الدعم السريع، …، اتفاقا» — a subject
    // standing for bodies, and the bodies coordinated with it, are all the act's sides)
    let subject = cx
        .mention_in(verb + 1, (verb + 3).min(h))
        .filter(|&(_, mt, _)| cx.a.tokens[mt].seg.prep.is_none())
        .or_else(|| {
            (!cx.any_complementizer(verb, h))
                .then(|| cx.representative_subject(verb + 1, h))
                .flatten()
        });
    if let Some((mi, _, mut me)) = subject {
        let mut ids = vec![cx.entity(mi)];
        while me < h && cx.has_conj(me) {
            let Some((mj, _, e)) = cx.mention_in(me, me + 1) else {
                break;
            };
            let id = cx.entity(mj);
            if !cx.generic(mj) && !ids.contains(&id) {
                ids.push(id);
            }
            me = e;
        }
        return ids;
    }
    // «الجيش الأردني أعلن …», «أن القوات شنت …»
    let Some(before) = verb.checked_sub(1).filter(|&b| b >= ss) else {
        return Vec::new();
    };
    if let Some(mi) = cx.in_mention[before] {
        return vec![cx.entity(mi)];
    }
    // «وكان تنظيم «ولاية سيناء» الموالي لداعش قد تبنى … هجوما»: the clause's stated subject
    // with no break before the verb
    stated
        .iter()
        .rev()
        .find(|(t, e, _, _, _)| *t >= ss && *e <= verb && (*e..verb).all(|u| !cx.is_break(u)))
        .map(|(_, _, id, _, _)| id.clone())
        .into_iter()
        .collect()
}

/// A pronoun chain's entity unless it is the event's own actor (an act is not done to oneself).
fn own_chain<'c>(chain: Option<&'c str>, actor: &[String]) -> Option<&'c str> {
    chain.filter(|c| !actor.iter().any(|x| x == c))
}

/// `operation result`: «وقال المتحدث باسم القوات إن العملية … أسفرت عن ضبط أسلحة» — a verbal
/// noun told as what an operation resulted in («أسفرت عن», «أدت إلى»), the operation named by a
/// noun and no actor, is the act of whoever the sentence quotes about it.
fn operation_result(cx: &Ctx, h: usize, ss: usize, stated: &[Subject]) -> Option<String> {
    if h < ss + 2 || !(cx.word_is(h - 1, "عن") || cx.word_is(h - 1, "الي")) {
        return None;
    }
    let verb = h - 2;
    if !cx.is_any(verb, RESULT_LINKS) && !cx.bare_in(verb, RESULT_LINKS) {
        return None;
    }
    // the operation: an unlinked noun after the complementizer or right before the verb
    let comp = (ss..verb).rev().find(|&t| cx.is_any(t, COMPLEMENTIZERS))?;
    if cx.mention_in(comp + 1, comp + 2).is_some() {
        return None;
    }
    // the speaker: the sentence's stated subject before the complementizer, else the body it
    // names there («المتحدث باسم القوات»)
    stated
        .iter()
        .rev()
        .find(|(t, e, _, is_comp, _)| !*is_comp && *t >= ss && *e <= comp)
        .map(|(_, _, id, _, _)| id.clone())
        .or_else(|| {
            let (mi, _, _) = cx.np_mention(ss, comp)?;
            (!cx.generic(mi)).then(|| cx.entity(mi))
        })
}

/// Verbs of beginning, entering and going on, as view forms without the conjunction: a verbal
/// noun they govern («شرع الأسرى في إضراب», «واصل الجيش عملياته») is their subject's act.
const ASPECTUAL: &[&str] = &[
    "شرع",
    "شرعت",
    "شرعوا",
    "يشرع",
    "تشرع",
    "بدا",
    "بدات",
    "بداوا",
    "يبدا",
    "تبدا",
    "دخل",
    "دخلت",
    "دخلوا",
    "يدخل",
    "تدخل",
    "واصل",
    "واصلت",
    "واصلوا",
    "يواصل",
    "تواصل",
    "استانف",
    "استانفت",
    "يستانف",
    "تستانف",
    "خاض",
    "خاضت",
    "خاضوا",
    "يخوض",
    "تخوض",
];

/// `aspectual`: «شرع 27 أسيرا فلسطينيا، الاثنين، في إضراب مفتوح عن الطعام» — a verbal noun
/// after «في» or as a direct object, in the clause of a verb of beginning or going on, is done by
/// that verb's subject (a mention right after it, after a count if one comes first).
fn aspectual(cx: &Ctx, h: usize, ss: usize) -> Option<String> {
    let tok = &cx.a.tokens[h];
    if tok.seg.conj.is_some() || tok.seg.prep.is_some() {
        return None;
    }
    let h = if h > ss && cx.word_is(h - 1, "في") {
        h - 1
    } else {
        h
    };
    let t = (h.saturating_sub(16).max(ss)..h)
        .rev()
        .find(|&t| cx.bare_in(t, ASPECTUAL))?;
    // nothing between the verb and the noun opens another clause
    if cx.any_complementizer(t, h) || (t + 1..h).any(|u| cx.is_any(u, RELATIVES)) {
        return None;
    }
    // (a count may come first, and its counted noun may be the mention: «27 أسيرا فلسطينيا»)
    let u = t + 1;
    let reach = cx
        .quantity_at
        .get(u)
        .copied()
        .flatten()
        .map_or(u + 2, |(_, qe)| qe + 1);
    let (mi, mt, _) = cx.mention_in(u, reach.min(h))?;
    (cx.a.tokens[mt].seg.prep.is_none()).then(|| cx.entity(mi))
}

fn latest_subject(subjects: &[Subject], before: usize) -> Option<String> {
    subjects
        .iter()
        .rev()
        .find(|(t, _, _, _, _)| *t < before)
        .map(|(_, _, id, _, _)| id.clone())
}

fn one(
    cx: &Ctx,
    e: &Entry,
    m: &Match,
    subjects: &[Subject],
    stated: &[Subject],
    prev: &[Args],
    prev_m: &[Match],
) -> Args {
    let h = m.start();
    let end = m.end();
    let (ss, se) = cx.sentence_of(h);
    let obj = e.frame.recipient.iter().any(|p| p == "obj");
    let mut a = Args::default();
    let mut obj_taken = false;
    // a gapped phrase («طالب ... بوقف», «أطلق ... سراح») has its arguments inside the gap
    let after_head = if m.toks.len() > 1 && m.toks[1] > h + 1 {
        h + 1
    } else {
        end
    };
    let mut obj_from = after_head;
    let mut passive = false;
    let mut subject_after = false;
    let sentence_actors: Vec<String> = prev.iter().flat_map(|p| p.actor.clone()).collect();
    let chain_of = prev.iter().rev().find_map(|p| p.pron.as_deref());
    match m.head {
        Head::Verb => {
            // svo: a complementizer subject after the previous verb of the sentence
            let floor = prev_m
                .iter()
                .rev()
                .find(|p| p.head == Head::Verb)
                .map_or(ss, |p| p.start());
            let svo = stated
                .iter()
                .rev()
                .find(|(t, e, _, comp, topic)| {
                    *t < h
                        && *t >= floor
                        && *e <= h
                        && (!*topic || *e == h)
                        // «وكانت السعودية قد قطعت»: a clause subject with no break before the verb
                        && (*comp || (*e..h).all(|u| !cx.is_break(u)))
                        // «وأفاد شهود عيان بأن جرافات جرفت»: the speaker is not the actor of
                        // the clause the complementizer opens
                        && (*comp || !cx.any_complementizer(*e, h))
                })
                .map(|(_, _, id, _, _)| id.clone())
                .or_else(|| {
                    // `adjectival`: «برفقة وفد عماني يتوسط بين الرياض والحوثيين» — an imperfect
                    // verb right after an indefinite noun phrase ending in a mention describes it:
                    // the mention is its subject
                    let p = h.checked_sub(1).filter(|&p| p >= ss)?;
                    let mi = cx.in_mention[p]?;
                    // (or a perfect in the plural: «حيدت مسلحين أطلقوا النار باتجاهها»)
                    let imperfect = matches!(cx.bare(h).first(), Some('ي' | 'ت'))
                        || cx.bare(h).ends_with(&['و', 'ا']);
                    let first = cx.doc.mentions[mi].start;
                    let mt = (ss..=p).find(|&t| cx.a.tokens[t].start == first)?;
                    let tok = &cx.a.tokens[mt];
                    (imperfect
                        && !cx.has_conj(h)
                        && !tok.seg.article
                        && tok.seg.prep.is_none()
                        && mt > ss
                        && !cx.is_break(mt - 1)
                        // (a word or a closing quote: «حيدت» مسلحين أطلقوا)
                        && (cx.a.tokens[mt - 1].kind == rasad_text::TokenKind::Word
                            || cx.a.view.chars[cx.a.tokens[mt - 1].nstart as usize] == '»')
                        && cx.in_mention[mt - 1].is_none())
                    .then(|| cx.entity(mi))
                });
            let vso = cx
                .mention_in(h + 1, h + 2)
                .or_else(|| {
                    (h + 1 < se && !cx.is_word_prep(h + 1) && cx.a.tokens[h + 1].seg.prep.is_none())
                        .then(|| cx.mention_in(h + 2, h + 3))
                        .flatten()
                })
                .filter(|&(_, mt, _)| mt < se && cx.a.tokens[mt].seg.prep.is_none())
                .or_else(|| cx.representative_subject(h + 1, se))
                .or_else(|| {
                    // «شن الطيران الحربي التابع للجيش السوداني غارات»: the subject inside a
                    // phrase's gap, a noun phrase naming its body
                    let gap_end = *m.toks.get(1)?;
                    (gap_end > h + 1)
                        .then(|| cx.np_mention(h + 1, gap_end))
                        .flatten()
                        .filter(|&(mi, mt, _)| {
                            cx.a.tokens[mt].seg.prep.is_none() || cx.is_any(mt - 1, AFFILIATION)
                        } && !cx.generic(mi))
                });
            // «قتل 3 جنود», «اعتقل 12 شخصا»: a count right after the verb opens its patient
            // (the passive of wire copy), not a subject
            // (a form III verb written with its alef, «هاجم مئات المستوطنين البلدة», has no
            // passive of that spelling — «هوجم» — so its count is the subject)
            let form_iii = {
                let w = cx.bare(h);
                w.len() == 4 && w[1] == 'ا'
            };
            let counted = h + 1 < se
                && !form_iii
                && (cx.quantity_at[h + 1].is_some()
                    || cx.a.tokens[h + 1].kind == rasad_text::TokenKind::Number);
            // `counted subject`: «أغلق مئات المحتجين، الأحد، طرقا رئيسية» — a count whose
            // phrase is followed, past a dated insertion, by a direct object is the subject
            let counted = counted && {
                let mut t = cx.quantity_at[h + 1].map_or(h + 2, |(_, e)| e);
                if let Some((_, me)) = cx.mention_at.get(t).copied().flatten() {
                    t = me;
                }
                // (or right after it, a definite or possessed object: «سلم عشرات المسلحين
                // أسلحتهم»)
                let (o, inserted) = match cx.insertion_end(t) {
                    Some(o) => (o, true),
                    None => (t, false),
                };
                let object = {
                    o < se
                        && (inserted || cx.a.tokens[o].seg.article || cx.has_pron(o))
                        && cx.in_mention[o].is_none()
                        && cx.a.tokens[o].kind == rasad_text::TokenKind::Word
                        && cx.a.tokens[o].seg.prep.is_none()
                        && cx.a.tokens[o].seg.conj.is_none()
                        && !cx.is_word_prep(o)
                        && !cx.is_any(o, GOVERNORS)
                        && !cx.is_any(o, CAUSES)
                        && cx.time_at[o].is_none()
                };
                !object
            };
            // `complementizer pronoun`: «قالت الشرطة إنها اعتقلت مسلحين» — a verb right after
            // «إنها / أنهم / لكنها» has that pronoun as its subject; the noun after it is its
            // object (not «إنه», which also opens an impersonal clause: «أنه قتل 5 جنود»)
            let pron_subject = h > ss && cx.is_any(h - 1, COMPLEMENTIZERS) && {
                let w = cx.bare(h - 1);
                w.ends_with(&['ه', 'ا']) || w.ends_with(&['ه', 'م'])
            };
            // `unlinked subject`: «قال إن الطائرات قصفت مواقع الحوثيين» — a definite noun
            // between a complementizer and the verb is the verb's subject though it names no
            // actor: what follows the verb is its object
            let noun_subject = h >= ss + 2
                && cx.is_any(h - 2, COMPLEMENTIZERS)
                && !cx.has_pron(h - 2)
                && cx.a.tokens[h - 1].kind == rasad_text::TokenKind::Word
                && cx.a.tokens[h - 1].seg.article
                && cx.a.tokens[h - 1].seg.prep.is_none()
                && cx.in_mention[h - 1].is_none();
            let vso = vso.filter(|_| !counted && !pron_subject && !noun_subject);
            passive = counted;
            let adjacent = vso.filter(|&(_, mt, _)| mt == h + 1);
            // `carried object`: «ونددت النقابة بالخطف، وحملت وزارة الداخلية المسؤولية» — a
            // coordinated verb whose gap before its definite second object holds one noun
            // phrase (with its prepositional modifiers) has it as its first object; the subject
            // is the previous clause's
            let carried = cx.has_conj(h) && obj && adjacent.is_some() && m.toks.len() > 1 && {
                let second = m.toks[1];
                second > h + 1
                    && cx.a.tokens[second].seg.article
                    && cx.a.tokens[second].seg.prep.is_none()
                    && (h + 1..second)
                        .filter(|&t| {
                            cx.mention_at[t].is_some()
                                && cx.a.tokens[t].seg.prep.is_none()
                                && !cx.is_word_prep(t - 1)
                        })
                        .count()
                        == 1
            };
            let carried_actor = prev
                .iter()
                .rev()
                .find(|p| !p.actor.is_empty())
                .filter(|_| carried)
                .map(|p| p.actor.clone());
            let mut subject_end = None;
            if let (Some(actor), Some((mi, _, _))) = (carried_actor, adjacent) {
                a.actor = actor;
                a.subject = true;
                let id = cx.entity(mi);
                if !a.actor.contains(&id) {
                    a.recipient.push(id);
                }
                obj_taken = true;
            } else if let (Some((mi, _, me)), false) = (adjacent, obj && svo.is_some()) {
                a.actor.push(cx.entity(mi));
                a.subject = true;
                // «استقبل الرئيس المصري عبد الفتاح السيسي»: a title and a person's name in
                // apposition are one subject («تطالب واشنطن بغداد» is subject and object)
                let person =
                    |x: usize| matches!(cx.doc.mentions[x].kind, rasad_doc::EntityKind::Per);
                // «أجهزة أمن السلطة الفلسطينية»: a construct noun's genitive is part of the
                // subject too (a mention of an organisation whose last word has no article)
                let construct = |x: usize, end: usize| {
                    matches!(cx.doc.mentions[x].kind, rasad_doc::EntityKind::Org)
                        && end > 0
                        && !cx.a.tokens[end - 1].seg.article
                        && cx.a.tokens[end - 1].kind == rasad_text::TokenKind::Word
                };
                // «أجهزة أمن السلطة الفلسطينية»: a nisba adjective after the subject
                let nisba = |x: usize| {
                    let t = cx.doc.mentions[x].text.as_str();
                    !t.contains(' ')
                        && ["ية", "ي", "يون", "يين", "يان"]
                            .iter()
                            .any(|s| t.ends_with(s))
                };
                let mut me = me;
                let mut last = mi;
                let quote = |t: usize| {
                    cx.a.tokens[t].kind == rasad_text::TokenKind::Punct
                        && matches!(
                            cx.a.view.chars[cx.a.tokens[t].nstart as usize],
                            '«' | '»' | '"' | '“' | '”' | '(' | ')'
                        )
                };
                while me < se && !person(mi) {
                    // «قوات سوريا الديمقراطية «قسد»»: a name repeated in quotes or brackets
                    if quote(me) {
                        if let Some((mj, mje)) = cx.mention_at.get(me + 1).copied().flatten() {
                            if cx.entity(mj) == cx.entity(mi) && mje < se && quote(mje) {
                                me = mje + 1;
                                continue;
                            }
                        }
                        break;
                    }
                    match cx.mention_at[me] {
                        // (a generic class of persons after the subject is its object:
                        // «اعتقلت الشرطة صحفيين»)
                        Some((mj, mje))
                            if ((person(mj) && !generic_class(cx, mj))
                                || construct(last, me)
                                || (nisba(mj)
                                    && !generic_class(cx, mj)
                                    && matches!(
                                        cx.doc.mentions[last].kind,
                                        rasad_doc::EntityKind::Org
                                    )))
                                && !cx.has_conj(me)
                                && cx.a.tokens[me].seg.prep.is_none() =>
                        {
                            last = mj;
                            let id = cx.entity(mj);
                            if !a.actor.contains(&id) {
                                a.actor.push(id);
                            }
                            me = mje;
                        }
                        _ => break,
                    }
                }
                subject_end = Some(me);
            } else if let Some(id) = svo {
                a.actor.push(id);
                a.subject = true;
                // «وكانت الحكومة قد حذرت وكالات الإغاثة من …»: the object follows the verb
                subject_after = true;
            } else if let Some((mi, _, me)) = vso {
                a.actor.push(cx.entity(mi));
                a.subject = true;
                subject_end = Some(me);
            } else if pron_subject {
                if let Some(id) = cx.antecedent(h - 1, h - 1, &[], chain_of) {
                    a.pron = Some(id.clone());
                    a.actor.push(id);
                    a.subject = true;
                }
            } else if cx.has_conj(h) || (h > ss && cx.is_any(h - 1, &["حيث", "كما", "ثم"]))
            {
                // («حيث دربت»: a clause with no subject of its own after «حيث / كما / ثم» is
                // the sentence's subject's, as after و)
                // (the nearest verb that agrees in number: «حيدت مسلحين أطلقوا النار …
                // وضبطت» — «ضبطت» goes with «حيدت»)
                let plural = |t: usize| {
                    let w = cx.bare(t);
                    w.ends_with(&['و', 'ا']) || w.ends_with(&['و', 'ن'])
                };
                let agrees = |k: usize| {
                    prev_m[k].head != Head::Verb || plural(prev_m[k].start()) == plural(h)
                };
                if let Some(p) = (0..prev.len())
                    .rev()
                    .find(|&k| !prev[k].actor.is_empty() && agrees(k))
                    .map(|k| &prev[k])
                {
                    a.actor = p.actor.clone();
                } else if let Some(id) = latest_subject(subjects, h) {
                    a.actor.push(id);
                }
                a.subject = !a.actor.is_empty();
            }
            if let Some(me) = subject_end {
                // the object follows the subject («تطالب واشنطن بغداد»)
                obj_from = me;
                subject_after = true;
                // «وقع العراق وإيران»: a coordinated second subject is the other side
                if e.frame.symmetric && me < se && cx.has_conj(me) {
                    if let Some((mj, _, mje)) = cx.mention_in(me, me + 1) {
                        a.recipient.push(cx.entity(mj));
                        obj_from = mje;
                    }
                }
            }
            if obj && cx.has_pron(h) {
                let mut ex = a.actor.clone();
                ex.extend(sentence_actors.iter().cloned());
                if let Some(id) = cx.antecedent(h, h, &ex, own_chain(chain_of, &a.actor)) {
                    a.pron = Some(id.clone());
                    a.recipient.push(id);
                }
                obj_taken = true;
            }
        }
        // (a participle after a comma opens a circumstantial clause: «…مع المغرب، متهما الرباط»;
        // what stands before the comma is not its patient)
        Head::Participle if !(h > 0 && cx.is_comma(h - 1)) => {
            if let Some(id) = (h.saturating_sub(3)..h).rev().find_map(|t| {
                let (mi, me) = cx.mention_at[t]?;
                (me <= h).then(|| cx.entity(mi))
            }) {
                a.recipient.push(id);
            }
            obj_taken = true;
        }
        Head::Participle => {}
        Head::Noun => {
            // relative clause agent
            for r in end..(end + 3).min(se) {
                if cx.is_any(r, RELATIVES) {
                    // («الاتفاق الذي توصلت إليه روسيا»: past a preposition with the pronoun)
                    let at = if r + 2 < se
                        && cx.mention_at[r + 2].is_none()
                        && cx.has_pron(r + 2)
                        && (cx.is_any(r + 2, WORD_PREPS)
                            || matches!(cx.a.tokens[r + 2].seg.prep, Some(Prep::Bi | Prep::Li)))
                    {
                        r + 3
                    } else {
                        r + 2
                    };
                    if let Some((mi, _, _)) = cx.mention_in(at, at + 1) {
                        a.actor.push(cx.entity(mi));
                    }
                    break;
                }
                // «في هجوم شنه مسلحون من تنظيم داعش», «غارة نفذتها طائرة إسرائيلية»: an
                // indefinite noun's relative verb carries a pronoun and its subject follows
                // (a definite noun too when the verb follows it at once, as the press writes:
                // «الهجمات نفذتها حركة الشباب»)
                let tok = &cx.a.tokens[r];
                if r <= end + 1
                    && (!cx.a.tokens[h].seg.article || r == end)
                    && tok.kind == rasad_text::TokenKind::Word
                    && !tok.seg.article
                    && tok.seg.prep.is_none()
                    && cx.in_mention[r].is_none()
                    && !cx.is_word_prep(r)
                    && cx.has_pron(r)
                {
                    // (a subject takes no preposition: «بوقف دعمه لخفر السواحل» is a noun
                    // with its possessive, not a relative verb)
                    if let Some((mi, mt, _)) = cx.np_mention(r + 1, (r + 6).min(se)) {
                        if (cx.mention_at[r + 1].is_some() || cx.in_mention[r + 1].is_none())
                            && cx.a.tokens[mt].seg.prep.is_none()
                        {
                            a.actor.push(cx.entity(mi));
                        }
                    }
                    break;
                }
                if cx.is_break(r) {
                    break;
                }
            }
            // idafa / adjective agent; a word with the accusative tanween («متهما الرباط»,
            // «هجوما») is in no construct: a definite noun after it is its object
            // (nor is a feminine participle opening a comma clause: «…، متهمة المصارف والمصرف
            // المركزي بـ»)
            let tanween = {
                let t = &cx.a.tokens[h];
                let w = cx.bare(h);
                !t.seg.article
                    && t.seg.pron.is_none()
                    && (w.last() == Some(&'ا')
                        || (h > 0
                            && cx.is_comma(h - 1)
                            && w.first() == Some(&'م')
                            && w.last() == Some(&'ه')))
            };
            if a.actor.is_empty() && tanween && obj {
                if let Some((mi, mt, me)) = cx.mention_in(after_head, after_head + 1) {
                    if cx.a.tokens[mt].seg.article && cx.a.tokens[mt].seg.prep.is_none() {
                        a.recipient.push(cx.entity(mi));
                        obj_taken = true;
                        obj_from = me;
                    }
                }
            }
            // the end of a gapped phrase's gap (none: 0)
            // (a phrase going on with a preposition has its object in the gap: «مطالبة الاتحاد
            // بوقف»)
            let gap_end = match m.toks.get(1) {
                Some(&g)
                    if g > h + 1 && cx.a.tokens[g].seg.prep.is_none() && !cx.is_word_prep(g) =>
                {
                    g
                }
                _ => 0,
            };
            if a.actor.is_empty() && !(tanween && obj_taken) {
                // `gap agent`: «منع نقاط تفتيش تابعة للدعم السريع مرورها» — units acting for a
                // body fill the gap
                let unit = || {
                    cx.representative_subject(after_head, gap_end)
                        .filter(|&(_, _, me)| me <= gap_end)
                };
                // `owned machines`: «غارات لطائرات حربية روسية» — machines after «لـ» with the
                // owner's adjective are the agent
                let machines = || {
                    let tok = cx.a.tokens.get(after_head)?;
                    (after_head < se
                        && tok.seg.prep == Some(Prep::Li)
                        && !tok.seg.article
                        && cx.in_mention[after_head].is_none()
                        && cx.is_any(after_head, MACHINES))
                    .then(|| cx.mention_in(after_head + 1, (after_head + 4).min(se)))
                    .flatten()
                    .filter(|&(mi, _, _)| !cx.generic(mi))
                };
                // («سيطرة «حماس» على»: the genitive may be quoted)
                let genitive = if after_head + 1 < se
                    && ["«", "\"", "“"].iter().any(|q| cx.word_is(after_head, q))
                {
                    after_head + 1
                } else {
                    after_head
                };
                let found = cx
                    .mention_in(genitive, genitive + 1)
                    .or_else(unit)
                    .map(|x| (x, false))
                    .or_else(|| machines().map(|x| (x, true)));
                if let Some(((mi, _, me), owned)) = found {
                    let id = cx.entity(mi);
                    // (`agent and object`: «اقتحام محتجين إيرانيين السفارة السعودية» — a
                    // definite noun, or one with a possessive («سفارتها»), right after the
                    // mention (past a nisba adjective of it: «محتجين إيرانيين») is the object,
                    // so the mention is the agent)
                    let nisba = me < se && {
                        let tok = &cx.a.tokens[me];
                        let w = cx.bare(me);
                        tok.kind == rasad_text::TokenKind::Word
                            && !tok.seg.article
                            && tok.seg.prep.is_none()
                            && tok.seg.conj.is_none()
                            && w.len() > 4
                            && (w.ends_with(&['ي', 'ي', 'ن']) || w.ends_with(&['ي', 'و', 'ن']))
                    };
                    let o = me + nisba as usize;
                    let object_after = o < se && {
                        let tok = &cx.a.tokens[o];
                        tok.kind == rasad_text::TokenKind::Word
                            && (tok.seg.article || cx.has_pron(o))
                            && tok.seg.prep.is_none()
                            && tok.seg.conj.is_none()
                            && cx.time_at[o].is_none()
                            && !cx.is_any(o, GOVERNORS)
                            && !cx.is_any(o, CAUSES)
                    };
                    let followed = me < se
                        && (cx.quantity_at[me].is_some()
                            || cx.a.tokens[me].kind == rasad_text::TokenKind::Number
                            || cx.mention_at[me].is_some()
                            || object_after);
                    if e.frame.symmetric {
                        a.actor.push(id);
                        // «اتفاق القاعدة والحوثيين»
                        if me < se && cx.has_conj(me) {
                            if let Some((mj, _, _)) = cx.mention_in(me, me + 1) {
                                a.recipient.push(cx.entity(mj));
                            }
                        }
                    } else if !obj || followed || me <= gap_end || owned {
                        // (`gap agent`: in a gapped phrase the gap holds the agent, the object
                        // comes after the phrase: «إطلاق الحوثيين سراح 5», «منع الحوثيين مرور»)
                        a.actor.push(id);
                        obj_from = me;
                        // `mission owner`: «اقتحام محتجين إيرانيين سفارتها في طهران» — a
                        // diplomatic mission with a possessive is its state's, and the state it
                        // stands in is not that state
                        if object_after && !cx.a.tokens[o].seg.article && cx.is_any(o, MISSIONS) {
                            let mut exclude = a.actor.clone();
                            // (a place id starts with its country's slug, which is the state's
                            // actor id for 189 of the 195 states: «iran/tehran» → «iran»)
                            if o + 2 < se && cx.word_is(o + 1, "في") {
                                if let Some((_, _, pid)) =
                                    cx.places.iter().find(|(s, _, _)| *s == o + 2)
                                {
                                    exclude.push(pid.split('/').next().unwrap_or("").to_string());
                                }
                            }
                            if let Some(owner) = cx.antecedent(o, h, &exclude, None) {
                                a.recipient.push(owner);
                                obj_taken = true;
                            }
                        }
                    } else {
                        a.recipient.push(id);
                        obj_taken = true;
                    }
                }
            }
            // `possessive agent`: a verbal noun's possessive pronoun with no object frame is its
            // agent («طالبت المنظمة الاتحاد بوقف دعمه لـ» → the union's support), before the
            // verb governing it gives its own subject
            // (with an object frame only when its «لـ» recipient follows: «دعمه للحركة»; else
            // the pronoun is the patient: «اختطافه»)
            let li_next = end < se
                && e.frame.recipient.iter().any(|p| p == "ل")
                && cx.a.tokens[end].seg.prep == Some(Prep::Li)
                && cx.mention_at[end].is_some();
            if a.actor.is_empty() && (!obj || li_next) && cx.has_pron(h) && !cx.has_conj(h) {
                if let Some(id) = cx.antecedent(h, h, &[], chain_of) {
                    a.pron = Some(id.clone());
                    a.actor.push(id);
                }
            }
            if a.actor.is_empty() {
                if let Some(id) = operation_result(cx, h, ss, stated) {
                    a.actor.push(id);
                }
            }
            if a.actor.is_empty() {
                if let Some(id) = aspectual(cx, h, ss) {
                    a.actor.push(id);
                    a.subject = true;
                }
            }
            if a.actor.is_empty() {
                let ids = governing_subject(cx, h, ss, prev, prev_m, stated);
                if !ids.is_empty() {
                    a.actor = ids;
                    a.subject = true;
                }
            }
            // (`patient pronoun`: «بعد توقيفهم», «بعد أسبوع من اختطافه» — the pronoun of an
            // arrest or an attack on a person that takes a direct object is who suffered it)
            let patient = matches!(
                e.ty,
                rasad_doc::EventType::Coerce | rasad_doc::EventType::Assault
            ) && e.frame.recipient.iter().any(|p| p == "obj")
                && a.recipient.is_empty()
                && !cx.has_conj(h)
                && (matches!(
                    e.mode.as_deref(),
                    Some("arrest" | "abduct" | "deport" | "torture" | "assassinate" | "beat")
                ) || e.object.as_deref() == Some("person"));
            // (a state is no «هم»: «ضد أشخاص … ويتيح احتجازهم» has no named patient)
            let people = |id: &String| {
                cx.pron_agree(h) != Some(Agree::Plural)
                    || !cx
                        .doc
                        .entities
                        .iter()
                        .any(|x| x.id == *id && x.kind == rasad_doc::EntityKind::Gpe)
            };
            if a.actor.is_empty() && cx.has_pron(h) && patient {
                if let Some(id) = cx.antecedent(h, h, &[], chain_of).filter(people) {
                    a.pron = Some(id.clone());
                    a.recipient.push(id);
                }
            } else if a.actor.is_empty() && cx.has_pron(h) {
                // «وقتله»: coordinated with the previous event; «حربه»: the nearest mention
                let coord = cx
                    .has_conj(h)
                    .then(|| prev.iter().rev().find(|p| !p.actor.is_empty()))
                    .flatten();
                if let Some(p) = coord {
                    a.actor = p.actor.clone();
                } else if let Some(id) = cx.antecedent(h, h, &[], chain_of) {
                    a.pron = Some(id.clone());
                    a.actor.push(id);
                }
            }
            if a.actor.is_empty() {
                let mut g = h;
                while g > ss && cx.is_any(g - 1, NEGATORS) {
                    g -= 1;
                }
                let tok = &cx.a.tokens[h];
                let governed = cx.has_conj(h)
                    || (g < h && cx.has_conj(g))
                    || tok.seg.prep == Some(Prep::Li)
                    || tok.seg.prep == Some(Prep::Bi)
                    || (g > ss && cx.is_any(g - 1, GOVERNORS));
                if governed {
                    if let Some(id) =
                        latest_subject(subjects, h).filter(|id| !a.recipient.contains(id))
                    {
                        a.actor.push(id);
                        a.subject = true;
                    }
                }
            }
        }
    }
    // «أعلن وزير الخارجية الجزائري، الثلاثاء، قطع العلاقات», «قررت الحكومة طرد 15»: a
    // verbal noun in construct right after a clause subject is that subject's act
    let tok = &cx.a.tokens[h];
    if a.actor.is_empty()
        && m.head != Head::Participle
        && !tok.seg.article
        && tok.seg.prep.is_none()
    {
        if let Some(p) = cx.before_insertion(h, ss) {
            if let Some(mi) = cx.in_mention[p] {
                if let Some((_, _, id, _, _)) = stated
                    .iter()
                    .find(|(t, me, _, _, _)| *me == p + 1 && cx.in_mention[*t] == Some(mi))
                {
                    a.actor.push(id.clone());
                    a.subject = true;
                }
            }
        }
    }
    // «…، مطالبة طهران بـ», «…، متهما الرباط»: a circumstantial participle or verbal noun opening
    // a comma clause acts for the sentence's first clause subject
    if a.actor.is_empty()
        && h > ss
        && cx.is_comma(h - 1)
        && !tok.seg.article
        && tok.seg.prep.is_none()
        && !cx.has_conj(h)
    {
        if let Some((_, _, id, _, _)) = stated.iter().find(|(t, _, _, comp, _)| !*comp && *t < h) {
            a.actor.push(id.clone());
        }
    }
    // `subj`: the subject the rules found is the one acted for («عثر X على ملاذ»)
    if e.frame.recipient.iter().any(|p| p == "subj") {
        a.recipient = std::mem::take(&mut a.actor);
        a.subject = false;
    }
    // frame actor prepositions (لدى، من قبل، على يد)
    let to = (end + 12).min(se);
    if a.actor.is_empty() && !e.frame.actor.is_empty() {
        'outer: for t in end..to {
            if cx.is_break(t) {
                break;
            }
            for p in &e.frame.actor {
                if let Some(at) = cx.prep_at(p, t) {
                    if let Some((id, _)) = cx.pp_object(at, t, h, &[], chain_of) {
                        a.actor.push(id);
                        break 'outer;
                    }
                }
            }
        }
    }
    // «وطالب مسؤولون صوماليون مجلس الأمن بتأجيل … للبعثة»: a direct object right after the
    // subject comes before any prepositional recipient further on
    if a.recipient.is_empty() && obj && !obj_taken && subject_after {
        // («اتهم مندوب السودان لدى الأمم المتحدة، الثلاثاء، دولة الإمارات»: where the subject
        // serves is part of it)
        let mut obj_from = obj_from;
        if obj_from < se && cx.is_any(obj_from, &["لدى", "لدي"]) {
            if let Some((_, _, me)) = cx.mention_in(obj_from + 1, obj_from + 2) {
                obj_from = me;
            }
        }
        let at = cx.insertion_end(obj_from).unwrap_or(obj_from);
        // `titled object`: «استقبل السيسي، الأحد، قائد القوات المسلحة في شرق ليبيا المشير خليفة
        // حفتر» — an object opened by an office and ending in a person's name is that person
        if let Some(mi) = cx.titled_person(at, se) {
            let id = cx.entity(mi);
            if !a.actor.contains(&id) {
                a.recipient.push(id);
                obj_taken = true;
            }
        }
        let object = (!obj_taken)
            .then(|| {
                cx.mention_in(at, at + 1).or_else(|| {
                    // «دولة الإمارات», «سلطات الاحتلال»: a head noun in construct before the name
                    let tok = cx.a.tokens.get(at)?;
                    (at + 1 < se
                        && tok.kind == rasad_text::TokenKind::Word
                        && tok.seg.prep.is_none()
                        && !tok.seg.article
                        && cx.in_mention[at].is_none()
                        && !cx.is_word_prep(at)
                        && cx.time_at[at].is_none())
                    .then(|| cx.mention_in(at + 1, at + 2))
                    .flatten()
                })
            })
            .flatten();
        if let Some((mi, mt, _)) = object {
            if cx.a.tokens[mt].seg.prep.is_none() && !a.actor.contains(&cx.entity(mi)) {
                a.recipient.push(cx.entity(mi));
            }
        }
    }
    // frame recipient prepositions, from the word after the head (a phrase's gap included)
    if a.recipient.is_empty() {
        let mut ex = a.actor.clone();
        ex.extend(sentence_actors.iter().cloned());
        // (a dated insertion «، الخميس 16 فبراير،» is stepped over, not a clause break)
        // (and does not count against the reach, nor does a subject after the verb)
        let mut reach = if subject_after {
            to.max((obj_from + 12).min(se))
        } else {
            to
        };
        let mut t = h;
        'scan: loop {
            t += 1;
            if t >= reach {
                break;
            }
            if m.toks.contains(&t) {
                continue;
            }
            if let Some(e) = cx.insertion_end(t) {
                reach = (reach + (e - t)).min(se);
                t = e - 1;
                continue;
            }
            if cx.is_break(t) {
                break;
            }
            for p in &e.frame.recipient {
                if p == "obj" || p == "subj" {
                    continue;
                }
                let Some(at) = cx.prep_at(p, t) else {
                    continue;
                };
                let Some((id, after)) = cx.pp_object(at, t, h, &ex, own_chain(chain_of, &a.actor))
                else {
                    continue;
                };
                if cx.has_pron(at) || cx.has_pron(t) {
                    a.pron = Some(id.clone());
                }
                a.recipient.push(id.clone());
                if p == "بين" {
                    // the other side: the next mention of another actor, preferably after و; a
                    // generic one gives way to a name in its noun phrase («وقيادات إرهابية
                    // تنتمي للقاعدة» → al-Qaeda)
                    let mut other = None;
                    for u in after..(after + 12).min(se) {
                        if let Some((mi, _)) = cx.mention_at[u] {
                            let mi = if cx.generic(mi) {
                                cx.np_mention(u, (u + 6).min(se))
                                    .filter(|&(mj, _, _)| !cx.generic(mj))
                                    .map_or(mi, |(mj, _, _)| mj)
                            } else {
                                mi
                            };
                            let oid = cx.entity(mi);
                            if oid != id {
                                let conj = cx.has_conj(u);
                                if conj || other.is_none() {
                                    other = Some(oid);
                                }
                                if conj {
                                    break;
                                }
                            }
                        }
                        if cx.is_break(u) {
                            break;
                        }
                    }
                    a.recipient.extend(other);
                } else if after < se && cx.has_conj(after) {
                    // «على خلايا ومعاقل القاعدة وداعش»: a coordinated second recipient
                    if let Some((mi, _, _)) = cx.mention_in(after, after + 1) {
                        a.recipient.push(cx.entity(mi));
                    }
                }
                break 'scan;
            }
        }
    }
    // the direct object: a mention in the short noun phrase after the trigger
    if a.recipient.is_empty() && obj && !obj_taken {
        if let Some((mi, _, _)) = cx.np_mention(obj_from, (obj_from + 8).min(se)) {
            a.recipient.push(cx.entity(mi));
        }
    }
    // `possessed object`: «إن مسلحين نهبوا مخازنه» — an object noun with a possessive pronoun
    // is done to its owner
    if a.recipient.is_empty() && obj && !obj_taken && !a.actor.is_empty() && m.head == Head::Verb {
        let at = cx.insertion_end(obj_from).unwrap_or(obj_from);
        let owned = at < se && !m.toks.contains(&at) && {
            let tok = &cx.a.tokens[at];
            tok.kind == rasad_text::TokenKind::Word
                && tok.seg.prep.is_none()
                && !tok.seg.article
                && cx.in_mention[at].is_none()
                && !cx.is_word_prep(at)
                && cx.has_pron(at)
        };
        if owned {
            if let Some(id) = cx.antecedent(at, h, &a.actor, own_chain(chain_of, &a.actor)) {
                if !a.actor.contains(&id) {
                    a.recipient.push(id);
                }
            }
        }
    }
    // `sentence subject`: an act with no actor of its own in a sentence that states one
    // subject before it takes that subject («قالت الشرطة إن … وبعد مداهمة المنزل»)
    // (only for events that have a recipient: a trigger with neither side stays no event)
    if a.actor.is_empty() && !a.recipient.is_empty() && !passive && m.head != Head::Participle {
        let mut ids: Vec<&String> = subjects
            .iter()
            .filter(|(t, e, _, comp, _)| *t < h && (*comp || !cx.any_complementizer(*e, h)))
            .map(|(_, _, id, _, _)| id)
            .collect();
        ids.dedup();
        if let [one] = ids[..] {
            if !a.recipient.contains(one) {
                a.actor.push(one.clone());
            }
        }
    }
    // `coordinated sides`: «أعلنت السعودية وإيران، الجمعة، الاتفاق على استئناف العلاقات
    // بينهما»: a symmetric act whose actor is a subject coordinated with another before it has
    // that other as its other side
    if e.frame.symmetric && a.actor.len() == 1 && m.head != Head::Verb {
        let id = a.actor[0].clone();
        let other = (ss..h).find_map(|t| {
            let (mi, me) = cx.mention_at[t]?;
            (cx.entity(mi) == id && me < h && cx.has_conj(me))
                .then(|| cx.mention_in(me, me + 1))
                .flatten()
                .filter(|&(_, mt, _)| cx.a.tokens[mt].seg.prep.is_none())
                .map(|(mj, _, _)| cx.entity(mj))
        });
        if let Some(o) = other.filter(|o| *o != id) {
            a.recipient = vec![o];
        }
    }
    // `suspect arrested`: «أوقف المشتبه به» — an arrest whose only actor is a suspect or a
    // detainee reads as the unvocalised passive: they are who was arrested
    if e.ty == rasad_doc::EventType::Coerce
        && e.mode.as_deref() == Some("arrest")
        && a.recipient.is_empty()
        && matches!(&a.actor[..], [x] if PATIENTS.contains(&x.as_str()))
    {
        a.recipient = std::mem::take(&mut a.actor);
    }
    a.recipient.retain(|r| !a.actor.contains(r));
    a.recipient.dedup();
    if e.frame.symmetric && a.actor.is_empty() && a.recipient.len() >= 2 {
        a.actor.push(a.recipient.remove(0));
    }
    a
}

/// Mention `m` names a generic class of persons or groups of the actor dictionary
/// («صحفيين», «ناشطين»), not a person.
fn generic_class(cx: &Ctx, m: usize) -> bool {
    cx.doc.mentions[m]
        .entity
        .as_deref()
        .and_then(|id| rasad_lexicon::Lexicon::global().actor(id))
        .is_some_and(|a| a.generic)
}

/// `dateline`: the place of the article's dateline («بغداد – …»): where an event whose clause
/// names no place happened, as wire copy reads (ACLED codes such events at the dateline's place
/// too).
fn dateline_place(cx: &Ctx) -> Option<String> {
    cx.sent_toks.iter().take(3).find_map(|&(ts, te)| {
        let after = cx.after_dateline(ts, te);
        (after > ts)
            .then(|| {
                cx.places
                    .iter()
                    .find(|(t, _, _)| *t >= ts && *t < after)
                    .map(|(_, _, id)| id.clone())
            })
            .flatten()
    })
}

/// Time, place and quantity within the trigger's clause.
fn attach(cx: &Ctx, m: &Match, next_head: usize, a: &mut Args) {
    let h = m.start();
    let (ss, se) = cx.sentence_of(h);
    let time_in = |from: usize, to: usize| (from..to).find_map(|t| cx.time_at[t].map(|x| (x.0, t)));
    let after = time_in(h + 1, next_head);
    let before = (ss..h).rev().find_map(|t| cx.time_at[t].map(|x| (x.0, t)));
    if let Some((ti, tt)) = after.or(before) {
        a.time = Some((ti, relation(cx, tt)));
    }
    let locative = |p: usize| {
        if cx.a.tokens[p].seg.prep == Some(Prep::Bi) {
            return true;
        }
        let mut back = 0;
        let mut t = p;
        while t > ss && back < 2 {
            t -= 1;
            if cx.is_break(t) {
                return false;
            }
            if cx.a.tokens[t].kind == rasad_text::TokenKind::Punct {
                continue;
            }
            back += 1;
            if cx.is_any(t, LOCATIVE) {
                return true;
            }
        }
        false
    };
    let in_sent: Vec<&(usize, usize, String)> = cx
        .places
        .iter()
        .filter(|(t, _, _)| *t >= ss && *t < se && locative(*t))
        .collect();
    let place_after = in_sent
        .iter()
        .find(|(t, _, _)| *t > h && *t < next_head.min(h + 16));
    let place_before = in_sent.iter().rev().find(|(t, _, _)| *t < h);
    a.place = place_after
        .or(place_before)
        .map(|(_, _, id)| id.clone())
        .or_else(|| dateline_place(cx));
    for t in h + 1..(m.end() + 8).min(se) {
        if t > h + 1 && t >= next_head || cx.is_break(t) {
            break;
        }
        if let Some((qi, _)) = cx.quantity_at[t] {
            a.quantity = Some(qi);
            break;
        }
    }
}
