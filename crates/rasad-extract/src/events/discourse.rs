//! Sides the clause leaves open, read from the story around it.
//!
//! Rules (examples in `tests/events_args.rs`):
//! - `reporter`: a speech act without an actor (ACCUSE, REQUEST, REJECT, SUPPORT, THREATEN,
//!   AGREE, CONCEDE) inside a reported sentence, or a circumstantial participle or verbal noun
//!   opening a comma clause («…، متهما أنقرة», «…، مطالبة الحكومة»), is the act of the named
//!   source that reports it («وقال المتحدث باسم قسد إن …، متهما أنقرة» → the SDF); so is a
//!   joint act told with only its other side («إن دوريات مشتركة مع الجيش ستبدأ»).
//! - `demanded`: an act named by a noun after a request in its clause is the asked one's, not
//!   the requester's («مطالبة الحكومة بفتح المعبر»: the government would open it).
//! - `requested by`: «بطلب من X» names the requester: X asked the doer of the act before it
//!   («نفذت القوات الضربة بالتنسيق مع الحكومة وبطلب منها»).
//! - `purpose`: «للمطالبة بـ» after an act in its sentence is that act's actor's demand.
//! - `gap actor`: a frame's actor preposition inside a phrase's gap carries its actor («تسلم
//!   الجيش من الولايات المتحدة شحنة»).
//! - `talked`: an agreement without sides in a sentence whose talks have two named sides is
//!   between them («بحث الجانبان تمديد الهدنة، مرجحة التوصل إلى اتفاق»).
//! - `means`: an act told after «عبر / من خلال» as the means of an act of its type just before
//!   it is that act, with its sides («اتهمت الدعم السريع الجيش بخرق الهدنة عبر شن غارات»).
//! - `joined content`: a noun joined by «و» right after a trigger that is part of another act
//!   is part of it too («محادثات حول مقترح لوقف إطلاق النار وتبادل الأسرى»).
//! - `joined sides`: a bare event noun joined by «و» right after another shares its sides
//!   («يتعرضون للتعذيب والابتزاز»).
//! - `stopped`: an attack or coercion noun governed by «وقف / إنهاء / تعليق» is the thing
//!   stopped, no act («ينص الاتفاق على وقف الهجمات»).
//! - `same movement`: a protest told without sides is by whoever leads the protests told
//!   within a sentence of it («واصل آلاف المعلمين إضرابا …» beside «ونظمت النقابة وقفة»).
//! - `aid access`: humanitarian access with no recipient is granted to whoever was last told
//!   delivering aid («عبرت قافلة مساعدات أممية … ستسمح بدخول المساعدات»).
//! - `denied claim`: a denial told inside a named source's report answers that source («وتقول
//!   الأمم المتحدة إن … وهو ما تنفيه طهران»).
//! - `reply`: an event with an actor and no recipient answers whoever last acted on its actor
//!   in the article («اتهمت الكويت طهران …» then «نفت طهران» → Iran denies to Kuwait).
//! - `opponent`: an arrest, seizure, siege or attack with no stated target is against the side
//!   its actor was last told acting on («قتل 4 مهربين في اشتباكات مع حرس الحدود … وضبطت القوات
//!   5 ملايين حبة» → the smugglers).
//! - `same war`: an attack with no stated target after another attack of its sentence that has
//!   one is against that target («الحرب على الحركة … وضربات جوية أمريكية»).
//! - `reaction`: a condemnation, denial, welcome or protest with no recipient and no one to reply
//!   to reacts to the last act in the article by someone else («… غارات إسرائيلية …» then
//!   «ونددت إيران» → Iran condemns Israel).
//! - `counterpart`: failing those, it faces the side its actor (or another organ of its state)
//!   deals with most in the whole article («الحكومة تعهدت بصرف الرواتب» in a story of the
//!   teachers' strike → the teachers' syndicate).
//! - `insurgent`: failing all of those, an armed group's attack or seizure (or its surrender of
//!   arms) is against (to) the state
//!   the story is about («واستولى مسلحو حركة الشباب على بلدة» in a Somali story → Somalia).
//!
//! - `perpetrators`: «المهاجمين», «الجناة», «منفذي الهجوم» (the generic `assailants`) name
//!   the actor of the last attack told before them when that actor is specific («هجوم شنه
//!   مسلحون من تنظيم داعش … أن المهاجمين انسحبوا» → ISIS).
//!
//! - `national`: a generic state agent whose country the text gives («مسؤول عسكري مصري», «قوات
//!   الأمن السورية» read as `military-official` / `security-forces` of EGY / SYR) acts for that
//!   state: the side becomes the state's entity when the article names the state. With no
//!   country in the text («مصدر عسكري») the focus state is used — the country most of the
//!   article's actors belong to, when one leads — or its organ the article names when the state
//!   itself is only a place. An organ of a state does not act on that state itself, nor the state
//!   on its organs (`own state`: the recipient is dropped and filled from the story), except in
//!   an attack.
//!
//! - `witnesses`: generic sources (eyewitnesses, medics, local or unnamed official sources) are
//!   no side of an act, and commentators (analysts, experts, researchers) no actor.
//!
//! - `commentators`: a commentator is not the recipient of an act it tells.
//!
//! - `monitors`: a human-rights body (the Syrian Observatory, Amnesty) is no side of the violence
//!   or coercion it reports.
//!
//! - `civil only`: a cooperative or verbal act between classes of private people alone
//!   (residents, journalists, clerics, migrants …) is no event.
//!
//! - `sports story`: in an article whose words are sport's, only events with an armed or
//!   security side stay.
//!
//! - `retold`: a definite event noun in a later sentence («عمليات الترحيل», «الهجوم») retelling
//!   an act of its type and mode makes no new event.
//!
//! - `headline`: a headline retells the lead: an event of the title that the body tells again
//!   (any title event of a type the body tells, even by a trigger whose sides were not found) is
//!   dropped and the body's telling, with its time, place and source, stands.
//!
//! `reply`, `reaction`, `counterpart` and `insurgent` only fill an empty side; what the clause states is never replaced.

use super::args::Args;
use super::cues::Frame;
use super::lexicon::{Head, Lexicon};
use super::{generic_entity, Ctx, Match, MEDIATION};
use rasad_doc::{Document, Event, EventType as T};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Types of speech acts, whose actor is who says them.
fn speech(t: T) -> bool {
    matches!(
        t,
        T::Accuse | T::Request | T::Reject | T::Support | T::Threaten | T::Agree | T::Concede
    )
}

/// `reporter`: the named source of a reported speech act without an actor is its actor.
pub fn reporter(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args], frames: &[Frame]) {
    for (i, m) in matches.iter().enumerate() {
        if !args[i].actor.is_empty() {
            continue;
        }
        let Some(id) = frames[i].source.as_ref().and_then(|s| s.entity.clone()) else {
            continue;
        };
        let e = &lex.entries[m.entry as usize];
        let h = m.start();
        let tok = &cx.a.tokens[h];
        let circumstantial = h > 0
            && cx.is_comma(h - 1)
            && m.head != Head::Verb
            && !tok.seg.article
            && tok.seg.prep.is_none();
        // a joint act told with one side («دوريات مشتركة مع الجيش») is the speaker's with it
        let joint = e.frame.symmetric && !args[i].recipient.is_empty();
        if (speech(e.ty) || circumstantial || joint) && !args[i].recipient.contains(&id) {
            args[i].actor.push(id);
        }
    }
}

/// `demanded`: an act named by a noun after a request in its clause («للمطالبة بإنهاء الحكم
/// العسكري وتسليم السلطة للمدنيين», «مطالبة بفتح المعبر») is what the request asks for, done (if
/// ever) by the one asked, not by the one asking: when the clause gave it the requester as actor,
/// its actor is the request's recipient (none when the request names none).
pub fn demanded(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args]) {
    for i in 0..matches.len() {
        if lex.entries[matches[i].entry as usize].ty != T::Request || args[i].actor.is_empty() {
            continue;
        }
        let s = cx.sent[matches[i].start()];
        for j in i + 1..matches.len() {
            let m = &matches[j];
            if cx.sent[m.start()] != s
                || (matches[j - 1].end()..m.start()).any(|t| cx.is_break(t))
                || lex.entries[m.entry as usize].ty == T::Request
            {
                break;
            }
            if m.head != Head::Noun || args[j].actor != args[i].actor {
                continue;
            }
            // (a request read with its own actor as recipient names no one asked)
            let asked: Vec<String> = args[i]
                .recipient
                .iter()
                .filter(|r| !args[i].actor.contains(r))
                .cloned()
                .collect();
            args[j].recipient.retain(|r| !asked.contains(r));
            args[j].actor = asked;
        }
    }
}

/// `requested by`: «بطلب من X» / «بطلب منها» (at X's request) names the requester after «من», not
/// the one asked: X asked the doer of the act the request is attached to — the nearest earlier
/// act with an actor in the sentence («نفذت القوات الضربة بالتنسيق مع الحكومة وبطلب منها»: the
/// government asked the forces).
pub fn requested_by(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args]) {
    for i in 0..matches.len() {
        let h = matches[i].start();
        if lex.entries[matches[i].entry as usize].ty != T::Request
            || matches[i].head == Head::Verb
            || cx.a.tokens[h].seg.prep != Some(rasad_text::clitics::Prep::Bi)
            || !cx.is(h, "طلب")
            || h + 1 >= cx.a.tokens.len()
            || !["من", "منه", "منها", "منهم", "منهما"]
                .iter()
                .any(|w| cx.word_is(h + 1, w))
            || args[i].recipient.is_empty()
        {
            continue;
        }
        let s = cx.sent[h];
        let doer = (0..i).rev().find_map(|j| {
            (cx.sent[matches[j].start()] == s
                && !args[j].absorbed
                && !args[j].actor.is_empty()
                && lex.entries[matches[j].entry as usize].ty != T::Request)
                .then(|| args[j].actor.clone())
        });
        let requester = std::mem::take(&mut args[i].recipient);
        args[i].recipient = doer
            .unwrap_or_default()
            .into_iter()
            .filter(|x| !requester.contains(x))
            .collect();
        args[i].actor = requester;
    }
}

/// `purpose`: «للمطالبة بـ …» after an act in its sentence («خرج آلاف المتظاهرين … للمطالبة
/// بإنهاء الحكم العسكري», «حشد الحلف مسلحيه … للمطالبة بحصة») is that act's purpose: the
/// demand is by the act's actor, to the act's recipient (a side named inside the demand —
/// «وتسليم السلطة للمدنيين» — is part of what is demanded).
pub fn purpose(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args]) {
    for i in 1..matches.len() {
        let h = matches[i].start();
        if lex.entries[matches[i].entry as usize].ty != T::Request
            || matches[i].head == Head::Verb
            || cx.a.tokens[h].seg.prep != Some(rasad_text::clitics::Prep::Li)
            || !cx.is(h, "مطالبه")
        {
            continue;
        }
        let s = cx.sent[h];
        // (an absorbed match — «في مواكب» of «خرج المتظاهرون في مواكب» — still tells the act's
        // actor)
        let Some(j) = (0..i).rev().find(|&j| {
            cx.sent[matches[j].start()] == s
                && !args[j].actor.is_empty()
                && lex.entries[matches[j].entry as usize].ty != T::Request
        }) else {
            continue;
        };
        args[i].actor = args[j].actor.clone();
        args[i].recipient = args[j].recipient.clone();
    }
}

/// `gap actor`: a phrase whose actor comes after a preposition of its frame, with that
/// preposition and a mention inside the phrase's gap («تسلم الجيش من الولايات المتحدة شحنة»: the
/// giver stands between the verb and what was received), takes that mention as its actor when
/// the clause gave it none.
pub fn gap_actor(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args]) {
    for (i, m) in matches.iter().enumerate() {
        let e = &lex.entries[m.entry as usize];
        if !args[i].actor.is_empty() || e.frame.actor.is_empty() || m.toks.len() < 2 {
            continue;
        }
        let found = (m.start() + 1..m.end() - 1).find_map(|t| {
            if m.toks.contains(&t) || !e.frame.actor.iter().any(|p| cx.word_is(t, p)) {
                return None;
            }
            let (mi, _) = cx.mention_at.get(t + 1).copied().flatten()?;
            cx.doc.mentions[mi].entity.as_deref().map(String::from)
        });
        if let Some(id) = found.filter(|id| !args[i].recipient.contains(id)) {
            args[i].actor.push(id);
        }
    }
}

/// `talked`: an agreement told without sides in a sentence whose talks have two named sides
/// («بحث الجانبان تمديد الهدنة، مرجحة التوصل إلى اتفاق») is between the sides that talked.
pub fn talked(lex: &Lexicon, cx: &Ctx, matches: &[Match], args: &mut [Args]) {
    for i in 0..matches.len() {
        let e = &lex.entries[matches[i].entry as usize];
        if e.ty != T::Agree
            || !e.frame.symmetric
            || !args[i].actor.is_empty()
            || !args[i].recipient.is_empty()
        {
            continue;
        }
        let s = cx.sent[matches[i].start()];
        let talks = (0..matches.len()).find_map(|j| {
            let f = &lex.entries[matches[j].entry as usize];
            let both: Vec<String> = args[j]
                .actor
                .iter()
                .chain(&args[j].recipient)
                .filter(|x| !cx.generic_id(x))
                .cloned()
                .collect();
            (j != i
                && cx.sent[matches[j].start()] == s
                && f.ty == T::Consult
                && f.frame.symmetric
                && both.len() == 2)
                .then_some(both)
        });
        // (one side as actor and the other as recipient, in the talks' order)
        if let Some(mut both) = talks {
            args[i].recipient = both.split_off(1);
            args[i].actor = both;
        }
    }
}

/// `means`: an act told after «عبر / من خلال / بواسطة» as the means of an act of its type just
/// before it in the sentence («اتهمت X الجيش بخرق الهدنة عبر شن غارات جوية») is that act, with
/// its sides (not the clause subject's).
pub fn means(lex: &Lexicon, cx: &Ctx, matches: &[Match], args: &mut [Args]) {
    for j in 1..matches.len() {
        // (the word may stand right after it or after a verbal noun of doing: «عبر شن هجمات»)
        let h = matches[j].start();
        let by = (h.saturating_sub(2)..h).any(|t| {
            cx.word_is(t, "عبر")
                || cx.word_is(t, "بواسطة")
                || (t >= 1 && cx.word_is(t - 1, "من") && cx.word_is(t, "خلال"))
        });
        if !by {
            continue;
        }
        let i = j - 1;
        let ty = lex.entries[matches[j].entry as usize].ty;
        if cx.sent[matches[i].start()] != cx.sent[h]
            || lex.entries[matches[i].entry as usize].ty != ty
            || (args[i].actor.is_empty() && args[i].recipient.is_empty())
        {
            continue;
        }
        args[j].actor = args[i].actor.clone();
        args[j].recipient = args[i].recipient.clone();
    }
}

/// `joined content`: a noun joined by «و» right after a trigger that is part of another act
/// (the topic of talks: «لإجراء محادثات لوقف إطلاق النار وتبادل الأسرى») is part of it too.
pub fn joined_content(cx: &Ctx, matches: &[Match], args: &mut [Args]) {
    for j in 1..matches.len() {
        let (p, m) = (&matches[j - 1], &matches[j]);
        // (a verb with its plural subject is a new act: «رفض آخرون التسوية وطالبوا بنقلهم»)
        if args[j - 1].absorbed
            && !args[j].absorbed
            && !(m.head == Head::Verb && cx.bare(m.start()).ends_with(&['و', 'ا']))
            && cx.a.tokens[m.start()].seg.conj == Some(rasad_text::clitics::Conj::Wa)
            && cx.sent[p.start()] == cx.sent[m.start()]
            && m.start() >= p.end()
            && m.start() - p.end() <= 2
            && (p.end()..m.start()).all(|t| !cx.is_break(t))
        {
            args[j].absorbed = true;
        }
    }
}

/// Verbal nouns of stopping: what they govern is stopped, not done.
const STOPPING: &[&str] = &["وقف", "ايقاف", "انهاء", "تعليق", "تجميد"];

/// `joined sides`: a bare event noun joined by «و» right after a noun or a phrase ending in one
/// («يتعرضون للتعذيب والابتزاز», «عمليات القتل والتهجير») shares its governing word, and so its
/// sides.
pub fn joined_sides(cx: &Ctx, matches: &[Match], args: &mut [Args]) {
    for j in 1..matches.len() {
        let (p, m) = (&matches[j - 1], &matches[j]);
        if (p.head == Head::Verb && p.toks.len() == 1)
            || m.head != Head::Noun
            || m.toks.len() != 1
            || p.end() != m.start()
            || args[j - 1].absorbed
            || args[j].absorbed
            || cx.a.tokens[m.start()].seg.conj != Some(rasad_text::clitics::Conj::Wa)
            || (args[j - 1].actor.is_empty() && args[j - 1].recipient.is_empty())
        {
            continue;
        }
        args[j].actor = args[j - 1].actor.clone();
        args[j].recipient = args[j - 1].recipient.clone();
    }
}

/// `stopped`: an attack or coercion noun governed by a verbal noun of stopping («وقف الهجمات»,
/// «إنهاء الحصار») is the thing stopped — the stopping is the act (a truce, a concession), and
/// the noun makes no event of its own.
pub fn stopped(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args]) {
    for (i, m) in matches.iter().enumerate() {
        let h = m.start();
        if h == 0
            || m.head != Head::Noun
            || !matches!(lex.entries[m.entry as usize].ty, T::Assault | T::Coerce)
            || !cx.a.tokens[h].seg.article
        {
            continue;
        }
        if STOPPING.iter().any(|w| cx.is(h - 1, w)) && cx.sent[h - 1] == cx.sent[h] {
            args[i].absorbed = true;
        }
    }
}

/// `same movement`: a protest told without sides («واصل آلاف المعلمين إضرابا شاملا») is by
/// whoever leads the protests told within a sentence of it («ونظمت نقابة المعلمين وقفة»).
pub fn same_movement(cx: &Ctx, lex: &Lexicon, matches: &[Match], args: &mut [Args]) {
    for i in 0..matches.len() {
        if lex.entries[matches[i].entry as usize].ty != T::Protest
            || !args[i].actor.is_empty()
            || !args[i].recipient.is_empty()
            || args[i].absorbed
        {
            continue;
        }
        let s = cx.sent[matches[i].start()];
        let near = (0..matches.len())
            .filter(|&j| {
                j != i
                    && lex.entries[matches[j].entry as usize].ty == T::Protest
                    && cx.sent[matches[j].start()].abs_diff(s) <= 1
                    && !args[j].actor.is_empty()
            })
            .min_by_key(|&j| cx.sent[matches[j].start()].abs_diff(s));
        if let Some(j) = near {
            args[i].actor = args[j].actor.clone();
        }
    }
}

/// Types that react to an earlier act: condemning, denying, welcoming, protesting.
fn reaction_type(t: T) -> bool {
    matches!(t, T::Accuse | T::Reject | T::Support | T::Protest)
}

/// `reply` and `reaction`: fill the empty recipient of an event with an actor from the events
/// told before it in the article (in text order).
pub fn counterparts(doc: &Document, focus: Option<&str>, events: &mut [Event]) {
    for i in 0..events.len() {
        if events[i].actor.is_empty() || !events[i].recipient.is_empty() {
            continue;
        }
        // a joint act told with its sides as actors («وقع الجيش والدعم السريع اتفاقا») has
        // no other side
        if events[i].actor.len() >= 2
            && matches!(events[i].event_type, T::Agree | T::Consult | T::Cooperate)
        {
            continue;
        }
        let actor = events[i].actor.clone();
        // the other side is someone else: not the actor, nor another organ of the actor's state
        // (a government does not answer its own army)
        let states: Vec<String> = actor.iter().filter_map(|a| state_of(doc, a)).collect();
        let other = |e: &Event| {
            !e.actor.is_empty()
                && e.actor.iter().all(|a| {
                    !actor.contains(a) && state_of(doc, a).is_none_or(|c| !states.contains(&c))
                })
        };
        // `aid access`: humanitarian access with no stated recipient («ستسمح بدخول المساعدات») is
        // granted to whoever was last told delivering aid («عبرت قافلة مساعدات أممية»)
        let access = (events[i].event_type == T::Retreat
            && events[i].context.as_deref() == Some("humanitarian"))
        .then(|| {
            events[..i]
                .iter()
                .rev()
                .find(|e| e.event_type == T::Aid && other(e))
                .map(|e| e.actor.clone())
        })
        .flatten();
        // `denied claim`: a denial told inside a named source's report («وتقول الأمم المتحدة إن
        // … وهو ما تنفيه طهران») answers that source
        let denied = (events[i].event_type == T::Reject)
            .then(|| {
                let src = events[i].source.as_ref()?.entity.clone()?;
                (!actor.contains(&src) && state_of(doc, &src).is_none_or(|c| !states.contains(&c)))
                    .then(|| vec![src])
            })
            .flatten();
        // (a mediation is no act on its sides to answer)
        let reply = events[..i]
            .iter()
            .rev()
            .find(|e| {
                other(e)
                    && e.recipient.iter().any(|r| actor.contains(r))
                    && e.cameo.as_deref() != Some(MEDIATION)
            })
            .map(|e| e.actor.clone());
        // `opponent`: an arrest, seizure, siege or attack with no stated target is against the
        // side its actor was last told fighting
        let opponent = || {
            matches!(events[i].event_type, T::Coerce | T::Assault)
                .then(|| {
                    events[..i].iter().rev().find_map(|e| {
                        if !matches!(e.event_type, T::Assault | T::Coerce | T::Protest) {
                            return None;
                        }
                        if e.actor.iter().any(|a| actor.contains(a)) && !e.recipient.is_empty() {
                            Some(e.recipient.clone())
                        } else {
                            None
                        }
                    })
                })
                .flatten()
        };
        // `same war`: an attack with no stated target, told after another attack of its sentence
        // that has one, by other hands («الحرب على الحركة … بدعم من ميليشيات العشائر وضربات جوية
        // أمريكية»), is against that target too
        let same_war = || {
            (events[i].event_type == T::Assault)
                .then(|| {
                    events[..i].iter().rev().find_map(|e| {
                        (e.sentence == events[i].sentence
                            && e.event_type == T::Assault
                            && !e.recipient.is_empty()
                            && !e.recipient.iter().any(|r| actor.contains(r)))
                        .then(|| e.recipient.clone())
                    })
                })
                .flatten()
        };
        let found = access
            .or(denied)
            .or(reply)
            .or_else(opponent)
            .or_else(same_war)
            .or_else(|| {
                reaction_type(events[i].event_type)
                    .then(|| {
                        events[..i]
                            .iter()
                            .rev()
                            .find(|e| {
                                other(e)
                                    && !reaction_type(e.event_type)
                                    && e.cameo.as_deref() != Some(MEDIATION)
                            })
                            .map(|e| e.actor.clone())
                    })
                    .flatten()
            });
        let found = found.or_else(|| {
            let c = counterpart(doc, events, &actor, &states)?;
            Some(vec![c])
        });
        // `insurgent`: an armed group's attack or seizure with no stated target and no
        // counterpart, in a story about one state, is against that state
        let found = found.or_else(|| {
            // (a surrender of arms too: «سلم عشرات المسلحين أسلحتهم» is to the state)
            let disarm =
                events[i].event_type == T::Retreat && events[i].mode.as_deref() == Some("disarm");
            if !(matches!(events[i].event_type, T::Assault | T::Coerce) || disarm)
                || actor
                    .iter()
                    .any(|a| state_of(doc, a).is_some() || generic_entity(doc, a))
            {
                return None;
            }
            let s = state_entity_of(doc, focus?)?;
            (!actor.contains(&s)).then(|| vec![s])
        });
        // (never one of its own actors: «ويتبادل الجانبان القصف»)
        let found = found
            .map(|r| {
                r.into_iter()
                    .filter(|x| !actor.contains(x))
                    .collect::<Vec<_>>()
            })
            .filter(|r| !r.is_empty());
        if let Some(r) = found {
            events[i].recipient = r;
        }
    }
}

/// `counterpart`: the side an actor deals with most in the whole article — the other side of
/// the most events it or another organ of its state takes part in, its co-actors in a joint act
/// included (ties: the first told), never
/// the actor itself, another organ of its state, or a generic group.
fn counterpart(
    doc: &Document,
    events: &[Event],
    actor: &[String],
    states: &[String],
) -> Option<String> {
    let us =
        |x: &String| actor.contains(x) || state_of(doc, x).is_some_and(|c| states.contains(&c));
    let mut counts: Vec<(&String, usize)> = Vec::new();
    for e in events {
        // (the co-actors of a joint act — «اتفاق الجيش والدعم السريع» — are its other side too)
        let (others, joint): (&[String], &[String]) = if e.actor.iter().any(us) {
            (&e.recipient, &e.actor)
        } else if e.recipient.iter().any(us) {
            (&e.actor, &[])
        } else {
            continue;
        };
        for o in others.iter().chain(joint) {
            if us(o) || generic_entity(doc, o) {
                continue;
            }
            match counts.iter_mut().find(|(x, _)| *x == o) {
                Some((_, n)) => *n += 1,
                None => counts.push((o, 1)),
            }
        }
    }
    // the first of the most frequent
    let best = counts.iter().map(|c| c.1).max()?;
    counts.iter().find(|c| c.1 == best).map(|c| c.0.clone())
}

/// The generic class the back-references to an attack's authors link to.
const ASSAILANTS: &str = "assailants";

/// `perpetrators`: replace the generic assailants by the specific actor of the last attack
/// told before (in text order).
pub fn perpetrators(doc: &Document, events: &mut [Event]) {
    let specific = |id: &str| !super::generic_entity(doc, id);
    for i in 0..events.len() {
        let has = |e: &Event| e.actor.iter().chain(&e.recipient).any(|x| x == ASSAILANTS);
        if !has(&events[i]) {
            continue;
        }
        let Some(author) = events[..i]
            .iter()
            .rev()
            .filter(|e| matches!(e.event_type, T::Assault | T::Coerce))
            .find_map(|e| e.actor.iter().find(|a| specific(a)).cloned())
        else {
            continue;
        };
        let e = &mut events[i];
        for side in [&mut e.actor, &mut e.recipient] {
            for x in side.iter_mut() {
                if x == ASSAILANTS {
                    x.clone_from(&author);
                }
            }
            side.dedup();
        }
        let actor = e.actor.clone();
        e.recipient.retain(|r| !actor.contains(r));
    }
}

/// Generic sources that tell of acts and do none: witnesses, medics, local, tribal and unnamed
/// official sources («أفاد شهود عيان بأن جرافات … دمرت», «قالت مصادر طبية»).
const WITNESSES: &[&str] = &[
    "eyewitnesses",
    "medical-sources",
    "local-sources",
    "tribal-sources",
    "security-source",
    "military-source",
    "government-source",
];

/// Generic commentators: analysts, experts, researchers and observers («قال محللون إن …», «حذر
/// خبراء من …», «طلب الباحثون من المشاركين …») explain and study acts; they do not do them.
/// They may suffer one («اعتقال باحثين»), so they stay recipients unless they tell the act.
const COMMENTATORS: &[&str] = &["analysts"];

/// `witnesses`: a generic source ([`WITNESSES`]) is no side of an act (a source of one left with
/// no country after `national`), and a commentator ([`COMMENTATORS`]) no actor; an act left with
/// no side is no event.
pub fn witnesses(events: &mut Vec<Event>) {
    for e in events.iter_mut() {
        e.actor
            .retain(|x| !WITNESSES.contains(&x.as_str()) && !COMMENTATORS.contains(&x.as_str()));
        e.recipient.retain(|x| !WITNESSES.contains(&x.as_str()));
    }
    events.retain(|e| !(e.actor.is_empty() && e.recipient.is_empty()));
}

/// `commentators`: a commentator ([`COMMENTATORS`]) is not the recipient of an act it tells
/// («قال محللون إن …»: they are its source), also when another rule gave it that side; an act left
/// with no side is no event.
pub fn commentators(events: &mut Vec<Event>) {
    for e in events.iter_mut() {
        let teller = e.source.as_ref().and_then(|s| s.entity.clone());
        e.recipient.retain(|x| {
            !(COMMENTATORS.contains(&x.as_str()) && teller.as_deref() == Some(x.as_str()))
        });
    }
    events.retain(|e| !(e.actor.is_empty() && e.recipient.is_empty()));
}

/// `monitors`: a human-rights body that records a war (the Syrian Observatory, Amnesty, Mwatana:
/// a named organisation of the `HRI` sector) is neither the attacker nor the target of the
/// violence or coercion it reports («ذكر المرصد السوري أن براميل أسقطها النظام …»: the
/// Observatory is the source); it is taken off those sides, and an act left with no side is no
/// event. Its statements, accusations and requests stay its own.
pub fn monitors(events: &mut Vec<Event>) {
    use rasad_doc::EventType as T;
    static MONITORS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let monitors = MONITORS.get_or_init(|| {
        actor_ids(|a| {
            !a.generic
                && a.kind == rasad_lexicon::ActorKind::Org
                && a.sectors.iter().any(|s| s == "HRI")
        })
    });
    let monitor = |id: &str| monitors.contains(id);
    for e in events.iter_mut() {
        if matches!(e.event_type, T::Assault | T::Coerce | T::Mobilize) {
            e.actor.retain(|x| !monitor(x));
            e.recipient.retain(|x| !monitor(x));
        }
    }
    events.retain(|e| !(e.actor.is_empty() && e.recipient.is_empty()));
}

/// Generic classes of private people, not bodies that act politically: residents, journalists,
/// commentators, clerics, activists, migrants, civilians, the displaced, depositors, drivers,
/// detainees and suspects.
const CIVIL: &[&str] = &[
    "residents",
    "journalists",
    "analysts",
    "clerics",
    "activists",
    "migrants",
    "civilians",
    "displaced-people",
    "depositors",
    "truck-drivers",
    "detainees",
    "suspects",
];

/// `civil only`: a cooperative or verbal act whose every side is a class of private people
/// ([`CIVIL`]) is social life, not a political event («يجتمع أهالي الحي لتبادل التهاني», «يحرص
/// الأهالي على تجهيز …»): no event. Violence, coercion, protest, threats, sanctions and releases
/// stay («أفرج عن صحفيين»: the releasing state is unnamed, not absent).
pub fn civil_only(events: &mut Vec<Event>) {
    use rasad_doc::EventType as T;
    events.retain(|e| {
        let soft = matches!(
            e.event_type,
            T::Consult
                | T::Cooperate
                | T::Agree
                | T::Support
                | T::Concede
                | T::Reject
                | T::Request
                | T::Accuse
                | T::Aid
                | T::Mobilize
        );
        !(soft
            && e.actor
                .iter()
                .chain(&e.recipient)
                .all(|x| CIVIL.contains(&x.as_str())))
    });
}

/// The ids of the dictionary's actors that `keep` says (read once, by the rules on every article).
fn actor_ids(keep: impl Fn(&rasad_lexicon::Actor) -> bool) -> FxHashSet<String> {
    rasad_lexicon::Lexicon::global()
        .actors
        .iter()
        .filter(|a| keep(a))
        .map(|a| a.id.clone())
        .collect()
}

/// Words of sport (stem keys, folded) that news of other kinds hardly uses: a match, a player,
/// the ball, a stadium, a half, penalty kicks, transfers, clubs, fans. Left out on purpose:
/// «الدوري» (also "periodic"), «المنتخب» ("elected"), «هدف» ("target"), «مرمى» ("range"),
/// «الحارس» ("guard"), «مدرب» (military trainers), «الفريق» (a general's rank), «الجماهير».
const SPORTS_WORDS: &[&str] = &[
    "مباراه",
    "مباريات",
    "لاعب",
    "لاعبين",
    "لاعبي",
    "لاعبون",
    "كره",
    "ملعب",
    "ملاعب",
    "شوط",
    "ركلات",
    "ركله",
    "هداف",
    "انتقالات",
    "انديه",
    "مشجعين",
    "مشجعي",
];

/// `sports story`: an article whose words are sport's — at least three sports words
/// ([`SPORTS_WORDS`]), two of them different, and one word in a hundred — tells of matches,
/// transfers and clubs: its «هجوم» is a team's attack, its «اتفاق» a player's contract, its
/// «طلب» a club's request. Its events are dropped unless one side is an armed or security actor
/// (fans fighting the police stay).
/// Read from the lookup keys of each word of the article.
pub fn sports_story<'k>(words: impl Iterator<Item = &'k [String]>) -> bool {
    let mut n = 0;
    let mut seen = [0usize; SPORTS_WORDS.len()];
    for keys in words {
        n += 1;
        if let Some(i) = keys
            .iter()
            .find_map(|k| SPORTS_WORDS.iter().position(|w| w == k))
        {
            seen[i] += 1;
        }
    }
    let total: usize = seen.iter().sum();
    let distinct = seen.iter().filter(|&&c| c > 0).count();
    total >= 3 && distinct >= 2 && total * 100 >= n
}

/// [`sports_story`]'s filter: keep an event only when an actor or recipient is armed: a military,
/// rebel, insurgent, police or intelligence body, or armed criminals (gunmen, assailants), as the
/// actor dictionary's sectors say.
pub fn sports_events(events: &mut Vec<Event>) {
    static ARMED: OnceLock<FxHashSet<String>> = OnceLock::new();
    let armed = ARMED.get_or_init(|| {
        actor_ids(|a| {
            a.sectors
                .iter()
                .any(|s| matches!(s.as_str(), "MIL" | "REB" | "INS" | "COP" | "SPY" | "CRM"))
        })
    });
    events.retain(|e| {
        e.actor
            .iter()
            .chain(&e.recipient)
            .any(|x| armed.contains(x.as_str()))
    });
}

/// Generic classes of state agents (officials, forces, the government).
const STATE_AGENTS: &[&str] = &[
    "security-official",
    "security-source",
    "military-official",
    "military-source",
    "army-commander",
    "government-official",
    "government-source",
    // a governor or district chief («محافظ حضرموت») is the state's local arm
    "local-official",
    "security-forces",
    "armed-forces",
    "government",
];

/// The country the article's actors belong to most, counted over mentions of actors with a
/// country (state agents aside); none unless one country leads.
pub fn focus_country(doc: &Document) -> Option<String> {
    let mut named: Vec<(&str, usize)> = Vec::new();
    for m in &doc.mentions {
        let Some(e) = m
            .entity
            .as_deref()
            .and_then(|id| doc.entities.iter().find(|e| e.id == id))
        else {
            continue;
        };
        if STATE_AGENTS.contains(&e.id.as_str()) {
            continue;
        }
        let Some(c) = e.country.as_deref() else {
            continue;
        };
        match named.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => named.push((c, 1)),
        }
    }
    let best = named.iter().map(|n| n.1).max()?;
    let mut leaders = named.iter().filter(|n| n.1 == best);
    let first = leaders.next()?;
    leaders.next().is_none().then(|| first.0.to_string())
}

/// The entity standing for the state of `country` in the article: the state itself, or (when the
/// state is named only as a place, «في العراق») the organ of it the article names: its
/// government, else the shortest-named.
fn state_entity_of(doc: &Document, country: &str) -> Option<String> {
    doc.entities
        .iter()
        .filter(|e| {
            e.kind == rasad_doc::EntityKind::Gpe
                && e.country.as_deref() == Some(country)
                && !STATE_AGENTS.contains(&e.id.as_str())
        })
        .min_by_key(|e| e.id.len())
        .map(|e| e.id.to_string())
        .or_else(|| {
            doc.entities
                .iter()
                .filter(|e| {
                    !STATE_AGENTS.contains(&e.id.as_str())
                        && state_of(doc, &e.id).as_deref() == Some(country)
                })
                // (its government first: «محافظ حضرموت» speaks for Yemen's government, not
                // for a Hadrami army unit)
                .min_by_key(|e| {
                    let gov = e
                        .codes
                        .cameo
                        .as_deref()
                        .and_then(|c| c.strip_prefix(country))
                        == Some("GOV");
                    (!gov, e.id.len())
                })
                .map(|e| e.id.to_string())
        })
}

/// `national`: state agents with a country act for the state the article names; one whose
/// country the text does not give acts for the state the article names most (when one state is
/// named most).
pub fn national(doc: &Document, focus: Option<&str>, events: &mut [Event]) {
    // a state agent the text gives no country («مصدر عسكري» in a Lebanese story) is the focus
    // state's — its entity, or its organ the article names when the state is only a place
    let state_entity = |id: &str| -> Option<String> {
        if !STATE_AGENTS.contains(&id) {
            return None;
        }
        let country = doc
            .entities
            .iter()
            .find(|e| e.id == id)?
            .country
            .as_deref()
            .map(String::from)
            .or_else(|| focus.map(str::to_string))?;
        state_entity_of(doc, &country)
    };
    for e in events.iter_mut() {
        for side in [&mut e.actor, &mut e.recipient] {
            for x in side.iter_mut() {
                if let Some(state) = state_entity(x) {
                    *x = state;
                }
            }
            side.dedup();
        }
        let actor = e.actor.clone();
        // `own state`: an organ of a state does not act on that state itself («هددت حكومة
        // الوحدة الوطنية … ليبيا»): the empty side is then filled from the story
        let states: Vec<String> = actor.iter().filter_map(|a| state_of(doc, a)).collect();
        // (an attack on the state keeps its target: its actor is the likelier misreading, «قتل
        // نائب مدير الشرطة برصاص مسلحين أثناء محاولة قوات الأمن …»)
        let attack = e.event_type == T::Assault;
        // (the state itself, «ليبيا», not an armed body of it)
        let bare_state = |id: &str| {
            doc.entities.iter().any(|x| {
                x.id == id && x.country.is_some() && x.codes.cameo.as_ref() == x.country.as_ref()
            })
        };
        // (and the state does not act on its own organs: «قالت دمشق إنها ستسمح … بالتنسيق مع
        // الحكومة السورية»)
        let state_actor = actor.iter().any(|a| bare_state(a));
        e.recipient.retain(|r| {
            !actor.contains(r)
                && (attack
                    || !(state_of(doc, r).is_some_and(|c| states.contains(&c))
                        && (bare_state(r) || state_actor)))
        });
    }
}

/// `headline`: drop the title's events that the body tells again — any title event whose type
/// the body tells (a headline compresses the lead: its sides are often read badly, «العراق
/// يستدعي السفير التركي احتجاجا على غارة», so they are not compared). `title` is the sentence
/// index of the title, when the article has one. `told` are the types of the body's triggers
/// that made no event (no side found): the body still tells that act («صواريخ تستهدف قاعدة» in
/// the title, «استهدفت 3 صواريخ القاعدة» in the lead), so the title's reading of it is dropped too.
pub fn headline(events: Vec<Event>, title: Option<u32>, told: &[T]) -> Vec<Event> {
    let Some(ts) = title else {
        return events;
    };
    let body: Vec<T> = events
        .iter()
        .filter(|e| e.sentence != ts)
        .map(|e| e.event_type)
        .chain(told.iter().copied())
        .collect();
    events
        .into_iter()
        .filter(|e| e.sentence != ts || !body.contains(&e.event_type))
        .collect()
}

/// How an event's trigger was told, for [`retold`]: its start, its lexicon lemma, the lemma's
/// head word (a phrase «قصف ... بقذائف الهاون» is told with the word «قصف»), and whether it is a
/// definite event noun.
pub struct Telling<'l> {
    pub start: u32,
    pub lemma: &'l str,
    pub head: &'l str,
    pub definite: bool,
}

/// `retold`: a definite event noun («الهجوم», «عمليات الترحيل», «الدعم القطري») in a later
/// sentence names an act already told and makes no event of its own; the earlier telling gains
/// confidence. The earlier act is told with the same word (whatever type the lexicon gave each
/// telling: «أغلق محتجون» a protest, «الإغلاق» a blockade), or is of the same type and mode (a
/// retelling naming no means may retell an act done by some means); it has no other date; and it
/// is told with the same word (its sides as the retelling reads them may be wrong: «وانتقد الاتحاد
/// الأوروبي عمليات الهدم»), or the retelling is a general noun of its type («الهجوم»,
/// «الاعتداء»), or every named side of the retelling is among the earlier act's or is a generic
/// group.
pub fn retold(doc: &Document, events: Vec<Event>, tellings: &[Telling]) -> Vec<Event> {
    let telling = |e: &Event| tellings.iter().find(|t| t.start == e.trigger.start);
    let lemma = |e: &Event| telling(e).map_or("", |t| t.lemma);
    let head = |e: &Event| telling(e).map_or("", |t| t.head);
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        if telling(&e).is_some_and(|t| t.definite) {
            let l = lemma(&e);
            let told = out.iter_mut().find(|o| {
                let same_head = !head(&e).is_empty() && head(o) == head(&e);
                let same_word = same_head || RETELLING_NOUNS.contains(&l);
                // (the same word retells its act even where the lexicon typed the two tellings
                // apart: «أغلق محتجون الحقل» a protest, «المسؤولين عن الإغلاق» a blockade)
                (same_head
                    || (o.event_type == e.event_type
                    // «الهجوم» retells an air strike, not an abduction
                    && (o.mode == e.mode
                        || (e.mode.is_none() && o.mode.as_deref().is_none_or(|m| MEANS.contains(&m))))))
                    && o.sentence < e.sentence
                    // a date of its own makes another act
                    && (e.time.is_none()
                        || o.time.as_ref().map(|t| &t.value) == e.time.as_ref().map(|t| &t.value))
                    && (same_word
                        || e.actor.iter().chain(&e.recipient).all(|x| {
                            // (an organ of a side's state is that side: «وزير الدفاع الصومالي»)
                            let state = state_of(doc, x);
                            o.actor.iter().chain(&o.recipient).any(|y| {
                                y == x || (state.is_some() && state_of(doc, y) == state)
                            }) || generic_entity(doc, x)
                        }))
            });
            if let Some(o) = told {
                o.confidence = f32::min(0.95, o.confidence + 0.05);
                continue;
            }
        }
        out.push(e);
    }
    out
}

/// The country of a state organ — the state itself or its government, army, police,
/// intelligence, judiciary or parliament, read from its CAMEO code (`SOM`, `SOMGOV`, `SOMMIL` …).
fn state_of(doc: &Document, id: &str) -> Option<String> {
    let e = doc.entities.iter().find(|e| e.id == id)?;
    let country = e.country.as_deref()?;
    let rest = e.codes.cameo.as_deref()?.strip_prefix(country)?;
    matches!(rest, "" | "GOV" | "MIL" | "COP" | "SPY" | "JUD" | "LEG").then(|| country.to_string())
}

/// Event nouns general enough to retell any act of their type («الهجوم» an air strike, «الاتفاق»
/// a truce), as lemmas of the trigger lexicon.
/// Modes that say by what means an act was done, not what act it was: a retelling that names no
/// means may retell it.
const MEANS: &[&str] = &[
    "aerial",
    "firearms",
    "explosives",
    "suicide-attack",
    "heavy-weapons",
    "military",
    "economic",
    "humanitarian",
];

const RETELLING_NOUNS: &[&str] = &["هجم", "اعتدى", "هجوم إرهابي"];
