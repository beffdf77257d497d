//! Argument rules of `rasad_extract::events::args` added for coordination, pronoun chains,
//! captors, `subj` frames and «بين» sides — each on sentences written for this test.

mod common;

use common::doc;
use rasad_doc::{Document, EventType};

fn all(d: &Document, ty: EventType) -> Vec<&rasad_doc::Event> {
    d.events.iter().filter(|e| e.event_type == ty).collect()
}

/// `d` has an event of type `ty` whose actor is `id` alone.
fn assert_acted_by(d: &Document, ty: EventType, id: &str) {
    assert!(
        all(d, ty).iter().any(|e| e.actor == [id]),
        "no {ty:?} by {id}: {:#?}",
        d.events
    );
}

#[test]
fn coordinated_attacks_share_their_target() {
    // «غارات» has no recipient of its own; it is joined by و to «ضربات … على»
    let d =
        doc("وتراجع نفوذ حركة الشباب بعد ضربات أمريكية على معاقل الحركة وغارات الجيش الصومالي.");
    let a = all(&d, EventType::Assault);
    assert!(a.len() >= 2, "{:#?}", d.events);
    for e in &a {
        assert!(e.recipient.iter().any(|r| r == "al-shabaab"), "{e:#?}");
    }
}

#[test]
fn a_sentence_tells_two_acts_with_the_same_sides_twice() {
    // two triggers of one sentence are not merged even with the same sides, time and place
    let d = doc(
        "وشن تنظيم داعش هجوما على مقر للشرطة العراقية في كركوك عام 2020، وقتله عددا من أفراد الشرطة العراقية.",
    );
    assert!(all(&d, EventType::Assault).len() >= 2, "{:#?}", d.events);
}

#[test]
fn a_feminine_pronoun_skips_a_masculine_mention() {
    // «لاجتياحها»: the militia (feminine), not «تنظيم القاعدة»
    let d = doc("وقال المصدر إن مليشيا الحوثي استغلت تنظيم القاعدة ذريعة لاجتياحها عددا من المدن.");
    assert_acted_by(&d, EventType::Coerce, "houthis");
}

#[test]
fn a_release_is_by_the_captor_the_participle_names() {
    let d = doc("وجرت الصفقة للإفراج عن صحفي فرنسي كان مختطفا لدى حركة الشباب منذ عامين.");
    assert_acted_by(&d, EventType::Retreat, "al-shabaab");
}

#[test]
fn subj_frame_makes_the_subject_the_one_sheltered() {
    let d = doc("وعثر عناصر تنظيم داعش على ملاذ في مناطق سيطرة هيئة تحرير الشام.");
    let e = all(&d, EventType::Aid);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, vec!["hts"], "{e:#?}");
    assert!(e.recipient.iter().any(|r| r == "isis"), "{e:#?}");
}

#[test]
fn between_a_name_and_a_generic_group_takes_the_groups_name() {
    let d = doc("وجرت العملية بتنسيق بين حزب الله وعناصر مسلحة تنتمي لحركة حماس.");
    let e = all(&d, EventType::Cooperate);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
    assert!(sides.iter().any(|s| *s == "hezbollah"), "{e:#?}");
    assert!(sides.iter().any(|s| *s == "hamas"), "{e:#?}");
}

#[test]
fn a_pronoun_chain_keeps_its_referent() {
    // «حربه» is the group's; «معقله» then names the same group, not the enemy in between
    let d = doc(
        "وأكد المصدر أن الحوثيين دعموا تنظيم القاعدة ودعم حربه ضد داعش، وعدم خوض أي معركة في معقله.",
    );
    let fight = d
        .events
        .iter()
        .find(|e| e.trigger.text.contains("خوض"))
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(fight.recipient, vec!["al-qaeda"], "{fight:#?}");
}

#[test]
fn a_headline_topic_is_the_subject_of_the_verb_right_after_it() {
    let d = doc("الأردن يطرد السفير الإيراني من عمّان");
    let e = all(&d, EventType::Sanction);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, vec!["jordan"], "{e:#?}");
}

#[test]
fn a_count_after_the_verb_opens_its_patient() {
    // «قتل 5 جنود»: passive; the soldiers are the recipient, not the actor
    let d = doc("قتل 5 جنود من الجيش العراقي في محافظة ديالى.");
    let e = d
        .events
        .first()
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(e.actor.is_empty(), "{e:#?}");
    assert!(!e.recipient.is_empty(), "{e:#?}");
}

#[test]
fn a_casualty_caused_by_an_attack_is_told_by_the_attack() {
    let d = doc("قتل 4 جنود عراقيين في هجوم شنه مسلحون من تنظيم داعش على نقطة عسكرية.");
    let a = all(&d, EventType::Assault);
    assert_eq!(a.len(), 1, "{:#?}", d.events);
    assert_eq!(a[0].actor, vec!["isis"], "{:#?}", a[0]);
    assert!(!a[0].recipient.is_empty(), "{:#?}", a[0]);
    assert_eq!(d.quantities[a[0].quantity.unwrap() as usize].min, Some(4.0));
}

#[test]
fn a_light_verb_gives_its_noun_trigger_a_subject() {
    let d = doc("وفي وقت لاحق شن الطيران الأردني في ساعة متأخرة غارات على مواقع المهربين.");
    let a = all(&d, EventType::Assault);
    assert!(
        a.iter()
            .any(|e| e.actor.iter().any(|x| x.starts_with("jordan"))),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_announcing_verb_gives_its_verbal_noun_the_announcer() {
    let d = doc("أعلنت الشرطة العراقية، الأحد 3 مارس 2024، القبض على 3 متهمين بالإرهاب.");
    let c = all(&d, EventType::Coerce);
    let c = c.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(!c.actor.is_empty(), "{c:#?}");
}

#[test]
fn a_title_and_a_name_in_apposition_are_one_subject() {
    let d =
        doc("استقبل الرئيس المصري عبد الفتاح السيسي، الأحد، قائد الجيش الوطني الليبي خليفة حفتر.");
    let c = all(&d, EventType::Consult);
    let c = c.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(
        c.recipient
            .iter()
            .any(|r| r.contains("haftar") || r == "lna"),
        "{c:#?}"
    );
}

#[test]
fn a_denial_replies_to_whoever_accused() {
    let d = doc("واتهمت الحكومة اليمنية إيران بتهريب الأسلحة إلى الحوثيين. ونفت طهران ذلك.");
    let r = all(&d, EventType::Reject);
    let r = r.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(r.actor, vec!["iran"], "{r:#?}");
    assert!(
        !r.recipient.is_empty() && !r.recipient.contains(&"iran".to_string()),
        "{r:#?}"
    );
}

#[test]
fn a_circumstantial_participle_is_the_reporters_act() {
    let d = doc(
        "وقالت حركة حماس في بيان إن الحملة مستمرة، متهمة السلطة الفلسطينية بالتنسيق مع إسرائيل.",
    );
    let a = all(&d, EventType::Accuse);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.actor, vec!["hamas"], "{a:#?}");
}

#[test]
fn a_truce_is_between_the_sides_that_were_fighting() {
    let d = doc(
        "اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في الخرطوم. وبعد ساعات جرى التوصل إلى اتفاق لوقف إطلاق النار.",
    );
    let a = d
        .events
        .iter()
        .find(|e| e.sentence >= 2 && matches!(e.event_type, EventType::Agree | EventType::Retreat))
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = a.actor.iter().chain(&a.recipient).collect();
    assert!(sides.iter().any(|s| *s == "rsf"), "{a:#?}");
}

#[test]
fn a_coordinated_subject_gives_a_symmetric_event_both_sides() {
    let d = doc("العراق وإيران يوقعان اتفاقا لتزويد بغداد بالغاز.");
    let a = all(&d, EventType::Agree);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = a.actor.iter().chain(&a.recipient).collect();
    assert!(
        sides.iter().any(|s| *s == "iraq") && sides.iter().any(|s| *s == "iran"),
        "{a:#?}"
    );
}

#[test]
fn a_headline_retold_by_the_lead_is_one_event() {
    let article = rasad_ingest::read_plain(
        "الكويت تطرد دبلوماسيين إيرانيين\n\nالكويت – طردت الكويت، الخميس، 15 دبلوماسيا إيرانيا من أراضيها.",
        None,
        rasad_ingest::Origin::default(),
    )
    .unwrap();
    let d = rasad_extract::analyse(&article);
    let s = all(&d, EventType::Sanction);
    assert_eq!(s.len(), 1, "{:#?}", d.events);
    assert_ne!(s[0].sentence, 0, "the body's telling stands: {:#?}", s[0]);
}

#[test]
fn a_headline_read_with_other_sides_is_still_the_lead_retold() {
    // a title event whose compressed clause was read with other sides («العراق يستدعي السفير
    // التركي احتجاجا على غارة» read Iraq into both sides of the strike) is the body's strike told again
    let d = doc("قتل 3 مقاتلين في غارة شنتها طائرة مسيرة تركية على سنجار.");
    let body = all(&d, EventType::Assault)[0].clone();
    let mut title = body.clone();
    title.sentence = 0;
    title.actor = vec!["iraq".to_string()];
    title.recipient = vec!["iraq-government".to_string()];
    let mut other = title.clone();
    other.event_type = EventType::Accuse;
    let mut body = body;
    body.sentence = 1;
    let kept = rasad_extract::events::discourse::headline(vec![title, other, body], Some(0), &[]);
    assert_eq!(kept.len(), 2, "{kept:#?}");
    assert!(kept
        .iter()
        .any(|e| e.event_type == EventType::Accuse && e.sentence == 0));
}

#[test]
fn a_representative_of_a_body_is_the_body_as_subject() {
    let d = doc("وانتقد مكتب ممثل الاتحاد الأوروبي في القدس هدم المنازل.");
    let a = all(&d, EventType::Accuse);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.actor, vec!["european-union"], "{a:#?}");
}

#[test]
fn a_speaker_does_not_act_in_the_clause_it_reports() {
    let d = doc("وأفاد شهود عيان بأن جرافات عسكرية جرفت شوارع في مخيم جنين.");
    for e in &d.events {
        assert!(e.actor.iter().all(|a| a != "eyewitnesses"), "{e:#?}");
    }
}

#[test]
fn a_mediation_is_between_the_sides_of_the_agreement() {
    let d =
        doc("ووقع الجيش السوداني وقوات الدعم السريع اتفاقا لوقف إطلاق النار بوساطة سعودية أمريكية.");
    let m = all(&d, EventType::Consult);
    let m = m.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(m.actor.iter().any(|a| a == "saudi-arabia"), "{m:#?}");
    assert!(m.actor.iter().any(|a| a == "united-states"), "{m:#?}");
    assert!(m.recipient.iter().any(|r| r == "rsf"), "{m:#?}");
}

#[test]
fn a_reaction_to_an_act_told_before_adds_no_event() {
    let d = doc("ورفضت قوات الدعم السريع العقوبات في بيان.");
    assert!(all(&d, EventType::Sanction).is_empty(), "{:#?}", d.events);
    assert_eq!(all(&d, EventType::Reject).len(), 1, "{:#?}", d.events);
}

#[test]
fn the_charged_act_is_the_accuseds() {
    let d = doc("واتهمت الحكومة اليمنية جماعة الحوثي بقصف أحياء سكنية في مدينة تعز.");
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.actor, vec!["houthis"], "{a:#?}");
}

#[test]
fn a_claim_gives_the_attack_its_author() {
    let d = doc(
        "قتل 5 أشخاص عندما فجر انتحاري سيارة مفخخة في مقديشو. وتبنت حركة الشباب الهجوم في بيان.",
    );
    let a = all(&d, EventType::Assault);
    assert!(!a.is_empty(), "{:#?}", d.events);
    assert!(
        a.iter().all(|e| e.actor == vec!["al-shabaab".to_string()]),
        "{:#?}",
        d.events
    );
    assert!(
        a.iter().all(|e| e.sentence == 1),
        "the claim's own «الهجوم» is no new event: {:#?}",
        d.events
    );
}

#[test]
fn a_circumstantial_demand_is_addressed_to_whom_the_condemnation_was() {
    let d =
        doc("وأدانت الولايات المتحدة احتجاز جماعة الحوثي للسفينة، مطالبة بالإفراج الفوري عن طاقمها.");
    let r = all(&d, EventType::Request);
    let r = r.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(r.recipient.iter().any(|x| x == "houthis"), "{r:#?}");
}

#[test]
fn a_subject_inside_a_phrase_gap_names_its_body() {
    let d = doc(
        "وفي المقابل، شن الطيران الحربي التابع للجيش السوداني غارات على مواقع قوات الدعم السريع.",
    );
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(
        !a.actor.is_empty() && !a.actor.contains(&"rsf".to_string()),
        "{a:#?}"
    );
    assert!(a.recipient.iter().any(|r| r == "rsf"), "{a:#?}");
}

#[test]
fn a_definite_noun_retelling_an_act_makes_no_new_event() {
    // «عمليات الترحيل» in the second sentence is the deportation the first one told
    let d = doc(
        "رحلت السلطات الليبية 200 مهاجر إلى النيجر. وانتقدت منظمة العفو الدولية عمليات الترحيل.",
    );
    assert_eq!(all(&d, EventType::Coerce).len(), 1, "{:#?}", d.events);
    // «الهجوم» retells an air strike, but not an abduction
    let d = doc(
        "شنت طائرة إسرائيلية غارة على بلدة في جنوب لبنان. وأسفر الهجوم الإسرائيلي عن تدمير منزلين.",
    );
    assert_eq!(all(&d, EventType::Assault).len(), 1, "{:#?}", d.events);
}

#[test]
fn a_definite_noun_with_a_date_of_its_own_is_another_act() {
    let d = doc(
        "هاجم مسلحون من تنظيم داعش مقرا للشرطة في كركوك. وكان الهجوم على مقر الجيش عام 2019 قد أوقع قتلى.",
    );
    assert_eq!(all(&d, EventType::Assault).len(), 2, "{:#?}", d.events);
}

#[test]
fn an_act_with_no_stated_target_is_against_the_actors_counterpart_in_the_article() {
    // «داهمت» names no target: the Houthis, whom the state's forces fight in the article
    let d = doc(
        "اعتقلت قوات الأمن اليمنية 5 من عناصر جماعة الحوثي في عدن. وقال مسؤول إن الحكومة اليمنية داهمت منزلا في المدينة.",
    );
    let a = all(&d, EventType::Coerce);
    assert!(
        a.iter()
            .any(|e| e.actor == vec!["yemen-government".to_string()]
                && e.recipient == vec!["houthis".to_string()]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_circumstantial_participle_acts_for_the_clause_subject_on_its_object() {
    // «متهما الرباط»: the Algerian minister accuses Morocco; «متهما» is no «مت+هما» pronoun and
    // «المغرب» before the comma is not its patient
    let d = doc(
        "أعلن وزير الخارجية الجزائري قطع العلاقات مع المغرب، متهما الرباط بالقيام بأعمال عدائية.",
    );
    let a = all(&d, EventType::Accuse);
    assert!(
        a.iter()
            .any(|e| e.actor == vec!["algeria-foreign-ministry".to_string()]
                && e.recipient == vec!["morocco".to_string()]),
        "{:#?}",
        d.events
    );
}

#[test]
fn the_two_sides_are_the_sides_of_the_last_two_sided_act() {
    // «بحث الجانبان» names no one: the Saudis and the Houthis the sentence before met
    let d = doc("التقى وفد سعودي بوفد من جماعة الحوثي في صنعاء. وبحث الجانبان تمديد الهدنة.");
    let c: Vec<_> = all(&d, EventType::Consult)
        .into_iter()
        .filter(|e| e.sentence == 2)
        .collect();
    assert!(
        c.iter().any(|e| {
            let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
            sides.iter().any(|s| *s == "saudi-arabia") && sides.iter().any(|s| *s == "houthis")
        }),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_agreement_signed_is_one_event_not_two() {
    // «وقع … اتفاقا»: the verb and its object tell one agreement
    let d = doc("ووقعت تركيا والصومال، الخميس، اتفاقية للتعاون الدفاعي.");
    assert_eq!(all(&d, EventType::Agree).len(), 1, "{:#?}", d.events);
}

#[test]
fn a_state_agent_without_a_country_acts_for_the_state_the_article_names_most() {
    // «مصدر عسكري» names no country; the story is about Lebanon
    let d = doc(
        "اتهمت منظمة هيومن رايتس ووتش لبنان بترحيل لاجئين إلى سوريا دون محاكمة في لبنان. ونفى مصدر عسكري اتهامات المنظمة.",
    );
    assert_acted_by(&d, EventType::Reject, "lebanon");
}

#[test]
fn a_name_in_quotes_is_the_clause_subject_and_a_statement_keeps_its_issuer() {
    // «وقالت «حماس» في بيان»: Hamas speaks (in a document), and the circumstantial charge is hers
    let d = doc(
        "وقالت «حماس» في بيان إن الاعتقالات تأتي في إطار حملة ممنهجة، متهمة السلطة الفلسطينية بالتنسيق الأمني مع إسرائيل.",
    );
    assert_acted_by(&d, EventType::Accuse, "hamas");
}

#[test]
fn a_state_agent_acts_for_a_named_organ_when_the_state_is_only_a_place() {
    // Iraq is named only as where things happen; «مسؤول أمني» speaks for the Iraqi police named
    let d = doc("قتل 3 محتجين في البصرة برصاص الشرطة العراقية. ونفى مسؤول أمني مسؤولية الشرطة.");
    assert_acted_by(&d, EventType::Reject, "iraq-police");
}

#[test]
fn a_retelling_by_an_organ_of_a_side_is_the_same_act() {
    // «الاتفاقية» told by the Somali defence minister is the agreement Somalia signed
    let d = doc(
        "وقعت تركيا والصومال، الخميس، اتفاقية للتعاون الدفاعي. وقال وزير الدفاع الصومالي إن الاتفاقية ستمكن البلاد من ردع أي خطر.",
    );
    assert_eq!(all(&d, EventType::Agree).len(), 1, "{:#?}", d.events);
}

#[test]
fn witnesses_tell_of_acts_and_do_none() {
    let d = doc(
        "وأفاد شهود عيان بأن جرافات عسكرية جرفت شوارع رئيسية في المخيم ودمرت شبكات المياه، فيما اندلعت اشتباكات بين مسلحين والقوات الإسرائيلية.",
    );
    for e in &d.events {
        let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
        assert!(sides.iter().all(|s| *s != "eyewitnesses"), "{e:#?}");
    }
}

#[test]
fn a_quoted_topic_denies_and_the_attack_it_denies_is_no_new_event() {
    // «لكن «كتائب حزب الله» نفت … أي صلة لها بالهجوم»: the quoted name is the subject, and the
    // attack the denial names is one already told
    let d = doc("لكن «كتائب حزب الله» نفت في بيان أي صلة لها بالهجوم.");
    let r = all(&d, EventType::Reject);
    assert!(
        r.iter()
            .any(|e| e.actor == vec!["kataib-hezbollah".to_string()]),
        "{:#?}",
        d.events
    );
    assert!(all(&d, EventType::Assault).is_empty(), "{:#?}", d.events);
}

#[test]
fn a_count_after_a_form_iii_verb_is_its_subject() {
    // «هاجم» has no passive of that spelling: the settlers attack
    let d = doc("هاجم مئات المستوطنين، مساء الخميس، بلدة حوارة جنوب نابلس.");
    let a = all(&d, EventType::Assault);
    assert!(
        a.iter()
            .any(|e| e.actor == vec!["israel-settlers".to_string()]),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_armed_groups_seizure_with_no_target_is_against_the_state_of_the_story() {
    // no counterpart of al-Shabaab is told; the story is about Somalia
    let d = doc(
        "قالت الحكومة الصومالية إن الصومال يواجه أزمة جفاف. واستولى مسلحو حركة الشباب على بلدة قرب مقديشو.",
    );
    let c = all(&d, EventType::Coerce);
    assert!(
        c.iter()
            .any(|e| e.actor == ["al-shabaab"] && e.recipient == ["somalia"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_governor_acts_for_the_government_of_the_state_the_story_names() {
    // «محافظ حضرموت» (a generic local official) speaks for Yemen's government, not for the
    // Hadrami army unit the story also names
    let d = doc(
        "اعتقلت قوات النخبة الحضرمية 6 من أبناء القبائل في المكلا، فيما التزمت الحكومة اليمنية الصمت. وأعلن محافظ حضرموت الإفراج عن المعتقلين.",
    );
    assert_acted_by(&d, EventType::Retreat, "yemen-government");
}

#[test]
fn a_noun_after_a_construct_with_a_preposition_is_no_verb_and_its_pronoun_is_its_agent() {
    // «بوقف دعمه»: «دعمه» is the genitive of «وقف», a verbal noun whose pronoun (the union)
    // is the agent of the support, given to the coast guard after «لـ»
    let d = doc("وطالبت منظمة العفو الدولية الاتحاد الأوروبي بوقف دعمه لخفر السواحل الليبي.");
    let a = all(&d, EventType::Aid);
    assert!(
        a.iter()
            .any(|e| e.actor == ["european-union"] && e.recipient == ["libya-coast-guard"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_possessive_noun_with_a_preposition_is_no_relative_verb() {
    // «…، مطالبة الاتحاد الأوروبي بوقف دعمه لخفر السواحل»: «دعمه لخفر» opens no relative
    // clause whose subject would be the coast guard; the demand is Amnesty's
    let d = doc(
        "وانتقدت منظمة العفو الدولية ترحيل المهاجرين، مطالبة الاتحاد الأوروبي بوقف دعمه لخفر السواحل الليبي.",
    );
    assert_acted_by(&d, EventType::Request, "amnesty-international");
}

#[test]
fn the_two_sides_as_an_object_are_the_last_two_sided_acts_sides() {
    // «دعت الجامعة العربية البلدين»: the two countries that cut their ties
    let d = doc(
        "قطعت الكويت علاقاتها مع العراق بعد خلاف حدودي. ودعت الجامعة العربية البلدين إلى الحوار.",
    );
    let r = all(&d, EventType::Request);
    assert!(
        r.iter().any(|e| e.actor == ["arab-league"]
            && e.recipient.contains(&"kuwait".to_string())
            && e.recipient.contains(&"iraq".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_reaction_to_an_act_told_before_is_to_its_sides() {
    // «انتقدت إثيوبيا الاتفاقية»: the agreement the two states signed, named by the same word,
    // not the memorandum told in between
    let d = doc(
        "وقعت تركيا والصومال اتفاقية للتعاون الدفاعي. وكانت إثيوبيا قد وقعت مذكرة تفاهم مع أرض الصومال. وانتقدت إثيوبيا الاتفاقية ووصفتها بأنها خطوة غير ودية.",
    );
    let a = all(&d, EventType::Accuse);
    assert!(
        a.iter().any(|e| e.actor == ["ethiopia"]
            && e.recipient.contains(&"turkey".to_string())
            && e.recipient.contains(&"somalia".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_coordinated_double_object_verb_keeps_the_previous_subject() {
    // «وحملت وزارة الداخلية المسؤولية»: the ministry is held responsible, by the union that
    // condemned the attack in the clause before
    let d = doc(
        "ونددت نقابة الصحفيين الليبيين بالاعتداء على المراسل، وحملت وزارة الداخلية الليبية المسؤولية الكاملة.",
    );
    let a = all(&d, EventType::Accuse);
    assert!(
        a.iter().any(|e| e.actor == ["libyan-journalists-syndicate"]
            && e.recipient
                .iter()
                .any(|r| r.contains("interior") || r.starts_with("libya"))),
        "{:#?}",
        d.events
    );
}

#[test]
fn help_told_as_a_manner_adjunct_is_by_the_min_phrase_to_the_clause_actor() {
    // «بدعم من ميليشيات العشائر»: the militias help the army's offensive, not the reverse
    let d = doc(
        "وشن الجيش الصومالي هجوما على مواقع حركة الشباب في إقليم هيران بدعم من ميليشيات العشائر.",
    );
    let a = all(&d, EventType::Aid);
    assert!(
        a.iter()
            .any(|e| e.actor == ["somalia-clan-militias"] && e.recipient == ["somalia-military"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_object_opened_by_an_office_and_ending_in_a_name_is_that_person() {
    // after a dated insertion, «قائد القوات المسلحة في شرق ليبيا المشير خليفة حفتر» is Haftar,
    // not the armed forces the office is of
    let d = doc(
        "استقبل الرئيس المصري عبد الفتاح السيسي، الاثنين 3 مارس/آذار 2025، قائد القوات المسلحة في شرق ليبيا المشير خليفة حفتر في القاهرة.",
    );
    let c = all(&d, EventType::Consult);
    assert!(
        c.iter()
            .any(|e| e.recipient.contains(&"khalifa-haftar".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_definite_noun_retells_an_act_told_by_a_phrase_with_the_same_head_word() {
    // «قصف … بقذائف الهاون» is a phrase of the lexicon; «القصف» later retells it
    let d = doc(
        "قصفت القوات التركية مواقع لقوات سوريا الديمقراطية بقذائف الهاون قرب منبج. وقالت قسد إن القصف أدى إلى أضرار في المنازل.",
    );
    assert_eq!(all(&d, EventType::Assault).len(), 1, "{:#?}", d.events);
}

#[test]
fn an_imperfect_verb_after_an_indefinite_phrase_has_its_mention_as_subject() {
    // «وفد عماني يتوسط»: the verb describes the Omani delegation, whose country mediates
    let d =
        doc("وصل وفد سعودي إلى صنعاء يوم الأحد، برفقة وفد عماني يتوسط بين الرياض وجماعة الحوثي.");
    assert_acted_by(&d, EventType::Consult, "oman");
}

#[test]
fn a_strike_called_by_a_union_is_the_unions_and_its_purpose_is_no_second_protest() {
    let d = doc(
        "نفذ موظفو البلديات في تونس إضرابا عاما بدعوة من الاتحاد العام التونسي للشغل، احتجاجا على تجميد الأجور.",
    );
    let p = all(&d, EventType::Protest);
    assert_eq!(p.len(), 1, "{:#?}", d.events);
    assert_eq!(p[0].actor, ["ugtt"], "{:#?}", d.events);
}

#[test]
fn a_count_after_the_verb_is_its_subject_when_an_object_follows_the_dated_insertion() {
    // «أغلق مئات المحتجين، الأحد …، طرقا رئيسية»: the protesters close the roads (no passive)
    let d = doc(
        "أغلق مئات المحتجين، الأحد 2 مارس/آذار 2025، طرقا رئيسية في مدينة الناصرية احتجاجا على انقطاع المياه.",
    );
    assert_acted_by(&d, EventType::Protest, "protesters");
}

#[test]
fn a_count_after_the_verb_stays_its_patient_before_a_cause() {
    // «قتل 4 جنود، الأحد …، جراء انفجار»: the passive of wire copy; the soldiers are no actor
    let d = doc(
        "قتل 4 جنود عراقيين، الأحد 2 مارس/آذار 2025، جراء انفجار عبوة ناسفة استهدفت دوريتهم في كركوك.",
    );
    assert!(
        d.events
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .all(|e| !e
                .actor
                .iter()
                .any(|a| a == "iraq" || a.starts_with("iraq-"))),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_charge_after_a_dated_insertion_is_the_accused_act() {
    // «اتهم مندوب ليبيا لدى الأمم المتحدة، الأحد …، دولة تركيا بتزويد …»: where the envoy serves
    // is part of the subject, «دولة تركيا» is the accused, and the supplying is Turkey's
    let d = doc(
        "اتهم مندوب ليبيا لدى الأمم المتحدة، الأحد 2 مارس/آذار 2025، دولة تركيا بتزويد المليشيات بالأسلحة.",
    );
    let a = all(&d, EventType::Accuse);
    assert!(
        a.iter().any(|e| e.recipient == ["turkey"]),
        "{:#?}",
        d.events
    );
    assert_acted_by(&d, EventType::Aid, "turkey");
}

#[test]
fn a_frame_recipient_is_found_past_a_long_subject_and_a_dated_insertion() {
    let d = doc(
        "سلمت بعثة الاتحاد الأفريقي الانتقالية في الصومال، الأحد 2 مارس/آذار 2025، قاعدتين عسكريتين في إقليم شبيلي السفلى إلى الجيش الصومالي.",
    );
    let r = all(&d, EventType::Retreat);
    assert!(r.iter().any(|e| !e.recipient.is_empty()), "{:#?}", d.events);
}

#[test]
fn lakin_with_a_pronoun_keeps_the_clause_subject() {
    // «لكنها طالبت»: the government that welcomed the step makes the demand
    let d = doc(
        "ورحبت الحكومة العراقية بالإفراج عن المحتجزين، لكنها طالبت في بيان حزب العمال الكردستاني بتسليم أسلحته.",
    );
    assert_acted_by(&d, EventType::Request, "iraq-government");
}

#[test]
fn a_governing_verb_after_qad_takes_the_stated_clause_subject() {
    // «وكان تنظيم داعش … قد تبنى … هجوما»: the attack is the claimant's
    let d = doc(
        "وكان تنظيم داعش الإرهابي قد تبنى في مايو/أيار 2022 هجوما على حاجز للجيش العراقي في ديالى.",
    );
    assert_acted_by(&d, EventType::Assault, "isis");
}

#[test]
fn an_act_restated_after_an_affirming_participle_is_one_act() {
    // «…، مؤكدة في بيان أنها استهدفت …»: the attack the group claimed, told again
    let d = doc(
        "هاجم مسلحون من حركة الشباب فندقا في مقديشو. وتبنت حركة الشباب الهجوم في بيان، مؤكدة أنها استهدفت «مسؤولين حكوميين».",
    );
    assert_eq!(all(&d, EventType::Assault).len(), 1, "{:#?}", d.events);
}

#[test]
fn a_new_subject_after_an_affirming_participle_tells_another_act() {
    // «مشيرا إلى أن قوة من الجيش اشتبكت معهم»: the army's clash is not the attackers' attack
    let d = doc(
        "وهاجم مسلحون من تنظيم داعش نقطة للشرطة العراقية في كركوك، مشيرا إلى أن قوة من الجيش العراقي اشتبكت معهم لنحو ساعة.",
    );
    assert!(all(&d, EventType::Assault).len() >= 2, "{:#?}", d.events);
}

#[test]
fn a_purpose_and_a_result_after_an_act_of_force_are_that_act() {
    // «أطلقت الشرطة الغاز … لتفريق المحتجين، ما أسفر عن مقتل 2»: one act, with its victims
    let d = doc(
        "وأطلقت الشرطة العراقية الغاز المسيل للدموع لتفريق المحتجين في البصرة، ما أسفر عن مقتل متظاهرين اثنين.",
    );
    assert_eq!(all(&d, EventType::Assault).len(), 1, "{:#?}", d.events);
}

#[test]
fn a_clause_after_haythu_with_no_subject_is_the_sentence_subjects() {
    // «حيث دربت»: Turkey trains, in the base the sentence says it runs
    let d = doc("وتدير تركيا قاعدة عسكرية كبيرة في مقديشو، حيث دربت آلاف الجنود الصوماليين.");
    assert_acted_by(&d, EventType::Aid, "turkey");
}

#[test]
fn a_symmetric_act_of_coordinated_subjects_is_between_them() {
    // «أعلنت قطر والبحرين … الاتفاق على استئناف العلاقات بينهما»: not with the host named
    // between
    let d = doc(
        "أعلنت قطر والبحرين، الخميس 5 يناير/كانون الثاني 2023، في بيان مشترك مع السعودية، الاتفاق على استئناف العلاقات بينهما.",
    );
    let a = all(&d, EventType::Agree);
    assert!(
        a.iter()
            .any(|e| e.actor == ["qatar"] && e.recipient == ["bahrain"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_carried_object_may_have_a_prepositional_modifier_naming_another_body() {
    // «وحملت وزارة الداخلية في حكومة الوحدة الوطنية المسؤولية»: one object, its government
    // named after «في»; the union is still the one holding it responsible
    let d = doc(
        "ونددت نقابة الصحفيين الليبيين بالاعتداء على المراسل، وحملت وزارة الداخلية في حكومة الوحدة الوطنية المسؤولية.",
    );
    assert_acted_by(&d, EventType::Accuse, "libyan-journalists-syndicate");
    assert!(
        all(&d, EventType::Accuse)
            .iter()
            .all(|e| !e.actor.iter().any(|a| a.contains("interior"))),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_circumstantial_demand_goes_to_the_nearest_act_with_a_recipient() {
    // «ونددت … وحملت الوزارة المسؤولية، مطالبة بالكشف عن الجناة»: the demand is the ministry's
    let d = doc(
        "ونددت نقابة الصحفيين الليبيين بالاعتداء على المراسل، وحملت حكومة الوحدة الوطنية المسؤولية، مطالبة بالكشف عن الجناة.",
    );
    let r = all(&d, EventType::Request);
    assert!(
        r.iter()
            .any(|e| e.actor == ["libyan-journalists-syndicate"] && !e.recipient.is_empty()),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_governing_verb_in_a_relative_clause_is_its_antecedents() {
    // «سائقي الشاحنات الذين يواصلون إضرابا»: the strike is the drivers', not the government's
    let d = doc(
        "وقالت الحكومة الأردنية إنها ستلبي مطالب سائقي الشاحنات الذين يواصلون إضرابا منذ أسبوعين.",
    );
    assert_acted_by(&d, EventType::Protest, "truck-drivers");
}

#[test]
fn permit_applications_are_no_request_between_actors() {
    let d = doc("وقال الأهالي إن بلدية القدس رفضت طلبات الترخيص التي قدموها منذ سنوات.");
    assert!(all(&d, EventType::Request).is_empty(), "{:#?}", d.events);
}

#[test]
fn a_reaction_to_a_general_noun_is_to_the_lead_act_not_the_reply() {
    let d = doc(
        "شنت إسرائيل غارات جوية على مواقع قرب دمشق. وتصدت الدفاعات الجوية السورية للصواريخ. ونددت إيران بالهجوم.",
    );
    let a = all(&d, EventType::Accuse);
    assert!(
        a.iter()
            .any(|e| e.actor == ["iran"] && e.recipient == ["israel"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_direct_object_after_a_verb_with_its_subject_before_comes_first() {
    // «وكانت الحكومة الصومالية قد حذرت وكالات الإغاثة من دفع أموال للحركة»: the agencies are
    // warned, not the movement named after «من»
    let d = doc("وكانت الحكومة الصومالية قد حذرت الأمم المتحدة من دفع أي أموال لحركة الشباب.");
    let t = all(&d, EventType::Threaten);
    assert!(
        t.iter().any(|e| e
            .recipient
            .iter()
            .any(|r| r == "united-nations" || r == "un")),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_reaction_to_the_step_is_to_the_last_sentences_own_act() {
    // «ورحب الحلف بالخطوة»: the government's concession, not the arrest told in its relative
    // clause
    let d = doc(
        "وأعلنت الحكومة اليمنية الإفراج عن 6 من أبناء القبائل اعتقلتهم قوات النخبة الحضرمية في وقت سابق. ورحب حلف قبائل حضرموت بالخطوة.",
    );
    let s = all(&d, EventType::Support);
    assert!(
        s.iter()
            .any(|e| e.recipient.iter().any(|r| r.starts_with("yemen"))),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_seizure_after_a_fight_is_taken_from_whom_it_was_fought() {
    let d = doc(
        "وكان الجيش الصومالي قد استعاد السيطرة على بلدة قرب جوهر في مارس/آذار 2024 بعد معارك مع مسلحي حركة الشباب.",
    );
    let c = all(&d, EventType::Coerce);
    assert!(
        c.iter().any(|e| e.recipient == ["al-shabaab"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_charge_reaches_an_act_governed_by_continuing() {
    // «اتهمت الحكومة طهران بمواصلة تزويد الحوثيين»: the supplying is Iran's
    let d = doc("واتهمت الحكومة اليمنية طهران بمواصلة تزويد الحوثيين بالأسلحة.");
    assert_acted_by(&d, EventType::Aid, "iran");
}

#[test]
fn the_acts_a_proposal_holds_are_not_done() {
    // «حول مقترح جديد لوقف إطلاق النار»: talks about a ceasefire proposal, no ceasefire yet
    let d = doc(
        "وصل وفد من حركة حماس إلى القاهرة لإجراء محادثات مع مسؤولين مصريين حول مقترح جديد لوقف إطلاق النار.",
    );
    assert!(all(&d, EventType::Retreat).is_empty(), "{:#?}", d.events);
    assert!(!all(&d, EventType::Consult).is_empty(), "{:#?}", d.events);
}

#[test]
fn the_gap_of_a_phrase_holds_the_agent_of_its_verbal_noun() {
    // «إطلاق الحوثيين سراح»: the Houthis release, the detainees are released
    let d = doc("وجاء ذلك بعد إطلاق الحوثيين سراح 5 من المعتقلين.");
    assert_acted_by(&d, EventType::Retreat, "houthis");
    // units acting for a body fill the gap too
    let d = doc("وتأخرت القوافل بسبب منع نقاط تفتيش تابعة للدعم السريع مرورها.");
    assert_acted_by(&d, EventType::Coerce, "rsf");
}

#[test]
fn the_gap_before_a_preposition_holds_the_object() {
    // «مطالبة الاتحاد الأوروبي بوقف»: the union is asked, not asking
    let d = doc("ونشرت المنظمة تقريرا تضمن مطالبة الاتحاد الأوروبي بوقف تمويل خفر السواحل.");
    let r = all(&d, EventType::Request);
    assert!(
        r.iter()
            .all(|e| !e.actor.contains(&"european-union".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_verbal_noun_after_a_verb_of_beginning_is_its_subjects_act() {
    // «دخل 40 عاملا مصريا … في إضراب»: the workers strike
    let d = doc("دخل 12 أسيرا فلسطينيا، صباح الأحد، في إضراب عن الطعام في سجن النقب.");
    assert_acted_by(&d, EventType::Protest, "palestinian-prisoners");
}

#[test]
fn an_act_told_as_done_without_another_has_its_sides() {
    // «دون توجيه تهم»: the charging withheld is the detainer's, towards the detained
    let d = doc(
        "وتحتجز السلطات الإسرائيلية الأسرى الفلسطينيين منذ أشهر دون توجيه تهم، بحسب منظمة حقوقية.",
    );
    let held = all(&d, EventType::Coerce);
    let a = all(&d, EventType::Accuse);
    assert!(
        !held.is_empty()
            && a.iter().any(|e| e.actor == held[0].actor
                && e.recipient.contains(&"palestinian-prisoners".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn representatives_of_coordinated_bodies_are_both_sides_past_a_date_and_a_place() {
    // «وقع ممثلون عن X و Y، مساء …، في مدينة …، اتفاقا»: the insertions are stepped over and
    // both bodies sign
    let d = doc(
        "وقع ممثلون عن الحكومة اليمنية وجماعة الحوثي، مساء الأحد 3 مارس/آذار 2024، في مدينة مسقط العمانية، اتفاقا لتبادل الأسرى.",
    );
    let a = all(&d, EventType::Agree);
    assert!(
        a.iter().any(|e| {
            let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
            sides.contains(&&"houthis".to_string())
                && sides.contains(&&"yemen-government".to_string())
        }),
        "{:#?}",
        d.events
    );
}

#[test]
fn the_mediator_is_no_side_of_the_deal_it_announces() {
    let d = doc(
        "اندلعت اشتباكات بين الجيش الصومالي وحركة الشباب في بلدة قرب مقديشو. وأعلنت قطر، الاثنين، التوصل إلى اتفاق لوقف إطلاق النار بعد وساطة قادتها.",
    );
    let a = all(&d, EventType::Agree);
    assert!(
        !a.is_empty()
            && a.iter().all(|e| !e.actor.contains(&"qatar".to_string())
                && !e.recipient.contains(&"qatar".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_definite_object_after_a_verbal_nouns_genitive_makes_it_the_agent() {
    // «اقتحام محتجين … السفارة»: the protesters storm, the embassy is stormed
    let d = doc("وجاء ذلك بعد اقتحام محتجين عراقيين السفارة الأمريكية في بغداد.");
    assert_acted_by(&d, EventType::Assault, "protesters");
}

#[test]
fn a_claim_with_the_attack_as_a_pronoun_names_its_author() {
    // «وتبناه التنظيم»: the organisation claims the attack just told
    let d = doc(
        "وقتل 3 جنود في هجوم انتحاري استهدف حاجزا للجيش في محافظة أبين، وتبناه تنظيم القاعدة في بيان.",
    );
    let a = all(&d, EventType::Assault);
    assert!(
        a.iter()
            .any(|e| e.actor == ["al-qaeda"] || e.actor == ["aqap"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn what_an_operation_resulted_in_is_the_act_of_its_teller() {
    // «وقال المتحدث باسم القوات إن العملية أسفرت عن ضبط أسلحة»: the forces seized the arms
    let d = doc(
        "داهمت قوات سوريا الديمقراطية قرية في ريف دير الزور. وقال المتحدث باسم القوات إن العملية أسفرت عن ضبط أسلحة وذخائر تعود لتنظيم داعش.",
    );
    let c = all(&d, EventType::Coerce);
    assert!(
        c.iter()
            .any(|e| e.actor == ["sdf"] && e.trigger.text.contains("ضبط")),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_definite_act_of_force_belongs_to_the_campaign_told() {
    // «الغارات» with no actor: the strikes of the operation the army launched
    let d = doc(
        "أطلق الجيش العراقي عملية عسكرية لملاحقة خلايا تنظيم داعش في صحراء الأنبار. وقال مصدر أمني إن الغارات أسفرت عن مقتل 5 مسلحين.",
    );
    let a = all(&d, EventType::Assault);
    assert!(
        a.iter()
            .any(|e| e.trigger.text.contains("الغارات") && e.actor == ["iraq-military"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_object_with_a_possessive_is_done_to_its_owner() {
    // «إن مسلحين نهبوا مخازنه»: the warehouses are the programme's
    let d = doc("قال برنامج الأغذية العالمي، الاثنين، إن مسلحين مجهولين نهبوا مخازنه في مدينة نيالا.");
    let c = all(&d, EventType::Coerce);
    assert!(c.iter().any(|e| e.recipient == ["wfp"]), "{:#?}", d.events);
}

#[test]
fn the_two_sides_in_a_phrases_gap_are_its_actors() {
    // (and no counterpart is added from among them)
    let d =
        doc("قصفت طائرة إسرائيلية موقعا لحزب الله في جنوب لبنان. ويتبادل الجانبان القصف منذ أشهر.");
    let a = all(&d, EventType::Assault);
    assert!(
        a.iter().any(|e| e.trigger.text.contains("يتبادل")
            && e.actor.len() == 2
            && e.recipient.iter().all(|r| !e.actor.contains(r))),
        "{:#?}",
        d.events
    );
}

#[test]
fn protesters_answering_a_call_march_for_the_caller_and_the_march_is_one_act() {
    let d = doc(
        "خرج آلاف المتظاهرين، الأحد، في مواكب حاشدة بالخرطوم وأم درمان، تلبية لدعوة لجان المقاومة.",
    );
    let p = all(&d, EventType::Protest);
    assert_eq!(p.len(), 1, "{:#?}", d.events);
    assert_eq!(p[0].actor, ["resistance-committees"]);
}

#[test]
fn a_plural_verb_after_an_indefinite_group_is_the_groups_and_a_coordinated_verb_agrees() {
    // «قتلت «قواته» مسلحين أطلقوا النار عليها وضبطت أسلحة»: the gunmen fire, the forces seize
    let d =
        doc("وقال الجيش الإسرائيلي إن قواته «حيدت» مسلحين أطلقوا النار باتجاهها وضبطت عبوات ناسفة.");
    let fire = all(&d, EventType::Assault)
        .into_iter()
        .find(|e| e.trigger.text.contains("أطلقوا"))
        .expect("the firing");
    assert_eq!(fire.actor, ["gunmen"], "{:#?}", d.events);
    let seize = all(&d, EventType::Coerce);
    assert!(
        seize
            .iter()
            .all(|e| !e.actor.contains(&"gunmen".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn machines_after_li_with_their_owners_adjective_are_the_agent() {
    let d = doc("وتزامن القصف مع غارات لطائرات حربية روسية على ريف إدلب الجنوبي.");
    assert_acted_by(&d, EventType::Assault, "russia");
}

#[test]
fn a_count_before_a_definite_object_is_the_subject() {
    // «سلم عشرات المسلحين أسلحتهم»: the fighters hand over their arms
    let d = doc("وبموجب الاتفاق، سلم عشرات المسلحين أسلحتهم الخفيفة إلى الجيش السوري.");
    let r = all(&d, EventType::Retreat);
    assert!(
        r.iter()
            .any(|e| !e.actor.is_empty() && !e.actor.contains(&"syria-military".to_string())),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_long_subject_and_a_dated_insertion_fit_in_a_double_gap() {
    // «توصل ... ... إلى اتفاق»: two sides with their modifiers and a date between verb and deal
    let d = doc(
        "وتوصلت اللجنة العسكرية التابعة للحكومة السورية ووجهاء من بلدة جاسم في ريف درعا الشمالي، الأحد 3 أكتوبر/تشرين الأول 2021، إلى اتفاق ينهي التوتر.",
    );
    let e = all(&d, EventType::Agree);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
    assert!(
        sides.iter().any(|s| *s == "local-notables") && sides.len() >= 2,
        "{e:#?}"
    );
}

#[test]
fn an_announcer_of_a_mediated_deal_is_no_side_of_it() {
    // the sides are the two that fought; the government only announced the deal
    let d = doc(
        "واندلعت اشتباكات عنيفة بين جهاز الردع واللواء 444 في طرابلس. وأعلنت حكومة الوحدة الوطنية التوصل إلى اتفاق لوقف إطلاق النار بعد وساطة أجراها أعيان المنطقة.",
    );
    let m = all(&d, EventType::Consult);
    assert!(
        m.iter().any(|m| m.actor == ["local-notables"]),
        "{:#?}",
        d.events
    );
    let e = all(&d, EventType::Agree);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
    assert!(!sides.iter().any(|s| *s == "libya-gnu"), "{e:#?}");
    assert!(sides.iter().any(|s| *s == "radaa"), "{e:#?}");
}

#[test]
fn a_brokered_release_is_mediated_with_the_releaser_and_no_step() {
    let d = doc(
        "أفرجت جماعة الحوثي عن 12 محتجزا من سجونها في ذمار. وقال مسؤول في الجماعة إن الإفراج جرى بوساطة وجهاء قبليين. ورحبت الحكومة اليمنية بالخطوة.",
    );
    let m = all(&d, EventType::Consult);
    let m = m.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(m.recipient, ["houthis"], "{m:#?}");
    let s = all(&d, EventType::Support);
    let s = s.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(s.recipient, ["houthis"], "{s:#?}");
}

#[test]
fn a_withdrawal_after_bad_is_before_the_side_that_came_in() {
    // «منها» is the town left, not a side; the army that entered is
    let d =
        doc("وقال مسؤول محلي إن قوات من الجيش السوري دخلت البلدة بعد انسحاب مجموعات مسلحة منها.");
    let e = all(&d, EventType::Retreat);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, ["syrian-opposition"], "{e:#?}");
    assert_eq!(e.recipient, ["syria-military"], "{e:#?}");
}

#[test]
fn others_are_more_of_the_group_and_their_joined_verb_too() {
    let d = doc(
        "وتوصلت الحكومة السورية ووجهاء بلدة جاسم إلى اتفاق برعاية روسية. وبموجب الاتفاق، سلم عشرات المسلحين أسلحتهم، فيما رفض آخرون الاتفاق وطالبوا بالخروج إلى إدلب.",
    );
    assert_acted_by(&d, EventType::Reject, "syrian-opposition");
    assert_acted_by(&d, EventType::Request, "syrian-opposition");
    // the rejected deal is the government's, not its sponsor's
    let r = all(&d, EventType::Reject);
    assert!(
        r.iter().all(|e| !e.recipient.iter().any(|x| x == "russia")),
        "{r:#?}"
    );
}

#[test]
fn unarmed_casualties_of_clashes_were_their_victims() {
    let d = doc("وقتل 6 متظاهرين في مواجهات مع قوات الأمن العراقية في الناصرية.");
    let e = all(&d, EventType::Assault);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.recipient, ["protesters"], "{e:#?}");
    assert!(!e.actor.iter().any(|a| a == "protesters"), "{e:#?}");
}

#[test]
fn a_feminine_participle_after_a_comma_takes_its_objects() {
    // «متهمة X و Y»: both accused; the speaker accuses
    let d = doc(
        "وقالت رابطة المودعين إن الاعتصام سيستمر، متهمة الحكومة اللبنانية والمصرف المركزي بالتقصير.",
    );
    let e = all(&d, EventType::Accuse);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(!e.actor.iter().any(|a| a == "lebanon-government"), "{e:#?}");
    assert!(
        e.recipient.iter().any(|a| a == "lebanon-government"),
        "{e:#?}"
    );
}

#[test]
fn an_arrest_after_a_riot_is_of_the_rioters() {
    let d = doc(
        "وكسر متظاهرون نوافذ مبنى البلدية وأضرموا النار في بوابته، قبل أن تتدخل الشرطة وتعتقل 3 أشخاص.",
    );
    let e = all(&d, EventType::Coerce);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.recipient, ["protesters"], "{e:#?}");
}

#[test]
fn a_seized_load_is_taken_from_whom_it_was_bound_for() {
    let d = doc(
        "وضبطت البحرية اليمنية سفينة محملة بذخائر قرب جزيرة ميون، قالت إنها كانت في طريقها إلى جماعة الحوثي.",
    );
    let e = all(&d, EventType::Coerce);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.recipient, ["houthis"], "{e:#?}");
}

#[test]
fn a_threat_threatens_whom_the_announced_attack_aims_at() {
    // «المرتبطة بإسرائيل»: a state tied by an adjective of belonging is a side, not a place
    let d = doc(
        "وقال المتحدث العسكري باسم جماعة الحوثي إن الهجوم جاء ردا على العدوان، متوعدا باستهداف كل السفن المرتبطة بإسرائيل.",
    );
    let e = all(&d, EventType::Threaten);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.recipient, ["israel"], "{e:#?}");
}

#[test]
fn a_verb_after_a_relative_has_its_head_as_subject() {
    // «التي تقصف المدنيين»: the gun positions (the army's, the object of the attack before)
    // shell the civilians; the civilians are no actor
    let d = doc(
        "وردت حركة أحرار الشام بقصف مواقع للجيش السوري، مؤكدة أنها استهدفت مرابض المدفعية التي تقصف المدنيين.",
    );
    let e = all(&d, EventType::Assault);
    assert!(
        e.iter().all(|e| !e.actor.iter().any(|a| a == "civilians")),
        "{e:#?}"
    );
    assert!(e.iter().any(|e| e.recipient == ["civilians"]), "{e:#?}");
}

#[test]
fn a_denial_of_ma_answers_who_made_the_claim() {
    let d = doc(
        "وتقول منظمة العفو الدولية إن القوات الإيرانية أعدمت عشرات المحتجين، وهو ما تنفيه طهران.",
    );
    let e = all(&d, EventType::Reject);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.recipient, ["amnesty-international"], "{e:#?}");
}

#[test]
fn the_pronoun_of_an_arrest_is_who_was_arrested() {
    let d = doc("وأبعدت السلطات التركية 30 لاجئا أفغانيا إلى بلادهم، بعد توقيفهم في إسطنبول.");
    let e = all(&d, EventType::Coerce);
    let arrest = e
        .iter()
        .find(|e| e.trigger.text.contains("توقيف"))
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(arrest.recipient, ["displaced-people"], "{arrest:#?}");
    assert_eq!(arrest.actor, ["turkey-government"], "{arrest:#?}");
}

#[test]
fn the_agent_of_a_relative_clause_may_follow_a_preposition_with_its_pronoun() {
    // «الذي توصلت إليه X»: X reached the deal
    let d = doc("وتخضع المدينة لاتفاق التهدئة الذي توصلت إليه مصر وقطر الشهر الماضي.");
    let e = all(&d, EventType::Agree);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = e.actor.iter().chain(&e.recipient).collect();
    assert!(sides.iter().any(|s| *s == "egypt"), "{e:#?}");
}

#[test]
fn definite_talks_in_the_plural_are_the_talks_already_told() {
    let d = doc(
        "وبدأت الحكومة اليمنية وجماعة الحوثي، الأحد 5 مايو 2024، مفاوضات في مسقط. وذكرت صحيفة محلية أن المحادثات، التي بدأت مطلع يونيو 2024، لن تتناول القضايا السياسية.",
    );
    let c = all(&d, EventType::Consult);
    assert!(c.len() >= 2, "{c:#?}");
    let last = c.last().unwrap_or_else(|| panic!("{:#?}", d.events));
    let sides: Vec<&String> = last.actor.iter().chain(&last.recipient).collect();
    assert!(sides.iter().any(|s| *s == "houthis"), "{last:#?}");
}

#[test]
fn a_counted_subject_before_a_casualty_verb_names_those_killed() {
    // the soldiers were killed in the clashes: they were one side, the gunmen the other
    let d = doc(
        "أعلن الجيش العراقي مقتل 5 مسلحين في كركوك. وأوضح المتحدث في بيان أن 4 من عناصر الجيش قتلوا في اشتباكات مع عناصر إرهابية قرب الحويجة.",
    );
    let e = all(&d, EventType::Assault);
    let e = e.last().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, ["iraq-military"], "{e:#?}");
}

#[test]
fn a_seizure_pointed_to_was_made_in_the_act_just_told() {
    let d = doc(
        "وأوضح المتحدث في بيان أن قوات الجيش العراقي اشتبكت مع عناصر تنظيم داعش قرب الحويجة، مشيرا إلى ضبط كميات من الأسلحة والذخائر.",
    );
    let e = all(&d, EventType::Coerce);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, ["iraq-military"], "{e:#?}");
    assert_eq!(e.recipient, ["isis"], "{e:#?}");
}

#[test]
fn a_mediation_verb_without_subject_is_the_sentences_subjects_with_its_partner() {
    let d = doc(
        "وكانت قطر قد استضافت محادثات بين الطرفين، قبل انهيار هدنة توسطت فيها مع مصر في الدوحة.",
    );
    let e = all(&d, EventType::Consult);
    assert!(
        e.iter().any(|e| e.actor == ["qatar", "egypt"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_programme_an_act_is_part_of_is_no_second_act() {
    let d = doc(
        "وتسلم الجيش العراقي من الولايات المتحدة شحنة من الذخائر، ضمن برنامج المساعدات العسكرية الأمريكية للعراق.",
    );
    assert_eq!(all(&d, EventType::Aid).len(), 1, "{:#?}", d.events);
}

#[test]
fn an_act_charged_with_a_participle_is_the_described_groups() {
    // `convicted`: «المدانين بالتخابر مع X و«Y»» — the members of the cell did it, with both
    let d = doc("وسجنت المحكمة أعضاء في «خلية العبدلي» المدانين بالتخابر مع إيران و«حزب الله».");
    let e = all(&d, EventType::Cooperate);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, ["abdali-cell"], "{e:#?}");
    assert!(e.recipient.iter().any(|r| r == "iran"), "{e:#?}");
    assert!(e.recipient.iter().any(|r| r == "hezbollah"), "{e:#?}");
    // an indefinite participle after the arrested
    let d = doc("واعتقلت الشرطة عناصر من حزب الله متهمين بالتخابر مع إسرائيل.");
    let e = all(&d, EventType::Cooperate);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(e.actor, ["hezbollah"], "{e:#?}");
    assert_eq!(e.recipient, ["israel"], "{e:#?}");
}

#[test]
fn a_symmetric_act_between_the_two_sides_is_theirs() {
    // `dual`: «تعزيز التنسيق الأمني بين البلدين» after a call between two ministers: both
    // states coordinate, and the gunmen the coordination is against are no side of it
    let d = doc(
        "وبحث وزير الداخلية المصري في اتصال هاتفي مع نظيره الأردني تعزيز التنسيق الأمني بين البلدين لضبط الحدود ومنع تسلل المسلحين.",
    );
    let e = all(&d, EventType::Cooperate);
    let e = e.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(e.actor.iter().any(|a| a == "jordan"), "{e:#?}");
    assert_eq!(e.actor.len(), 2, "{e:#?}");
    assert!(e.recipient.is_empty(), "{e:#?}");
}

#[test]
fn a_quoted_genitive_is_the_agent() {
    // `idafa`: «سيطرة «الحوثيين» على» — the quote before the name does not hide it
    let d = doc("وتدهور الوضع منذ سيطرة «الحوثيين» على العاصمة صنعاء في سبتمبر 2014.");
    assert_acted_by(&d, EventType::Coerce, "houthis");
}

#[test]
fn fighting_with_a_side_after_an_act_is_by_its_actor() {
    // `fought with`: «إثر اقتتال مع X» after an act by Y — Y fought X
    let d = doc("وتوتر الوضع منذ سيطرة «الحوثيين» على صنعاء إثر مواجهات مع قوات الحكومة اليمنية.");
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.actor, ["houthis"], "{a:#?}");
}

#[test]
fn a_stormed_mission_is_its_states_not_its_hosts() {
    // `mission owner`: «سفارتها في طهران» is Saudi Arabia's, though Tehran is nearer; and
    // `in protest`: «احتجاجا على إعدام …» is the stormers' protest against the executing state
    let d = doc(
        "وقطعت الرياض علاقاتها مع طهران عام 2016 إثر اقتحام محتجين سفارتها في طهران احتجاجا على إعدام رجل دين في المملكة.",
    );
    let a = all(&d, EventType::Assault);
    let storm = a
        .iter()
        .find(|e| e.trigger.text == "اقتحام")
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(storm.recipient, ["saudi-arabia"], "{storm:#?}");
    let p = all(&d, EventType::Protest);
    let p = p.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(p.actor, storm.actor, "{p:#?}");
    assert_eq!(p.recipient, ["saudi-arabia"], "{p:#?}");
}

#[test]
fn praise_told_by_a_participle_is_support() {
    // «مشيدا بـ…»: the speaker praises the state named after «بـ»
    let d = doc(
        "وقال قائد الجيش اللبناني إن الدعم القطري يساعد المؤسسة العسكرية، مشيدا بـ«وقوف الدوحة» إلى جانب لبنان.",
    );
    let s = all(&d, EventType::Support);
    let s = s
        .iter()
        .find(|e| e.trigger.text == "مشيدا")
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(s.recipient, ["qatar"], "{s:#?}");
}

#[test]
fn an_attack_on_a_base_that_houses_forces_is_on_those_forces() {
    // `hosted forces`: the base is no actor; the relative clause says whose forces are in it
    let d = doc(
        "واستهدفت طائرة مسيرة، مساء الأحد 4 فبراير 2024، قاعدة التنف في ريف حمص الشرقي، التي تتمركز فيها قوات أمريكية، دون وقوع إصابات.",
    );
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert!(
        a.recipient.iter().any(|r| r.starts_with("united-states")),
        "{a:#?}"
    );
}

#[test]
fn an_imperfect_verb_after_an_indefinite_noun_describes_it() {
    // `adjectival verb`: «وحدات خاصة تقاتل تنظيم داعش» — the units fight ISIS, not the reverse
    let d = doc("ودربت القوات الأمريكية 3 آلاف جندي عراقي، بينهم وحدات خاصة تقاتل تنظيم داعش.");
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.recipient, ["isis"], "{a:#?}");
    assert!(!a.actor.iter().any(|x| x == "isis"), "{a:#?}");
}

#[test]
fn the_plural_of_at_the_hands_of_names_the_actor() {
    // «على أيدي» as «على يد»: the beating's doers
    let d = doc("وقال المصور إنه تعرض للضرب على أيدي مسلحي حركة حماس في غزة.");
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.actor, ["hamas"], "{a:#?}");
}

#[test]
fn a_patrol_of_a_body_stands_for_it() {
    // «دورية للجيش العراقي» is the army's patrol: the attack it suffered is on the army
    let d = doc("وتعرضت دورية للجيش العراقي لهجوم بعبوة ناسفة قرب كركوك.");
    let a = all(&d, EventType::Assault);
    let a = a.first().unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(a.recipient, ["iraq-military"], "{a:#?}");
}
