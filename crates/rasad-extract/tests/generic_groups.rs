//! Generic groups that stand for a specific one (`generic_refs` in `data/actors/`), and the
//! dictionary entries added for them. The sentences are written for these tests.

mod common;

use common::doc;

/// The entity the mention with this text links to (its first occurrence).
fn entity_of<'a>(d: &'a rasad_doc::Document, text: &str) -> Option<&'a str> {
    d.mentions
        .iter()
        .find(|m| m.text == text || m.text.starts_with(&format!("{text} ")))
        .and_then(|m| m.entity.as_deref())
}

#[test]
fn protesters_after_the_movement_that_called_them_are_that_movement() {
    let d = doc("دعت لجان المقاومة إلى مواكب في أم درمان، وأطلقت الشرطة الغاز على المتظاهرين.");
    assert_eq!(entity_of(&d, "المتظاهرين"), Some("resistance-committees"));
}

#[test]
fn protesters_before_any_group_is_named_stay_protesters() {
    let d = doc("أطلقت الشرطة الغاز على المتظاهرين ثم دعت لجان المقاومة إلى مواكب جديدة.");
    assert_eq!(entity_of(&d, "المتظاهرين"), Some("protesters"));
}

#[test]
fn protesters_with_no_group_named_stay_protesters() {
    let d = doc("تجمع مئات المحتجين أمام مبنى البلدية في البصرة للمطالبة بالكهرباء.");
    assert_eq!(entity_of(&d, "المحتجين"), Some("protesters"));
}

#[test]
fn tribesmen_after_a_tribal_alliance_are_the_alliance() {
    let d = doc("هدد حلف قبائل حضرموت بوقف ضخ النفط، وأفرجت السلطات عن عشرة من أبناء القبائل.");
    assert_eq!(
        entity_of(&d, "أبناء القبائل"),
        Some("hadramawt-tribal-alliance")
    );
}

#[test]
fn a_demonym_makes_a_generic_group_the_national_group() {
    let d = doc("أعادت السلطات اللبنانية أمس 30 لاجئا سوريا عبر معبر المصنع.");
    let m = d
        .mentions
        .iter()
        .find(|m| m.entity.as_deref() == Some("syrian-refugees"))
        .expect("a mention of the Syrian refugees");
    // the demonym is part of the mention, not a mention of Syria
    assert_eq!(m.text, "لاجئا سوريا");
    assert!(d
        .mentions
        .iter()
        .all(|m| m.entity.as_deref() != Some("syria")));
}

#[test]
fn a_demonym_of_another_country_leaves_the_generic_group() {
    let d = doc("أعادت السلطات اللبنانية أمس 30 لاجئا عراقيا إلى بلادهم.");
    assert!(d
        .mentions
        .iter()
        .any(|m| m.entity.as_deref() == Some("displaced-people")));
}

#[test]
fn detainees_qualified_as_palestinian_are_the_palestinian_prisoners() {
    let d = doc("بدأ 12 أسيرا فلسطينيا إضرابا عن الطعام في سجن النقب.");
    assert!(d
        .mentions
        .iter()
        .any(|m| m.entity.as_deref() == Some("palestinian-prisoners")));
}

#[test]
fn migrants_are_not_refugees() {
    let d = doc("اعترض خفر السواحل قاربا يقل 60 مهاجرا غير نظامي قبالة زوارة.");
    assert_eq!(entity_of(&d, "مهاجرا غير نظامي"), Some("migrants"));
}

#[test]
fn the_yemeni_special_security_forces_only_in_a_yemeni_story() {
    let d = doc("قالت الحكومة الصومالية إن قوات الأمن الخاصة حررت الرهائن في مقديشو.");
    assert_ne!(
        entity_of(&d, "قوات الأمن الخاصة"),
        Some("yemen-special-security-forces")
    );
    let d = doc("انتشرت قوات الأمن الخاصة في شوارع عدن بعد اشتباكات مع مسلحين في اليمن.");
    assert_eq!(
        entity_of(&d, "قوات الأمن الخاصة"),
        Some("yemen-special-security-forces")
    );
}

#[test]
fn generic_security_forces_after_a_state_s_forces_are_those_forces() {
    let d = doc("أعلنت قوات الأمن الصومالية حالة التأهب، ثم داهمت قوة أمنية منزلا في مقديشو.");
    assert_eq!(entity_of(&d, "قوة أمنية"), Some("somalia-security-forces"));
}

#[test]
fn a_syndicate_is_not_its_members() {
    let d = doc("نددت نقابة الصحفيين الليبيين باختطاف مراسل في طرابلس.");
    assert_eq!(
        entity_of(&d, "نقابة الصحفيين الليبيين"),
        Some("libyan-journalists-syndicate")
    );
}

#[test]
fn a_committee_named_in_the_plural_is_referred_back_to() {
    let d = doc("دعت لجان المقاومة إلى التظاهر. وقالت اللجان في بيان إن المواكب ستستمر.");
    assert_eq!(entity_of(&d, "اللجان"), Some("resistance-committees"));
}

#[test]
fn the_army_commander_after_an_army_is_named_is_that_army() {
    let d = doc("تسلم الجيش اللبناني شحنة ذخائر، وقال قائد الجيش إن الدعم يساعد المؤسسة العسكرية.");
    assert_eq!(entity_of(&d, "قائد الجيش"), Some("lebanon-military"));
    let d = doc("وقال قائد الجيش إن القوات مستعدة.");
    assert_eq!(entity_of(&d, "قائد الجيش"), Some("army-commander"));
}

#[test]
fn a_nationality_is_not_its_state() {
    let d = doc("رحلت السلطات الليبية 200 مهاجر من جنسيات نيجرية وتشادية وسودانية.");
    let states = ["niger", "chad", "sudan"];
    assert!(
        d.mentions
            .iter()
            .all(|m| !states.contains(&m.entity.as_deref().unwrap_or(""))),
        "{:?}",
        d.mentions
    );
    // a demonym elsewhere still names its state
    let d = doc("اتهمت الحكومة السودانية جهات تشادية بدعم المتمردين.");
    assert!(d
        .mentions
        .iter()
        .any(|m| m.entity.as_deref() == Some("chad")));
}

#[test]
fn an_envoy_referred_back_to_by_his_title_is_the_office_named_before() {
    let d = doc("التقى المبعوث الأممي الخاص إلى اليمن وزير الخارجية في الرياض، وقال المبعوث إن الحوار مستمر.");
    let later = d
        .mentions
        .iter()
        .rev()
        .find(|m| m.text == "المبعوث")
        .and_then(|m| m.entity.as_deref());
    assert_eq!(later, Some("un-envoy-yemen"));
}

#[test]
fn strikers_after_striking_prisoners_are_those_prisoners() {
    let d = doc("أعلن أسرى فلسطينيون إضرابا عن الطعام، ونقلت إدارة السجن 3 من المضربين إلى العزل.");
    assert_eq!(entity_of(&d, "المضربين"), Some("palestinian-prisoners"));
}

#[test]
fn a_government_force_is_the_armed_forces_of_the_state_told() {
    let d = doc("سيطر الجيش الصومالي على بلدة قرب بلدوين، ثم انسحبت قوة حكومية من قرية مجاورة.");
    let army = entity_of(&d, "الجيش الصومالي");
    assert!(army.is_some());
    assert_eq!(entity_of(&d, "قوة حكومية"), army);
}

#[test]
fn the_national_alliance_in_an_iraqi_story_is_the_shia_bloc() {
    let d = doc(
        "أبدت كتل نيابية داخل التحالف الوطني في بغداد اعتراضها على القانون، بينما قصف التحالف \
         مواقع لتنظيم داعش في الأنبار.",
    );
    assert_eq!(
        entity_of(&d, "التحالف الوطني"),
        Some("iraq-national-alliance")
    );
    // «التحالف» alone is still the anti-ISIS coalition there
    assert!(d.mentions.iter().any(
        |m| m.text == "التحالف" && m.entity.as_deref() == Some("global-coalition-against-isis")
    ));
}
