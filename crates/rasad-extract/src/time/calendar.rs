//! Calendar arithmetic: Gregorian days (proleptic, as day numbers) and the Umm al-Qura Hijri
//! calendar. Inside the years of the published Umm al-Qura tables the `hijridate` crate converts
//! (it carries those tables: every pair of ../shared/research-data/hijri-ummalqura-tables agrees);
//! ICU4X `icu_calendar`'s Umm al-Qura calendar is a day off them in many months of 1356–1419 and
//! 1451–1500 AH, so it serves only outside that range, where `hijridate` would fall back to the
//! tabular calendar.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The Gregorian date of a day number.
pub fn civil(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// ISO weekday (1 = Monday) of a day number.
pub fn weekday(z: i64) -> u8 {
    ((z + 3).rem_euclid(7) + 1) as u8
}

/// Days in a Gregorian month.
pub fn month_len(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A valid Gregorian date.
pub fn valid(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= month_len(y, m)
}

/// True for Hijri years the published Umm al-Qura tables (and `hijridate`) cover.
fn in_tables(y: i32) -> bool {
    (hijridate::FIRST_HIJRI_YEAR..=hijridate::LAST_HIJRI_YEAR).contains(&y)
}

/// The Gregorian date of an Umm al-Qura Hijri date, `None` when the date does not exist.
pub fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<(i32, u8, u8)> {
    if in_tables(y) {
        let g = hijridate::Hijri::new(y, m, d).ok()?.to_gregorian();
        return Some((g.year(), g.month(), g.day()));
    }
    let h = Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(Iso);
    Some((
        iso.year().extended_year(),
        iso.month().ordinal,
        iso.day_of_month().0,
    ))
}

/// The Umm al-Qura Hijri date of a Gregorian date.
pub fn gregorian_to_hijri(y: i32, m: u8, d: u8) -> Option<(i32, u8, u8)> {
    if let Ok(g) = hijridate::Gregorian::new(y, m, d) {
        let h = g.to_hijri();
        if in_tables(h.year()) && !h.is_tabular() {
            return Some((h.year(), h.month(), h.day()));
        }
    }
    let iso: Date<Iso> = Date::try_new_iso(y, m, d).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        h.month().ordinal,
        h.day_of_month().0,
    ))
}

/// Days in a Hijri month (29 or 30).
pub fn hijri_month_len(y: i32, m: u8) -> Option<u8> {
    if in_tables(y) {
        return hijridate::Hijri::new(y, m, 1)
            .ok()
            .map(|h| h.month_length());
    }
    let h = Date::try_new_hijri_with_calendar(y, m, 1, Hijri::new_umm_al_qura()).ok()?;
    Some(h.days_in_month())
}

/// Western (Gregorian) Easter Sunday of a year (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> (u8, u8) {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(civil(days(2014, 9, 21)), (2014, 9, 21));
        assert_eq!(civil(days(2000, 2, 29)), (2000, 2, 29));
        assert_eq!(weekday(days(2013, 2, 12)), 2); // a Tuesday
    }

    #[test]
    fn umm_al_qura_both_ways() {
        assert_eq!(hijri_to_gregorian(1445, 9, 15), Some((2024, 3, 25)));
        assert_eq!(gregorian_to_hijri(2024, 3, 25), Some((1445, 9, 15)));
        assert_eq!(hijri_to_gregorian(1445, 13, 1), None);
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2013), (3, 31));
        assert_eq!(easter(2024), (3, 31));
        assert_eq!(easter(2019), (4, 21));
    }
}
