"""Reports in German, Spanish, Portuguese and French: their interval labels ("95%-KI", "IC 95%",
"IC à 95 %"), range words ("bis", "a"), differences ("Mittelwertdifferenz") and counts ("4 von
82"), in documents that print decimal commas."""

from __future__ import annotations

import re

import pytest
from extraction_helpers import checks_named, of_kind, one, stats

from trialaudit import context

# A sentence that makes a document print decimal commas ("(4,9 %)"), so that "0,42" is 0.42.
COMMAS = " Stürze: 4 von 82 (4,9 %)."


@pytest.mark.parametrize(
    ("text", "kind", "value", "low", "high"),
    [
        ("Odds Ratio 0,42; 95%-KI 0,12–1,41; p = 0,15.", "ratio", 0.42, 0.12, 1.41),
        ("Mittelwertdifferenz −5,2; 95%-KI −9,1 bis −1,3; p = 0,009.", "difference", -5.2, -9.1,
         -1.3),
        ("RR 0,62; IC 95%: 0,43-0,89; p = 0,01.", "ratio", 0.62, 0.43, 0.89),
        ("RR 0,63; IC95% 0,42–0,95.", "ratio", 0.63, 0.42, 0.95),
        ("La diferencia de medias fue 0,64 (IC95%: 0,09 a 1,19).", "difference", 0.64, 0.09,
         1.19),
        ("OR 0,55 (IC à 95 % 0,35–0,86).", "ratio", 0.55, 0.35, 0.86),
        ("Die Mittelwertdifferenz betrug −5,2 (95%-KI −9,1 bis −1,3).", "difference", -5.2, -9.1,
         -1.3),
    ],
)  # fmt: skip
def test_an_interval_labelled_in_another_language(text, kind, value, low, high):
    row = one(text + COMMAS, kind)
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, low, high)
    # the level before "KI" or after "IC" is no percentage of its own
    assert [p["value"] for p in of_kind(text + COMMAS, "percentage")] == []


def test_a_posters_diff_is_a_difference():
    row = one("PRIMARY: diff −0.23 (95%CI −0.41 to −0.05), p=.01", "difference")
    assert (row["value"], row["ci_low"], row["ci_high"]) == (-0.23, -0.41, -0.05)


@pytest.mark.parametrize(
    ("text", "source", "numerator", "denominator", "percent"),
    [
        ("Stürze traten bei 4 von 82 (4,9 %) Teilnehmenden auf.", "4 von 82 (4,9 %)", 4, 82, 4.9),
        ("Murieron 12 de 40 pacientes (30,0 %).", "12 de 40 pacientes (30,0 %)", 12, 40, 30.0),
    ],
)
def test_a_count_out_of_its_denominator_in_another_language(
    text, source, numerator, denominator, percent
):
    row = one(text, "count")
    assert (row["source_text"], row["numerator"], row["denominator"], row["percent"]) == (
        source,
        numerator,
        denominator,
        percent,
    )


def test_arms_of_a_german_report_are_its_groups():
    text = (
        "164 Patientinnen und Patienten wurden im Verhältnis 1:1 der Interventionsgruppe (n = 82) "
        "oder der Kontrollgruppe (n = 82) zugeteilt. Nach 12 Wochen lag der WOMAC-Score in der "
        "Interventionsgruppe bei 24,6 ± 12,3 und in der Kontrollgruppe bei 29,8 ± 13,1 Punkten "
        "(p = 0,009)."
    )
    rows = stats(text)
    assert [r["arm"] for r in rows if r["kind"] == "arm_size"] == [
        "Interventionsgruppe",
        "Kontrollgruppe",
    ]
    means = [r for r in rows if r["kind"] == "mean"]
    assert [(m["value"], m["arm"], m["timepoint"]) for m in means] == [
        (24.6, "Interventionsgruppe", "week 12"),
        (29.8, "Kontrollgruppe", "week 12"),
    ]
    # a label that names a group is no outcome
    assert not any("gruppe" in m["outcome"] for m in means)


@pytest.mark.parametrize(
    ("text", "n", "population", "share", "outcome"),
    [
        ("Methoden: In diese Studie wurden 164 Patientinnen und Patienten eingeschlossen. "
         "Ergebnisse: 98 (59,8 %) waren Frauen.", "164", "enrolled", "98 (59,8 %)", "frauen"),
        ("Métodos: Se incluyeron 120 pacientes. Resultados: 70 (58,3%) eran mujeres.", "120",
         "enrolled", "70 (58,3%)", "mujeres"),
        ("Métodos: Foram randomizados 120 participantes. Resultados: 70 (58,3%) eram mulheres.",
         "120", "randomized", "70 (58,3%)", "mulheres"),
        ("Méthodes : 120 patients ont été randomisés. Résultats : 70 (58,3 %) étaient des femmes.",
         "120", "randomized", "70 (58,3 %)", "femmes"),
    ],
)  # fmt: skip
def test_a_sample_and_its_share_of_women_in_another_language(text, n, population, share, outcome):
    rows = stats(text)
    size = one(text, "sample_size")
    assert (size["source_text"], size["population"]) == (n, population)
    count = one(text, "count")
    # 98/164 = 59.76 %, 70/120 = 58.33 %: the share is of the whole sample, not the heading
    assert (count["source_text"], count["denominator"], count["outcome"]) == (
        share,
        int(n),
        outcome,
    )
    assert len(rows) == 2


def test_a_count_after_a_heading_in_another_language_names_no_heading():  # guard
    text = "Ergebnisse: 12 (15,0 %) Stürze. Resultados: 9 (11,3 %) caídas."
    assert {r["outcome"] for r in stats(text)} & {"Ergebnisse", "Resultados"} == set()


@pytest.mark.parametrize(
    ("text", "outcome", "arms"),
    [
        ("In diese Studie wurden 80 Patienten eingeschlossen und der Interventionsgruppe "
         "(n = 40) oder der Kontrollgruppe (n = 40) zugeteilt. Die Mortalität nach 28 Tagen "
         "betrug 12,5 % (5/40) in der Interventionsgruppe und 30,0 % (12/40) in der "
         "Kontrollgruppe (p = 0,05).", "Mortalität", ("Interventionsgruppe", "Kontrollgruppe")),
        ("Se aleatorizaron 80 pacientes al grupo de intervención (n = 40) o al grupo control "
         "(n = 40). La mortalidad a los 28 días fue del 12,5 % (5/40) y del 30,0 % (12/40), "
         "respectivamente (p = 0,05).", "mortalidad", ("intervención", "control")),
        ("Os 80 pacientes foram randomizados para o grupo MSC (n = 40) ou o grupo controle "
         "(n = 40). A mortalidade em 28 dias foi de 12,5% (5/40) no grupo MSC e 30,0% (12/40) "
         "no grupo controle (p = 0,05).", "mortalidade", ("MSC", "controle")),
        ("Au total, 80 patients ont été randomisés dans le groupe traité (n = 40) ou le groupe "
         "témoin (n = 40). La mortalité à J28 était de 12,5 % (5/40) dans le groupe traité "
         "contre 30,0 % (12/40) dans le groupe témoin (p = 0,05).", "mortalité",
         ("traité", "témoin")),
    ],
)  # fmt: skip
def test_the_outcome_and_arms_of_a_result_in_another_language(text, outcome, arms):
    rows = stats(text)
    assert tuple(r["arm"] for r in rows if r["kind"] == "arm_size") == arms
    counts = [r for r in rows if r["kind"] == "count"]
    # the outcome is the sentence's subject, the arms those named after each value
    assert [(c["outcome"], c["arm"]) for c in counts] == [(outcome, arm) for arm in arms]
    (p,) = [r for r in rows if r["kind"] == "p_value"]
    assert p["outcome"] == outcome and p["arm"] == f"{arms[0]} vs {arms[1]}"


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        # the verb second, after a time: the subject follows it
        ("Nach 12 Wochen lag der WOMAC-Score bei 24,6 ± 12,3 bzw. 29,8 ± 13,1 Punkten.",
         "WOMAC-Score"),
        ("Die Gehstrecke im 6-Minuten-Gehtest nahm im Median um 48 m (IQR 22–71) bzw. 31 m "
         "(IQR 10–55) zu.", "Gehstrecke im 6-Minuten-Gehtest"),
        ("Stürze traten bei 4 von 82 (4,9 %) bzw. 9 von 82 (11,0 %) Teilnehmenden auf.",
         "Stürze"),
        ("La estancia hospitalaria fue de 9,5 ± 2,1 días frente a 12,3 ± 3,0 días.",
         "estancia hospitalaria"),
        ("La durée d'hospitalisation était de 12,1 ± 3,2 jours contre 15,4 ± 4,0 jours.",
         "durée d'hospitalisation"),
    ],
)  # fmt: skip
def test_the_subject_of_a_sentence_in_another_language_is_its_outcome(sentence, outcome):
    text = (
        "Die Patienten wurden der Interventionsgruppe (n = 82) oder der Kontrollgruppe (n = 82) "
        "zugeteilt. " + sentence
    )
    values = [r for r in stats(text) if r["kind"] in {"mean", "median", "count"}]
    assert len(values) == 2
    assert [v["outcome"] for v in values] == [outcome, outcome]
    # "bzw." ("respectively"), "frente a", "contre": the arms in the order they were given
    assert [v["arm"] for v in values] == ["Interventionsgruppe", "Kontrollgruppe"]


def test_an_english_word_that_opens_with_an_article_of_another_language_is_no_subject():
    # "Among ... era": "A" then "mong" and the Spanish/Portuguese "era" must not read as "A mong
    # ... era" (an article, a noun and a verb)
    text = (
        "Patients were randomized to MSC (n = 40) or placebo (n = 40). Among them, in the "
        "pre-vaccine era, mortality was 5 (12.5%) vs 8 (20.0%)."
    )
    assert {r["outcome"] for r in stats(text) if r["kind"] == "count"} == {"mortality"}


@pytest.mark.parametrize(
    ("text", "not_outcome"),
    [
        # "A total ... era": the English noun "era" is no Spanish verb
        ("A total of 120 patients in the COVID era were randomised; 12 (10%) died.", "total"),
        # "Time lag in": the English "lag" is no German verb
        ("Time lag in diagnosis was 3.1 ± 1.2 days vs 4.2 ± 1.5 days (p = 0.03).", "Time"),
    ],
)  # fmt: skip
def test_english_words_that_are_verbs_of_another_language_make_no_subject(text, not_outcome):
    outcomes = {r["outcome"] for r in stats(text)}
    assert outcomes and not_outcome not in outcomes


def test_an_english_sentence_is_not_read_as_another_language():  # guard
    text = (
        "Patients were randomized to vitamin E (n = 40) or placebo (n = 40). A total of 12 "
        "(30.0%) and 5 (12.5%) died, respectively; no treatment (n = 10) was given to others."
    )
    rows = stats(text)
    assert [r["arm"] for r in rows if r["kind"] == "arm_size"][:2] == ["vitamin E", "placebo"]
    assert all(r["outcome"] != "total" for r in rows)


FRENCH = (
    "Résultats : Au total, 301 patients ont été randomisés et 294 ont été inclus dans l'analyse "
    "(groupe actif, n = 148 ; groupe placebo, n = 146). Le taux de répondeurs à la semaine 12 "
    "était de 41,9 % (62/148) dans le groupe actif contre 28,8 % (42/146) dans le groupe "
    "placebo (risque relatif 1,46 ; IC à 95 % 1,06–2,00 ; p = 0,02). La variation moyenne était "
    "de −4,6 ± 4,1 jours dans le groupe actif et de −3,5 ± 4,3 jours dans le groupe placebo "
    "(différence moyenne −1,1 jour ; IC à 95 % −2,1 à −0,1). Des céphalées sont survenues chez "
    "14 patients (9,5 %) du groupe actif et 6 patients (4,1 %) du groupe placebo."
)


def test_a_french_report_its_ratio_difference_arms_sizes_and_week():
    rows = {r["source_text"]: r for r in stats(FRENCH)}
    ratio = rows["risque relatif 1,46 ; IC à 95 % 1,06–2,00"]
    assert (ratio["measure"], ratio["ci_low"], ratio["ci_high"]) == ("RR", 1.06, 2.0)
    assert ratio["timepoint"] == "week 12"
    difference = rows["différence moyenne −1,1 jour ; IC à 95 % −2,1 à −0,1"]
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (-1.1, -2.1, -0.1)
    # the level of "IC à 95 %" is no percentage
    assert not [r for r in rows.values() if r["kind"] == "percentage"]
    # the arm after the value's unit, and after "du groupe"
    assert (rows["−4,6 ± 4,1"]["arm"], rows["−3,5 ± 4,3"]["arm"]) == ("actif", "placebo")
    assert (rows["14 patients (9,5 %)"]["arm"], rows["6 patients (4,1 %)"]["arm"]) == (
        "actif",
        "placebo",
    )
    # "294 ont été inclus": the analysed total, which the arms add up to
    assert (rows["294"]["kind"], rows["294"]["population"]) == ("sample_size", "enrolled")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("El riesgo relativo fue 0,72 (IC 95%: 0,55-0,94).", "RR"),
        ("A razão de chances foi 1,80 (IC 95%: 1,10-2,95).", "OR"),
        ("Il rischio relativo era 0,81 (IC 95% 0,66-0,99).", "RR"),
        ("Das relative Risiko betrug 0,77 (95%-KI 0,60–0,98).", "RR"),
    ],
)  # fmt: skip
def test_a_ratio_named_in_another_language(text, measure):
    row = one(text + COMMAS, "ratio")
    assert row["measure"] == measure


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("La mortalité au jour 28 était de 12 % (6/50).", "day 28"),
        ("La mortalidad a los 6 meses fue 12 % (6/50).", "month 6"),
        ("Mortalità a 12 settimane: 12 % (6/50).", "week 12"),
    ],
)  # fmt: skip
def test_a_time_point_in_another_language(sentence, label):
    (row,) = [r for r in stats(sentence) if r["source_text"] == "12 % (6/50)"]
    assert row["timepoint"] == label


RUSSIAN = (
    "Материал и методы. Включены 245 пациентов. Пациенты основной группы (n=124) получали "
    "препарат, пациенты контрольной группы (n=121) — только стандартную терапию.\n"
    "Результаты. Выздоровление достигнуто у 98 (79,0%) пациентов основной группы и у 81 "
    "(66,9%) пациента контрольной группы (p=0,033). Перевод в ОРИТ потребовался 7 (5,6%) и "
    "15 (12,4%) больным соответственно."
)


def test_russian_arms_after_their_counts_and_listed_respectively():
    # a sentence that opens with a Cyrillic capital starts a sentence; "основной группы" (of
    # the main group) is the arm, "соответственно" is "respectively"
    rows = stats(RUSSIAN)
    sizes = [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size"]
    assert sizes == [(124, "основной"), (121, "контрольной")]
    counts = [(r["source_text"], r["arm"], r["denominator"]) for r in rows if r["kind"] == "count"]
    assert counts == [
        ("98 (79,0%)", "основной", 124),
        ("81 (66,9%)", "контрольной", 121),
        ("7 (5,6%)", "основной", 124),
        ("15 (12,4%)", "контрольной", 121),
    ]


def test_indonesian_counts_of_people_and_intervals():
    text = (
        "Mortalitas 28 hari sebesar 16 dari 150 pasien (10,7%) dan 31 dari 148 pasien (20,9%) "
        "(RR 0,51; IK 95% 0,29–0,89; p = 0,015)."
    )
    counts = [(r["numerator"], r["denominator"], r["percent"]) for r in of_kind(text, "count")]
    assert counts == [(16, 150, 10.7), (31, 148, 20.9)]
    ratio = one(text, "ratio")
    assert (ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (0.51, 0.29, 0.89)


@pytest.mark.parametrize(
    ("text", "timepoint"),
    [
        ("Выздоровление на 14-е сутки достигнуто у 98 (79,0%) пациентов.", "day 14"),
        ("Mortalitas 28 hari sebesar 16 dari 150 pasien (10,7%).", "day 28"),
    ],
)
def test_russian_and_indonesian_time_points(text, timepoint):
    assert one(text, "count")["timepoint"] == timepoint


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        (
            "Mortalitas 28 hari pada kelompok intervensi sebesar 16 dari 150 pasien (10,7%).",
            "Mortalitas",
        ),
        (
            "Kebutuhan ventilasi mekanik invasif terjadi pada 12 (8,0%) vs. 20 (13,5%) pasien.",
            "Kebutuhan ventilasi mekanik invasif",
        ),
        (
            "Нежелательные явления зарегистрированы у 19 (15,3%) и 17 (14,0%) пациентов.",
            "Нежелательные явления",
        ),
        (
            "Клиническое выздоровление на 14-е сутки достигнуто у 98 (79,0%) пациентов.",
            "Клиническое выздоровление",
        ),
    ],
)
def test_the_opening_words_of_a_sentence_in_another_language_name_its_outcome(sentence, outcome):
    assert {r["outcome"] for r in stats(sentence) if r["kind"] == "count"} == {outcome}


@pytest.mark.parametrize(
    "sentence",
    [
        "Early neurological improvement at 24 h 143/410 (34.9) 118/403 (29.3)",
        "This episode is brought to you by 12 listeners",
        "Mortalitas 28 hari pada kelompok intervensi was 16 of 150",
    ],
)
def test_a_sentence_in_english_or_no_known_language_has_no_foreign_opening(sentence):  # guard
    value = next(m.start() for m in re.finditer(r"\d{2}", sentence))
    assert context.foreign_opening(sentence, (0, len(sentence)), value) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Различия считали статистически значимыми при p<0,05.",
        "Perbedaan dianggap bermakna bila p<0,05.",
        "Een p<0,05 werd als significant beschouwd.",
        "Ein p<0,05 wurde als signifikant gewertet.",
        "Se consideró significativo un valor de p<0,05.",
    ],
)
def test_a_significance_threshold_in_another_language_is_no_result(sentence):
    assert [r for r in stats(sentence) if r["kind"] == "p_value"] == []


@pytest.mark.parametrize(
    ("text", "n", "population"),
    [
        ("Risultati. Sono stati arruolati 190 pazienti (crioablazione, n = 96).", 190, "enrolled"),
        ("Αναλύθηκαν 125 ασθενείς (ρεμποτίδη n=64, εικονικό φάρμακο n=61).", 125, "analysed"),
        ("Thử nghiệm lâm sàng ngẫu nhiên có đối chứng trên 120 trẻ bị tiêu chảy cấp.", 120,
         "randomized"),
    ],
)  # fmt: skip
def test_the_sample_of_an_italian_greek_or_vietnamese_report(text, n, population):
    sizes = [(r["value"], r["population"]) for r in stats(text) if r["kind"] == "sample_size"]
    assert sizes == [(n, population)]


def test_arms_named_in_greek_before_their_sizes_and_a_greek_iqr():
    text = (
        "Αναλύθηκαν 125 ασθενείς (ρεμποτίδη n=64, εικονικό φάρμακο n=61). Ο χρόνος ήταν 54,5 "
        "(ΕΤΕ 40,0–69,3) ώρες στην ομάδα της ρεμποτίδης έναντι 72,0 (55,0–91,0) ωρών (p<0,001)."
    )
    rows = stats(text)
    arms = [(r["value"], r["arm"]) for r in rows if r["kind"] == "arm_size"]
    assert arms == [(64, "ρεμποτίδη"), (61, "εικονικό φάρμακο")]
    medians = [
        (r["value"], r["spread_kind"], r["spread_low"]) for r in rows if r["kind"] == "median"
    ]
    assert medians[0] == (54.5, "iqr", 40.0)


def test_an_italian_count_with_its_noun_before_its_percentage():
    rows = stats("La recidiva si è verificata in 24/96 pazienti (25,0%) del gruppo crioablazione.")
    counts = [
        (r["numerator"], r["denominator"], r["percent"]) for r in rows if r["kind"] == "count"
    ]
    assert counts == [(24, 96, 25.0)]
    assert [r for r in rows if r["kind"] == "percentage"] == []


# Swedish, Romanian and Finnish abstracts (the seventh held-out batch's dev half): ratio names,
# interval labels ("95 % KI", "IÎ 95%", "95 %:n LV"), "till" between limits, people words,
# "din" for "of", "respektive" for "respectively", time units.
NORDIC_AND_ROMANIAN = [
    ("Återfall (riskkvot 0,80; 95 % KI 0,66–0,98; p = 0,030).", "ratio", "RR", 0.80, 0.66, 0.98),
    ("Skov (frekvenskvot 0,76; 95 % KI 0,62–0,93).", "ratio", "IRR", 0.76, 0.62, 0.93),
    ("FEV1 (medelskillnad 44 ml; 95 % KI 17 till 71; p = 0,001).", "difference", "", 44, 17, 71),
    ("Vasteen (vetosuhde 2,37; 95 %:n LV 1,31–4,31; p = 0,005).", "ratio", "OR", 2.37, 1.31, 4.31),
    ("(hazard ratio [HR] 1,34; IÎ 95%: 1,02–1,76; p = 0,035)", "ratio", "HR", 1.34, 1.02, 1.76),
    (
        "(diferența mediilor 29,3 ng/ml; IÎ 95%: 26,1–32,5).",
        "difference",
        "",
        29.3,
        26.1,
        32.5,
    ),
]


@pytest.mark.parametrize(("text", "kind", "measure", "value", "low", "high"), NORDIC_AND_ROMANIAN)
def test_swedish_finnish_and_romanian_estimates_with_their_intervals(
    text, kind, measure, value, low, high
):
    row = one(text + COMMAS, kind)
    assert (row["value"], row["ci_low"], row["ci_high"]) == (value, low, high)
    if measure:
        assert row["measure"] == measure
    assert not of_kind(text + COMMAS, "percentage"), "an interval's level is no result"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        (
            "Resultat: Totalt randomiserades 486 patienter (tarvalimod n = 244, placebo n = 242).",
            486,
        ),
        ("Rezultate: Au fost randomizați 208 pacienți, dintre care 196 au fost analizați.", 208),
        ("Tulokset: Satunnaistetuista 300 potilaasta 84 % oli naisia.", 300),
    ],
)
def test_a_sample_randomized_in_swedish_romanian_or_finnish(text, size):
    sizes = [s for s in of_kind(text, "sample_size") if s["value"] == size]
    assert [s["population"] for s in sizes] == ["randomized"]


def test_romanian_counts_out_of_their_denominator():
    text = (
        "Conversia s-a produs la 71 din 99 de pacienți (71,7%) și la 58 din 97 (59,8%) (p = 0,08)."
    )
    counts = [(c["numerator"], c["denominator"], c["percent"]) for c in of_kind(text, "count")]
    assert counts == [(71, 99, 71.7), (58, 97, 59.8)]


def test_swedish_respektive_gives_counts_their_arms_in_order():
    text = (
        "Totalt randomiserades 486 patienter (tarvalimod n = 244, placebo n = 242). Allvarliga "
        "biverkningar rapporterades hos 31 patienter (12,7 %) respektive 36 patienter (14,9 %)."
    )
    counts = [(c["numerator"], c["denominator"], c["arm"]) for c in of_kind(text, "count")]
    assert counts == [(31, 244, "tarvalimod"), (36, 242, "placebo")]


def test_medians_in_days_in_swedish_and_romanian():
    swedish = "Mediantiden var 147 dagar (IQR 68–251) respektive 112 dagar (IQR 51–219)."
    assert [
        (m["value"], m["spread_low"], m["spread_high"]) for m in of_kind(swedish, "median")
    ] == [
        (147, 68, 251),
        (112, 51, 219),
    ]
    romanian = "Timpul median a fost de 36 de zile (IIQ 28–49) față de 42 de zile (IIQ 30–63)."
    rows = of_kind(romanian, "median")
    assert [(m["value"], m["spread_kind"]) for m in rows] == [(36, "iqr"), (42, "iqr")]


def test_a_dose_names_its_arm_in_a_list_of_sizes():
    text = "Of 300 randomized patients (50 mg: n = 101; 100 mg: n = 99; placebo: n = 100)."
    sizes = [(s["arm"], s["value"]) for s in of_kind(text, "arm_size")]
    assert sizes == [("50 mg", 101), ("100 mg", 99), ("placebo", 100)]


@pytest.mark.parametrize(
    ("text", "arms"),
    [
        (
            "Exacerbation hos 98/244 (40,2 %) i tarvalimodgruppen och hos 121/242 (50,0 %) i "
            "placebogruppen.",
            ["tarvalimod", "placebo"],
        ),
        (
            "Conversia la 71 din 99 (71,7%) din grupul colecalciferol și la 58 din 97 (59,8%) "
            "din grupul placebo.",
            ["colecalciferol", "placebo"],
        ),
    ],
)
def test_swedish_and_romanian_groups_name_the_arm_of_a_count(text, arms):
    assert [c["arm"] for c in of_kind(text, "count")] == arms


# Hebrew (right to left, Arabic digits): hazard ratio, confidence interval, mean difference and
# the group that names an arm.
HEBREW = (
    "אשפוז חוזר אירע אצל 36 מטופלים (17.0%) בקבוצת ההתערבות ואצל 55 מטופלים (26.4%) בקבוצת "
    "הביקורת (יחס סיכונים 0.63; רווח סמך 95%: 0.42–0.94; p=0.024). מרחק ההליכה עלה (הפרש "
    "ממוצע 26 מטרים; רווח סמך 95%: 14.6–37.4; p<0.001)."
)


def test_hebrew_ratio_and_difference_with_their_intervals():
    ratio = one(HEBREW, "ratio")
    assert (ratio["measure"], ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (
        "HR",
        0.63,
        0.42,
        0.94,
    )
    difference = one(HEBREW, "difference")
    assert (difference["value"], difference["ci_low"], difference["ci_high"]) == (26, 14.6, 37.4)
    assert not of_kind(HEBREW, "percentage"), "the interval's level is no result"


def test_hebrew_group_names_the_arm_of_a_count():
    counts = [(c["numerator"], c["percent"], c["arm"]) for c in of_kind(HEBREW, "count")]
    assert counts == [(36, 17.0, "ההתערבות"), (55, 26.4, "הביקורת")]


# Arm sizes in the bracket after a total, each followed by its group (Romanian, Hebrew), so the
# counts of those groups take them as denominators.
@pytest.mark.parametrize(
    ("text", "sizes", "total"),
    [
        (
            "Au fost randomizați 150 de pacienți (76 în grupul zinc și 74 în grupul placebo). "
            "Vindecarea s-a produs la 40 din 76 (52,6%) din grupul zinc.",
            [(76, "zinc"), (74, "placebo")],
            150,
        ),
        (
            "נכללו 300 מטופלים (152 בקבוצת ההתערבות ו-148 בקבוצת הביקורת). נפילה דווחה אצל 3 "
            "מטופלים.",
            [(152, "ההתערבות"), (148, "הביקורת")],
            300,
        ),
    ],
)
def test_group_sizes_in_a_bracket_after_the_total(text, sizes, total):
    assert [(r["value"], r["arm"]) for r in of_kind(text, "arm_size")] == sizes
    assert [r["value"] for r in of_kind(text, "sample_size")] == [total]  # not "3 patients"
    assert [c["verdict"] for c in checks_named(text, "total_vs_arm_sizes")] == ["consistent"]


def test_a_count_with_its_percentage_before_a_group_is_no_size():
    text = "נכללו 300 מטופלים. אשפוז אירע אצל 36 (17.0%) בקבוצת ההתערבות."
    assert not of_kind(text, "arm_size")


def test_hebrew_sizes_give_the_counts_of_their_groups_a_denominator():
    text = (
        "נכללו 420 מטופלים (212 בקבוצת ההתערבות ו-208 בקבוצת הביקורת). אשפוז חוזר אירע אצל 36 "
        "מטופלים (17.0%) בקבוצת ההתערבות ואצל 55 מטופלים (26.4%) בקבוצת הביקורת."
    )
    assert [(c["denominator"], c["arm"]) for c in of_kind(text, "count")] == [
        (212, "ההתערבות"),
        (208, "הביקורת"),
    ]
    verdicts = [
        c["verdict"] for c in checks_named(text.replace("26.4%", "24.6%"), "percent_vs_count")
    ]
    assert verdicts == ["consistent", "inconsistent"]


# Finnish: "the difference was 19.5 percentage points (95% confidence interval 6.4-32.5)";
# "at least 50 %" is a threshold.
FINNISH = (
    "Vähintään 50 %:n vasteen saavutti 45/99 (45,5 %) ja 26/100 (26,0 %) potilasta. Ryhmien "
    "välinen ero oli 19,5 prosenttiyksikköä (95 %:n luottamusväli 6,4–32,5)."
)


def test_a_finnish_difference_in_percentage_points_with_its_interval():
    difference = one(FINNISH, "difference")
    assert (difference["measure"], difference["value"], difference["ci_low"]) == (
        "risk difference",
        19.5,
        6.4,
    )
    assert difference["ci_high"] == 32.5
    assert [r["value"] for r in of_kind(FINNISH, "percentage")] == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "Se aleatorizaron 200 pacientes (MSC n=101; placebo n=99). Fallecieron 10 de 101 "
            "pacientes en el grupo MSC y 18 de 99 en el grupo placebo (p = 0,09).",
            [("10 de 101", 10, 101), ("18 de 99", 18, 99)],
        ),
        (
            "Randomisiert wurden 200 Patienten (MSC n=101; Placebo n=99). Verstorben sind 10 von "
            "101 Patienten der MSC-Gruppe und 18 von 99 der Placebogruppe (p = 0,09).",
            [("10 von 101", 10, 101), ("18 von 99", 18, 99)],
        ),
    ],
)
def test_counts_without_a_percentage_in_spanish_and_german(text, counts):
    # p = 0.09 of 10/101 vs 18/99: R chisq.test(correct = FALSE) 0.09152216
    found = [(r["source_text"], r["numerator"], r["denominator"]) for r in of_kind(text, "count")]
    assert found == counts
    (row,) = checks_named(text, "p_vs_counts")
    assert row["verdict"] == "consistent"


def test_an_indonesian_arm_named_before_its_count():
    text = (
        "Hasil: Sebanyak 96 pasien dianalisis (kelompok intervensi n = 48; kelompok kontrol "
        "n = 48). Mortalitas 28 hari pada kelompok intervensi sebesar 8 dari 48 pasien (16,7%) "
        "dan pada kelompok kontrol 15 dari 48 pasien (31,3%) (RR 0,53; IK 95% 0,25–1,14; "
        "p = 0,09)."
    )
    assert [c["arm"] for c in of_kind(text, "count")] == ["kelompok intervensi", "kelompok kontrol"]
    # the two counts now make a 2x2 table for the ratio
    assert [r["verdict"] for r in checks_named(text, "ratio_vs_counts")] == ["consistent"]


@pytest.mark.parametrize(
    "text",
    [
        "La durée médiane d'hospitalisation était de 8 jours (EIQ 6-11) contre 10 jours (EIQ "
        "7-14).",
        "La mediana de estancia fue de 8 días (RIC 6-11) frente a 10 días (RIC 7-14).",
        "Die mediane Liegedauer betrug 8 Tage (IQR 6-11) vs. 10 Tage (IQR 7-14).",
    ],
)
def test_medians_with_their_interquartile_ranges_in_french_spanish_and_german(text):
    rows = [(r["value"], r["spread_kind"], r["spread_low"], r["spread_high"]) for r in stats(text)]
    assert rows == [(8, "iqr", 6, 11), (10, "iqr", 7, 14)]
    assert {r["kind"] for r in stats(text)} == {"median"}
