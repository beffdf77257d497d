//! The event rules of `rasad_extract::events`, each on sentences of its own (not the seed's).

use rasad_doc::{Document, EventType, SourceKind, Status};

mod common;

use common::doc;

/// How many events of a type a text makes.
fn count(text: &str, ty: EventType) -> usize {
    doc(text)
        .events
        .iter()
        .filter(|e| e.event_type == ty)
        .count()
}

fn find(d: &Document, ty: EventType) -> &rasad_doc::Event {
    d.events
        .iter()
        .find(|e| e.event_type == ty)
        .unwrap_or_else(|| panic!("no {ty:?} in {:#?}", d.events))
}

#[test]
fn svo_after_an_and_frame_preposition_an() {
    let d = doc("وقالت مصادر محلية إن الحوثيين أفرجوا عن 12 معتقلا من تنظيم القاعدة.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["houthis"]);
    assert!(!e.recipient.is_empty());
    assert_eq!(e.source.as_ref().unwrap().kind, SourceKind::Anonymous);
    let q = &d.quantities[e.quantity.unwrap() as usize];
    assert_eq!(q.min, Some(12.0));
}

#[test]
fn vso_subject_after_the_verb() {
    let d = doc("هاجم الحوثيون مواقع للجيش في محافظة مأرب.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.actor, vec!["houthis"]);
}

#[test]
fn idafa_agent_of_a_verbal_noun_with_a_count() {
    let d = doc("جاء ذلك بعد إطلاق إيران 7 من المعتقلين من سجونها.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["iran"]);
    assert_eq!(d.quantities[e.quantity.unwrap() as usize].min, Some(7.0));
}

#[test]
fn negation_right_before_the_trigger() {
    let d = doc("وأكد المتحدث أن الحوثيين لم يهاجموا أي موقع للجيش.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.status, Status::Negated);
}

#[test]
fn time_relation_since() {
    let d = doc("وأضاف أن الحوثيين أفرجوا عن عشرات المعتقلين منذ عام 2016.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(
        e.time.as_ref().unwrap().relation,
        rasad_doc::Relation::Since
    );
}

#[test]
fn block_phrase_drops_a_match() {
    let d = doc("وقررت الحكومة رفع الدعم عن الوقود في إيران.");
    assert!(d.events.iter().all(|e| e.event_type != EventType::Aid));
}

#[test]
fn block_phrases_name_places_and_devices_not_acts() {
    // the prison and the detention centre are places; a device «ready for detonation» was not set off
    let d = doc("وشن مسلحون هجوما على سجن الصناعة في مدينة الحسكة.");
    assert!(
        !d.events.iter().any(|e| e.event_type == EventType::Coerce),
        "{:#?}",
        d.events
    );
    let d = doc("وتدير السلطات الليبية مراكز احتجاز للمهاجرين في طرابلس.");
    assert!(
        !d.events.iter().any(|e| e.event_type == EventType::Coerce),
        "{:#?}",
        d.events
    );
    let d = doc("وضبطت الشرطة المصرية عبوات ناسفة معدة للتفجير داخل سيارة.");
    assert!(
        !d.events.iter().any(|e| e.event_type == EventType::Assault),
        "{:#?}",
        d.events
    );
    // «قضت عليه بالسجن» stays a prison sentence
    let d = doc("وكانت محكمة مصرية قد قضت عليه بالسجن خمس سنوات.");
    assert!(
        d.events.iter().any(|e| e.event_type == EventType::Coerce),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_phrase_takes_in_the_launched_weapon_or_the_shelling_instrument() {
    // one launch, one shelling: the salvo and the mortar rounds are no attacks of their own
    for text in [
        "وأطلق حزب الله رشقة صاروخية على مستوطنة كريات شمونة.",
        "وقصف الحوثيون أحياء سكنية في مدينة تعز بقذائف الهاون.",
    ] {
        let d = doc(text);
        let n = d
            .events
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .count();
        assert_eq!(n, 1, "{text}: {:#?}", d.events);
    }
    // tear-gas canisters are repression (175), not heavy weapons
    let d = doc("وأطلقت الشرطة العراقية قنابل الغاز على المحتجين في البصرة.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.cameo.as_deref(), Some("175"), "{:#?}", d.events);
}

#[test]
fn protesters_closing_a_site_is_a_protest() {
    // «أغلق» with the protesters as its subject is obstruction, not an authority's blockade
    let d = doc("وأغلق محتجون، صباح الاثنين، ميناء الزويتينة النفطي في شرق ليبيا.");
    let e = find(&d, EventType::Protest);
    assert_eq!(e.mode.as_deref(), Some("obstruct"));
    assert!(
        !d.events.iter().any(|e| e.event_type == EventType::Coerce),
        "{:#?}",
        d.events
    );
}

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn vso_object_follows_the_subject() {
    let d = doc("وطالبت إيران السعودية بوقف الحملات الإعلامية.");
    let e = find(&d, EventType::Request);
    assert_eq!(ids(&e.actor), ["iran"]);
    assert_eq!(ids(&e.recipient), ["saudi-arabia"]);
}

#[test]
fn symmetric_verb_with_a_coordinated_subject() {
    let d = doc("ووقع العراق وإيران اتفاقا لتبادل الطاقة.");
    let e = find(&d, EventType::Agree);
    let mut sides = ids(&e.actor);
    sides.extend(ids(&e.recipient));
    sides.sort();
    assert_eq!(sides, ["iran", "iraq"]);
}

#[test]
fn verbal_noun_after_a_clause_subject_across_a_dated_insertion() {
    let d = doc("أعلنت الحكومة الكويتية، الخميس 20 يوليو 2017، طرد 15 دبلوماسيا إيرانيا.");
    let e = find(&d, EventType::Sanction);
    assert_eq!(ids(&e.actor), ["kuwait-government"]);
}

#[test]
fn dateline_then_verb_subject() {
    let d = doc("بيروت – رحل الجيش اللبناني 40 لاجئا سوريا إلى بلادهم.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(ids(&e.actor), ["lebanon-military"]);
}

#[test]
fn indefinite_relative_clause_agent() {
    let d = doc("قتل جنديان في هجوم شنه مسلحون من تنظيم داعش على نقطة عسكرية.");
    assert!(
        d.events
            .iter()
            .any(|e| e.event_type == EventType::Assault && ids(&e.actor) == ["isis"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn complementizer_subject_noun_phrase() {
    let d = doc("وأوضح البيان أن قوة من الجيش العراقي اشتبكت مع عناصر من داعش.");
    let e = find(&d, EventType::Assault);
    let mut sides = ids(&e.actor);
    sides.extend(ids(&e.recipient));
    assert!(sides.contains(&"iraq-military"), "{e:#?}");
}

#[test]
fn circumstantial_participle_acts_for_the_first_subject() {
    let d = doc("وقالت إيران في بيان إنها ستدرس الأمر، مطالبة السعودية بوقف الحملات.");
    let e = find(&d, EventType::Request);
    assert_eq!(ids(&e.actor), ["iran"]);
    assert_eq!(ids(&e.recipient), ["saudi-arabia"]);
}

#[test]
fn kana_subject_qad_verb() {
    let d = doc("وكانت السعودية قد قطعت علاقاتها مع إيران عام 2016.");
    let e = find(&d, EventType::Sanction);
    assert_eq!(ids(&e.actor), ["saudi-arabia"]);
    assert_eq!(ids(&e.recipient), ["iran"]);
}

#[test]
fn governed_symmetric_noun_takes_the_clause_subject() {
    let d = doc("وأعلنت حركة حماس مقتل 3 من عناصرها إثر اقتتال مع حركة فتح.");
    assert!(
        d.events.iter().any(|e| e.event_type == EventType::Assault
            && ids(&e.actor) == ["hamas"]
            && ids(&e.recipient) == ["fatah"]),
        "{:#?}",
        d.events
    );
}

#[test]
fn lexicon_senses_that_are_no_events() {
    for s in [
        "واستشهد المسؤول بما قاله الرئيس في خطابه الأخير.",
        "وتعمل الوزارة على إعادة ترتيب أولوياتها للعام المقبل.",
        "وتقع البلدة في منطقة تخضع لسيطرتها منذ سنوات.",
        "وأشار إلى أن التنظيم الأم فقد الكثير من نفوذه.",
    ] {
        let d = doc(s);
        assert!(d.events.is_empty(), "{s}: {:#?}", d.events);
    }
}

// --- trigger matching (lexicon and `Ctx::matches`) ---

fn types(d: &Document) -> Vec<EventType> {
    d.events.iter().map(|e| e.event_type).collect()
}

#[test]
fn a_written_lemma_beats_another_entrys_derived_inflection() {
    // «توعد» is THREATEN's own lemma, not «وعد» (AGREE) with the imperfect prefix ت
    let d = doc("وتوعد الحرس الثوري الإيراني إسرائيل برد قاس على الهجوم.");
    assert!(types(&d).contains(&EventType::Threaten), "{:#?}", d.events);
    assert!(!types(&d).contains(&EventType::Agree), "{:#?}", d.events);
}

#[test]
fn circumstantial_participle_of_a_derived_verb() {
    // «متهما» from «اتهم» (form VIII), «مطالبا» from «طالب» (form III): no entry lists them
    let d = doc("وأعلنت الكويت طرد السفير، متهمة إيران بدعم خلية مسلحة.");
    let e = find(&d, EventType::Accuse);
    assert_eq!(ids(&e.recipient), ["iran"]);
    let d = doc("وقال وزير الخارجية السعودي إن بلاده لن تقبل بذلك، مطالبا إيران بوقف التدخل.");
    let e = find(&d, EventType::Request);
    assert_eq!(ids(&e.recipient), ["iran"]);
}

#[test]
fn a_word_with_a_final_ta_marbuta_has_no_pronoun() {
    // «لمدة» is not «لـ + مد + ه» (AID «مده بالدعم»)
    let d = doc("وقالت السعودية إن الهدنة مع الحوثيين ستستمر لمدة شهرين.");
    assert!(!types(&d).contains(&EventType::Aid), "{:#?}", d.events);
}

#[test]
fn a_hamza_seated_before_a_pronoun_is_the_bare_hamza() {
    // «لقائه» is «لقاء» + ه
    let d = doc("وقال الرئيس المصري عقب لقائه وفدا من الحوثيين إن الحل قريب.");
    assert!(types(&d).contains(&EventType::Consult), "{:#?}", d.events);
}

#[test]
fn a_phrase_gap_steps_over_a_dated_insertion_and_into_a_count() {
    let d = doc("استدعت الخارجية الكويتية، الأحد 5 مايو 2024، السفير الإيراني لدى الكويت.");
    let e = find(&d, EventType::Accuse);
    assert_eq!(e.mode.as_deref(), Some("disapprove"));
    // the counted noun sits inside the quantity «12 غارة»
    let d = doc("شن الطيران الإسرائيلي 12 غارة على مواقع في جنوب لبنان.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.mode.as_deref(), Some("aerial"));
}

#[test]
fn a_future_verb_is_a_verb() {
    // «سـ» is the future particle, not a preposition that would make the word a noun
    let d = doc("وقالت الحكومة السورية إنها ستسمح بدخول المساعدات عبر معبر باب الهوى.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.mode.as_deref(), Some("access"));
}

#[test]
fn a_multi_word_form_fills_the_phrase_after_its_gap() {
    // «إلى قاضي التحقيق» is a form of «أحال ... إلى القضاء», not a trigger on its own
    let d = doc("ومثل الوزير السابق أمام قاضي التحقيق في بغداد صباح الأحد.");
    assert!(!types(&d).contains(&EventType::Accuse), "{:#?}", d.events);
}

#[test]
fn blocks_with_the_article_a_gap_or_the_lemma() {
    // a one-word block with the article («الداعية», the preacher) leaves «داعية» (calling) alone
    let d =
        doc("وانتقدت منظمة العفو الدولية الحملة، داعية الحكومة المصرية إلى الإفراج عن المعتقلين.");
    assert!(types(&d).contains(&EventType::Request), "{:#?}", d.events);
    // a gapped block: «احتل ... المرتبة» is a ranking
    let d = doc("واحتلت قطر المرتبة الأولى عربيا في مؤشر السلام العالمي.");
    assert!(d.events.is_empty(), "{:#?}", d.events);
    // the lemma word of a block stands for any of its forms: «دمر الفيضانات» blocks «دمرت»
    let d = doc("ودمرت الفيضانات عشرات المنازل في ولاية الخرطوم.");
    assert!(!types(&d).contains(&EventType::Assault), "{:#?}", d.events);
}

#[test]
fn an_interception_needs_a_projectile() {
    let d = doc("واعترض خفر السواحل الليبي قاربا يقل 60 مهاجرا قبالة زوارة.");
    assert!(!types(&d).contains(&EventType::Assault), "{:#?}", d.events);
    assert!(types(&d).contains(&EventType::Coerce), "{:#?}", d.events);
}

#[test]
fn achieving_receiving_and_endangering_are_no_events() {
    // «حقق» = achieve (only «حقق في / مع» investigates), a hospital «يستقبل» the wounded, a
    // danger «يهدد استقرار»: blocks with a gap for the subject, or on the lemma word
    for s in [
        "وحققت السعودية مكاسب كبيرة في صادراتها النفطية خلال الربع الأول.",
        "وقال مسؤول إن مستشفى ناصر في خان يونس استقبل عشرات الجرحى خلال ساعات.",
        "وقال الوزير الأردني إن التصعيد يهدد استقرار المنطقة بأكملها.",
    ] {
        let d = doc(s);
        assert!(
            d.events.iter().all(|e| !matches!(
                e.event_type,
                EventType::Accuse | EventType::Consult | EventType::Threaten
            )),
            "{s}: {:#?}",
            d.events
        );
    }
    let d = doc("واستقبل الرئيس المصري وفدا من حركة حماس في القاهرة.");
    assert!(types(&d).contains(&EventType::Consult), "{:#?}", d.events);
}

#[test]
fn a_counted_participle_is_a_noun() {
    // «41 متهما» are defendants, not «accusing»
    let d = doc("وأحالت النيابة العامة في الإمارات 41 متهما إلى المحكمة الاتحادية العليا.");
    assert!(
        d.events
            .iter()
            .all(|e| e.trigger.text != "متهما" || e.event_type != EventType::Accuse),
        "{:#?}",
        d.events
    );
}

#[test]
fn the_subject_of_tarradda_suffered_the_act() {
    // «تعرض (X) لهجوم من Y»: X is the recipient, Y after «من / على يد» the actor
    let d = doc("وقال مصدر عسكري إن الجيش اليمني تعرض لهجوم من الحوثيين في مأرب.");
    let e = find(&d, EventType::Assault);
    assert_eq!(ids(&e.actor), ["houthis"]);
    assert_eq!(ids(&e.recipient), ["yemen-military"]);
    let d = doc("وأكدت نقابة الصحفيين أن الصحفي تعرض للضرب على يد مسلحين.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.mode.as_deref(), Some("beat"));
    assert_eq!(ids(&e.recipient), ["journalists"]);
}

#[test]
fn an_interception_of_two_projectiles() {
    // the dual «صاروخين» is a derived form of the phrase slot «اعترض ... صاروخ»
    let d = doc("وأعلن الجيش الأمريكي أن دفاعاته الجوية اعترضت صاروخين فوق قاعدة عسكرية في سوريا.");
    let e = find(&d, EventType::Assault);
    assert!(e.trigger.text.starts_with("اعترضت"), "{e:#?}");
}

#[test]
fn a_refusal_told_as_an_acceptance_ruled_out() {
    let d = doc("وقال وزير الخارجية الإيراني إن بلاده لن تقبل بشروط الولايات المتحدة.");
    let e = find(&d, EventType::Reject);
    assert_ne!(e.status, Status::Negated);
    assert_eq!(ids(&e.recipient), ["united-states"]);
}

#[test]
fn warnings_of_a_danger_are_no_threats() {
    for s in [
        "وحذرت منظمة الصحة العالمية من أن الوباء قد ينتشر في مخيمات النازحين.",
        "وتتواصل المعارك في المدينة وسط تحذيرات أممية من مجاعة وشيكة.",
        "وأكدت الحكومة رفضها استخدام أراضيها منطلقا لتهديد دول الجوار.",
    ] {
        let d = doc(s);
        assert!(
            !types(&d).contains(&EventType::Threaten),
            "{s}: {:#?}",
            d.events
        );
    }
    // a warning addressed to someone stays a threat
    let d = doc("وحذرت الحكومة الصومالية حركة الشباب من مهاجمة قوافل الإغاثة.");
    assert!(types(&d).contains(&EventType::Threaten), "{:#?}", d.events);
}

#[test]
fn a_pledge_to_go_on_is_the_act_not_a_promise() {
    let d = doc("وتعهد الرئيس الصومالي بمواصلة الحرب على حركة الشباب.");
    assert!(!types(&d).contains(&EventType::Agree), "{:#?}", d.events);
    assert!(!types(&d).contains(&EventType::Threaten), "{:#?}", d.events);
    assert!(types(&d).contains(&EventType::Assault), "{:#?}", d.events);
    // a pledge to the other side is still one
    let d = doc("وتعهدت فرنسا بتقديم مساعدات للجيش اللبناني.");
    assert!(types(&d).contains(&EventType::Agree), "{:#?}", d.events);
}

#[test]
fn backing_an_effort_is_support_not_aid() {
    let d = doc("وقالت الولايات المتحدة إنها تدعم أي جهد لخفض التوتر في الخليج.");
    assert!(types(&d).contains(&EventType::Support), "{:#?}", d.events);
    assert!(!types(&d).contains(&EventType::Aid), "{:#?}", d.events);
}

#[test]
fn aid_kept_out_belongs_to_the_blockade() {
    let d = doc("واتهمت الأمم المتحدة حركة الشباب بمنع وصول المساعدات إلى المناطق المنكوبة.");
    assert!(types(&d).contains(&EventType::Coerce), "{:#?}", d.events);
    assert!(!types(&d).contains(&EventType::Aid), "{:#?}", d.events);
}

#[test]
fn an_armed_advance_on_a_town() {
    let d = doc("وتقدمت قوات الحوثيين نحو مدينة مأرب من ثلاثة محاور.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.mode.as_deref(), Some("seize"));
    assert_eq!(ids(&e.actor), ["houthis"]);
    // «نحو» before a count is «about»
    let d = doc("وتقدم نحو 500 طالب من الأردن بطلبات للالتحاق بالجامعة.");
    assert!(!types(&d).contains(&EventType::Coerce), "{:#?}", d.events);
}

#[test]
fn economic_demand_and_coaching_are_no_events() {
    // «الطلب» as market demand, «تدريب» as coaching a team
    for s in [
        "وأدى تراجع الطلب الصيني على النفط إلى هبوط الأسعار في آسيا.",
        "ويتولى المدرب الإسباني تدريب الفريق الأول لنادي الهلال السعودي منذ عامين.",
    ] {
        let d = doc(s);
        assert!(
            !types(&d).contains(&EventType::Request) && !types(&d).contains(&EventType::Aid),
            "{s}: {:#?}",
            d.events
        );
    }
}

#[test]
fn countering_an_idea_or_a_policy_is_no_attack() {
    // «التصدي للفكر / لممارسات إيران» counters; «تصدت الدفاعات للصواريخ» repels
    let d = doc("ودعا وزير الداخلية السعودي إلى التصدي لممارسات إيران في المنطقة.");
    assert!(!types(&d).contains(&EventType::Assault), "{:#?}", d.events);
    let d = doc("وقال الجيش السوري إن دفاعاته الجوية تصدت لصواريخ إسرائيلية فوق دمشق.");
    assert!(types(&d).contains(&EventType::Assault), "{:#?}", d.events);
}

#[test]
fn restoring_an_order_returns_nothing() {
    // «إعادة الشرعية / الأمن» restores an order: no property returned to anyone (RETREAT «أعاد»)
    let d = doc("وأكد التحالف العربي أن عملياته تهدف إلى إعادة الشرعية في اليمن.");
    assert!(!types(&d).contains(&EventType::Retreat), "{:#?}", d.events);
}

#[test]
fn a_weak_verb_gives_way_only_to_a_trigger_of_its_own_type() {
    // «إقالة» is weak evidence of a concession, but a pledge in the same sentence is another act
    let d = doc("أعلن الرئيس التونسي إقالة وزير الداخلية، وتعهد بإصلاح جهاز الأمن.");
    let c = find(&d, EventType::Concede);
    assert!(!c.actor.is_empty(), "{c:#?}");
    find(&d, EventType::Agree);
}

#[test]
fn a_headline_told_by_a_lead_trigger_without_sides_is_dropped() {
    // the lead tells the strike («استهدفت 4 صواريخ … مطار أربيل») though it names no side; the
    // title's reading of it (with sides taken from the next clause) is no event of its own
    let article = rasad_ingest::read_plain(
        "صواريخ تستهدف مطار أربيل و«حزب العمال الكردستاني» ينفي علاقته بها\n\nأربيل – استهدفت 4 صواريخ، مساء الجمعة، مطار أربيل الدولي شمالي العراق، من دون أن تسفر عن خسائر.",
        None,
        rasad_ingest::Origin::default(),
    )
    .unwrap();
    let d = rasad_extract::analyse(&article);
    assert!(
        d.events
            .iter()
            .all(|e| e.event_type != EventType::Assault || e.sentence != 0),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_noun_coordinated_with_a_trigger_of_its_type_and_sides_is_the_same_act() {
    let d = doc("وتقدم اليابان منذ سنوات تمويلا وتدريبا لقوات الشرطة العراقية.");
    let aid: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Aid)
        .collect();
    assert_eq!(aid.len(), 1, "{aid:#?}");
    assert_eq!(aid[0].actor, vec!["japan"]);
    // nouns with complements of their own are two acts
    let d = doc("وقالت قوات الدعم السريع إنها وافقت على فتح الطرق وانسحاب القوات من المستشفيات.");
    let retreat = d
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Retreat)
        .count();
    assert_eq!(retreat, 2, "{:#?}", d.events);
}

#[test]
fn an_act_a_request_asks_for_is_not_the_requesters() {
    // Amnesty asks for the crossing to be opened; it does not open it
    let d = doc("وقالت منظمة العفو الدولية إن الأوضاع في القطاع كارثية، مطالبة بفتح معبر رفح بشكل كامل أمام الشاحنات.");
    find(&d, EventType::Request);
    assert!(
        d.events
            .iter()
            .filter(|e| e.event_type == EventType::Retreat)
            .all(|e| !e.actor.iter().any(|a| a == "amnesty-international")),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_agreement_without_sides_is_between_the_sides_that_talked() {
    let d = doc("وقالت مصادر مطلعة إن وفدي مصر وإثيوبيا بحثا في القاهرة ملف سد النهضة، مرجحة التوصل إلى اتفاق خلال الشهر المقبل.");
    let a = find(&d, EventType::Agree);
    let mut sides: Vec<&String> = a.actor.iter().chain(&a.recipient).collect();
    sides.sort();
    assert_eq!(sides, vec!["egypt", "ethiopia"], "{a:#?}");
}

#[test]
fn an_act_told_as_the_means_of_an_act_of_its_type_has_its_sides() {
    // the attacks are how the RSF broke the truce: theirs, not the accusing army's
    let d = doc(
        "واتهم الجيش السوداني قوات الدعم السريع بخرق الهدنة عبر شن هجمات على مواقعه شرق الخرطوم.",
    );
    let attacks: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Assault)
        .collect();
    assert!(!attacks.is_empty(), "{:#?}", d.events);
    assert!(
        attacks.iter().all(|e| e.actor == vec!["rsf"]),
        "{attacks:#?}"
    );
}

#[test]
fn a_co_actor_of_a_joint_act_is_a_counterpart() {
    // the army and the RSF signed together, Saudi Arabia mediated: a term the RSF takes on with
    // no stated other side faces the army, not the mediator
    let d = doc(
        "وقع ممثلون عن الجيش السوداني وقوات الدعم السريع اتفاقا لوقف إطلاق النار بوساطة سعودية.",
    );
    let base = d.events[0].clone();
    let side = |a: &[&str], r: &[&str], ty: EventType, cameo: &str| {
        let mut e = base.clone();
        e.event_type = ty;
        e.cameo = Some(cameo.to_string());
        e.actor = a.iter().map(|x| x.to_string()).collect();
        e.recipient = r.iter().map(|x| x.to_string()).collect();
        e
    };
    let mut events = vec![
        side(&["sudan-military", "rsf"], &[], EventType::Agree, "057"),
        side(
            &["saudi-arabia"],
            &["sudan-military", "rsf"],
            EventType::Consult,
            "045",
        ),
        side(&["rsf"], &[], EventType::Retreat, "0871"),
    ];
    rasad_extract::events::discourse::counterparts(&d, None, &mut events);
    assert_eq!(events[2].recipient, vec!["sudan-military"], "{events:#?}");
}

#[test]
fn a_noun_joined_to_the_topic_of_talks_is_the_topic_too() {
    let d = doc("وتوجه وفد من حركة فتح إلى عمان، الأحد، لإجراء محادثات مع مسؤولين أردنيين حول مبادرة لوقف إطلاق النار في الضفة وتبادل الأسرى.");
    find(&d, EventType::Consult);
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Retreat),
        "{:#?}",
        d.events
    );
}

#[test]
fn an_attack_governed_by_a_noun_of_stopping_is_no_attack() {
    let d = doc(
        "ووقعت الحكومة السودانية والحركات المسلحة اتفاقا ينص على وقف الهجمات على القرى في دارفور.",
    );
    find(&d, EventType::Agree);
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Assault),
        "{:#?}",
        d.events
    );
}

#[test]
fn a_protest_without_sides_is_by_whoever_leads_the_protests_next_to_it() {
    let article = rasad_ingest::read_plain(
        "عنوان\n\nوواصل آلاف الموظفين، الأربعاء، إضرابا عن العمل في تونس العاصمة.\n\nونظم الاتحاد العام التونسي للشغل وقفة احتجاجية أمام مقر الحكومة.",
        None,
        rasad_ingest::Origin::default(),
    )
    .unwrap();
    let d = rasad_extract::analyse(&article);
    let strike = d
        .events
        .iter()
        .find(|e| e.event_type == EventType::Protest && e.sentence == 1)
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(strike.actor, vec!["ugtt"], "{strike:#?}");
}

#[test]
fn a_later_act_of_a_named_mode_is_not_folded_into_an_earlier_act_without_one() {
    // a call to protest, then a sit-in: the sit-in is an act of its own, not the dated protest
    // told again
    let d = doc(
        "دعا الاتحاد العام التونسي للشغل، الاثنين 4 مارس 2024، إلى الاحتجاج على رفع أسعار الخبز في تونس. ونظم الاتحاد العام التونسي للشغل اعتصاما أمام مقر البرلمان.",
    );
    let n = d
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Protest)
        .count();
    assert_eq!(n, 2, "{:#?}", d.events);
}

#[test]
fn a_halt_of_military_operations_is_towards_the_side_after_against() {
    let d =
        doc("وأعلن حزب العمال الكردستاني وقف عملياته العسكرية ضد الجيش التركي حتى نهاية العام.");
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["pkk"]);
    assert_eq!(e.recipient, vec!["turkey-military"], "{e:#?}");
}

#[test]
fn at_the_request_of_names_the_requester_after_min() {
    // the Syrian government asked; the Russian air force was asked and struck
    let d = doc("وقصفت الطائرات الروسية مواقع لتنظيم داعش في البادية بطلب من الحكومة السورية.");
    let e = find(&d, EventType::Request);
    assert_eq!(e.actor, vec!["syria-government"], "{e:#?}");
    assert_eq!(e.recipient, vec!["russia-military"], "{e:#?}");
}

#[test]
fn a_shipment_received_from_a_state_is_its_aid() {
    // the giver after «من» stands inside the phrase «تسلم ... شحنة»
    let d = doc("وتسلم الجيش العراقي من الولايات المتحدة شحنة من الذخائر والعربات المدرعة.");
    let e = find(&d, EventType::Aid);
    assert_eq!(e.actor, vec!["united-states"], "{e:#?}");
    assert_eq!(e.recipient, vec!["iraq-military"], "{e:#?}");
}

#[test]
fn a_bare_noun_joined_right_after_a_trigger_shares_its_sides() {
    // the extortion is suffered by the migrants, as the torture is
    let d = doc(
        "وانتقدت منظمة العفو الدولية خفر السواحل الليبي، وقالت إن المهاجرين يتعرضون للتعذيب والابتزاز في مراكز الاحتجاز.",
    );
    let e = find(&d, EventType::Threaten);
    assert_eq!(e.recipient, vec!["migrants"], "{:#?}", d.events);
}

#[test]
fn a_spokesman_of_it_speaks_for_the_sentence_topic() {
    let d = doc(
        "ورحبت حركة حماس بالمقترح المصري، وقال المتحدث باسمها إن الحركة تطالب بانسحاب كامل من القطاع.",
    );
    let e = find(&d, EventType::Request);
    let src = e.source.as_ref().unwrap();
    assert_eq!(src.kind, SourceKind::Named, "{src:#?}");
    assert_eq!(src.entity.as_deref(), Some("hamas"), "{src:#?}");
}

#[test]
fn a_joint_act_told_with_only_its_other_side_is_the_speakers() {
    let d = doc(
        "وقال الناطق باسم الجيش الأردني إن مناورات مشتركة مع القوات الأمريكية ستبدأ الشهر المقبل.",
    );
    let e = find(&d, EventType::Cooperate);
    assert_eq!(e.actor, vec!["jordan-military"], "{e:#?}");
    assert_eq!(e.recipient, vec!["united-states-military"], "{e:#?}");
}

#[test]
fn the_envoy_after_the_envoy_of_a_state_is_that_state() {
    let d = doc(
        "اتهم مندوب ليبيا لدى الأمم المتحدة، الاثنين، جهات خارجية بتأجيج القتال. وقال المندوب إن بلاده تملك أدلة على ذلك، مطالبا مجلس الأمن بفرض عقوبات على المتورطين.",
    );
    let e = find(&d, EventType::Request);
    assert_eq!(e.actor, vec!["libya"], "{e:#?}");
}

#[test]
fn an_organ_of_a_state_does_not_act_on_that_state() {
    // «المسؤولين» is read as the state's officials: the government threatens no one of its own
    let d = doc(
        "وأغلق محتجون، الأحد، ميناء أم قصر احتجاجا على سياسات العراق النفطية. وهددت الحكومة العراقية بملاحقة المسؤولين عن إغلاق الميناء.",
    );
    let e = find(&d, EventType::Threaten);
    assert_eq!(e.actor, vec!["iraq-government"]);
    assert!(!e.recipient.iter().any(|r| r == "iraq"), "{e:#?}");
}

#[test]
fn a_demand_as_the_purpose_of_an_act_is_its_actors() {
    let d = doc(
        "وخرج آلاف المحتجين في شوارع بغداد، تلبية لدعوة التيار الصدري، للمطالبة بحل البرلمان وتسليم السلطة للمستقلين.",
    );
    let e = find(&d, EventType::Request);
    assert_eq!(e.actor, vec!["sadrist-movement"], "{:#?}", d.events);
}

#[test]
fn an_attack_without_target_after_an_attack_of_its_sentence_shares_its_target() {
    let d = doc(
        "وتواصل القوات العراقية عملياتها العسكرية ضد تنظيم داعش في صحراء الأنبار، وسط غارات جوية أمريكية.",
    );
    let strikes = d
        .events
        .iter()
        .find(|e| e.event_type == EventType::Assault && e.actor == vec!["united-states"])
        .unwrap_or_else(|| panic!("{:#?}", d.events));
    assert_eq!(strikes.recipient, vec!["isis"], "{strikes:#?}");
}

#[test]
fn an_armed_group_surrendering_its_arms_does_so_to_the_state_of_the_story() {
    let d = doc(
        "وقالت دمشق إن التسوية مستمرة. وسلم مسلحو المعارضة السورية أسلحتهم الثقيلة في ريف حمص الشمالي.",
    );
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["syrian-opposition"]);
    assert_eq!(e.recipient, vec!["syria"], "{e:#?}");
}

#[test]
fn humanitarian_access_is_granted_to_whoever_delivers_the_aid() {
    let d = doc(
        "وأرسل برنامج الأغذية العالمي، الاثنين، قافلة مساعدات إلى دارفور. وقالت الحكومة السودانية إنها ستسمح بدخول المساعدات عبر معبر أدري.",
    );
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["sudan-government"]);
    assert_eq!(e.recipient, vec!["wfp"], "{e:#?}");
}

#[test]
fn a_state_does_not_act_on_its_own_government() {
    let d = doc(
        "وقالت دمشق إنها ستفتح المعابر أمام القوافل الإنسانية بالتنسيق الكامل مع الحكومة السورية.",
    );
    let e = find(&d, EventType::Cooperate);
    assert_eq!(e.actor, vec!["syria"]);
    assert!(e.recipient.is_empty(), "{e:#?}");
}

#[test]
fn operations_of_a_definite_act_noun_retell_the_act() {
    let d = doc(
        "ونهب مسلحون مجهولون، الأحد، مخازن برنامج الأغذية العالمي في مدينة الفاشر. وقال البرنامج إن عمليات النهب استمرت ساعات قبل وصول قوات الأمن.",
    );
    let n = d
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Coerce)
        .count();
    assert_eq!(n, 1, "{:#?}", d.events);
}

#[test]
fn the_same_word_retells_an_act_the_lexicon_typed_otherwise() {
    // «أغلق محتجون» is a protest; «المسؤولين عن الإغلاق» later names that closure, not a
    // blockade of its own
    let d = doc(
        "وأغلق محتجون، السبت، حقلا نفطيا في جنوب ليبيا. وهددت الحكومة بملاحقة المسؤولين عن الإغلاق قضائيا.",
    );
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Coerce),
        "{:#?}",
        d.events
    );
    assert!(
        d.events.iter().any(|e| e.event_type == EventType::Protest),
        "{:#?}",
        d.events
    );
}

#[test]
fn the_african_forces_in_a_somali_story_are_the_au_mission() {
    let d = doc(
        "مقديشو – قال وزير الدفاع الصومالي إن انسحاب القوات الأفريقية من قواعدها في إقليم شبيلي السفلى سيكتمل الشهر المقبل.",
    );
    let e = find(&d, EventType::Retreat);
    assert_eq!(e.actor, vec!["atmis"], "{e:#?}");
}

#[test]
fn a_denial_inside_a_named_report_answers_its_source() {
    // Iran denies what the UN reports, not the Yemeni government's earlier charge
    let d = doc(
        "واتهمت الحكومة اليمنية إيران بتهريب الأسلحة. وتقول الأمم المتحدة إن خبراءها وثقوا أسلحة إيرانية في اليمن، وهو ما تنفيه طهران.",
    );
    let e = find(&d, EventType::Reject);
    assert_eq!(e.actor, vec!["iran"]);
    assert_eq!(e.recipient, vec!["united-nations"], "{e:#?}");
}

#[test]
fn commentators_are_no_actors_nor_the_other_side_of_what_they_tell() {
    // an expert agreeing with a plan is commentary, not an agreement
    let d = doc("ويتفق خبراء مكافحة الإرهاب مع هذه الخطة.");
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Agree),
        "{:#?}",
        d.events
    );
    // researchers asking the government: the request keeps its recipient, not them as actor
    let d = doc("وطالب الباحثون الحكومة بنشر البيانات.");
    let e = find(&d, EventType::Request);
    assert!(!e.actor.iter().any(|a| a == "analysts"), "{e:#?}");
    // analysts telling of a refusal are its source, not the side refused
    let d = doc("وقال محللون إن الحوثيين رفضوا المبادرة.");
    let e = find(&d, EventType::Reject);
    assert_eq!(e.actor, vec!["houthis"]);
    assert!(!e.recipient.iter().any(|a| a == "analysts"), "{e:#?}");
    // researchers who suffer an act stay its recipient
    let d = doc("واعتقلت السلطات الإيرانية باحثين بتهمة التجسس.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.recipient, vec!["analysts"]);
}

#[test]
fn the_number_two_is_no_praise() {
    // «اثنين» (two) is also a form of «أثنى» (to praise)
    let d = doc("واعتقلت الشرطة اثنين من المشتبه بهم.");
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Support),
        "{:#?}",
        d.events
    );
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.recipient, vec!["suspects"]);
    let d = doc("وقد أطلقت اللجنة على أيدي اثني عشر ناشطا من الحزب.");
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Support),
        "{:#?}",
        d.events
    );
    let d = doc("وأثنى الوزير على جهود الجيش.");
    find(&d, EventType::Support);
}

#[test]
fn the_authorities_are_no_moroccan_town() {
    // «سلطات» is a GeoNames alternate name of Settat: it must not make Morocco the focus
    let d = doc("واعتقلت السلطات ناشطا.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.actor, vec!["government"]);
}

#[test]
fn a_generic_class_after_the_subject_is_the_object() {
    // «صحفيين» is no nisba adjective of «الشرطة», nor a name in apposition
    let d = doc("واعتقلت الشرطة صحفيين بتهمة التجسس.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.actor, vec!["security-forces"]);
    assert_eq!(e.recipient, vec!["journalists"]);
    let d = doc("واعتقلت السلطات الإيرانية ناشطين.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.recipient, vec!["activists"]);
    // a person's name after a title stays the subject
    let d = doc("استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي.");
    let e = find(&d, EventType::Consult);
    assert_eq!(e.actor, vec!["abdel-fattah-el-sisi"]);
}

#[test]
fn complementizer_pronoun_is_the_subject() {
    // «إنها اعتقلت مسلحين»: the police arrested gunmen, not gunmen arrested
    let d = doc("وقالت الشرطة العراقية إنها اعتقلت مسلحين في الموصل.");
    let e = find(&d, EventType::Coerce);
    assert_eq!(e.actor, vec!["iraq-police"]);
    assert_eq!(e.recipient, vec!["gunmen"]);
}

#[test]
fn an_arrested_suspect_is_the_recipient() {
    // «أوقف المشتبه به»: the unvocalised passive, not the suspect arresting
    let d = doc("وقد أوقف المشتبه به الرئيسي عندما كان يحاول الفرار.");
    let e = find(&d, EventType::Coerce);
    assert!(e.actor.is_empty(), "{e:#?}");
    assert_eq!(e.recipient, vec!["suspects"]);
}

#[test]
fn an_assistant_is_a_title_not_aid() {
    let d = doc("وأوضحت روبيرتا جاكوبسون مساعدة وزير الخارجية الأميركي أن الحوار مستمر.");
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Aid),
        "{:#?}",
        d.events
    );
    let d = doc("وأعلنت الأمم المتحدة مساعدة اللاجئين السوريين في لبنان.");
    find(&d, EventType::Aid);
}

#[test]
fn acts_among_private_people_alone_are_no_events() {
    // neighbours meeting on a feast day
    let d = doc("ويجتمع أهالي الحي الواحد حول الموائد لتبادل التهاني.");
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Consult),
        "{:#?}",
        d.events
    );
    // a release of journalists stays, its releasing state unnamed
    let d = doc("وأفرجت السلطات عن صحفيين اثنين بكفالة.");
    find(&d, EventType::Retreat);
    // and the same meeting with a state on one side is an event
    let d = doc("والتقى وزير الخارجية الأردني بأهالي المعتقلين.");
    find(&d, EventType::Consult);
}

#[test]
fn an_unlinked_subject_after_a_complementizer_keeps_the_object_after_the_verb() {
    // «الطائرات» is the subject: the Houthis' positions are what was shelled
    let d = doc("وقال إن الطائرات قصفت مواقع الحوثيين في صعدة.");
    let e = find(&d, EventType::Assault);
    assert!(e.actor.is_empty(), "{e:#?}");
    assert_eq!(e.recipient, vec!["houthis"]);
}

#[test]
fn idioms_and_blessings_are_no_acts() {
    // «ضرب بعرض الحائط» (to disregard), «صلى الله عليه وسلم» (peace be upon him)
    for s in [
        "وقال إن الحكومة ضربت بعرض الحائط كل التفاهمات مع الحوثيين.",
        "وقال إن النبي صلى الله عليه وسلم نهى عن قتل الأسرى.",
    ] {
        let d = doc(s);
        let idiom = |e: &&rasad_doc::Event| {
            (e.event_type == EventType::Assault && e.trigger.text.contains("ضرب"))
                || (e.event_type == EventType::Retreat && e.trigger.text.contains("سلم"))
        };
        assert!(!d.events.iter().any(|e| idiom(&e)), "{s}: {:#?}", d.events);
    }
    let d = doc("وسلم الحوثيون الأسرى إلى الصليب الأحمر.");
    find(&d, EventType::Retreat);
}

#[test]
fn war_crimes_and_the_war_on_terror_are_no_attacks() {
    for s in [
        "وقال إن الرئيس السابق سيلاحق بتهم ارتكاب جرائم حرب ضد المدنيين.",
        "وأكد أن مصر تعاني من ويلات الحرب على الإرهاب.",
    ] {
        let d = doc(s);
        assert!(
            d.events.iter().all(|e| e.event_type != EventType::Assault),
            "{s}: {:#?}",
            d.events
        );
    }
    let d = doc("وقالت الحكومة إن الحرب على الحوثيين مستمرة.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.recipient, vec!["houthis"]);
}

#[test]
fn a_relative_verb_right_after_a_definite_event_noun_gives_its_agent() {
    // «الهجمات نفذتها حركة الشباب»: the press drops «التي»; Kenya suffered them
    let d = doc("وتعرضت كينيا لسلسلة من الهجمات نفذتها حركة الشباب خلال الأشهر الماضية.");
    let e = find(&d, EventType::Assault);
    assert_eq!(e.actor, vec!["al-shabaab"]);
    assert!(!e.recipient.iter().any(|r| r == "al-shabaab"), "{e:#?}");
}

#[test]
fn a_share_or_a_rank_held_is_no_occupation() {
    let d = doc("وتحتل السعودية الجزء الصغير من واردات الهند.");
    assert!(
        d.events.iter().all(|e| e.event_type != EventType::Coerce),
        "{:#?}",
        d.events
    );
    let d = doc("واحتلت القوات الإسرائيلية مواقع في جنوب لبنان.");
    find(&d, EventType::Coerce);
}

#[test]
fn an_anonymous_source_and_an_anti_war_veteran_are_no_events() {
    // «اشترط عدم الكشف عن هويته» is how an anonymous source is told; «معاد للحرب» an opinion
    for s in [
        "وأوضح مسؤول في الوزارة اشترط عدم الكشف عن هويته أن القوات انسحبت.",
        "وقال جندي سابق معاد للحرب إن الحكومة فشلت.",
    ] {
        let d = doc(s);
        assert!(
            d.events
                .iter()
                .all(|e| !matches!(e.event_type, EventType::Request | EventType::Assault)),
            "{s}: {:#?}",
            d.events
        );
    }
}

#[test]
fn sports_story_keeps_only_events_with_an_armed_side() {
    // a match report: the team's attack, the player's contract, the coach's request
    let story = "قاد اللاعب المصري فريقه إلى الفوز في مباراة أمس بعد هجوم قوي في الشوط الثاني. \
                 ووقعت مصر اتفاقا مع اللاعب الجديد لمدة ثلاثة مواسم، وطالبت مصر الاتحاد الدولي \
                 بدعم الأندية قبل المباراة المقبلة على ملعب القاهرة.";
    let d = doc(story);
    assert!(d.events.is_empty(), "{:#?}", d.events);
    // the same requests outside a sports story are events
    let d =
        doc("ووقعت مصر اتفاقا مع السودان لمدة ثلاثة أعوام، وطالبت مصر الأمم المتحدة بدعم اللاجئين.");
    assert!(!d.events.is_empty());
    // fans fighting the police in a sports story stay
    let d = doc(&format!(
        "{story} واعتقلت الشرطة المصرية عشرات المشجعين بعد اشتباكات في محيط الملعب."
    ));
    let e = find(&d, EventType::Coerce);
    assert!(!e.actor.is_empty(), "{e:#?}");
}

#[test]
fn distance_is_no_deportation_and_an_achievement_no_investigation() {
    let has = |text: &str, ty: EventType| count(text, ty) > 0;
    // «تبعد» (is far): a distance, not «أبعد» (to deport)
    assert!(!has(
        "وتقع القاعدة في منطقة تبعد نحو 60 كيلومترا عن المدينة.",
        EventType::Coerce
    ));
    assert!(!has(
        "والحل أبعد ما يكون عن متناول الأطراف.",
        EventType::Coerce
    ));
    assert!(has(
        "أبعدت السلطات الكويتية 12 مقيما إلى بلدانهم.",
        EventType::Coerce
    ));
    // «النجاح الذي حققته الشرطة» (achieved it): «حقق في» investigates, never with an object pronoun
    assert!(!has(
        "وأشاد الوزير بالنجاح الذي حققته الشرطة في ضبط المهربين.",
        EventType::Accuse
    ));
    assert!(has(
        "وحققت الشرطة مع المتهمين في القضية.",
        EventType::Accuse
    ));
}

#[test]
fn monitors_are_sources_not_sides_of_violence() {
    let d = doc(
        "وذكر المرصد السوري لحقوق الإنسان أن مدينة الزبداني تتعرض لقصف عنيف من براميل أسقطها \
         النظام السوري على المدينة.",
    );
    assert!(!d.events.is_empty());
    for e in &d.events {
        assert!(
            !e.actor.iter().chain(&e.recipient).any(|x| x == "sohr"),
            "{e:#?}"
        );
    }
    // a monitor's own accusation stays its own
    let d = doc("واتهمت منظمة العفو الدولية قوات النظام السوري بقصف الأحياء السكنية.");
    assert_eq!(find(&d, EventType::Accuse).actor, ["amnesty-international"]);
}

#[test]
fn prayers_names_and_the_anonymity_formula_are_no_requests() {
    assert_eq!(
        count(
            "وهنأ الأمير المواطنين بالعيد، داعيا المولى أن يعيده على الجميع.",
            EventType::Request
        ),
        0
    );
    assert_eq!(
        count(
            "وزار الوزير العراقي مسجد علي بن أبي طالب في البصرة.",
            EventType::Request
        ),
        0
    );
    assert_eq!(
        count(
            "وقال مسؤول عراقي طالبا عدم الإشارة إلى اسمه إن الوفد وصل إلى طهران.",
            EventType::Request
        ),
        0
    );
    assert_eq!(
        count(
            "وطالب البرلمان العراقي الحكومة بالاستقالة.",
            EventType::Request
        ),
        1
    );
}

#[test]
fn searching_for_is_no_consultation() {
    assert_eq!(
        count(
            "وقالت الوزارة السعودية إن فرقها تبحث عن المفقودين في جدة.",
            EventType::Consult
        ),
        0
    );
    assert_eq!(
        count(
            "وبحث وزير الخارجية السعودي مع نظيره الأردني تطورات الأوضاع.",
            EventType::Consult
        ),
        1
    );
}

#[test]
fn attributing_is_no_condolence() {
    assert_eq!(
        count(
            "وعزت الحكومة المصرية ارتفاع الأسعار إلى الأزمة العالمية.",
            EventType::Support
        ),
        0
    );
    assert_eq!(
        count(
            "وعزت الخارجية الأردنية الحكومة المصرية في ضحايا الهجوم.",
            EventType::Support
        ),
        1
    );
}

#[test]
fn dimensions_are_no_deportation() {
    // «أبعاد» (hamza above: dimensions) folds to the spelling of «إبعاد» (deportation)
    assert_eq!(
        count(
            "وقال الوزير التونسي إن الاتفاق ينطوي على أبعاد رمزية كثيرة.",
            EventType::Coerce
        ),
        0
    );
    assert_eq!(
        count(
            "وتمر مصر بحالة ازدهار تنعكس أبعاده الاجتماعية على البلاد.",
            EventType::Coerce
        ),
        0
    );
    assert_eq!(
        count(
            "وقررت السلطات الكويتية إبعاد 12 مقيما إلى بلدانهم.",
            EventType::Coerce
        ),
        1
    );
}

#[test]
fn reconsidering_and_reopening_are_no_return() {
    for text in [
        "وقالت الحكومة اليمنية إنها تعيد النظر في الاتفاق مع الحوثيين.",
        "وقررت الحكومة العراقية أن تعيد فتح المعبر أمام الشاحنات.",
    ] {
        assert_eq!(count(text, EventType::Retreat), 0, "{text}");
    }
    assert_eq!(
        count(
            "وأعادت القوات الأمريكية الأموال المصادرة إلى الحكومة العراقية.",
            EventType::Retreat
        ),
        1
    );
}

#[test]
fn a_verbal_nouns_block_reaches_the_verbs_forms() {
    // «تحقيق السلام» (achieving peace) is written for the verbal noun of «حقق في» (investigate)
    assert_eq!(
        count(
            "وقالت الحكومة اليمنية إنها حققت السلام في البلاد.",
            EventType::Accuse
        ),
        0
    );
    assert_eq!(
        count(
            "وقال مسؤول يمني إن قوات الجيش اليمني سيطرت على مدينة عدن.",
            EventType::Coerce
        ),
        1
    );
}
